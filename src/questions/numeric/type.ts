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
  // The view keeps what was typed; a number (the key, an imported answer) is shown as typed digits.
  coerce: (_question, value) =>
    typeof value === 'string'
      ? value
      : typeof value === 'number' && Number.isFinite(value)
        ? String(value)
        : undefined,
  isAnswered: (_question, response) => typeof response === 'string' && response.trim() !== '',
  unanswered: 'Type a number first.',
  partWords: (_question, part) => ({ label: 'Your answer', status: part.correct ? 'Correct' : 'Incorrect' }),
  slowSeconds: 45,
  partsBeside: true,
};
