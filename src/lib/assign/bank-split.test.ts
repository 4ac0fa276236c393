import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { BANK_DATA_PATH, readBankData, type BankData, type FetchJson } from './bank-data.ts';
import {
  BANK_INDEX_PATH,
  bankIndex,
  fetchAssignmentBank,
  lessonBankPath,
  lessonsFor,
  mergeBanks,
  readBankIndex,
  splitBank,
} from './bank-split.ts';

function entry(id: string, lesson: string): BankData['questions'][number] {
  const question: Question = {
    type: 'truefalse',
    id,
    lesson,
    objective: 'lo1',
    bloom: 'remember',
    prompt: `Prompt ${id}`,
    explanation: 'Because.',
    evidence: { paragraph: 'p1', quote: 'a verbatim quote' },
    answer: true,
  };
  return { id, hash: `h-${id}`, source: `/sources/${lesson}/#p1`, question };
}

/** Lessons l1 (3 questions), l2 (2) and l3 (1); l1 and l2 in module m1, l3 in no module. */
const bank: BankData = {
  v: 1,
  questions: [
    entry('a-q1', 'l1'),
    entry('a-q2', 'l1'),
    entry('a-q3', 'l1'),
    entry('b-q1', 'l2'),
    entry('b-q2', 'l2'),
    entry('c-q1', 'l3'),
  ],
  lessons: [
    { id: 'l1', title: 'Lesson 1', module: 'm1' },
    { id: 'l2', title: 'Lesson 2', module: 'm1' },
    { id: 'l3', title: 'Lesson 3', module: null },
  ],
  modules: [{ id: 'm1', order: 1, title: 'Module 1', lessons: ['l1', 'l2'] }],
};

/** The built site as JSON round trips: what a browser would fetch. */
function siteOf(full: BankData): Map<string, unknown> {
  const site = new Map<string, unknown>([
    [BANK_DATA_PATH, full],
    [BANK_INDEX_PATH, bankIndex(full)],
  ]);
  for (const part of splitBank(full)) site.set(lessonBankPath(part.lesson), part.bank);
  return new Map([...site].map(([path, value]) => [path, JSON.parse(JSON.stringify(value))]));
}

/** A fetcher over `site` that records every path asked for; a path not in it is an HTTP 404. */
function fetcher(site: Map<string, unknown>): { fetchJson: FetchJson; asked: string[] } {
  const asked: string[] = [];
  const fetchJson: FetchJson = async (path) => {
    asked.push(path);
    if (!site.has(path)) throw new Error(`${path}: HTTP 404`);
    return site.get(path);
  };
  return { fetchJson, asked };
}

const pick = (from: BankData, ids: readonly string[]) => {
  const byId = new Map(from.questions.map((q) => [q.id, q]));
  return ids.map((id) => byId.get(id));
};

describe('splitBank', () => {
  it('gives each lesson its questions in bank order, with every lesson and module', () => {
    const parts = splitBank(bank);
    expect(parts.map((p) => p.lesson)).toEqual(['l1', 'l2', 'l3']);
    expect(parts[1]?.bank).toEqual({
      v: 1,
      questions: [entry('b-q1', 'l2'), entry('b-q2', 'l2')],
      lessons: bank.lessons,
      modules: bank.modules,
    });
  });

  it('writes files the bank reader accepts', () => {
    for (const part of splitBank(bank)) {
      expect(readBankData(JSON.parse(JSON.stringify(part.bank)))).toEqual({ ok: true, bank: part.bank });
    }
  });

  it('gives no file for an empty bank', () => {
    expect(splitBank({ ...bank, questions: [] })).toEqual([]);
  });
});

