/**
 * Words and number formats shared by the parts of the review page (/instructor/review/): what a
 * flag is called, and how scores, percentages and dates are written.
 */
import type { FlagKind } from '../../lib/gradebook/grade.ts';

export const FLAG_LABELS: Record<FlagKind, string> = {
  late: 'late',
  'over-time': 'over time',
  'over-attempts': 'too many attempts',
  extension: 'extra time',
  clock: 'clock',
  'same-student': 'same student',
  identical: 'same answers',
};

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
/** "2 Mar 2026, 10:10". */
export const when = (iso: string): string => dateFormat.format(new Date(iso));
/** A question's score, 0 to 1, to two decimals at most. */
export const mark = (score: number): string => String(Math.round(score * 100) / 100);
/** A statistic with `digits` decimals, or "–" when there is none. */
export const fixed = (value: number | null, digits = 1): string =>
  value === null ? '–' : value.toFixed(digits);
/** A percentage with one decimal, or "–". */
export const pct = (value: number | null): string => (value === null ? '–' : `${value.toFixed(1)}%`);
