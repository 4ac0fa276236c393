import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../submission/submission.ts';
import { withId, type AssignmentSpec } from './spec.ts';
import {
  addLock,
  attemptDeadline,
  canStartAttempt,
  extensionMinutes,
  formatRemaining,
  locksStorageKey,
  newSession,
  openAttempt,
  restoreLocks,
  restoreSession,
  renameSessionIds,
  reviewState,
  sessionStorageKey,
  sessionSubmission,
  studentKeyOf,
  submitAttempt,
  timeAnnouncement,
  warnBeforeMs,
  type AssignmentSession,
} from './session.ts';

const spec = (extra: Partial<AssignmentSpec> = {}): AssignmentSpec =>
  withId({
    v: 1,
    title: 'Week 1',
    questions: ['q1', 'q2'],
    seed: 's',
    attempts: 2,
    shuffleQuestions: true,
    shuffleOptions: true,
    review: 'immediate',
    ...extra,
  });

const T0 = '2026-03-02T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

describe('studentKeyOf', () => {
  it.each([
    [{ name: 'Ana Lopez' }, { name: '  ana   LOPEZ ' }, true],
    [{ name: 'Ana', id: 's1' }, { name: 'ana', id: ' S1 ' }, true],
    [{ name: 'Ana', id: 's1' }, { name: 'Ana', id: 's2' }, false],
    [{ name: 'Ana' }, { name: 'Anna' }, false],
  ])('%o and %o → same key: %s', (a, b, same) => {
    expect(studentKeyOf(a) === studentKeyOf(b)).toBe(same);
    expect(studentKeyOf(a)).toMatch(/^[0-9a-f]{14}$/);
  });

  it('names the storage slot per assignment and student', () => {
    expect(sessionStorageKey('abc', 'k')).toBe('eoc:assignment:abc:k');
  });
});

describe('restoreSession', () => {
  const s = spec({ timeLimit: 30 });
  it('keeps good attempts and drops what does not fit', () => {
    const restored = restoreSession(
      {
        v: 1,
        student: { name: 'Ana', id: '' },
        attempts: [
          {
            startedAt: T0,
            submittedAt: at(5),
            responses: { q1: 'a', other: 'x' },
            checked: ['q1', 'nope', 3],
            extensions: [
              { at: at(1), minutes: 10 },
              { at: 'soon', minutes: 1 },
              { at: at(2), minutes: 0 },
            ],
          },
          { startedAt: 'yesterday', responses: {} },
          { startedAt: at(10), responses: 'bad', checked: 'bad' },
          { startedAt: at(20), responses: {} },
        ],
      },
      s,
    );
    expect(restored).toEqual({
      v: 1,
      student: { name: 'Ana' },
      attempts: [
        {
          startedAt: T0,
          submittedAt: at(5),
          responses: { q1: 'a' },
          checked: ['q1'],
          extensions: [{ at: at(1), minutes: 10 }],
        },
        { startedAt: at(10), responses: {}, checked: [], extensions: [] },
      ],
    });
  });

  it.each([null, 'x', [], { v: 2, student: { name: 'A' } }, { v: 1, student: { name: ' ' } }, { v: 1 }])(
    'refuses %j',
    (value) => expect(restoreSession(value, s)).toBeNull(),
  );

  it('property: never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void restoreSession(value, s)));
  });
});

describe('time limits', () => {
  const timed = spec({ timeLimit: 30 });
  const attempt = (extensions: { at: string; minutes: number }[] = []) => ({
    startedAt: T0,
    responses: {},
    checked: [],
    extensions,
  });

  it('the deadline is start + limit + extensions; none without a limit', () => {
    expect(attemptDeadline(timed, attempt())).toBe(Date.parse(at(30)));
    expect(attemptDeadline(timed, attempt([{ at: at(29), minutes: 10 }]))).toBe(Date.parse(at(40)));
    expect(attemptDeadline(spec(), attempt())).toBeNull();
  });

  it.each([
    [1, 1, 30_000],
    [5, 5, 60_000],
    [30, 10, 60_000],
  ])('a %i-minute limit extends by %i minutes and warns %i ms before the end', (limit, extension, warn) => {
    const s = spec({ timeLimit: limit });
    expect(extensionMinutes(s)).toBe(extension);
    expect(warnBeforeMs(s)).toBe(warn);
    expect(warnBeforeMs(s)).toBeGreaterThanOrEqual(20_000);
  });

  it.each([
    [301_000, 299_000, '5 minutes left'],
    [300_001, 300_000, '5 minutes left'],
    [300_000, 299_000, null],
    [61_000, 59_000, '1 minute left'],
    [400_000, 50_000, '1 minute left'],
    [59_000, 58_000, null],
    [61_000, 0, null],
    [200_000, 199_000, null],
  ])('from %i to %i ms left announces %s', (before, after, said) => {
    expect(timeAnnouncement(before, after)).toBe(said);
  });

  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [60_000, '1:00'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [5_025_000, '1:23:45'],
  ])('%i ms → %s', (ms, text) => expect(formatRemaining(ms)).toBe(text));
});

describe('reviewState', () => {
  const due = '2026-03-10T12:00:00Z';
  it.each([
    ['immediate', undefined, 0, 'show'],
    ['never', due, Date.parse(due) + 1, 'never'],
    ['after-due', due, Date.parse(due), 'wait'],
    ['after-due', due, Date.parse(due) + 1, 'show'],
  ] as const)('%s (due %s) at %i → %s', (review, dueAt, now, state) => {
    expect(reviewState(spec({ review, ...(dueAt ? { due: dueAt } : {}) }), now)).toBe(state);
  });
});

