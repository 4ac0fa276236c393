/**
 * Pure: no DOM, no framework, no zod.
 *
 * `ordering` in public (see ../public.ts): the items are authored in the correct order, so the
 * public question lists them in an order unrelated to the key (`orderByHash`) and renames them
 * `_1`, `_2`, … in that order; neither the list nor an id tells the answer. `fromPublic` maps the ids
 * back; an authored id never starts with "_", so a response to the full question passes unchanged.
 */
import { idsByText, type PublicOf } from '../public.ts';
import type { QuestionOf } from '../index.ts';

type Q = QuestionOf<'ordering'>;

const publicIds = (q: Q): string[] =>
  idsByText(
    q.items.map((item) => item.text),
    '_',
  );

export const orderingPublic: PublicOf<Q> = {
  fields: (q) => {
    const ids = publicIds(q);
    return {
      items: q.items
        .map((item, index) => ({ id: ids[index] as string, text: item.text }))
        .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))),
    };
  },
  fromPublic: (q, response) => {
    if (!Array.isArray(response)) return response;
    const ids = publicIds(q);
    const real = new Map(ids.map((id, index) => [id, q.items[index]?.id]));
    return response.map((id: unknown) => (typeof id === 'string' ? (real.get(id) ?? id) : id));
  },
};
