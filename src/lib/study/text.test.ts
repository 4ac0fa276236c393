import { describe, expect, it } from 'vitest';
import { DEFAULT_GOAL, MAX_GOAL, parseGoal, parseObjectiveParam, whenText } from './text.ts';

const HOUR = 3_600_000;
// Monday 6 January 2025, 10:00 UTC.
const MON = Date.UTC(2025, 0, 6, 10);

describe('whenText', () => {
  it.each([
    ['already due', MON - 1, 0, 'now'],
    ['same instant', MON, 0, 'now'],
    ['later the same day', MON + 5 * HOUR, 0, 'later today'],
    ['the next day', MON + 20 * HOUR, 0, 'tomorrow'],
    ['Tuesday next day', MON + 26 * HOUR, 0, 'tomorrow'],
    ['Wednesday', MON + 48 * HOUR, 0, 'Wednesday'],
    ['Sunday', MON + 6 * 24 * HOUR, 0, 'Sunday'],
    ['a week on', MON + 7 * 24 * HOUR, 0, 'in 7 days'],
    // Now is 20:00 Monday in UTC+10; 15:00 UTC is 01:00 Tuesday there (still Monday in UTC).
    ['time zone east', MON + 5 * HOUR, 600, 'tomorrow'],
    // Now is 05:00 Monday in UTC−5; 01:00 UTC Tuesday is 20:00 Monday there.
    ['time zone west', MON + 15 * HOUR, -300, 'later today'],
  ])('%s', (_name, due, tz, text) => {
    expect(whenText(due, MON, tz)).toBe(text);
  });
});

describe('parseGoal', () => {
  it.each([
    [null, DEFAULT_GOAL],
    ['', DEFAULT_GOAL],
    ['5', 5],
    [' 12 ', 12],
    ['0', DEFAULT_GOAL],
    [String(MAX_GOAL), MAX_GOAL],
    [String(MAX_GOAL + 1), DEFAULT_GOAL],
    ['2.5', DEFAULT_GOAL],
    ['-3', DEFAULT_GOAL],
    ['ten', DEFAULT_GOAL],
  ])('%j → %d', (raw, goal) => {
    expect(parseGoal(raw)).toBe(goal);
  });
});

describe('parseObjectiveParam', () => {
  it.each([
    ['mali:lo1', { lesson: 'mali', objective: 'lo1' }],
    ['mali:lo:x', { lesson: 'mali', objective: 'lo:x' }],
    [':lo1', undefined],
    ['mali:', undefined],
    ['mali', undefined],
    [null, undefined],
  ])('%j', (value, parsed) => {
    expect(parseObjectiveParam(value)).toEqual(parsed);
  });
});
