/**
 * `/assignment/questions/index.json`: which lesson each question of the bank belongs to, so the
 * assignment page knows which lesson files (`[lesson].json.ts`) to fetch for its question ids. See
 * src/lib/assign/bank-split.ts.
 */
import type { APIRoute } from 'astro';
import { getBankData } from '../../../data/bank.ts';
import { bankIndex } from '../../../lib/assign/bank-split.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(bankIndex(await getBankData())), {
    headers: { 'Content-Type': 'application/json' },
  });
