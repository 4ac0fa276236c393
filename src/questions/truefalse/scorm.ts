/**
 * Pure: no DOM, no framework, no zod. Browser-safe: the SCORM package's player loads it.
 *
 * `truefalse` as a SCORM 1.2 interaction (see `src/lib/export/scorm.ts`): `true-false`, `t` or `f`.
 */
import type { ScormWriter } from '../../lib/export/scorm.ts';
import type { TruefalseQuestion } from './schema.ts';

export const truefalseScorm: ScormWriter<TruefalseQuestion> = {
  type: 'true-false',
  correct: (q) => [q.answer ? 't' : 'f'],
  response: (_q, response) => (typeof response === 'boolean' ? (response ? 't' : 'f') : undefined),
};
