/**
 * Pure: no DOM, no framework.
 *
 * Grades a `text` question (and, through `matchText`, each `cloze` blank). Both sides are put in
 * answer form (`answerForm`: normalised, numbers by value); an exact match scores 1. A rejected
 * answer (`reject`) is checked first and scores 0 with its own feedback. With `typos: 'auto'` (the
 * default) a response within `typoAllowance(length of the accepted answer)` edits also scores 1,
 * `correct: true`, with `note: 'typo'` and a part feedback naming the canonical spelling — unless
 * the tolerance would change the meaning: never for an answer with a number in it, never across a
 * negation (`differsByNegation`: `ineffective` is not a typo of `effective`), and never when the
 * response is as close to a rejected answer.
 */
import {
  answerForm,
  differsByNegation,
  editDistance,
  hasDigits,
  typoAllowance,
} from '../../lib/quiz/normalize.ts';
import { malformed, part } from '../grading.ts';
import type { GradePart, GradeResult } from '../grading.ts';
import type { RejectedAnswer, TextQuestion, TextResponse, Typos } from './schema.ts';

export type TextMatch =
  | { matched: true; typo: false }
  | { matched: true; typo: true; canonical: string }
  | { matched: false; typo: false; rejected?: { answer: string; feedback?: string } };

const NO_MATCH: TextMatch = { matched: false, typo: false };

/** The closest of `candidates` within its typo allowance of `given` (ties: alphabetically first). */
function closest(
  given: string,
  candidates: readonly { original: string; form: string }[],
): { original: string; distance: number } | undefined {
  let best: { original: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (hasDigits(candidate.form) || differsByNegation(given, candidate.form)) continue;
    const allowance = typoAllowance(Array.from(candidate.form).length);
    if (allowance === 0) continue;
    const distance = editDistance(given, candidate.form, allowance);
    if (distance > allowance) continue;
    if (
      best === undefined ||
      distance < best.distance ||
      (distance === best.distance && candidate.original < best.original)
    ) {
      best = { original: candidate.original, distance };
    }
  }
  return best;
}

/**
 * Compares a response with accepted and rejected answers, in this order:
 * 1. a rejected answer, exactly (in answer form) → not matched, `rejected`;
 * 2. an accepted answer, exactly → matched;
 * 3. with `typos: 'auto'` and no digits in the response: the closest accepted answer within its
 *    typo allowance that does not differ by a negation → matched with `typo` — unless a rejected
 *    answer is as close, which then counts as given (`rejected`).
 */
export function matchText(
  response: string,
  accept: readonly string[],
  typos: Typos = 'auto',
  reject: readonly RejectedAnswer[] = [],
): TextMatch {
  const given = answerForm(response);
  if (given === '') return NO_MATCH;
  const rejected = reject.map((entry) =>
    typeof entry === 'string'
      ? { original: entry, form: answerForm(entry), feedback: undefined }
      : { original: entry.answer, form: answerForm(entry.answer), feedback: entry.feedback },
  );
  const asRejected = (original: string): TextMatch => {
    const entry = rejected.find((r) => r.original === original);
    return {
      matched: false,
      typo: false,
      rejected:
        entry?.feedback === undefined ? { answer: original } : { answer: original, feedback: entry.feedback },
    };
  };
  const exactReject = rejected.find((r) => r.form === given);
  if (exactReject) return asRejected(exactReject.original);
  const candidates = accept.map((original) => ({ original, form: answerForm(original) }));
  if (candidates.some((candidate) => candidate.form === given)) return { matched: true, typo: false };
  if (typos === 0 || hasDigits(given)) return NO_MATCH;
  const best = closest(given, candidates);
  const nearReject = closest(given, rejected);
  if (nearReject !== undefined && (best === undefined || nearReject.distance <= best.distance)) {
    return asRejected(nearReject.original);
  }
  return best === undefined ? NO_MATCH : { matched: true, typo: true, canonical: best.original };
}

/** The part feedback for a typo-tolerated match. */
export function typoFeedback(canonical: string): string {
  return `Accepted — check the spelling: ${canonical}`;
}

/** The part for a response `matchText` did not accept: a rejected answer's own feedback, if any. */
export function unmatchedPart(id: string, match: TextMatch): GradePart {
  return part(id, false, match.matched ? undefined : match.rejected?.feedback);
}

export function gradeText(question: TextQuestion, response: unknown): GradeResult {
  if (typeof response !== 'string') return malformed('Expected text');
  const match = matchText(response, question.accept, question.typos, question.reject);
  if (!match.matched) return { score: 0, correct: false, parts: [unmatchedPart('answer', match)] };
  if (!match.typo) return { score: 1, correct: true, parts: [part('answer', true)] };
  return {
    score: 1,
    correct: true,
    parts: [part('answer', true, typoFeedback(match.canonical))],
    note: 'typo',
  };
}
/** The correct response: the canonical (first) accepted answer. */
export function keyText(question: TextQuestion): TextResponse {
  return question.accept[0] ?? '';
}

/** "Zawahiri (also: al-Zawahiri)". */
export function describeText(question: TextQuestion): string {
  return describeAccept(question.accept);
}

/** The canonical answer, then any alternatives in brackets. */
export function describeAccept(accept: readonly string[]): string {
  const [first = '', ...rest] = accept;
  return rest.length === 0 ? first : `${first} (also: ${rest.join(', ')})`;
}
