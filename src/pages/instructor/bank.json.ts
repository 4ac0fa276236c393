/**
 * `/instructor/bank.json`: the index the bank browser filters (every question's prompt, lesson,
 * type, level, objective, draft or final, practice or assessment), one compact row per question,
 * without keys or feedback. See src/data/instructor-bank.ts and src/lib/instructor/bank-index.ts.
 */
import type { APIRoute } from 'astro';
import { getBankIndex } from '../../data/instructor-bank.ts';
import { encodeBankIndex } from '../../lib/instructor/bank-index.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(encodeBankIndex(await getBankIndex())), {
    headers: { 'Content-Type': 'application/json' },
  });