describe('bankIndex / readBankIndex / lessonsFor', () => {
  const index = bankIndex(bank);

  it('maps every question to its lesson and survives JSON', () => {
    expect(index.lessonOf).toEqual({
      'a-q1': 'l1',
      'a-q2': 'l1',
      'a-q3': 'l1',
      'b-q1': 'l2',
      'b-q2': 'l2',
      'c-q1': 'l3',
    });
    expect(readBankIndex(JSON.parse(JSON.stringify(index)))).toEqual(index);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['another version', { v: 2, lessonOf: {} }],
    ['no map', { v: 1 }],
    ['a list for a map', { v: 1, lessonOf: ['l1'] }],
    ['a number for a lesson', { v: 1, lessonOf: { 'a-q1': 1 } }],
  ])('refuses %s', (_, value) => {
    expect(readBankIndex(value)).toBeNull();
  });

  it('lists each needed lesson once, in order of first need, and the ids it does not know', () => {
    expect(lessonsFor(index, ['b-q2', 'a-q1', 'b-q1', 'gone-q9'])).toEqual({
      lessons: ['l2', 'l1'],
      missing: ['gone-q9'],
    });
  });

  it('does not take inherited properties for questions', () => {
    expect(lessonsFor(index, ['constructor', 'tostring', '__proto__']).missing).toEqual([
      'constructor',
      'tostring',
      '__proto__',
    ]);
  });

  it('keeps an id like "__proto__" as a plain key', () => {
    const odd = bankIndex({ ...bank, questions: [entry('__proto__', 'l1')] });
    const read = readBankIndex(JSON.parse(JSON.stringify(odd)));
    expect(read && lessonsFor(read, ['__proto__'])).toEqual({ lessons: ['l1'], missing: [] });
  });
});

describe('mergeBanks', () => {
  it('joins lesson files back into the bank', () => {
    expect(mergeBanks(splitBank(bank).map((p) => p.bank))).toEqual(bank);
  });

  it('keeps the first of repeated ids', () => {
    const other = { ...entry('a-q1', 'l1'), hash: 'other' };
    const merged = mergeBanks([
      { ...bank, questions: [entry('a-q1', 'l1')] },
      { ...bank, questions: [other, entry('b-q1', 'l2')] },
    ]);
    expect(merged.questions.map((q) => [q.id, q.hash])).toEqual([
      ['a-q1', 'h-a-q1'],
      ['b-q1', 'h-b-q1'],
    ]);
    expect(merged.lessons).toEqual(bank.lessons);
    expect(merged.modules).toEqual(bank.modules);
  });

  it('of nothing is an empty bank', () => {
    expect(mergeBanks([])).toEqual({ v: 1, questions: [], lessons: [], modules: [] });
  });
});

const lessonId = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const questionId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);

/** Banks with up to 40 questions over up to 6 lessons, in any order (not grouped by lesson). */
const banks: fc.Arbitrary<BankData> = fc
  .uniqueArray(lessonId, { minLength: 1, maxLength: 6 })
  .chain((lessons) =>
    fc.record({
      lessons: fc.constant(lessons),
      questions: fc.uniqueArray(fc.tuple(questionId, fc.constantFrom(...lessons)), {
        maxLength: 40,
        selector: ([id]) => id,
      }),
      modules: fc.uniqueArray(fc.tuple(lessonId, fc.subarray(lessons)), {
        maxLength: 3,
        selector: ([id]) => id,
      }),
    }),
  )
  .map(({ lessons, questions, modules }) => ({
    v: 1,
    questions: questions.map(([id, lesson]) => entry(id, lesson)),
    lessons: lessons.map((id) => ({ id, title: `Title ${id}`, module: null })),
    modules: modules.map(([id, ls], order) => ({ id, order, title: `Module ${id}`, lessons: ls })),
  }));

/** A bank and an assignment's question ids from it (a non-empty subset, in any order). */
const assignments = banks
  .filter((b) => b.questions.length > 0)
  .chain((b) =>
    fc.tuple(
      fc.constant(b),
      fc.shuffledSubarray(
        b.questions.map((q) => q.id),
        { minLength: 1 },
      ),
    ),
  );

