/**
 * Pure: no DOM, no framework, no zod.
 *
 * `single` on a quiz card: graded by `grade.ts`, options shown shuffled, the response is the picked
 * option id.
 */
import type { QuestionBehaviour } from '../contract.ts';
import { isPicked, optionPartWords } from '../grading.ts';
import { describeSingle, gradeSingle, keySingle } from './grade.ts';

export const singleBehaviour: QuestionBehaviour<'single'> = {
  label: 'Multiple choice',
  grade: gradeSingle,
  key: keySingle,
  describe: describeSingle,
  displayOrder: (question, shuffle) => shuffle(question.options.map((option) => option.id)),
  coerce: (question, value) =>
    typeof value === 'string' && question.options.some((o) => o.id === value) ? value : undefined,
  isAnswered: (_question, response) => typeof response === 'string' && response.trim() !== '',
  unanswered: 'Choose an answer first.',
  partWords: (question, part, response) =>
    optionPartWords(question.options, question.answer === part.id, isPicked(response, part.id), part.id, {
      wrong: 'Incorrect',
      missed: 'This is the answer',
    }),
  slowSeconds: 30,
  partsBeside: true,
};
