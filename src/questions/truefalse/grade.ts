/**
 * Pure: no DOM, no framework.
 *
 * Grades a `truefalse` question: 1 or 0. One part, id `true` or `false` (the
 * value picked), carrying `feedbackTrue` / `feedbackFalse`.
 */
import { malformed, part } from '../grading.ts';
import type { GradeResult } from '../grading.ts';
import type { TruefalseQuestion, TruefalseResponse } from './schema.ts';

export function gradeTruefalse(question: TruefalseQuestion, response: unknown): GradeResult {
  if (typeof response !== 'boolean') return malformed('Expected true or false');
  const correct = response === question.answer;
  const feedback = response ? question.feedbackTrue : question.feedbackFalse;
  return { score: correct ? 1 : 0, correct, parts: [part(String(response), correct, feedback)] };
}

/** The correct response. */
export function keyTruefalse(question: TruefalseQuestion): TruefalseResponse {
  return question.answer;
}

/** "True" or "False". */
export function describeTruefalse(question: TruefalseQuestion): string {
  return question.answer ? 'True' : 'False';
}
