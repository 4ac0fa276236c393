/**
 * Pure: no DOM, no framework, no zod.
 *
 * `numeric` on a quiz card: the response is what the learner typed (parsed when graded).
 */
import type { QuestionBehaviour } from '../contract.ts';
import { describeNumeric, gradeNumeric, keyNumeric } from './grade.ts';

export const numericBehaviour: QuestionBehaviour<'numeric'> = {
  label: 'Number',
  grade: gradeNumeric,
  key: keyNumeric,
  describe: describeNumeric,
  displayOrder: () => [],
  coerce: (_question, value) => (typeof value === 'string' ? value : undefined),
  isAnswered: (_question, response) => typeof response === 'string' && response.trim() !== '',
  unanswered: 'Type a number first.',
  partWords: (_question, part) => ({ label: 'Your answer', status: part.correct ? 'Correct' : 'Incorrect' }),
  slowSeconds: 45,
  partsBeside: true,
};
