/**
 * Pure: no DOM, no framework.
 *
 * Grades a `text` question (and, through `matchText`, each `cloze` blank).
 * Both sides are normalised (`normalizeText`); an exact match scores 1. With
 * `typos: 'auto'` (the default) a response within `typoAllowance(length of the
 * accepted answer)` edits also scores 1, `correct: true`, with `note: 'typo'`
 * and a part feedback naming the canonical spelling.
 */
import { editDistance, normalizeText, typoAllowance } from '../../lib/quiz/normalize.ts';
import { malformed, part } from '../grading.ts';
import type { GradeResult } from '../grading.ts';
import type { TextQuestion, TextResponse, Typos } from './schema.ts';

export type TextMatch =
  | { matched: true; typo: false }
  | { matched: true; typo: true; canonical: string }
  | { matched: false; typo: false };

/**
 * Compares a response with accepted answers. An exact normalised match wins;
 * otherwise the closest accepted answer within its typo allowance (ties go to
 * the alphabetically first, so the result doesn't depend on list order).
 */
export function matchText(response: string, accept: readonly string[], typos: Typos = 'auto'): TextMatch {
  const given = normalizeText(response);
  if (given === '') return { matched: false, typo: false };
  const candidates = accept.map((original) => ({ original, normalised: normalizeText(original) }));
  if (candidates.some((candidate) => candidate.normalised === given)) return { matched: true, typo: false };
  if (typos === 0) return { matched: false, typo: false };

  let best: { original: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const allowance = typoAllowance(Array.from(candidate.normalised).length);
    if (allowance === 0) continue;
    const distance = editDistance(given, candidate.normalised, allowance);
    if (distance > allowance) continue;
    if (
      best === undefined ||
      distance < best.distance ||
      (distance === best.distance && candidate.original < best.original)
    ) {
      best = { original: candidate.original, distance };
    }
  }
  return best === undefined
    ? { matched: false, typo: false }
    : { matched: true, typo: true, canonical: best.original };
}

/** The part feedback for a typo-tolerated match. */
export function typoFeedback(canonical: string): string {
  return `Accepted — check the spelling: ${canonical}`;
}

export function gradeText(question: TextQuestion, response: unknown): GradeResult {
  if (typeof response !== 'string') return malformed('Expected text');
  const match = matchText(response, question.accept, question.typos);
  if (!match.matched) return { score: 0, correct: false, parts: [part('answer', false)] };
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
