/**
 * Pure: no DOM, no framework, no zod.
 *
 * `text` on a quiz card: the response is what the learner typed.
 */
import type { QuestionBehaviour } from '../contract.ts';
import { describeText, gradeText, keyText } from './grade.ts';

export const textBehaviour: QuestionBehaviour<'text'> = {
  label: 'Short answer',
  grade: gradeText,
  key: keyText,
  describe: describeText,
  displayOrder: () => [],
  coerce: (_question, value) => (typeof value === 'string' ? value : undefined),
  isAnswered: (_question, response) => typeof response === 'string' && response.trim() !== '',
  unanswered: 'Type an answer first.',
  partWords: (_question, part) => ({ label: 'Your answer', status: part.correct ? 'Correct' : 'Incorrect' }),
  slowSeconds: 60,
  partsBeside: true,
};
