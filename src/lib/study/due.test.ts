import { describe, expect, it } from 'vitest';
import { countDue, dueSummary, newestAttempts, parseDueSummary } from './due.ts';

const DAY = 86_400_000;
const T = Date.UTC(2025, 0, 6, 12);

describe('dueSummary / parseDueSummary', () => {
  it('round-trips through JSON', () => {
    const summary = dueSummary(
      [
        { id: 'a', due: T },
        { id: 'b', due: T + DAY },
      ],
      T,
    );
    expect(parseDueSummary(JSON.stringify(summary))).toEqual(summary);
  });

  it.each([
    null,
    '',
    'not json',
    '[]',
    '{"v":2,"at":1,"due":{}}',
    '{"v":1,"due":{}}',
    '{"v":1,"at":1,"due":[]}',
  ])('reads %j as no summary', (raw) => {
    expect(parseDueSummary(raw)).toBeUndefined();
  });

  it('drops entries that are not times', () => {
    expect(parseDueSummary('{"v":1,"at":5,"due":{"a":1,"b":"x"}}')).toEqual({ v: 1, at: 5, due: { a: 1 } });
  });
});

describe('newestAttempts', () => {
  it('finds the newest attempt per question, in any order', () => {
    const raw = JSON.stringify({
      questions: {
        a: { attempts: [{ at: 5 }, { at: 9 }, { at: 7 }] },
        b: { attempts: [] },
        c: { attempts: 'x' },
      },
    });
    expect(newestAttempts(raw)).toEqual({ a: 9 });
  });

  it.each([null, '', '{', '[]', '{"questions":[]}'])('reads %j as no attempts', (raw) => {
    expect(newestAttempts(raw)).toEqual({});
  });
});

describe('countDue', () => {
  const summary = dueSummary(
    [
      { id: 'due', due: T - DAY },
      { id: 'later', due: T + 3 * DAY },
      { id: 'soon', due: T + DAY },
    ],
    T,
  );

  it.each([
    ['at the summary time', {}, T, 1],
    ['a day later', {}, T + DAY, 2],
    ['after answering a due one since', { due: T + 60_000 }, T + 2 * 60_000, 0],
    ['the answered one a day after its answer', { due: T + 60_000 }, T + 60_000 + DAY, 2],
    ['a question first answered on a lesson since', { fresh: T + 60_000 }, T + DAY + 60_000, 3],
    ['an answer older than the summary changes nothing', { later: T - 5 * DAY }, T, 1],
  ])('%s', (_name, newest: Record<string, number>, now, expected) => {
    expect(countDue(summary, newest, now)).toBe(expected);
  });

  it('never makes a question due earlier than the summary says', () => {
    expect(countDue(summary, { later: T + 60_000 }, T + 2 * DAY)).toBe(2);
  });

  it('without a summary, counts answers at least a day old', () => {
    expect(countDue(undefined, { a: T - DAY, b: T }, T)).toBe(1);
  });
});
