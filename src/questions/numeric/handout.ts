/**
 * Pure: no DOM, no framework, no zod.
 *
 * `numeric` outside the site: a line to write the number on, with its unit.
 */
import type { QuestionHandout } from '../contract.ts';

export const numericHandout: QuestionHandout<'numeric'> = {
  anki: (question) =>
    question.unit === undefined ? { blocks: [] } : { instruction: question.unit, blocks: [] },
  worksheet: (question) => ({
    blocks: [{ kind: 'para', text: `Answer: ______________________ ${question.unit ?? ''}` }],
  }),
  countedOptions: () => null,
};
