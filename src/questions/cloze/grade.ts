/**
 * Pure: no DOM, no framework.
 *
 * Grades a `cloze` question: each blank like a `text` question (`matchText`);
 * score = share of blanks right, `correct` when all are, `note: 'typo'` when
 * any blank was accepted only thanks to typo tolerance. A blank missing from
 * the response counts as wrong; unknown blank ids or non-string values make the
 * whole response malformed (score 0). Parts: one per blank, in `blanks` order.
 */
import { isRecord, malformed, part, unknownKeys } from '../grading.ts';
import type { GradeResult } from '../grading.ts';
import { describeAccept, matchText, typoFeedback, unmatchedPart } from '../text/grade.ts';
import type { ClozeQuestion, ClozeResponse } from './schema.ts';

export function gradeCloze(question: ClozeQuestion, response: unknown): GradeResult {
  if (!isRecord(response)) return malformed('Expected an object mapping blank ids to text');
  const ids = new Set(question.blanks.map((blank) => blank.id));
  if (unknownKeys(response, ids).length > 0) return malformed('Unknown blank in response');
  if (Object.values(response).some((value) => typeof value !== 'string'))
    return malformed('Expected text in every blank');

  let typo = false;
  const parts = question.blanks.map((blank) => {
    const given = response[blank.id];
    if (typeof given !== 'string') return part(blank.id, false, 'Not answered');
    const match = matchText(given, blank.accept, blank.typos, blank.reject);
    if (!match.matched) return unmatchedPart(blank.id, match);
    if (!match.typo) return part(blank.id, true);
    typo = true;
    return part(blank.id, true, typoFeedback(match.canonical));
  });
  const right = parts.filter((p) => p.correct).length;
  const result: GradeResult = { score: right / parts.length, correct: right === parts.length, parts };
  return typo ? { ...result, note: 'typo' } : result;
}

/** The correct response: every blank filled with its canonical answer. */
export function keyCloze(question: ClozeQuestion): ClozeResponse {
  return Object.fromEntries(question.blanks.map((blank) => [blank.id, blank.accept[0] ?? '']));
}

/** "Blank 1: Telegram; Blank 2: 2015 (also: twenty fifteen)", numbered in reading order as the view numbers them. */
export function describeCloze(question: ClozeQuestion): string {
  const byId = new Map(question.blanks.map((blank) => [blank.id, blank]));
  return clozeSegments(question.text)
    .flatMap((segment) => {
      const blank = segment.kind === 'blank' ? byId.get(segment.id) : undefined;
      return blank === undefined ? [] : [blank];
    })
    .map((blank, i) => `Blank ${i + 1}: ${describeAccept(blank.accept)}`)
    .join('; ');
}

/** A blank placeholder in cloze text: `{{b1}}` (spaces inside the braces allowed). */
export const BLANK = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** A run of the passage (`prose`) or a blank, in reading order. */
export type ClozeSegment = { kind: 'prose'; text: string } | { kind: 'blank'; id: string };

/** Splits cloze text into literal text and blanks, in reading order (for views and validation). */
export function clozeSegments(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(BLANK)) {
    if (match.index > last) segments.push({ kind: 'prose', text: text.slice(last, match.index) });
    segments.push({ kind: 'blank', id: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'prose', text: text.slice(last) });
  return segments;
}

/** Blank id → its 1-based position in reading order ("Blank 2"). */
export function blankNumbers(text: string): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const segment of clozeSegments(text)) {
    if (segment.kind === 'blank' && !numbers.has(segment.id)) numbers.set(segment.id, numbers.size + 1);
  }
  return numbers;
}