describe('properties', () => {
  it('merging the lesson files an assignment needs picks the same questions as the whole bank', () => {
    fc.assert(
      fc.property(assignments, ([full, ids]) => {
        const parts = new Map(splitBank(full).map((p) => [p.lesson, p.bank]));
        const { lessons, missing } = lessonsFor(bankIndex(full), ids);
        expect(missing).toEqual([]);
        const merged = mergeBanks(lessons.map((lesson) => parts.get(lesson) as BankData));
        expect(pick(merged, ids)).toEqual(pick(full, ids));
        // Only the lessons needed, and every question of them.
        expect(new Set(merged.questions.map((q) => q.question.lesson))).toEqual(
          new Set(pick(full, ids).map((q) => q?.question.lesson)),
        );
      }),
    );
  });

  it('merging every lesson file gives the whole bank back, up to question order', () => {
    fc.assert(
      fc.property(
        banks.filter((b) => b.questions.length > 0),
        (full) => {
          const merged = mergeBanks(splitBank(full).map((p) => p.bank));
          const byId = (b: BankData) =>
            [...b.questions].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
          expect(byId(merged)).toEqual(byId(full));
          expect(merged.lessons).toEqual(full.lessons);
          expect(merged.modules).toEqual(full.modules);
        },
      ),
    );
  });

  it('fetchAssignmentBank reads the index and the needed lessons only, and picks as the whole bank does', async () => {
    await fc.assert(
      fc.asyncProperty(assignments, async ([full, ids]) => {
        const { fetchJson, asked } = fetcher(siteOf(full));
        const loaded = await fetchAssignmentBank(ids, fetchJson);
        expect(loaded && pick(loaded, ids)).toEqual(pick(full, ids));
        expect(asked).not.toContain(BANK_DATA_PATH);
        expect(asked.sort()).toEqual(
          [BANK_INDEX_PATH, ...lessonsFor(bankIndex(full), ids).lessons.map(lessonBankPath)].sort(),
        );
      }),
    );
  });
});

describe('fetchAssignmentBank', () => {
  const ids = ['b-q2', 'a-q1'];

  it('fetches the index, then the needed lessons in parallel', async () => {
    const site = siteOf(bank);
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    const fetchJson: FetchJson = async (path) => {
      asked.push(path);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return site.get(path);
    };
    const loaded = await fetchAssignmentBank(ids, fetchJson);
    expect(asked).toEqual([BANK_INDEX_PATH, lessonBankPath('l2'), lessonBankPath('l1')]);
    expect(most).toBe(2);
    expect(loaded?.questions.map((q) => q.id)).toEqual(['b-q1', 'b-q2', 'a-q1', 'a-q2', 'a-q3']);
    expect(loaded?.lessons).toEqual(bank.lessons);
  });

  const edits: [string, (site: Map<string, unknown>) => void][] = [
    ['the index is missing', (site) => site.delete(BANK_INDEX_PATH)],
    ['the index is not an index', (site) => site.set(BANK_INDEX_PATH, { v: 1, lessonOf: [] })],
    ['a lesson file is missing', (site) => site.delete(lessonBankPath('l1'))],
    ['a lesson file is not a bank', (site) => site.set(lessonBankPath('l1'), { v: 1, questions: 'no' })],
    [
      'the index does not know a question (a stale link, or an index from an older build)',
      (site) => site.set(BANK_INDEX_PATH, { v: 1, lessonOf: { 'a-q1': 'l1' } }),
    ],
    [
      'a lesson file lacks a question the index puts there',
      (site) => site.set(lessonBankPath('l2'), { ...bank, questions: [entry('b-q1', 'l2')] }),
    ],
  ];
  it.each(edits)('falls back to the whole bank when %s', async (_, edit) => {
    const site = siteOf(bank);
    edit(site);
    const { fetchJson, asked } = fetcher(site);
    expect(await fetchAssignmentBank(ids, fetchJson)).toEqual(bank);
    expect(asked.at(-1)).toBe(BANK_DATA_PATH);
  });

  it('falls back when the fetch throws instead of rejecting', async () => {
    const site = siteOf(bank);
    const fetchJson: FetchJson = (path) => {
      if (path !== BANK_DATA_PATH) throw new TypeError('Failed to fetch');
      return Promise.resolve(site.get(path));
    };
    expect(await fetchAssignmentBank(ids, fetchJson)).toEqual(bank);
  });

  it('gives the whole bank for a question no file has, so the page can name it', async () => {
    const { fetchJson, asked } = fetcher(siteOf(bank));
    const loaded = await fetchAssignmentBank(['a-q1', 'gone-q9'], fetchJson);
    expect(loaded).toEqual(bank);
    expect(asked).toEqual([BANK_INDEX_PATH, BANK_DATA_PATH]);
  });

  it('is null when the whole bank cannot be read either', async () => {
    const { fetchJson } = fetcher(new Map());
    expect(await fetchAssignmentBank(ids, fetchJson)).toBeNull();
    const broken = fetcher(new Map([[BANK_DATA_PATH, { v: 2 }]]));
    expect(await fetchAssignmentBank(ids, broken.fetchJson)).toBeNull();
  });
});
