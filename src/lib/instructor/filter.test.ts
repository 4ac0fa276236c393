import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NO_FILTER,
  describeCount,
  filterItems,
  formatCount,
  foldCase,
  groupByLesson,
  isFiltered,
  toggleLesson,
  withField,
  type BankFilter,
  type FilterItem,
} from './filter.ts';

const item = (id: string, over: Partial<FilterItem> = {}): FilterItem => ({
  id,
  lesson: 'mali',
  module: 'm1',
  type: 'single',
  bloom: 'remember',
  objective: 'lo1',
  status: 'final',
  pool: 'practice',
  text: '',
  ...over,
});

const bank = [
  item('a', { text: 'Telegram channels in Mali' }),
  item('b', { type: 'truefalse', bloom: 'analyze', objective: 'lo2', text: 'Sécurité numérique' }),
  item('c', { lesson: 'crypto', module: 'm3', status: 'draft', text: 'Bitcoin wallets' }),
  item('d', {
    lesson: 'crypto',
    module: 'm3',
    pool: 'assessment',
    objective: 'lo2',
    text: 'An analyst finds',
  }),
  item('e', { lesson: 'orphan', module: null, bloom: 'apply', text: 'Telegram bots' }),
];
const ids = (filter: Partial<BankFilter>) => filterItems(bank, { ...NO_FILTER, ...filter }).map((i) => i.id);

describe('filterItems', () => {
  it.each([
    ['no filter keeps all', {}, ['a', 'b', 'c', 'd', 'e']],
    ['module', { module: 'm3' }, ['c', 'd']],
    ['lesson', { lesson: 'crypto' }, ['c', 'd']],
    ['type', { type: 'truefalse' }, ['b']],
    ['Bloom level', { bloom: 'apply' }, ['e']],
    ['objective of a lesson', { lesson: 'crypto', objective: 'lo2' }, ['d']],
    ['an objective without a lesson is not applied', { objective: 'lo2' }, ['a', 'b', 'c', 'd', 'e']],
    ['drafts', { status: 'draft' }, ['c']],
    ['final', { status: 'final' }, ['a', 'b', 'd', 'e']],
    ['assessment pool', { pool: 'assessment' }, ['d']],
    ['practice', { pool: 'practice' }, ['a', 'b', 'c', 'e']],
    ['search: every word, any order and case', { search: 'mali  TELEGRAM' }, ['a']],
    ['search ignores accents both ways', { search: 'securite' }, ['b']],
    ['search with no match', { search: 'zzzz' }, []],
    ['filters combine', { search: 'telegram', bloom: 'apply' }, ['e']],
  ] as const)('%s', (_label, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('uses pre-folded text when given', () => {
    const folded = bank.map((i) => foldCase(i.text));
    expect(filterItems(bank, { ...NO_FILTER, search: 'bitcoin' }, folded).map((i) => i.id)).toEqual(['c']);
  });

  const filterArb = fc.record({
    module: fc.constantFrom('', 'm1', 'm3'),
    lesson: fc.constantFrom('', 'mali', 'crypto', 'orphan'),
    type: fc.constantFrom('', 'single', 'truefalse'),
    bloom: fc.constantFrom('', 'remember', 'analyze', 'apply'),
    objective: fc.constantFrom('', 'lo1', 'lo2'),
    status: fc.constantFrom('', 'final', 'draft'),
    pool: fc.constantFrom('', 'practice', 'assessment'),
    search: fc.constantFrom('', 'telegram', 'mali telegram', 'BITCOIN', 'x'),
  }) as fc.Arbitrary<BankFilter>;

  it('setting one more field never adds a question, and results keep bank order', () => {
    fc.assert(
      fc.property(
        filterArb,
        fc.constantFrom(...(Object.keys(NO_FILTER) as (keyof BankFilter)[])),
        (f, key) => {
          const wider = filterItems(bank, { ...f, [key]: NO_FILTER[key] });
          const narrower = filterItems(bank, f);
          expect(narrower.every((i) => wider.includes(i))).toBe(true);
          expect(narrower).toEqual(bank.filter((i) => narrower.includes(i)));
        },
      ),
    );
  });
});

describe('isFiltered', () => {
  it.each([
    [{}, false],
    [{ search: '   ' }, false],
    [{ search: 'x' }, true],
    [{ pool: 'assessment' }, true],
  ] as const)('%o → %s', (filter, expected) => {
    expect(isFiltered({ ...NO_FILTER, ...filter })).toBe(expected);
  });
});

describe('withField', () => {
  const moduleOf = (lesson: string) => bank.find((i) => i.lesson === lesson)?.module ?? null;
  it('drops a lesson outside a newly chosen module, and its objective', () => {
    const f = { ...NO_FILTER, lesson: 'mali', objective: 'lo2' };
    expect(withField(f, 'module', 'm3', moduleOf)).toMatchObject({ module: 'm3', lesson: '', objective: '' });
  });
  it('keeps a lesson inside the chosen module, and its objective', () => {
    const f = { ...NO_FILTER, lesson: 'crypto', objective: 'lo2' };
    expect(withField(f, 'module', 'm3', moduleOf)).toMatchObject({ lesson: 'crypto', objective: 'lo2' });
  });
  it('drops the objective when the lesson changes', () => {
    const f = { ...NO_FILTER, lesson: 'crypto', objective: 'lo2' };
    expect(withField(f, 'lesson', 'mali', moduleOf).objective).toBe('');
  });
});

describe('groupByLesson', () => {
  it('groups in course order, unknown lessons last', () => {
    const groups = groupByLesson(bank, ['crypto', 'mali']);
    expect(groups.map((g) => [g.lesson, g.items.map((i) => i.id)])).toEqual([
      ['crypto', ['c', 'd']],
      ['mali', ['a', 'b']],
      ['orphan', ['e']],
    ]);
  });
});

describe('describeCount', () => {
  it.each([
    [169, 169, 11, 'Showing all 169 questions, in 11 lessons.'],
    [1, 7700, 1, 'Showing 1 of 7,700 questions, in 1 lesson.'],
    [0, 169, 0, 'No questions match (of 169). Change or clear a filter.'],
  ])('%i of %i', (shown, total, lessons, text) => {
    expect(describeCount(shown, total, lessons)).toBe(text);
  });
});

describe('formatCount', () => {
  it('writes a count as English does, without Intl', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en'));
      }),
    );
    expect([0, 999, 1000, 6565, 1234567].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '6,565',
      '1,234,567',
    ]);
  });
});

describe('toggleLesson', () => {
  it('remembers a lesson opened or closed against the default', () => {
    expect(toggleLesson({}, 'mali', true, false)).toEqual({ mali: true });
    expect(toggleLesson({}, 'mali', false, true)).toEqual({ mali: false });
  });
  it('forgets a toggle that matches the default, e.g. a lesson a search opened', () => {
    expect(toggleLesson({ mali: false }, 'mali', true, true)).toEqual({});
    expect(toggleLesson({ crypto: true }, 'mali', true, true)).toEqual({ crypto: true });
  });
});
