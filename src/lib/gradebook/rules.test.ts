import { describe, expect, it } from 'vitest';
import { withId, type AssignmentSpec } from '../assign/spec.ts';
import { createSubmission, type SubmissionAttempt } from '../submission/submission.ts';
import { attemptsInOrder, checkRules } from './rules.ts';

const OPENS = '2026-05-01T08:00:00.000Z';
const DUE = '2026-05-08T17:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(DUE) + minutes * 60_000).toISOString();
const spec = (extra: Partial<AssignmentSpec> = {}) =>
  withId({
    v: 1,
    title: 'Week 1',
    questions: ['q1'],
    seed: 's',
    attempts: 2,
    timeLimit: 30,
    opensAt: OPENS,
    due: DUE,
    shuffleQuestions: false,
    shuffleOptions: false,
    review: 'after-due',
    ...extra,
  });
const attempt = (from: number, to: number): SubmissionAttempt => ({
  startedAt: at(from),
  submittedAt: at(to),
  responses: {},
});
const submit = (
  s: AssignmentSpec,
  attempts: SubmissionAttempt[],
  extensions: { at: string; minutes: number }[] = [],
) =>
  createSubmission({
    spec: s,
    fingerprint: 'aaaaaaaaaaaaaa',
    student: { name: 'Ana' },
    attempts,
    extensions,
  });

describe('checkRules', () => {
  it('an honest file within every rule gives no flag, and its extra time counts', () => {
    const s = spec();
    const check = checkRules(
      submit(s, [attempt(-100, -75), attempt(-50, -12)], [{ at: at(-21), minutes: 10 }]),
      s,
      Date.parse(DUE),
    );
    expect(check.flags).toEqual([]);
    expect(check.extensionMinutes).toBe(10);
    expect(check.attempts.map((a) => [a.graded, a.minutes, a.extensionMinutes, a.lateMinutes])).toEqual([
      [true, 25, 0, 0],
      [true, 38, 10, 0],
    ]);
  });

  it('a timed-out attempt handed in a minute after its deadline (a throttled background tab) is not over time', () => {
    const s = spec();
    expect(checkRules(submit(s, [attempt(-100, -69)]), s).flags).toEqual([]);
  });

  it.each([
    [
      'before the assignment opened',
      [{ startedAt: '2026-04-30T08:00:00.000Z', submittedAt: '2026-04-30T08:10:00.000Z', responses: {} }],
      /started 24 h 00 min before the assignment opened/,
    ],
    ['in the future', [attempt(100, 120)], /handed in 2 h 00 min in the future/],
    [
      'overlapping',
      [attempt(-100, -70), attempt(-80, -60)],
      /attempt 2 started before attempt 1 was handed in/,
    ],
  ])('flags times that cannot be right: %s', (_label, attempts, message) => {
    const s = spec();
    const flags = checkRules(submit(s, attempts), s, Date.parse(at(0))).flags;
    expect(
      flags
        .filter((f) => f.kind === 'clock')
        .map((f) => f.message)
        .join(' '),
    ).toMatch(message);
  });

  it('measures lateness per attempt, with the extra time granted during that attempt', () => {
    const s = spec();
    const check = checkRules(
      submit(
        s,
        [attempt(-10, 15)],
        [
          { at: at(10), minutes: 10 },
          { at: at(-5), minutes: 10 },
        ],
      ),
      s,
    );
    expect(check.attempts[0]?.extensionMinutes).toBe(20);
    expect(check.attempts[0]?.lateMinutes).toBe(0);
  });

  it('numbers attempts oldest first, whatever the file order', () => {
    const s = spec();
    const sub = submit(s, [attempt(-50, -40), attempt(-100, -90)]);
    expect(attemptsInOrder(sub).map((a) => a.startedAt)).toEqual([at(-100), at(-50)]);
    expect(checkRules(sub, s).attempts.map((a) => a.attempt.startedAt)).toEqual([at(-100), at(-50)]);
  });
});
