/**
 * `/instructor/bank.json`: the index the bank browser filters (every question's prompt, lesson,
 * type, level, objective, draft or final, practice or assessment), without keys or feedback. See
 * src/data/instructor-bank.ts.
 */
import type { APIRoute } from 'astro';
import { getBankIndex } from '../../data/instructor-bank.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getBankIndex()), { headers: { 'Content-Type': 'application/json' } });
