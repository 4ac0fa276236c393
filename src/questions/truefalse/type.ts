/**
 * Pure: no DOM, no framework, no zod.
 *
 * `truefalse` on a quiz card: two fixed choices, the response is a boolean.
 */
import type { QuestionBehaviour } from '../contract.ts';
import { describeTruefalse, gradeTruefalse, keyTruefalse } from './grade.ts';

export const truefalseBehaviour: QuestionBehaviour<'truefalse'> = {
  label: 'True or false',
  grade: gradeTruefalse,
  key: keyTruefalse,
  describe: describeTruefalse,
  displayOrder: () => [],
  coerce: (_question, value) => (typeof value === 'boolean' ? value : undefined),
  isAnswered: (_question, response) => typeof response === 'boolean',
  unanswered: 'Choose an answer first.',
  partWords: (_question, part) => ({
    label: part.id === 'true' ? 'True' : 'False',
    status: part.correct ? 'Correct' : 'Incorrect',
  }),
  slowSeconds: 30,
  partsBeside: true,
};
