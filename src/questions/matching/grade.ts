/**
 * Pure: no DOM, no framework.
 *
 * Grades a `matching` question: score = share of pairs whose left was matched
 * to its own right-hand option; `correct` when all are. A pair left out of the
 * response counts as wrong; an unknown pair id or right option id makes the
 * whole response malformed (score 0). Parts: one per pair.
 */
import { isRecord, malformed, part, unknownKeys } from '../grading.ts';
import type { GradeResult } from '../grading.ts';
import type { MatchingQuestion, MatchingResponse } from './schema.ts';

export function gradeMatching(question: MatchingQuestion, response: unknown): GradeResult {
  if (!isRecord(response)) return malformed('Expected an object mapping pair ids to option ids');
  const pairIds = new Set(question.pairs.map((pair) => pair.id));
  if (unknownKeys(response, pairIds).length > 0) return malformed('Unknown pair in response');
  const optionIds = new Set(rightOptions(question).map((option) => option.id));
  for (const value of Object.values(response)) {
    if (typeof value !== 'string' || !optionIds.has(value)) return malformed('Not one of the options');
  }
  const parts = question.pairs.map((pair) =>
    Object.hasOwn(response, pair.id)
      ? part(pair.id, response[pair.id] === pair.id)
      : part(pair.id, false, 'Not matched'),
  );
  const right = parts.filter((p) => p.correct).length;
  return { score: right / parts.length, correct: right === parts.length, parts };
}

/** The correct response: every pair id mapped to itself. */
export function keyMatching(question: MatchingQuestion): MatchingResponse {
  return Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.id]));
}

/** "Telegram → encrypted chat; Twitter → public posts". */
export function describeMatching(question: MatchingQuestion): string {
  return question.pairs.map((pair) => `${pair.left} → ${pair.right}`).join('; ');
}

/** All right-hand options in authored order: the pairs' rights (id = pair id), then distractors (`d1`, …). */
export function rightOptions(question: {
  pairs: readonly { id: string; right: string }[];
  distractors?: readonly string[] | undefined;
}): { id: string; text: string }[] {
  return [
    ...question.pairs.map((pair) => ({ id: pair.id, text: pair.right })),
    ...(question.distractors ?? []).map((text, index) => ({ id: `d${index + 1}`, text })),
  ];
}

/** Right-hand option id → text, for the view and the feedback. */
export function matchingOptionText(question: MatchingQuestion): Map<string, string> {
  return new Map(rightOptions(question).map((o) => [o.id, o.text]));
}
