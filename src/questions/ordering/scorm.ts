/**
 * Pure: no DOM, no framework, no zod. Browser-safe: the SCORM package's player loads it.
 *
 * `ordering` as a SCORM 1.2 interaction (see `src/lib/export/scorm.ts`): `sequencing`, items as their authored
 * position (`a` is the first in the key), in the order given.
 */
import { scormLetter, type ScormWriter } from '../../lib/export/scorm.ts';
import type { OrderingQuestion } from './schema.ts';

/** SCORM sequencing characters of item `ids` (authored positions), or undefined if one is unknown. */
const sequenceOf = (q: OrderingQuestion, ids: readonly string[]): string | undefined => {
  const positions = ids.map((id) => q.items.findIndex((item) => item.id === id));
  return positions.some((p) => p < 0) ? undefined : positions.map(scormLetter).join(',');
};

export const orderingScorm: ScormWriter<OrderingQuestion> = {
  type: 'sequencing',
  correct: (q) => [
    sequenceOf(
      q,
      q.items.map((item) => item.id),
    ) ?? '',
  ],
  response: (q, response) =>
    Array.isArray(response) && response.every((id) => typeof id === 'string')
      ? sequenceOf(q, response as string[])
      : undefined,
};
