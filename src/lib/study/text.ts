/**
 * Pure: no DOM, no framework.
 *
 * Words and settings for the review page: when the next review is, and the
 * daily goal setting as stored in localStorage.
 */

/** localStorage key of the daily review goal. */
export const GOAL_KEY = 'eoc:review:goal';
/** The daily goal when none is set. */
export const DEFAULT_GOAL = 10;
/** Largest goal the setting accepts (more is a typo, not a plan). */
export const MAX_GOAL = 200;

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

function dayNumber(ms: number, tzOffsetMinutes: number): number {
  return Math.floor((ms + tzOffsetMinutes * 60_000) / DAY_MS);
}

/**
 * When `due` falls, seen from `now` in the learner's time zone
 * (`tzOffsetMinutes` east of UTC): "now", "later today", "tomorrow", a weekday
 * within the next six days ("Tuesday"), else "in N days".
 */
export function whenText(due: number, now: number, tzOffsetMinutes: number): string {
  if (due <= now) return 'now';
  const today = dayNumber(now, tzOffsetMinutes);
  const day = dayNumber(due, tzOffsetMinutes);
  const days = day - today;
  if (days === 0) return 'later today';
  if (days === 1) return 'tomorrow';
  // 1970-01-01 (day 0) was a Thursday.
  if (days < 7) return WEEKDAYS[((day % 7) + 7) % 7] ?? `in ${days} days`;
  return `in ${days} days`;
}

/** The stored goal if it is a whole number from 1 to `MAX_GOAL`, else `DEFAULT_GOAL`. */
export function parseGoal(raw: string | null | undefined): number {
  if (raw == null || !/^\s*\d+\s*$/.test(raw)) return DEFAULT_GOAL;
  const goal = Number(raw);
  return goal >= 1 && goal <= MAX_GOAL ? goal : DEFAULT_GOAL;
}

/**
 * `lesson:objective` from the `objective` query parameter of /review/, or
 * undefined when it is not of that form. Lesson ids are slugs (no colon), so
 * the first colon separates them.
 */
export function parseObjectiveParam(
  value: string | null | undefined,
): { lesson: string; objective: string } | undefined {
  if (!value) return undefined;
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) return undefined;
  return { lesson: value.slice(0, at), objective: value.slice(at + 1) };
}
