/**
 * Pure: no DOM, no framework.
 *
 * Grades a `multiple` question with partial credit:
 * score = max(0, (right picks − wrong picks) / number of correct options);
 * `correct` only when exactly the key set is picked. Repeated ids in the
 * response count once. Parts: every option picked or in the key, in authored
 * order, each with its own feedback (`correct` = picked iff in the key).
 */
import { clampScore, describeOptions, isStringArray, malformed, part } from '../grading.ts';
import type { GradeResult } from '../grading.ts';
import type { MultipleQuestion, MultipleResponse } from './schema.ts';

export function gradeMultiple(question: MultipleQuestion, response: unknown): GradeResult {
  if (!isStringArray(response)) return malformed('Expected a list of option ids');
  const ids = new Set(question.options.map((option) => option.id));
  if (response.some((id) => !ids.has(id))) return malformed('Not one of the options');

  const picked = new Set(response);
  const key = new Set(question.answers);
  let right = 0;
  let wrong = 0;
  for (const id of picked) {
    if (key.has(id)) right++;
    else wrong++;
  }
  const correct = right === key.size && wrong === 0;
  const parts = question.options
    .filter((option) => picked.has(option.id) || key.has(option.id))
    .map((option) => part(option.id, picked.has(option.id) && key.has(option.id), option.feedback));
  return { score: correct ? 1 : clampScore((right - wrong) / key.size), correct, parts };
}

/** The correct response: the key option ids, in authored option order. */
export function keyMultiple(question: MultipleQuestion): MultipleResponse {
  const key = new Set(question.answers);
  return question.options.filter((option) => key.has(option.id)).map((option) => option.id);
}

/** "A. Telegram; C. Twitter" — letters as for `describeSingle`. */
export function describeMultiple(question: MultipleQuestion, order?: readonly string[]): string {
  return describeOptions(question.options, question.answers, order);
}
