/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * The time rules of an assignment, in one place for the three parties that apply them: the
 * student's page (what "I need more time" grants, `session.ts`), the seal of a submission (its
 * `late` field, `submission/core.ts`) and the gradebook, which recomputes everything from the
 * link's rules and the timestamps (`gradebook/rules.ts`) instead of trusting the file.
 *
 * The page grants extra time only while an attempt is running and only near its end: each
 * "I need more time" adds `extensionMinutes(spec)` (the limit, at most 10 minutes), up to
 * `MAX_EXTENSIONS` times. `grantedExtensions` replays a list of extensions against those rules:
 * whatever the page could not have granted (more minutes at once, none outside the attempt, none
 * after the time had run out, none without a time limit) is left out and said why.
 */
import type { AssignmentSpec } from './spec.ts';

/** One extension: when it was asked for, and how many minutes it claims. */
export interface ExtensionClaim {
  at: string;
  minutes: number;
}

/** An attempt's own times. */
export interface AttemptTimes {
  startedAt: string;
  submittedAt?: string | undefined;
}

/** How many minutes "I need more time" adds: the original limit, at most 10 minutes. */
export function extensionMinutes(spec: Pick<AssignmentSpec, 'timeLimit'>): number {
  return Math.min(spec.timeLimit ?? 10, 10);
}

/** Most extensions an attempt may take (the submission format allows 100 in all). */
export const MAX_EXTENSIONS = 100;

/**
 * Slack for the page's own timing: a background tab runs its timer about once a minute, so a
 * timed-out attempt can be handed in a little after its deadline, and the "more time" dialog can be
 * answered just as the time runs out.
 */
export const GRACE_MS = 2 * 60_000;

export interface GrantedExtensions {
  /** Extra minutes the page could have granted for this attempt. */
  minutes: number;
  /** The extensions counted, each clamped to what one request grants. */
  counted: ExtensionClaim[];
  /** What was left out or cut, in words ("an extension of 525,600 min; the page grants 10 at a time"). */
  problems: string[];
}

const ms = (iso: string): number => Date.parse(iso);

/**
 * The extensions in `claims` that fall within `attempt` (taken between its start and its hand-in),
 * replayed against the page's rules. Claims outside the attempt are not this attempt's: they are
 * neither counted nor reported here.
 */
export function grantedExtensions(
  spec: Pick<AssignmentSpec, 'timeLimit'>,
  attempt: AttemptTimes,
  claims: readonly ExtensionClaim[],
): GrantedExtensions {
  const start = ms(attempt.startedAt);
  const end = attempt.submittedAt === undefined ? Infinity : ms(attempt.submittedAt);
  const mine = claims.filter((c) => ms(c.at) >= start && ms(c.at) <= end).sort((a, b) => ms(a.at) - ms(b.at));
  const result: GrantedExtensions = { minutes: 0, counted: [], problems: [] };
  if (mine.length === 0) return result;
  if (spec.timeLimit === undefined) {
    const total = mine.reduce((sum, c) => sum + c.minutes, 0);
    result.problems.push(
      `it records ${total.toLocaleString('en')} min of extra time, but the assignment has no time limit, so the page never grants any`,
    );
    return result;
  }
  const grant = extensionMinutes(spec);
  let deadline = start + spec.timeLimit * 60_000;
  let cut = 0;
  let late = 0;
  let over = 0;
  for (const claim of mine) {
    if (result.counted.length >= MAX_EXTENSIONS) {
      over++;
      continue;
    }
    if (ms(claim.at) > deadline + GRACE_MS) {
      late++;
      continue;
    }
    const minutes = Math.min(claim.minutes, grant);
    if (minutes < claim.minutes) cut = Math.max(cut, claim.minutes);
    result.counted.push({ at: claim.at, minutes });
    result.minutes += minutes;
    deadline += minutes * 60_000;
  }
  if (cut > 0) {
    result.problems.push(
      `it claims an extension of ${cut.toLocaleString('en')} min; the page grants ${grant} min at a time, so ${grant} min counted`,
    );
  }
  if (late > 0) {
    result.problems.push(
      `${late === 1 ? 'an extension was' : `${late} extensions were`} taken after the time had run out, which the page never allows; not counted`,
    );
  }
  if (over > 0) result.problems.push(`more than ${MAX_EXTENSIONS} extensions; the rest are not counted`);
  return result;
}

/**
 * How many minutes after the due date (plus the extra time granted during the attempt) the attempt
 * was handed in; 0 when on time or without a due date.
 */
export function lateMinutes(
  spec: Pick<AssignmentSpec, 'due'>,
  submittedAt: string,
  grantedMinutes: number,
): number {
  if (spec.due === undefined) return 0;
  const late = (ms(submittedAt) - (ms(spec.due) + grantedMinutes * 60_000)) / 60_000;
  return late > 0 ? late : 0;
}
