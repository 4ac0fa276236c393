import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeBankIndex,
  decodeBankSearch,
  encodeBankIndex,
  toFilterItem,
  type BankIndex,
  type IndexItem,
} from './bank-index.ts';

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const choices = (values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

const indexArb: fc.Arbitrary<BankIndex> = fc
  .record({
    lessons: fc.uniqueArray(slug, { minLength: 1, maxLength: 4 }),
    items: fc.array(
      fc.record({
        suffix: slug,
        ownPrefix: fc.boolean(),
        lesson: fc.nat(),
        type: fc.constantFrom('single', 'truefalse', 'cloze'),
        bloom: fc.constantFrom('remember', 'analyze'),
        objective: fc.constantFrom('lo1', 'lo2', 'draft'),
        status: fc.constantFrom('final', 'draft'),
        pool: fc.constantFrom('practice', 'assessment'),
        prompt: fc.string(),
      }),
      { maxLength: 20 },
    ),
  })
  .map(({ lessons, items }) => {
    const rows: IndexItem[] = items.map((i) => {
      const lesson = lessons[i.lesson % lessons.length]!;
      return {
        id: i.ownPrefix ? `${lesson}-${i.suffix}` : `~${i.suffix}`.replace('~', 'x'),
        lesson,
        type: i.type,
        bloom: i.bloom,
        objective: i.objective,
        status: i.status as IndexItem['status'],
        pool: i.pool as IndexItem['pool'],
        prompt: i.prompt,
      };
    });
    return {
      modules: choices(['m1']),
      lessons: lessons.map((id) => ({ id, title: `Title ${id}`, module: null, objectives: [] })),
      types: choices(['single', 'truefalse', 'cloze']),
      levels: choices(['remember', 'analyze']),
      statuses: choices(['final', 'draft']),
      pools: choices(['practice', 'assessment']),
      items: rows,
    };
  });

describe('the bank index file', () => {
  it('decodes to the index it was encoded from, through JSON', () => {
    fc.assert(
      fc.property(indexArb, (index) => {
        expect(decodeBankIndex(JSON.parse(JSON.stringify(encodeBankIndex(index))))).toEqual(index);
      }),
    );
  });

  it('writes an id under its own lesson without the lesson', () => {
    fc.assert(
      fc.property(indexArb, (index) => {
        const rows = encodeBankIndex(index).rows;
        rows.forEach((row, i) => {
          const item = index.items[i]!;
          expect(row[0].startsWith('~')).toBe(item.id.startsWith(`${item.lesson}-`));
        });
      }),
    );
  });

  it('never throws, and rejects what is not an index', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => decodeBankIndex(value)).not.toThrow();
      }),
    );
    const good = encodeBankIndex({
      modules: [],
      lessons: [{ id: 'l', title: 'L', module: null, objectives: [] }],
      types: choices(['single']),
      levels: choices(['remember']),
      statuses: choices(['final']),
      pools: choices(['practice']),
      items: [
        {
          id: 'l-1',
          lesson: 'l',
          type: 'single',
          bloom: 'remember',
          objective: 'lo1',
          status: 'final',
          pool: 'practice',
          prompt: 'P',
        },
      ],
    });
    expect(decodeBankIndex(good)?.items[0]?.id).toBe('l-1');
    expect(decodeBankIndex({ ...good, v: 1 })).toBeNull();
    expect(decodeBankIndex({ ...good, rows: [['l-1', 5, 0, 0, 'lo1', 0, 0, 'P']] })).toBeNull();
    expect(decodeBankIndex({ ...good, rows: [['l-1', 0, 0, 0, 'lo1', 0, 0]] })).toBeNull();
    expect(decodeBankIndex({ ...good, types: [{ value: 1 }] })).toBeNull();
  });
});

describe('decodeBankSearch', () => {
  it.each([
    [{ v: 1, more: ['a', 'b'] }, 2, ['a', 'b']],
    [{ v: 1, more: ['a'] }, 2, null],
    [{ v: 1, more: ['a', 3] }, 2, null],
    [null, 0, null],
  ])('%j for %i rows → %j', (value, rows, expected) => {
    expect(decodeBankSearch(value, rows)).toEqual(expected);
  });
});

describe('toFilterItem', () => {
  it('searches the id, the prompt and, once loaded, the explanation and quote', () => {
    const item: IndexItem = {
      id: 'mali-q1',
      lesson: 'mali',
      type: 'single',
      bloom: 'remember',
      objective: 'lo1',
      status: 'final',
      pool: 'practice',
      prompt: 'Which forum?',
    };
    const moduleOf = new Map([['mali', 'm1']]);
    expect(toFilterItem(item, moduleOf)).toMatchObject({ module: 'm1', text: 'mali-q1 Which forum? ' });
    expect(toFilterItem(item, moduleOf, 'by invitation').text).toContain('by invitation');
  });
});
