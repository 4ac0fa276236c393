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
import { opaqueIds } from '../ids.ts';
import type { MatchingQuestion, MatchingResponse } from './schema.ts';

export function gradeMatching(question: MatchingQuestion, response: unknown): GradeResult {
  if (!isRecord(response)) return malformed('Expected an object mapping pair ids to option ids');
  const pairIds = new Set(question.pairs.map((pair) => pair.id));
  if (unknownKeys(response, pairIds).length > 0) return malformed('Unknown pair in response');
  const options = rightOptions(question);
  const optionIds = new Set(options.map((option) => option.id));
  for (const value of Object.values(response)) {
    if (typeof value !== 'string' || !optionIds.has(value)) return malformed('Not one of the options');
  }
  const parts = question.pairs.map((pair) =>
    Object.hasOwn(response, pair.id)
      ? part(pair.id, response[pair.id] === rightIdOf(options, pair.id))
      : part(pair.id, false, 'Not matched'),
  );
  const right = parts.filter((p) => p.correct).length;
  return { score: right / parts.length, correct: right === parts.length, parts };
}

/** The correct response: every pair id mapped to the id of its own right-hand option. */
export function keyMatching(question: MatchingQuestion): MatchingResponse {
  const options = rightOptions(question);
  return Object.fromEntries(question.pairs.map((pair) => [pair.id, rightIdOf(options, pair.id)]));
}

/** "Telegram → encrypted chat; Twitter → public posts". */
export function describeMatching(question: MatchingQuestion): string {
  return question.pairs.map((pair) => `${pair.left} → ${pair.right}`).join('; ');
}

/** A right-hand option: a pair's right, or a distractor (no `pair`). */
export interface RightOption {
  /** Opaque: a hash of the text (`ids.ts`), never a pair id. */
  id: string;
  text: string;
  /** The id of the pair it answers; absent for a distractor. */
  pair?: string;
}

/** What `rightOptions` reads: a matching question, or its parts during validation. */
type MatchingShape = {
  pairs: readonly { id: string; right: string }[];
  distractors?: readonly string[] | undefined;
};

/**
 * All right-hand options in authored order: the pairs' rights, then the distractors. Their ids
 * come from their text (`opaqueIds`), so that a select's option values say nothing about which
 * left they match; they avoid the pair ids and the handles they replace (`legacyRightIds`).
 */
export function rightOptions(question: MatchingShape): RightOption[] {
  const distractors = question.distractors ?? [];
  const texts = [...question.pairs.map((pair) => pair.right), ...distractors];
  const ids = opaqueIds(texts, [...question.pairs.map((pair) => pair.id), ...legacyRightIds(question)]);
  return texts.map((text, i): RightOption => {
    const pair = question.pairs[i];
    const id = ids[i] ?? '';
    return pair ? { id, text, pair: pair.id } : { id, text };
  });
}

/** The id of the right-hand option that answers `pairId` (or `''` when there is no such pair). */
export function rightIdOf(options: readonly RightOption[], pairId: string): string {
  return options.find((option) => option.pair === pairId)?.id ?? '';
}

/**
 * The right-hand option ids before they were opaque, in `rightOptions` order: each pair's own id,
 * then `d1`, `d2`, … for the distractors. Saved responses may still hold them.
 */
export function legacyRightIds(question: MatchingShape): string[] {
  return [
    ...question.pairs.map((pair) => pair.id),
    ...(question.distractors ?? []).map((_text, index) => `d${index + 1}`),
  ];
}

/** Right-hand option id → text, for the view and the feedback. */
export function matchingOptionText(question: MatchingQuestion): Map<string, string> {
  return new Map(rightOptions(question).map((o) => [o.id, o.text]));
}
