/**
 * Pure: no DOM, no framework, no zod.
 *
 * `matching` on a quiz card: lefts in authored order, right-hand options (distractors included)
 * shuffled; the response maps pair id → chosen option id.
 */
import type { QuestionBehaviour } from '../contract.ts';
import { hasFilledEntry, stringRecordOf } from '../grading.ts';
import { describeMatching, gradeMatching, keyMatching, rightOptions } from './grade.ts';

export const matchingBehaviour: QuestionBehaviour<'matching'> = {
  label: 'Matching',
  grade: gradeMatching,
  key: keyMatching,
  describe: describeMatching,
  displayOrder: (question, shuffle) => shuffle(rightOptions(question).map((option) => option.id)),
  coerce: (question, value) =>
    stringRecordOf(
      value,
      question.pairs.map((pair) => pair.id),
    ),
  isAnswered: (_question, response) => hasFilledEntry(response),
  unanswered: 'Match at least one item first.',
  partWords: (question, part) => ({
    label: question.pairs.find((p) => p.id === part.id)?.left ?? part.id,
    status: part.correct ? 'Correct match' : 'Incorrect match',
  }),
  slowSeconds: 60,
  partsBeside: true,
};
