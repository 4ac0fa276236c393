/**
 * Pure: no DOM, no framework, no zod. Browser-safe: the SCORM package's player loads it.
 *
 * `multiple` as a SCORM 1.2 interaction (see `src/lib/export/scorm.ts`): `choice`, options as their authored
 * position (`a`, `b`, …); the key is the set of every right option, `{a,c}`.
 */
import { scormLetter, type ScormWriter } from '../../lib/export/scorm.ts';
import type { MultipleQuestion } from './schema.ts';

/** SCORM choice characters (authored positions) of `ids`, in authored order; undefined if one is unknown. */
const choicesOf = (q: MultipleQuestion, ids: readonly string[]): string | undefined => {
  const positions = ids.map((id) => q.options.findIndex((o) => o.id === id));
  if (positions.some((p) => p < 0)) return undefined;
  return [...new Set(positions)]
    .sort((a, b) => a - b)
    .map(scormLetter)
    .join(',');
};

export const multipleScorm: ScormWriter<MultipleQuestion> = {
  type: 'choice',
  correct: (q) => [`{${choicesOf(q, q.answers) ?? ''}}`],
  response: (q, response) =>
    Array.isArray(response) && response.every((id) => typeof id === 'string')
      ? choicesOf(q, response as string[])
      : undefined,
};
