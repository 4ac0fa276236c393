/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * A student's work on one assignment, as the assignment page keeps it in localStorage: who they
 * are, every attempt (responses, which answers were checked, start and hand-in times) and every
 * time extension. Storage can hold anything (an old version, a hand edit, another tab's half
 * write), so `restoreSession` re-checks it and keeps what still fits — and no more than the page
 * itself could have given: extensions are replayed against the page's rules (`timing.ts`), so a
 * hand-edited 525,600-minute extension comes back as the 10 minutes one click grants, and an
 * answer the student checked stays checked and locked as long as its lock record (a second
 * storage key, see `CheckLocks`) remembers it, whatever the session itself says.
 * The time-limit rules (WCAG 2.2.1 "Timing Adjustable") live here too, so they are tested without
 * a browser:
 * - the deadline of an attempt is its start + the limit + the extensions taken during it;
 * - "I need more time" adds `extensionMinutes(spec)`: the original limit, at most 10 minutes,
 *   and can be used again and again (up to 100 times, the submission format's limit);
 * - the warning dialog opens `warnBeforeMs(spec)` before the end (a minute, or half the limit
 *   when that is shorter: always well over WCAG's 20 seconds);
 * - screen readers hear the time only at 5 minutes and 1 minute left, never every second.
 */
import type { AssignmentSpec } from './spec.ts';
import type { Extension, Submission, SubmissionAttempt } from '../submission/submission.ts';
import { createSubmission } from '../submission/core.ts';
import { contentHash } from '../quiz/hash.ts';
import { renameIds } from '../../questions/ids.ts';
import { grantedExtensions } from './timing.ts';

export { MAX_EXTENSIONS, extensionMinutes } from './timing.ts';

export interface SessionAttempt {
  startedAt: string;
  /** Unset while the attempt is open. */
  submittedAt?: string;
  /** Raw response per question id. */
  responses: Record<string, unknown>;
  /** Question ids whose answer was checked (review policy "immediate"): locked, feedback shown. */
  checked: string[];
  /** Extensions taken during this attempt. */
  extensions: Extension[];
  /** True when the time limit ran out and the page handed the attempt in. */
  timedOut?: boolean;
}

export interface AssignmentSession {
  v: 1;
  student: { name: string; id?: string };
  attempts: SessionAttempt[];
}

const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/**
 * `session` with responses saved under authored option handles read as the published ids
 * (src/questions/ids.ts): work started before options had opaque ids carries on. `renamedOf`
 * gives a question's renames (`BankData`'s `renamed`).
 */
export function renameSessionIds(
  session: AssignmentSession,
  renamedOf: (questionId: string) => Readonly<Record<string, string>> | undefined,
): AssignmentSession {
  return {
    ...session,
    attempts: session.attempts.map((attempt) => ({
      ...attempt,
      responses: Object.fromEntries(
        Object.entries(attempt.responses).map(([id, response]) => {
          const renamed = renamedOf(id);
          return [id, renamed ? renameIds(response, renamed) : response];
        }),
      ),
    })),
  };
}

/**
 * The per-student key that seeds the student's question and option order and names their storage
 * slot: a hash of the name and id as the gradebook compares them (case, spacing and Unicode form
 * do not matter), so "Ana  Lopez" and "ana lopez" get the same order and the same saved work.
 */
export function studentKeyOf(student: { name: string; id?: string | undefined }): string {
  return contentHash([norm(student.name), norm(student.id ?? '')]);
}

/** localStorage key of a student's work on an assignment. */
export function sessionStorageKey(specId: string, studentKey: string): string {
  return `eoc:assignment:${specId}:${studentKey}`;
}

/**
 * localStorage key of the lock record of a student's checked answers: written when an answer is
 * checked, never cleared by the page, and read beside the session, so emptying `checked` in the
 * session does not unlock anything.
 */
export function locksStorageKey(specId: string, studentKey: string): string {
  return `eoc:assignment:${specId}:${studentKey}:locks`;
}

/**
 * Answers checked in "immediate" review, as they were when checked: per attempt (by its
 * `startedAt`), the response of each checked question.
 */
export type CheckLocks = Record<string, Record<string, unknown>>;

/** The lock record read back from storage (already JSON-parsed): only what fits `spec`. Never throws. */
export function restoreLocks(value: unknown, spec: AssignmentSpec): CheckLocks {
  const locks: CheckLocks = {};
  if (!isRecord(value)) return locks;
  const questions = new Set(spec.questions);
  for (const [startedAt, checked] of Object.entries(value)) {
    if (!isIso(startedAt) || !isRecord(checked)) continue;
    const kept = Object.entries(checked).filter(([id]) => questions.has(id));
    if (kept.length > 0) locks[startedAt] = Object.fromEntries(kept);
  }
  return locks;
}

/** `locks` with `response` recorded as the checked answer to `questionId` in `attempt`. */
export function addLock(
  locks: CheckLocks,
  attempt: Pick<SessionAttempt, 'startedAt'>,
  questionId: string,
  response: unknown,
): CheckLocks {
  const mine = locks[attempt.startedAt] ?? {};
  // A lock is written once: the first checked answer is the one that stays.
  if (Object.hasOwn(mine, questionId)) return locks;
  return { ...locks, [attempt.startedAt]: { ...mine, [questionId]: response } };
}

/** localStorage key remembering who last worked on an assignment in this browser (for resuming). */
export function lastStudentStorageKey(specId: string): string {
  return `eoc:assignment:${specId}:last`;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const isIso = (value: unknown): value is string => typeof value === 'string' && ISO.test(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function restoreExtension(value: unknown): Extension | null {
  if (!isRecord(value) || !isIso(value['at'])) return null;
  const minutes = value['minutes'];
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 525_600
    ? { at: value['at'], minutes }
    : null;
}

function restoreAttempt(
  value: unknown,
  spec: AssignmentSpec,
  questions: ReadonlySet<string>,
  locks: CheckLocks,
): SessionAttempt | null {
  if (!isRecord(value) || !isIso(value['startedAt'])) return null;
  const responses: Record<string, unknown> = {};
  if (isRecord(value['responses'])) {
    for (const [id, response] of Object.entries(value['responses'])) {
      if (questions.has(id)) responses[id] = response;
    }
  }
  const checked = Array.isArray(value['checked'])
    ? value['checked'].filter((id): id is string => typeof id === 'string' && questions.has(id))
    : [];
  const claimed = Array.isArray(value['extensions'])
    ? value['extensions'].map(restoreExtension).filter((e): e is Extension => e !== null)
    : [];
  const startedAt = value['startedAt'];
  const submittedAt = isIso(value['submittedAt']) ? value['submittedAt'] : undefined;
  // Only what the page could have granted during this attempt.
  const extensions = grantedExtensions(spec, { startedAt, submittedAt }, claimed).counted;
  // A checked answer stays checked, and stays the answer that was checked.
  const locked = locks[startedAt] ?? {};
  for (const [id, response] of Object.entries(locked)) {
    if (!checked.includes(id)) checked.push(id);
    responses[id] = response;
  }
  const attempt: SessionAttempt = { startedAt, responses, checked, extensions };
  if (submittedAt !== undefined) attempt.submittedAt = submittedAt;
  if (value['timedOut'] === true) attempt.timedOut = true;
  return attempt;
}

/**
 * Saved work read back from storage (already JSON-parsed), or null when there is none usable.
 * Responses to questions not in `spec` and malformed attempts are dropped; responses themselves
 * are kept raw (the question views re-check them before showing them). Extensions are replayed
 * against the page's rules; answers in `locks` come back checked, as they were checked.
 */
export function restoreSession(
  value: unknown,
  spec: AssignmentSpec,
  locks: CheckLocks = {},
): AssignmentSession | null {
  if (!isRecord(value) || value['v'] !== 1 || !isRecord(value['student'])) return null;
  const name = value['student']['name'];
  const id = value['student']['id'];
  if (typeof name !== 'string' || !/\S/.test(name)) return null;
  const questions = new Set(spec.questions);
  const attempts = Array.isArray(value['attempts'])
    ? value['attempts']
        .map((a) => restoreAttempt(a, spec, questions, locks))
        .filter((a): a is SessionAttempt => a !== null)
        .slice(0, spec.attempts)
    : [];
  return {
    v: 1,
    student: typeof id === 'string' && id.trim() !== '' ? { name, id } : { name },
    attempts,
  };
}

/** Whether a student id, as typed, is an email address. */
export const isEmail = (id: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(id.trim());

/** The label of the id field on the assignment page, by what the assignment asks for. */
export function studentIdLabel(spec: Pick<AssignmentSpec, 'studentId'>): string {
  switch (spec.studentId) {
    case 'number':
      return 'Student number (required)';
    case 'email':
      return 'Email address (required)';
    default:
      return 'Student number or email (optional)';
  }
}

/** What is wrong with the name and id a student typed, by field; empty when they can start. */
export function studentDetailsProblems(
  spec: Pick<AssignmentSpec, 'studentId'>,
  name: string,
  id: string,
): { name?: string; id?: string } {
  const problems: { name?: string; id?: string } = {};
  if (!/\S/.test(name)) problems.name = 'Enter your name: your teacher needs it to know whose work this is.';
  if (spec.studentId === 'number' && !/\S/.test(id)) {
    problems.id = 'Enter your student number: your teacher uses it to record your grade.';
  } else if (spec.studentId === 'email' && !isEmail(id)) {
    problems.id =
      'Enter the email address your school knows you by, like name@school.org: your teacher uses it to record your grade.';
  }
  return problems;
}

/** A new session for a student who has not started yet. */
export function newSession(student: { name: string; id?: string | undefined }): AssignmentSession {
  const name = student.name.trim();
  const id = student.id?.trim();
  return { v: 1, student: id ? { name, id } : { name }, attempts: [] };
}

/** The open (not handed in) attempt, if any. */
export function openAttempt(session: AssignmentSession): SessionAttempt | undefined {
  const last = session.attempts[session.attempts.length - 1];
  return last && last.submittedAt === undefined ? last : undefined;
}

/** Attempts handed in so far. */
export function submittedAttempts(session: AssignmentSession): SessionAttempt[] {
  return session.attempts.filter((a) => a.submittedAt !== undefined);
}

/** Whether the student may start another attempt now (none open, and attempts left). */
export function canStartAttempt(session: AssignmentSession, spec: AssignmentSpec): boolean {
  return openAttempt(session) === undefined && session.attempts.length < spec.attempts;
}

/** When the attempt's time runs out (ms since the epoch), or null without a time limit. */
export function attemptDeadline(spec: AssignmentSpec, attempt: SessionAttempt): number | null {
  if (spec.timeLimit === undefined) return null;
  const extra = attempt.extensions.reduce((sum, e) => sum + e.minutes, 0);
  return Date.parse(attempt.startedAt) + (spec.timeLimit + extra) * 60_000;
}

/** How long before the end the "time is almost up" dialog opens, in ms. */
export function warnBeforeMs(spec: AssignmentSpec): number {
  return Math.min(60_000, ((spec.timeLimit ?? 0) * 60_000) / 2);
}

/** Remaining time as "m:ss" or "h:mm:ss" (rounded up, so "0:00" means the time is up). */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The thresholds announced to screen readers, in ms before the end. */
export const ANNOUNCE_AT = [5 * 60_000, 60_000] as const;

/**
 * What to announce when the remaining time went from `before` to `after` ms: "5 minutes left" or
 * "1 minute left" when a threshold was crossed in between, else null. A threshold already behind
 * when the attempt started (a 3-minute limit has no "5 minutes left") is never announced.
 */
export function timeAnnouncement(before: number, after: number): string | null {
  let crossed: number | null = null;
  for (const at of ANNOUNCE_AT) if (before > at && after <= at && after > 0) crossed = at;
  if (crossed === null) return null;
  return crossed === 60_000 ? '1 minute left' : `${crossed / 60_000} minutes left`;
}

/** "Answers and feedback…" in plain words, for the rules at the top of the assignment. */
export function reviewPolicyText(spec: AssignmentSpec): string {
  switch (spec.review) {
    case 'immediate':
      return 'You can check each answer as you go: checking shows whether it is right and locks it.';
    case 'after-due':
      return 'You will see the answers and feedback after the due date.';
    case 'never':
      return 'Answers are not shown; your teacher will go through the results.';
  }
}

/** Whether the student may see answers now: `show`, `wait` (until the due date) or `never`. */
export function reviewState(spec: AssignmentSpec, nowMs: number): 'show' | 'wait' | 'never' {
  if (spec.review === 'immediate') return 'show';
  if (spec.review === 'never') return 'never';
  return spec.due !== undefined && nowMs > Date.parse(spec.due) ? 'show' : 'wait';
}

/** Hand in the open attempt at `at` (ISO); `timedOut` when the time limit did it. */
export function submitAttempt(session: AssignmentSession, at: string, timedOut = false): AssignmentSession {
  return {
    ...session,
    attempts: session.attempts.map((a) =>
      a.submittedAt === undefined
        ? {
            ...a,
            // A clock that went backwards must not make a submission the parser refuses.
            submittedAt: Date.parse(at) >= Date.parse(a.startedAt) ? at : a.startedAt,
            ...(timedOut ? { timedOut: true } : {}),
          }
        : a,
    ),
  };
}

/** The sealed submission for every attempt handed in so far, or null before the first. */
export function sessionSubmission(
  spec: AssignmentSpec,
  fingerprint: string,
  session: AssignmentSession,
): Submission | null {
  const done = submittedAttempts(session);
  if (done.length === 0) return null;
  const attempts: SubmissionAttempt[] = done.map((a) => ({
    startedAt: a.startedAt,
    submittedAt: a.submittedAt as string,
    responses: { ...a.responses },
  }));
  return createSubmission({
    spec,
    fingerprint,
    student: session.student,
    attempts,
    extensions: done.flatMap((a) => a.extensions),
  });
}
