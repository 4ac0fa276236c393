/**
 * Pure: no DOM, no framework, no zod.
 *
 * `numeric` outside the site: a line to write the number on, with its unit.
 */
import type { QuestionHandout } from '../contract.ts';
import { quoted } from '../grading.ts';

export const numericHandout: QuestionHandout<'numeric'> = {
  anki: (question) =>
    question.unit === undefined ? { blocks: [] } : { instruction: question.unit, blocks: [] },
  worksheet: (question) => ({
    blocks: [{ kind: 'para', text: `Answer: ______________________ ${question.unit ?? ''}` }],
  }),
  countedOptions: () => null,
  given: (_question, response) =>
    typeof response === 'number' && Number.isFinite(response)
      ? String(response)
      : typeof response === 'string'
        ? quoted(response)
        : null,
};
