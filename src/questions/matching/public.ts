/**
 * Pure: no DOM, no framework, no zod.
 *
 * `matching` in public (see ../public.ts): a pair holds its left and its right together, and a
 * right's option id is its pair's id, so the public question breaks both links. Lefts keep their
 * order as `_1`, `_2`, … (authored ids never start with "_"); every right-hand text (the pairs' and the distractors') is put in an
 * order unrelated to the key (`orderByHash`), the first n are written as the pairs' rights and the rest as distractors. Option `_3` is
 * then "the third right-hand text", wherever it belongs. `fromPublic` maps both sides back.
 */
import { orderByHash, type PublicOf } from '../public.ts';
import type { QuestionOf } from '../index.ts';
import { rightOptions } from './grade.ts';

type Q = QuestionOf<'matching'>;

/** Every right-hand option of `q` (real id and text), in an order unrelated to the key. */
function sortedRights(q: Q): { id: string; text: string }[] {
  const rights = rightOptions(q);
  return orderByHash(rights.map((r) => r.text)).map((index) => rights[index] as { id: string; text: string });
}

/** Public option id of the right-hand option at `rank` (0-based) among `n` pairs. */
const optionId = (rank: number, n: number): string => (rank < n ? `_${rank + 1}` : `d${rank - n + 1}`);

export const matchingPublic: PublicOf<Q> = {
  fields: (q) => {
    const rights = sortedRights(q);
    const n = q.pairs.length;
    return {
      pairs: q.pairs.map((pair, index) => ({
        id: `_${index + 1}`,
        left: pair.left,
        right: rights[index]?.text ?? '',
      })),
      ...(rights.length > n ? { distractors: rights.slice(n).map((r) => r.text) } : {}),
    };
  },
  fromPublic: (q, response) => {
    if (typeof response !== 'object' || response === null || Array.isArray(response)) return response;
    const n = q.pairs.length;
    const lefts = new Map(q.pairs.map((pair, index) => [`_${index + 1}`, pair.id]));
    const rights = new Map(sortedRights(q).map((r, rank) => [optionId(rank, n), r.id]));
    return Object.fromEntries(
      Object.entries(response).map(([left, right]) =>
        // Only an entry under a public left (`_1`, …) is renamed: authored ids never start with "_".
        lefts.has(left)
          ? [lefts.get(left), typeof right === 'string' ? (rights.get(right) ?? right) : right]
          : [left, right],
      ),
    );
  },
};
