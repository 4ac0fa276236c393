/**
 * `/assignment/questions/<lesson>.json`: one lesson's share of the question bank, in the same
 * `BankData` format as `/assignment/questions.json` (that lesson's questions, every lesson and
 * module), so the assignment page downloads only the lessons its assignment uses. See
 * src/lib/assign/bank-split.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBankData } from '../../../data/bank.ts';
import type { BankData } from '../../../lib/assign/bank-data.ts';
import { splitBank } from '../../../lib/assign/bank-split.ts';

export const getStaticPaths = (async () => {
  const parts = splitBank(await getBankData());
  // `index.json` is the index of this folder (index.json.ts): a lesson of that name would be hidden.
  if (parts.some(({ lesson }) => lesson === 'index')) {
    throw new Error('assignment: a lesson named "index" clashes with /assignment/questions/index.json');
  }
  return parts.map(({ lesson, bank }) => ({ params: { lesson }, props: { bank } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.bank as BankData), { headers: { 'Content-Type': 'application/json' } });