describe('attempts and the submission', () => {
  it('hands in attempts, allows the next while attempts remain, and seals every attempt', () => {
    const s = spec({ due: at(30), review: 'after-due' });
    let session: AssignmentSession = newSession({ name: ' Ana ', id: ' ' });
    expect(session.student).toEqual({ name: 'Ana' });
    expect(sessionSubmission(s, 'ffffffffffffff', session)).toBeNull();
    session.attempts.push({
      startedAt: T0,
      responses: { q1: 'a' },
      checked: [],
      extensions: [{ at: at(1), minutes: 5 }],
    });
    expect(canStartAttempt(session, s)).toBe(false);
    session = submitAttempt(session, at(10));
    expect(openAttempt(session)).toBeUndefined();
    expect(canStartAttempt(session, s)).toBe(true);
    session.attempts.push({ startedAt: at(40), responses: { q2: true }, checked: [], extensions: [] });
    session = submitAttempt(session, at(50), true);
    expect(canStartAttempt(session, s)).toBe(false);
    expect(session.attempts[1]?.timedOut).toBe(true);

    const sub = sessionSubmission(s, 'ffffffffffffff', session);
    expect(sub?.attempts.map((a) => a.responses)).toEqual([{ q1: 'a' }, { q2: true }]);
    expect(sub?.extensions).toEqual([{ at: at(1), minutes: 5 }]);
    expect(sub?.late).toBe(true);
    const parsed = parseSubmission(JSON.stringify(sub));
    expect(parsed.ok).toBe(true);
  });

  it('a clock that went backwards never hands in before the start', () => {
    const session = newSession({ name: 'Ana' });
    session.attempts.push({ startedAt: at(10), responses: {}, checked: [], extensions: [] });
    expect(submitAttempt(session, T0).attempts[0]?.submittedAt).toBe(at(10));
  });
});

describe('what a restored session can hold: no more than the page could give', () => {
  const timed = spec({ timeLimit: 20 });
  const saved = (attempt: Record<string, unknown>) => ({
    v: 1,
    student: { name: 'Ana' },
    attempts: [attempt],
  });

  it('an extension edited in storage comes back as what one click grants', () => {
    const restored = restoreSession(
      saved({ startedAt: T0, responses: {}, checked: [], extensions: [{ at: at(19), minutes: 525_600 }] }),
      timed,
    );
    expect(restored?.attempts[0]?.extensions).toEqual([{ at: at(19), minutes: 10 }]);
    expect(
      attemptDeadline(timed, restored?.attempts[0] as NonNullable<typeof restored>['attempts'][number]),
    ).toBe(Date.parse(at(30)));
  });

  it('extensions the page could not have granted are dropped: without a time limit, or after the time ran out', () => {
    const late = saved({
      startedAt: T0,
      responses: {},
      checked: [],
      extensions: [{ at: at(40), minutes: 10 }],
    });
    expect(restoreSession(late, timed)?.attempts[0]?.extensions).toEqual([]);
    const untimed = saved({
      startedAt: T0,
      responses: {},
      checked: [],
      extensions: [{ at: at(1), minutes: 10 }],
    });
    expect(restoreSession(untimed, spec())?.attempts[0]?.extensions).toEqual([]);
  });

  it('a checked answer stays checked, and stays the answer that was checked, whatever the session says', () => {
    let locks = addLock({}, { startedAt: T0 }, 'q1', 'b');
    // Checking again never moves the lock.
    locks = addLock(locks, { startedAt: T0 }, 'q1', 'a');
    const edited = saved({ startedAt: T0, responses: { q1: 'a' }, checked: [], extensions: [] });
    const restored = restoreSession(edited, spec(), restoreLocks(JSON.parse(JSON.stringify(locks)), spec()));
    expect(restored?.attempts[0]).toMatchObject({ checked: ['q1'], responses: { q1: 'b' } });
  });

  it('a lock record is read totally, and only for questions and attempts that exist', () => {
    expect(
      restoreLocks({ [T0]: { q1: 'a', other: 'x' }, nope: { q1: 'a' }, [at(5)]: 'bad' }, spec()),
    ).toEqual({
      [T0]: { q1: 'a' },
    });
    fc.assert(fc.property(fc.anything(), (value) => void restoreLocks(value, spec())));
  });

  it('names the lock record beside the session', () => {
    expect(locksStorageKey('abc', 'k')).toBe('eoc:assignment:abc:k:locks');
  });
});

describe('renameSessionIds', () => {
  it('carries work saved under authored option handles over to the published ids', () => {
    const session: AssignmentSession = {
      v: 1,
      student: { name: 'Ana' },
      attempts: [{ startedAt: T0, responses: { q1: 'a', q2: ['b', 'zz'] }, checked: ['q1'], extensions: [] }],
    };
    const renames: Record<string, Record<string, string>> = { q1: { a: 'k3f9x2' }, q2: { b: 'q81zz0' } };
    const renamed = renameSessionIds(session, (id) => renames[id]);
    expect(renamed.attempts[0]?.responses).toEqual({ q1: 'k3f9x2', q2: ['q81zz0', 'zz'] });
    expect(renamed.attempts[0]?.checked).toEqual(['q1']);
    expect(renameSessionIds(renamed, () => ({ a: 'k3f9x2' }))).toEqual(renamed);
  });
});
