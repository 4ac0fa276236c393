/**
 * `/assignment/public/<lesson>.json`, `…/index.json` and `…/all.json`: the public bank (practice
 * and secret-pool items as public questions, no keys: src/data/secret.ts), split by lesson as the
 * keyed bank is (src/lib/assign/bank-split.ts). The page of an assignment whose review is "after
 * due" or "never" reads only these.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublicBankData } from '../../../data/secret.ts';
import { bankIndex, splitBank } from '../../../lib/assign/bank-split.ts';

export const getStaticPaths = (async () => {
  const bank = await getPublicBankData();
  const parts = splitBank(bank);
  const clash = parts.find(({ lesson }) => lesson === 'index' || lesson === 'all');
  if (clash)
    throw new Error(
      `assignment: a lesson named "${clash.lesson}" clashes with /assignment/public/${clash.lesson}.json`,
    );
  return [
    ...parts.map(({ lesson, bank: part }) => ({ params: { lesson }, props: { body: part as unknown } })),
    { params: { lesson: 'index' }, props: { body: bankIndex(bank) } },
    { params: { lesson: 'all' }, props: { body: bank } },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.body), { headers: { 'Content-Type': 'application/json' } });
