/**
 * Pure: no DOM, no framework.
 *
 * The link's rules applied to one submission's timestamps, never the file's own claims: how many
 * attempts count, how long each took against the time limit plus the extra time the page could
 * have granted (`assign/timing.ts`), whether it came in after the due date, whether it started
 * before the assignment opened. Every doubt becomes a `Flag` with a sentence saying why.
 *
 * The times themselves come from the student's computer clock. A flag is therefore a reason to
 * look, and the absence of one proves nothing: a student who sets the clock back looks on time.
 * docs/assessment-security.md lists what can and cannot be detected.
 */
import type { AssignmentSpec } from '../assign/spec.ts';
import { GRACE_MS, grantedExtensions, lateMinutes } from '../assign/timing.ts';
import type { Submission, SubmissionAttempt } from '../submission/submission.ts';
import { formatMinutes } from '../stats/review.ts';

/**
 * What a flag is about:
 * - `late`: handed in after the due date (plus granted extra time); also a file that says otherwise;
 * - `over-time`: an attempt longer than the time limit plus granted extra time;
 * - `over-attempts`: more attempts than the assignment allows (only the first ones are graded);
 * - `extension`: extra time the page could not have granted (cut or left out);
 * - `clock`: times that cannot be right (before the assignment opened, in the future, overlapping);
 * - `same-student`: more than one file for one normalised name or id;
 * - `identical`: the same answers as another student's file.
 */
export type FlagKind =
  'late' | 'over-time' | 'over-attempts' | 'extension' | 'clock' | 'same-student' | 'identical';

export interface Flag {
  kind: FlagKind;
  /** A sentence for the instructor, naming times and counts. */
  message: string;
}

/** What to do with an attempt handed in after the due date: count it, count it and flag it, or score it 0. */
export type LatePolicy = 'accept' | 'flag' | 'zero';
export const LATE_POLICIES: readonly LatePolicy[] = ['accept', 'flag', 'zero'];

export interface AttemptCheck {
  /** Position in the file (0-based), oldest first by start time. */
  index: number;
  attempt: SubmissionAttempt;
  /** Within the number of attempts the assignment allows. */
  graded: boolean;
  /** Hand-in − start, in minutes. */
  minutes: number;
  /** Extra time the page could have granted during this attempt. */
  extensionMinutes: number;
  /** Minutes past the due date (plus that extra time); 0 when on time or without a due date. */
  lateMinutes: number;
}

export interface RuleCheck {
  /** Every attempt, oldest first; only `graded` ones are scored. */
  attempts: AttemptCheck[];
  /** Extra time counted over the graded attempts. */
  extensionMinutes: number;
  flags: Flag[];
}

const ms = (iso: string): number => Date.parse(iso);

/** The attempts of `sub`, oldest first (by start time; file order on a tie). Attempt numbers count in this order. */
export function attemptsInOrder(sub: Pick<Submission, 'attempts'>): SubmissionAttempt[] {
  return sub.attempts
    .map((attempt, index) => ({ attempt, index }))
    .sort((a, b) => ms(a.attempt.startedAt) - ms(b.attempt.startedAt) || a.index - b.index)
    .map((entry) => entry.attempt);
}

const minutesBetween = (from: string, to: string): number => (ms(to) - ms(from)) / 60_000;
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Check `sub`'s attempts against `spec`'s rules (with `nowMs`, the instructor's clock, for times
 * in the future). Late attempts are measured here; whether lateness is flagged depends on the
 * late policy and on which attempt counts, so `gradeSubmissions` writes that flag.
 */
export function checkRules(sub: Submission, spec: AssignmentSpec, nowMs?: number): RuleCheck {
  const flags: Flag[] = [];
  const ordered = attemptsInOrder(sub).map((attempt) => ({ attempt }));
  const attempts: AttemptCheck[] = [];
  let extensionMinutes = 0;
  const usedExtensions = new Set<number>();

  if (sub.attempts.length > spec.attempts) {
    flags.push({
      kind: 'over-attempts',
      message: `${plural(sub.attempts.length, 'attempt')} in the file; the assignment allows ${spec.attempts}, so only the first ${spec.attempts === 1 ? 'is' : `${spec.attempts} are`} graded`,
    });
  }
  ordered.forEach(({ attempt }, position) => {
    const label = sub.attempts.length > 1 ? `attempt ${position + 1}` : 'the attempt';
    const graded = position < spec.attempts;
    sub.extensions.forEach((e, i) => {
      if (ms(e.at) >= ms(attempt.startedAt) && ms(e.at) <= ms(attempt.submittedAt)) usedExtensions.add(i);
    });
    const granted = grantedExtensions(spec, attempt, sub.extensions);
    const minutes = minutesBetween(attempt.startedAt, attempt.submittedAt);
    const check: AttemptCheck = {
      index: position,
      attempt,
      graded,
      minutes,
      extensionMinutes: granted.minutes,
      lateMinutes: lateMinutes(spec, attempt.submittedAt, granted.minutes),
    };
    attempts.push(check);
    if (!graded) return;
    extensionMinutes += granted.minutes;
    for (const problem of granted.problems)
      flags.push({ kind: 'extension', message: `${label}: ${problem}` });
    if (spec.timeLimit !== undefined) {
      const allowed = spec.timeLimit + granted.minutes;
      if ((minutes - allowed) * 60_000 > GRACE_MS) {
        flags.push({
          kind: 'over-time',
          message: `${label} took ${formatMinutes(minutes)}; the time limit of ${formatMinutes(spec.timeLimit)}${granted.minutes > 0 ? ` plus ${formatMinutes(granted.minutes)} of extra time` : ''} ended ${formatMinutes(minutes - allowed)} earlier`,
        });
      }
    }
    if (spec.opensAt !== undefined && ms(attempt.startedAt) < ms(spec.opensAt)) {
      flags.push({
        kind: 'clock',
        message: `${label} started ${formatMinutes(minutesBetween(attempt.startedAt, spec.opensAt))} before the assignment opened`,
      });
    }
    if (nowMs !== undefined && ms(attempt.submittedAt) > nowMs + GRACE_MS) {
      flags.push({
        kind: 'clock',
        message: `${label} was handed in ${formatMinutes((ms(attempt.submittedAt) - nowMs) / 60_000)} in the future: the student's clock was wrong, or the file was edited`,
      });
    }
    const previous = ordered[position - 1];
    if (previous && ms(attempt.startedAt) < ms(previous.attempt.submittedAt)) {
      flags.push({
        kind: 'clock',
        message: `${label} started before attempt ${position} was handed in, which the page does not allow`,
      });
    }
  });
  const stray = sub.extensions.filter((_, i) => !usedExtensions.has(i));
  if (stray.length > 0) {
    flags.push({
      kind: 'extension',
      message: `${plural(stray.length, 'extension')} of extra time ${stray.length === 1 ? 'falls' : 'fall'} outside every attempt, which the page never records; not counted`,
    });
  }
  return { attempts, extensionMinutes, flags };
}

/** "handed in 2 h 00 min after the due date" (+ "plus its extra time" when some was granted). */
export function lateText(check: AttemptCheck): string {
  return `handed in ${formatMinutes(check.lateMinutes)} after the due date${check.extensionMinutes > 0 ? ` and its ${formatMinutes(check.extensionMinutes)} of extra time` : ''}`;
}
