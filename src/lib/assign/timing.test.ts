import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRACE_MS, MAX_EXTENSIONS, extensionMinutes, grantedExtensions, lateMinutes } from './timing.ts';

const T0 = '2026-03-02T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const attempt = { startedAt: T0, submittedAt: at(60) };

describe('grantedExtensions: what the page could have granted', () => {
  const timed = { timeLimit: 20 };

  it('counts extensions taken during the attempt, before the time ran out, one grant each', () => {
    const granted = grantedExtensions(timed, attempt, [
      { at: at(19), minutes: 10 },
      { at: at(29), minutes: 10 },
    ]);
    expect(granted).toEqual({
      minutes: 20,
      counted: [
        { at: at(19), minutes: 10 },
        { at: at(29), minutes: 10 },
      ],
      problems: [],
    });
  });

  it.each([
    [
      'more minutes than one click grants',
      [{ at: at(19), minutes: 525_600 }],
      10,
      /claims an extension of 525,600 min; the page grants 10 min at a time/,
    ],
    [
      'taken after the time had run out',
      [{ at: at(45), minutes: 10 }],
      0,
      /taken after the time had run out/,
    ],
  ])('cuts or leaves out an extension %s, and says so', (_label, claims, minutes, problem) => {
    const granted = grantedExtensions(timed, attempt, claims);
    expect(granted.minutes).toBe(minutes);
    expect(granted.problems.join(' ')).toMatch(problem);
  });

  it('grants nothing without a time limit, and says what the file claimed', () => {
    const granted = grantedExtensions({}, attempt, [{ at: at(5), minutes: 30 }]);
    expect(granted.minutes).toBe(0);
    expect(granted.problems).toEqual([
      'it records 30 min of extra time, but the assignment has no time limit, so the page never grants any',
    ]);
  });

  it('ignores extensions outside the attempt (they belong to another one, or to none)', () => {
    expect(
      grantedExtensions(timed, attempt, [
        { at: at(-5), minutes: 10 },
        { at: at(61), minutes: 10 },
      ]),
    ).toEqual({
      minutes: 0,
      counted: [],
      problems: [],
    });
  });

  it(`counts at most ${MAX_EXTENSIONS} extensions`, () => {
    const long = { startedAt: T0, submittedAt: at(5_000) };
    const claims = Array.from({ length: MAX_EXTENSIONS + 3 }, (_, i) => ({
      at: at(19 + i * 10),
      minutes: 10,
    }));
    const granted = grantedExtensions(timed, long, claims);
    expect(granted.counted).toHaveLength(MAX_EXTENSIONS);
    expect(granted.problems).toEqual([`more than ${MAX_EXTENSIONS} extensions; the rest are not counted`]);
  });

  it('property: never grants more than the page can, whatever the claims', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.array(
          fc.record({
            minute: fc.integer({ min: -100, max: 2_000 }),
            minutes: fc.integer({ min: 1, max: 525_600 }),
          }),
        ),
        (limit, raw) => {
          const claims = raw.map((c) => ({ at: at(c.minute), minutes: c.minutes }));
          const granted = grantedExtensions(
            { timeLimit: limit },
            { startedAt: T0, submittedAt: at(2_000) },
            claims,
          );
          const grant = extensionMinutes({ timeLimit: limit });
          expect(granted.counted.every((c) => c.minutes <= grant)).toBe(true);
          expect(granted.minutes).toBeLessThanOrEqual(grant * MAX_EXTENSIONS);
          // Each one was asked for before the deadline it extended (with the grace for slow timers).
          let deadline = Date.parse(T0) + limit * 60_000;
          for (const c of granted.counted) {
            expect(Date.parse(c.at)).toBeLessThanOrEqual(deadline + GRACE_MS);
            deadline += c.minutes * 60_000;
          }
        },
      ),
    );
  });
});

describe('lateMinutes', () => {
  it.each([
    [undefined, at(90), 0, 0],
    [at(60), at(60), 0, 0],
    [at(60), at(90), 0, 30],
    [at(60), at(90), 10, 20],
    [at(60), at(65), 10, 0],
  ])('due %s, handed in %s with %i min extra → %i min late', (due, submittedAt, extra, late) => {
    expect(lateMinutes(due === undefined ? {} : { due }, submittedAt, extra)).toBe(late);
  });
});
