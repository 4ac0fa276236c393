import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BANK_INDEX_PATH,
  BANK_SEARCH_PATH,
  encodeBankIndex,
  toFilterItem,
  type BankIndex,
  type IndexItem,
} from './bank-index.ts';
import { NO_FILTER, filterItems, groupByLesson, type BankFilter } from './filter.ts';
import { createBankService } from './bank-service.ts';

const choices = (values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

function question(id: string, lesson: string, more: Partial<IndexItem> = {}): IndexItem {
  return {
    id,
    lesson,
    type: 'single',
    bloom: 'remember',
    objective: 'lo1',
    status: 'final',
    pool: 'practice',
    prompt: `Prompt of ${id}`,
    ...more,
  };
}

const lessons = ['mali', 'crypto', 'forums'];
const index: BankIndex = {
  modules: choices(['m1', 'm2']),
  lessons: lessons.map((id, i) => ({
    id,
    title: `Lesson ${id}`,
    module: i === 2 ? null : `m${i + 1}`,
    objectives: [{ id: 'lo1', text: 'Explain' }],
  })),
  types: choices(['single', 'truefalse']),
  levels: choices(['remember', 'analyze']),
  statuses: choices(['final', 'draft']),
  pools: choices(['practice']),
  // Questions of a lesson need not be together: the view groups them in course order.
  items: [
    question('forums-1', 'forums', { status: 'draft', prompt: 'Who runs the forum?' }),
    question('mali-1', 'mali', { prompt: 'Which channels were used in Mali?' }),
    question('crypto-1', 'crypto', { type: 'truefalse', bloom: 'analyze' }),
    question('mali-2', 'mali', { type: 'truefalse' }),
  ],
};
const explanations = ['Invitation only.', 'Telegram.', 'Bitcoin wallets, traced.', 'True.'];

/** A fake download: the files by path, with how often each was asked for. */
function files(served: Record<string, unknown>) {
  const asked: string[] = [];
  const fetchJson = (path: string) => {
    asked.push(path);
    return path in served ? Promise.resolve(structuredClone(served[path])) : Promise.reject(new Error('404'));
  };
  return { fetchJson, asked };
}

const filter = (fields: Partial<BankFilter>): BankFilter => ({ ...NO_FILTER, ...fields });

describe('the bank service', () => {
  it('downloads the index once and offers its choices', async () => {
    const { fetchJson, asked } = files({ [BANK_INDEX_PATH]: encodeBankIndex(index) });
    const service = createBankService(fetchJson);
    const { items: _, ...expected } = index;
    expect(await service.open()).toEqual(expected);
    await service.view(NO_FILTER, 10);
    expect(await service.open()).toEqual(expected);
    expect(asked).toEqual([BANK_INDEX_PATH]);
  });

  it('says whether the index was missing or unreadable, and shows nothing then', async () => {
    const missing = createBankService(files({}).fetchJson);
    expect(await missing.open()).toBe('unavailable');
    expect(await missing.view(NO_FILTER, 10)).toBeNull();
    const garbled = createBankService(files({ [BANK_INDEX_PATH]: { v: 2, rows: 'no' } }).fetchJson);
    expect(await garbled.open()).toBe('unreadable');
    expect(await garbled.loadSearch()).toBe(false);
  });

  it('counts what a filter keeps and sends the questions of the first lessons only, in course order', async () => {
    const service = createBankService(files({ [BANK_INDEX_PATH]: encodeBankIndex(index) }).fetchJson);
    const all = await service.view(NO_FILTER, 2);
    expect(all).toMatchObject({ shown: 4, total: 4, lessons: 3 });
    expect(all?.groups.map((g) => [g.lesson, g.items.map((i) => i.id)])).toEqual([
      ['mali', ['mali-1', 'mali-2']],
      ['crypto', ['crypto-1']],
    ]);
    expect(all?.groups[0]?.items[0]).toEqual(index.items[1]);
    const trueFalse = await service.view(filter({ type: 'truefalse' }), 40);
    expect(trueFalse).toMatchObject({ shown: 2, total: 4, lessons: 2 });
    const inModule = await service.view(filter({ module: 'm2' }), 40);
    expect(inModule?.groups.map((g) => g.lesson)).toEqual(['crypto']);
  });

  it('searches prompts at once, and explanations and quotes once they are loaded', async () => {
    const { fetchJson, asked } = files({
      [BANK_INDEX_PATH]: encodeBankIndex(index),
      [BANK_SEARCH_PATH]: { v: 1, more: explanations },
    });
    const service = createBankService(fetchJson);
    expect((await service.view(filter({ search: 'MALI channels' }), 40))?.shown).toBe(1);
    expect((await service.view(filter({ search: 'bitcoin' }), 40))?.shown).toBe(0);
    expect(await service.loadSearch()).toBe(true);
    expect(await service.loadSearch()).toBe(true);
    expect(asked.filter((p) => p === BANK_SEARCH_PATH)).toHaveLength(1);
    const found = await service.view(filter({ search: 'bitcoin' }), 40);
    expect(found?.groups.flatMap((g) => g.items.map((i) => i.id))).toEqual(['crypto-1']);
  });

  it('tries the search file again after a failed download', async () => {
    const served: Record<string, unknown> = { [BANK_INDEX_PATH]: encodeBankIndex(index) };
    const { fetchJson, asked } = files(served);
    const service = createBankService(fetchJson);
    expect(await service.loadSearch()).toBe(false);
    served[BANK_SEARCH_PATH] = { v: 1, more: explanations };
    expect(await service.loadSearch()).toBe(true);
    expect(asked.filter((p) => p === BANK_SEARCH_PATH)).toHaveLength(2);
  });

  it('keeps what the page filtered itself would keep, for any filter', async () => {
    const service = createBankService(files({ [BANK_INDEX_PATH]: encodeBankIndex(index) }).fetchJson);
    const moduleOf = new Map(index.lessons.map((l) => [l.id, l.module]));
    const items = index.items.map((item) => ({ ...toFilterItem(item, moduleOf), item }));
    const field = (values: string[]) => fc.constantFrom('', ...values);
    const filters = fc.record({
      module: field(['m1', 'm2']),
      lesson: field(lessons),
      type: field(['single', 'truefalse']),
      bloom: field(['remember', 'analyze']),
      objective: field(['lo1', 'lo2']),
      status: fc.constantFrom('' as const, 'final' as const, 'draft' as const),
      pool: fc.constantFrom('' as const, 'practice' as const),
      search: fc.constantFrom('', 'mali', 'prompt of', 'forum who', 'zzz'),
    });
    await fc.assert(
      fc.asyncProperty(filters, fc.integer({ min: 0, max: 4 }), async (f, groups) => {
        const expected = groupByLesson(filterItems(items, f), lessons);
        const view = await service.view(f, groups);
        expect(view?.shown).toBe(expected.reduce((n, g) => n + g.items.length, 0));
        expect(view?.lessons).toBe(expected.length);
        expect(view?.groups).toEqual(
          expected.slice(0, groups).map((g) => ({ lesson: g.lesson, items: g.items.map((i) => i.item) })),
        );
      }),
    );
  });
});
