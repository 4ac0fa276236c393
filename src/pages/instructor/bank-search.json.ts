/**
 * `/instructor/bank-search.json`: each question's explanation and evidence quote, in the order of
 * `/instructor/bank.json`, which the bank browser fetches when the instructor first searches.
 */
import type { APIRoute } from 'astro';
import { getBankSearch } from '../../data/instructor-bank.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getBankSearch()), { headers: { 'Content-Type': 'application/json' } });
