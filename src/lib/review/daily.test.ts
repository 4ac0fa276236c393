import { describe, expect, it } from 'vitest';
import { addAttempt } from '../progress/merge.ts';
import { emptyProgress, type Progress } from '../progress/schema.ts';
import { dailyProgress, localDay } from './daily.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midnight UTC, Monday 10 March 2025. */
const MON = Date.UTC(2025, 2, 10);
const UTC = { tzOffsetMinutes: 0 };

function attempts(list: readonly [qid: string, at: number][], state = emptyProgress()): Progress {
  return list.reduce(
    (acc, [qid, at]) => addAttempt(acc, { qid, hash: 'h', response: null, score: 1, at }),
    state,
  );
}

/** Each of `qids` answered first on day 0, then reviewed at noon on each of `days`. */
function reviewedOn(days: readonly number[], qids = ['a', 'b']): Progress {
  const list: [string, number][] = qids.map((qid) => [qid, MON - 30 * DAY]);
  for (const day of days) for (const qid of qids) list.push([qid, MON + day * DAY + 12 * HOUR]);
  return attempts(list);
}

describe('what counts as a review', () => {
  it('first-day answers are not reviews; answering again on a later day is', () => {
    const state = attempts([
      ['a', MON + 9 * HOUR],
      ['a', MON + 10 * HOUR],
      ['b', MON - DAY],
      ['b', MON + 11 * HOUR],
    ]);
    expect(dailyProgress(state, MON + 20 * HOUR, 1, UTC).reviewedToday).toBe(1);
  });

  it('a question counts once per day however often it is retried', () => {
    const state = attempts([
      ['a', MON - DAY],
      ['a', MON + HOUR],
      ['a', MON + 2 * HOUR],
      ['a', MON + 3 * HOUR],
    ]);
    expect(dailyProgress(state, MON + 20 * HOUR, 1, UTC).reviewedToday).toBe(1);
  });

  it('attempts after `at` are not counted', () => {
    const state = attempts([
      ['a', MON - DAY],
      ['a', MON + 12 * HOUR],
    ]);
    expect(dailyProgress(state, MON + 11 * HOUR, 1, UTC).reviewedToday).toBe(0);
    expect(dailyProgress(state, MON + 12 * HOUR, 1, UTC).reviewedToday).toBe(1);
  });

  it('an attempt under an older question version still makes a later answer a review', () => {
    let state = addAttempt(emptyProgress(), {
      qid: 'a',
      hash: 'old',
      response: null,
      score: 0,
      at: MON - DAY,
    });
    state = addAttempt(state, { qid: 'a', hash: 'new', response: null, score: 1, at: MON + HOUR });
    expect(dailyProgress(state, MON + 2 * HOUR, 1, UTC).reviewedToday).toBe(1);
  });
});

describe('goal and streak', () => {
  it.each<[string, number[], number, number, boolean, number]>([
    // name, review days (relative to today = day 4), goal, reviewedToday, met, streak
    ['no reviews at all', [], 2, 0, false, 0],
    ['met today only', [4], 2, 2, true, 1],
    ['met four days running, including today', [1, 2, 3, 4], 2, 2, true, 4],
    ['met until yesterday, not yet today: streak still stands', [1, 2, 3], 2, 0, false, 3],
    ['a gap breaks the streak', [0, 1, 3, 4], 2, 2, true, 2],
    ['two days without reviews end it', [0, 1, 2], 2, 0, false, 0],
    ['below goal every day: the streak counts review days all the same', [1, 2, 3, 4], 3, 2, false, 4],
  ])('%s', (_name, days, goal, reviewedToday, met, streak) => {
    const state = reviewedOn(days);
    const at = MON + 4 * DAY + 20 * HOUR;
    expect(dailyProgress(state, at, goal, UTC)).toEqual({ reviewedToday, goal, met, streak });
  });

  it('a day below goal keeps the streak; a day without any review ends it', () => {
    let state = reviewedOn([1, 3, 4], ['a', 'b']);
    state = attempts([['a', MON + 2 * DAY + 12 * HOUR]], state);
    expect(dailyProgress(state, MON + 4 * DAY + 20 * HOUR, 2, UTC).streak).toBe(4);
    expect(dailyProgress(reviewedOn([1, 3, 4]), MON + 4 * DAY + 20 * HOUR, 2, UTC).streak).toBe(2);
  });

  // Reported: "Streak: None yet" beside "Reviewed today: 4 of 10". The streak counted only the days
  // that met the goal (10 by default), so a learner's first day of reviews never started one.
  it('four reviews today, short of the default goal of 10, make a streak of one day', () => {
    const state = reviewedOn([4], ['a', 'b', 'c', 'd']);
    expect(dailyProgress(state, MON + 4 * DAY + 20 * HOUR, 10, UTC)).toEqual({
      reviewedToday: 4,
      goal: 10,
      met: false,
      streak: 1,
    });
  });
});

describe('time zones', () => {
  // Reviews at 23:30 UTC on Monday and 00:30 UTC on Wednesday.
  const state = attempts([
    ['a', MON - 10 * DAY],
    ['b', MON - 10 * DAY],
    ['a', MON + 23.5 * HOUR],
    ['b', MON + 2 * DAY + 0.5 * HOUR],
  ]);
  const at = MON + 2 * DAY + 1 * HOUR; // Wednesday 01:00 UTC

  it.each<[string, number, number, number]>([
    // In UTC the reviews fall on Monday and Wednesday: no streak through Tuesday.
    ['UTC', 0, 1, 1],
    // In UTC+1 they fall on Tuesday 00:30 and Wednesday 01:30: two days running.
    ['UTC+1', 60, 1, 2],
    // In UTC−5 they fall on Monday 18:30 and Tuesday 19:30, and "now" is Tuesday 20:00.
    ['UTC−5', -300, 1, 2],
    // In UTC+5:45 (Nepal) the same as UTC+1.
    ['UTC+5:45', 345, 1, 2],
  ])('%s', (_name, tzOffsetMinutes, reviewedToday, streak) => {
    expect(dailyProgress(state, at, 1, { tzOffsetMinutes })).toMatchObject({ reviewedToday, streak });
  });

  it('localDay shifts the day boundary by the offset', () => {
    expect(localDay(MON - 1, 0)).toBe(localDay(MON, 0) - 1);
    expect(localDay(MON - 1, 60)).toBe(localDay(MON, 0));
    expect(localDay(MON, -60)).toBe(localDay(MON, 0) - 1);
  });
});

describe('bad input', () => {
  it.each([0, -1, 1.5, NaN])('refuses goal %s', (goal) => {
    expect(() => dailyProgress(emptyProgress(), MON, goal, UTC)).toThrow(
      /daily goal must be a whole number ≥ 1/,
    );
  });

  it.each([15 * 60, -15 * 60, 30.5, NaN])('refuses tzOffsetMinutes %s', (tzOffsetMinutes) => {
    expect(() => dailyProgress(emptyProgress(), MON, 1, { tzOffsetMinutes })).toThrow(/tzOffsetMinutes/);
  });
});
