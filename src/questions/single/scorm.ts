/**
 * Pure: no DOM, no framework, no zod. Browser-safe: the SCORM package's player loads it.
 *
 * `single` as a SCORM 1.2 interaction (see `src/lib/export/scorm.ts`): `choice`, options as their authored position
 * (`a`, `b`, …).
 */
import { scormLetter, type ScormWriter } from '../../lib/export/scorm.ts';
import type { SingleQuestion } from './schema.ts';

/** The SCORM choice character of an option: its authored position. */
const choiceOf = (q: SingleQuestion, id: string): string | undefined => {
  const index = q.options.findIndex((o) => o.id === id);
  return index < 0 ? undefined : scormLetter(index);
};

export const singleScorm: ScormWriter<SingleQuestion> = {
  type: 'choice',
  correct: (q) => [choiceOf(q, q.answer) ?? ''],
  response: (q, response) => (typeof response === 'string' ? choiceOf(q, response) : undefined),
};
