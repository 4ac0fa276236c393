/**
 * Pure: no DOM, no framework, no zod.
 *
 * `text` outside the site: a line to write the answer on.
 */
import type { QuestionHandout } from '../contract.ts';

export const textHandout: QuestionHandout<'text'> = {
  anki: () => ({ blocks: [] }),
  worksheet: () => ({ blocks: [{ kind: 'para', text: 'Answer: ______________________ ' }] }),
  countedOptions: () => null,
};
