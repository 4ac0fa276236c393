/**
 * Pure: no DOM, no framework, no zod. Browser-safe: the SCORM package's player loads it.
 *
 * `text` as a SCORM 1.2 interaction (see `src/lib/export/scorm.ts`): `fill-in`, the text as typed; every
 * accepted answer is a correct pattern.
 */
import { scormText, type ScormWriter } from '../../lib/export/scorm.ts';
import type { TextQuestion } from './schema.ts';

export const textScorm: ScormWriter<TextQuestion> = {
  type: 'fill-in',
  correct: (q) => q.accept.map(scormText),
  response: (_q, response) => (typeof response === 'string' ? scormText(response) : undefined),
};
