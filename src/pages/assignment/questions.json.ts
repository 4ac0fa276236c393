/**
 * The question bank for the browser (see src/lib/assign/bank-data.ts), written at build time. The
 * assignment builder and the submission review page fetch it; the assignment page fetches only the
 * lesson files it needs (`questions/[lesson].json.ts`) and falls back to this one. It holds the
 * answer keys: a site with no server cannot keep them from a determined student.
 */
import type { APIRoute } from 'astro';
import { getBankData } from '../../data/bank.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getBankData()), { headers: { 'Content-Type': 'application/json' } });
