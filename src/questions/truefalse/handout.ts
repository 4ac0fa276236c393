/**
 * Pure: no DOM, no framework, no zod.
 *
 * `truefalse` outside the site: "True / False" to tick; item analysis counts both answers.
 */
import type { QuestionHandout } from '../contract.ts';

export const truefalseHandout: QuestionHandout<'truefalse'> = {
  anki: (question) =>
    /true or false/i.test(question.prompt) ? { blocks: [] } : { instruction: 'True or false?', blocks: [] },
  worksheet: () => ({ blocks: [{ kind: 'para', text: '☐ True ☐ False' }] }),
  countedOptions: (question) => [
    { id: 'true', text: 'True', correct: question.answer, picked: (response) => response === true },
    { id: 'false', text: 'False', correct: !question.answer, picked: (response) => response === false },
  ],
  given: (_question, response) => (typeof response === 'boolean' ? (response ? 'True' : 'False') : null),
};
