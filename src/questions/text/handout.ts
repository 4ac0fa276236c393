/**
 * Pure: no DOM, no framework, no zod.
 *
 * `text` outside the site: a line to write the answer on.
 */
import type { QuestionHandout } from '../contract.ts';
import { quoted } from '../grading.ts';

export const textHandout: QuestionHandout<'text'> = {
  anki: () => ({ blocks: [] }),
  worksheet: () => ({ blocks: [{ kind: 'para', text: 'Answer: ______________________ ' }] }),
  countedOptions: () => null,
  given: (_question, response) => (typeof response === 'string' ? quoted(response) : null),
};
