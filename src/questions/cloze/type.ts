/**
 * Pure: no DOM, no framework, no zod.
 *
 * `cloze` on a quiz card: one input per blank; the response maps blank id → typed text. The blanks
 * sit inside the passage, so their notes are listed under it rather than beside each blank.
 */
import type { QuestionBehaviour } from '../contract.ts';
import { hasFilledEntry, stringRecordOf } from '../grading.ts';
import { blankNumbers, describeCloze, gradeCloze, keyCloze } from './grade.ts';

export const clozeBehaviour: QuestionBehaviour<'cloze'> = {
  label: 'Fill in the blanks',
  grade: gradeCloze,
  key: keyCloze,
  describe: describeCloze,
  displayOrder: () => [],
  coerce: (question, value) =>
    stringRecordOf(
      value,
      question.blanks.map((blank) => blank.id),
    ),
  isAnswered: (_question, response) => hasFilledEntry(response),
  unanswered: 'Fill in at least one blank first.',
  partWords: (question, part) => ({
    label: `Blank ${blankNumbers(question.text).get(part.id) ?? 0}`,
    status: part.correct ? 'Correct' : 'Incorrect',
  }),
  slowSeconds: 60,
  // The view puts each blank's verdict right after it; a summary list under the verdict said it twice.
  partsBeside: true,
};
