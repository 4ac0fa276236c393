/**
 * Pure: no DOM, no framework.
 *
 * Grades a `numeric` question: 1 if the response is within tolerance of the
 * answer, else 0. Typed strings are parsed leniently by `parseNumber`; one that
 * cannot be parsed scores 0 with the part feedback "Not a number".
 */
import { malformed, part } from '../grading.ts';
import type { GradeResult } from '../grading.ts';
import type { NumericQuestion, NumericResponse, Tolerance } from './schema.ts';

const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** 1-3 digits, then groups of exactly three separated by one consistent separator. */
const GROUPED = /^\d{1,3}([, '_])\d{3}(?:\1\d{3})*(?:\.\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d+$/;

/**
 * Lenient number parsing for typed answers. Accepted, after NFKC (full-width
 * digits, no-break and thin spaces become ASCII) and trimming:
 * - an optional leading `+`, `-` or `−` (U+2212);
 * - the question's `unit` as a suffix or prefix, any case, with or without a
 *   space: `75%`, `75 %`, `30 km`, `$ 5` (unit `$`);
 * - plain decimals and exponents: `42`, `-3.5`, `.5`, `5.`, `1e6`;
 * - thousands groups of exactly three digits with one consistent separator
 *   (`,` space `'` or `_`), optionally with a `.` decimal part: `4,000`,
 *   `1 000 000`, `1'234.5`;
 * - a decimal comma when it is the only separator and is NOT followed by
 *   exactly three digits: `3,5` = 3.5 (but `4,000` = 4000).
 * Not accepted: `1.000,5`, mixed separators, words, fractions, several numbers.
 * Returns `undefined` when the text is not a finite number.
 */
export function parseNumber(input: string, unit?: string): number | undefined {
  let text = input.normalize('NFKC').trim();
  if (unit !== undefined) {
    const u = unit.normalize('NFKC').trim().toLowerCase();
    const lower = text.toLowerCase();
    if (u.length > 0 && lower.endsWith(u)) text = text.slice(0, text.length - u.length).trim();
    else if (u.length > 0 && lower.startsWith(u)) text = text.slice(u.length).trim();
  }
  let sign = 1;
  const first = text.charAt(0);
  if (first === '+' || first === '-' || first === '\u2212') {
    sign = first === '+' ? 1 : -1;
    text = text.slice(1);
  }
  let digits: string;
  if (PLAIN.test(text)) digits = text;
  else if (GROUPED.test(text)) digits = text.replace(/[, '_]/g, '');
  else if (DECIMAL_COMMA.test(text)) digits = text.replace(',', '.');
  else return undefined;
  const value = sign * Number(digits);
  return Number.isFinite(value) ? value : undefined;
}

/** Whether `value` is within `tolerance` of `answer` (with a tiny allowance for float rounding). */
export function withinTolerance(value: number, answer: number, tolerance?: Tolerance): boolean {
  const allowed =
    tolerance === undefined
      ? 0
      : tolerance.kind === 'absolute'
        ? tolerance.value
        : tolerance.value * Math.abs(answer);
  const epsilon = 1e-9 * Math.max(1, Math.abs(answer));
  return Math.abs(value - answer) <= allowed + epsilon;
}

export function gradeNumeric(question: NumericQuestion, response: unknown): GradeResult {
  let value: number | undefined;
  if (typeof response === 'number') value = Number.isFinite(response) ? response : undefined;
  else if (typeof response === 'string') value = parseNumber(response, question.unit);
  else return malformed('Expected a number');
  if (value === undefined) return malformed('Not a number');
  const correct = withinTolerance(value, question.answer, question.tolerance);
  return { score: correct ? 1 : 0, correct, parts: [part('answer', correct)] };
}

/** The correct response: the exact answer. */
export function keyNumeric(question: NumericQuestion): NumericResponse {
  return question.answer;
}

/** "75", "75 % (±5)", "80 (±5%)". */
export function describeNumeric(question: NumericQuestion): string {
  const unit = question.unit === undefined ? '' : ` ${question.unit}`;
  const { tolerance } = question;
  let within = '';
  if (tolerance !== undefined && tolerance.value > 0) {
    within =
      tolerance.kind === 'absolute'
        ? ` (±${String(tolerance.value)})`
        : ` (±${String(Math.round(tolerance.value * 1e6) / 1e4)}%)`;
  }
  return `${String(question.answer)}${unit}${within}`;
}
