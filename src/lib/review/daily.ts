/**
 * Pure: no DOM, no framework.
 *
 * The daily review goal, and the streak of days in a row with a review.
 *
 * What counts as a review — an attempt on a question that already had an
 * attempt (any version) on an EARLIER local day. Each question counts at most
 * once per day, so retrying one question ten times is one review. Chosen over
 * tagging attempts made on the review screen because it needs no new field in
 * the progress document, works for history recorded before the review screen
 * existed, survives merge unchanged, and matches what the goal is about:
 * recalling something learned before, wherever it happens (a lesson revisited
 * on a later day counts too).
 *
 * Days are the learner's local calendar days, given as an explicit offset
 * from UTC (`tzOffsetMinutes`, minutes EAST of UTC: +120 for UTC+2, −300 for
 * UTC−5; in a browser `-new Date().getTimezoneOffset()`). One offset is used
 * for the whole history, so a streak is judged in today's time zone.
 */
import type { Progress } from '../progress/schema.ts';
// From the progress selectors, not from card.ts: that would bring the scheduler (ts-fsrs) and every
// question type's code into pages that only count days, such as the Progress page.
import { DAY_MS } from '../progress/query.ts';

/** Local day number of `ms` (days since 1970-01-01 in that time zone). */
export function localDay(ms: number, tzOffsetMinutes: number): number {
  return Math.floor((ms + tzOffsetMinutes * 60_000) / DAY_MS);
}

export interface DailyProgress {
  /** Distinct questions reviewed on the local day of `at` (up to `at`). */
  reviewedToday: number;
  /** The goal passed in. */
  goal: number;
  /** `reviewedToday ≥ goal`. */
  met: boolean;
  /**
   * Consecutive local days, ending today, with at least one review. With no
   * review yet today, the run ending yesterday is still shown (the streak breaks
   * only when a day ends without one). The goal does not gate it: a streak
   * that counted only goal days said "None yet" to a learner who had reviewed
   * four questions today against the default goal of 10.
   */
  streak: number;
}

/** The largest real UTC offsets are −12:00 and +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** Reviews per local day, as of `at`: day number → number of distinct questions reviewed. */
export function reviewsPerDay(progress: Progress, at: number, tzOffsetMinutes: number): Map<number, number> {
  const perDay = new Map<number, number>();
  for (const question of Object.values(progress.questions)) {
    const days = [
      ...new Set(question.attempts.filter((a) => a.at <= at).map((a) => localDay(a.at, tzOffsetMinutes))),
    ].sort((x, y) => x - y);
    // Every day after the first day this question was answered is a review day for it.
    for (const day of days.slice(1)) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return perDay;
}

/** Today's review count against `goal`, and the streak; see the module comment for the rules. */
export function dailyProgress(
  progress: Progress,
  at: number,
  goal: number,
  options: { tzOffsetMinutes: number },
): DailyProgress {
  const { tzOffsetMinutes } = options;
  if (!Number.isFinite(at)) throw new RangeError(`review: at must be a time in ms, got ${String(at)}`);
  if (!Number.isInteger(goal) || goal < 1) {
    throw new RangeError(`review: daily goal must be a whole number ≥ 1, got ${String(goal)}`);
  }
  if (!Number.isInteger(tzOffsetMinutes) || Math.abs(tzOffsetMinutes) > MAX_OFFSET_MINUTES) {
    throw new RangeError(
      `review: tzOffsetMinutes must be whole minutes east of UTC between −840 and 840, got ${String(tzOffsetMinutes)}`,
    );
  }
  const perDay = reviewsPerDay(progress, at, tzOffsetMinutes);
  const today = localDay(at, tzOffsetMinutes);
  const reviewedToday = perDay.get(today) ?? 0;
  const met = reviewedToday >= goal;
  let streak = 0;
  for (let day = reviewedToday > 0 ? today : today - 1; (perDay.get(day) ?? 0) > 0; day--) streak++;
  return { reviewedToday, goal, met, streak };
}
