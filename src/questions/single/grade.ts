/**
 * Pure: no DOM, no framework.
 *
 * Grades a `single` question: score 1 for the key, 0 otherwise. Parts: the
 * picked option and, when it is wrong, the key option — each with its feedback.
 */
import type { GradeResult } from '../grading.ts';
import { describeOptions, malformed, part } from '../grading.ts';
import type { SingleQuestion, SingleResponse } from './schema.ts';

export function gradeSingle(question: SingleQuestion, response: unknown): GradeResult {
  if (typeof response !== 'string') return malformed('Expected one option id');
  if (!question.options.some((option) => option.id === response)) {
    return malformed('Not one of the options');
  }
  const correct = response === question.answer;
  const parts = question.options
    .filter((option) => option.id === response || option.id === question.answer)
    .map((option) => part(option.id, option.id === response && correct, option.feedback));
  return { score: correct ? 1 : 0, correct, parts };
}

/** The correct response: the key option id. */
export function keySingle(question: SingleQuestion): SingleResponse {
  return question.answer;
}

/** "B. Telegram" — letter by position in `order` (display order of option ids) or, without it, authored order. */
export function describeSingle(question: SingleQuestion, order?: readonly string[]): string {
  return describeOptions(question.options, [question.answer], order);
}
