/**
 * Pure: no DOM, no framework, no zod.
 *
 * `multiple` on a quiz card: options shown shuffled, the response is the ticked option ids (each
 * once).
 */
import type { QuestionBehaviour } from '../contract.ts';
import { isPicked, optionPartWords } from '../grading.ts';
import { describeMultiple, gradeMultiple, keyMultiple } from './grade.ts';

export const multipleBehaviour: QuestionBehaviour<'multiple'> = {
  label: 'Multiple answers',
  grade: gradeMultiple,
  key: keyMultiple,
  describe: describeMultiple,
  displayOrder: (question, shuffle) => shuffle(question.options.map((option) => option.id)),
  coerce: (question, value) => {
    const ids = new Set(question.options.map((o) => o.id));
    return Array.isArray(value) && value.every((id) => typeof id === 'string' && ids.has(id))
      ? [...new Set(value as string[])]
      : undefined;
  },
  isAnswered: (_question, response) => Array.isArray(response) && response.length > 0,
  unanswered: 'Select at least one option first.',
  partWords: (question, part, response) =>
    optionPartWords(
      question.options,
      question.answers.includes(part.id),
      isPicked(response, part.id),
      part.id,
      { wrong: 'Should not be selected', missed: 'Missed: this is also right' },
    ),
  slowSeconds: 30,
  partsBeside: true,
};
