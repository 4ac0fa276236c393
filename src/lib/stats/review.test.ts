import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GradebookRow } from '../gradebook/grade.ts';
import {
  describeItemStats,
  formatMinutes,
  histogram,
  itemStatsSummary,
  nextSort,
  parseItemStatsSummary,
  sortRows,
} from './review.ts';

const row = (name: string, id: string | null, score: number, late = false): GradebookRow => ({
  name,
  id,
  score,
  points: 0,
  maxPoints: 1,
  answered: 0,
  minutes: score / 2,
  late,
  extensionMinutes: 0,
  attempts: 1,
  countedAttempt: 1,
  superseded: false,
  submittedAt: '2026-03-02T10:00:00Z',
  rulesChecked: false,
  checksum: '00000000000000',
  flags: [],
  notes: [],
  overridden: 0,
  comment: '',
  index: 0,
});

describe('sortRows', () => {
  const rows = [row('student 10', 's2', 50), row('Student 2', null, 90, true), row('ana', 's1', 50)];
  it.each([
    ['name', 'ascending', ['ana', 'Student 2', 'student 10']],
    ['name', 'descending', ['student 10', 'Student 2', 'ana']],
    ['score', 'descending', ['Student 2', 'student 10', 'ana']],
    ['score', 'ascending', ['student 10', 'ana', 'Student 2']],
    ['id', 'ascending', ['ana', 'student 10', 'Student 2']],
    ['id', 'descending', ['student 10', 'ana', 'Student 2']],
    ['late', 'descending', ['Student 2', 'student 10', 'ana']],
  ] as const)('by %s %s', (key, direction, names) => {
    expect(sortRows(rows, key, direction).map((r) => r.name)).toEqual(names);
  });
});

describe('nextSort: a click on a column heading', () => {
  it.each([
    ['the same column turns round', { key: 'score', direction: 'descending' }, 'score', 'ascending'],
    ['and back', { key: 'score', direction: 'ascending' }, 'score', 'descending'],
    ['a new text column starts A to Z', { key: 'score', direction: 'ascending' }, 'name', 'ascending'],
    ['ids too', { key: 'name', direction: 'descending' }, 'id', 'ascending'],
    [
      'a new number column starts highest first',
      { key: 'name', direction: 'ascending' },
      'minutes',
      'descending',
    ],
    ['late ones first', { key: 'name', direction: 'ascending' }, 'late', 'descending'],
  ] as const)('%s', (_, current, key, direction) => {
    expect(nextSort(current, key)).toEqual({ key, direction });
  });
});

describe('histogram', () => {
  it('puts 100 in the last bin and counts everything once', () => {
    expect(histogram([0, 9.99, 10, 55, 100]).map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
  it('property: the counts add up to the finite values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 150, noNaN: true })), (values) => {
        const total = histogram(values).reduce((sum, b) => sum + b.count, 0);
        expect(total).toBe(values.length);
      }),
    );
  });
});

describe('formatMinutes', () => {
  it.each([
    [0.4, 'under 1 min'],
    [45, '45 min'],
    [125, '2 h 05 min'],
    [-1, '–'],
    [Number.NaN, '–'],
  ])('%d → %s', (minutes, text) => expect(formatMinutes(minutes)).toBe(text));
});

describe('item statistics for the bank browser', () => {
  const items = [
    { id: 'q1', facility: 62.4, discrimination: 31, efficiency: null, attempted: 18 },
    { id: 'q2', facility: null, discrimination: null, efficiency: null, attempted: 0 },
  ];

  it('round-trips through storage and describes each item', () => {
    const summary = itemStatsSummary(items, 'Week 1', 20, 1_700_000_000_000);
    const back = parseItemStatsSummary(JSON.stringify(summary));
    expect(back).toEqual(summary);
    expect(describeItemStats(back!.items['q1']!)).toBe(
      'facility 62% · discrimination 31% · efficiency – · answered by 18',
    );
  });

  it.each([null, '', '{', '[]', '{"title":1}', '{"title":"x","students":1,"at":1,"items":null}'])(
    'reads %j as nothing, without throwing',
    (raw) => {
      expect(parseItemStatsSummary(raw)).toBeNull();
    },
  );
});
