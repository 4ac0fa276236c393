import { afterEach, describe, expect, it, vi } from 'vitest';
import { BANK_INDEX_PATH, encodeBankIndex, type BankIndex } from '../lib/instructor/bank-index.ts';
import { NO_FILTER } from '../lib/instructor/filter.ts';
import type { BankAnswer, BankCall } from './bank-worker.ts';
import { connectBank } from './bank-connection.ts';

/** One lesson with one question, each field's only choice the first of its list. */
const only = { type: 'single', bloom: 'remember', status: 'final', pool: 'practice' } as const;
const index: BankIndex = {
  modules: [],
  lessons: [{ id: 'mali', title: 'Mali', module: null, objectives: [] }],
  types: [{ value: only.type, label: 'Single choice' }],
  levels: [{ value: only.bloom, label: 'Remember' }],
  statuses: [{ value: only.status, label: 'Final' }],
  pools: [{ value: only.pool, label: 'Lesson practice' }],
  items: [{ id: 'mali-1', lesson: 'mali', objective: 'lo1', prompt: 'Which channels?', ...only }],
};

/** The site's files as `fetch` serves them under `/course`. */
function serveSite(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return url === `/course${BANK_INDEX_PATH}`
      ? new Response(JSON.stringify(encodeBankIndex(index)))
      : new Response('', { status: 404 });
  });
  return asked;
}

/** A stand-in for the browser's Worker: records what is posted; the test answers or fails it. */
class FakeWorker {
  static last: FakeWorker | null = null;
  posted: BankCall[] = [];
  terminated = false;
  private listeners: Record<string, ((event: unknown) => void)[]> = {};
  constructor() {
    FakeWorker.last = this;
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    (this.listeners[type] ??= []).push(listener);
  }
  postMessage(message: BankCall) {
    this.posted.push(structuredClone(message));
  }
  terminate() {
    this.terminated = true;
  }
  emit(type: 'message' | 'error', data?: BankAnswer) {
    for (const listener of this.listeners[type] ?? []) listener({ data });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.last = null;
});

describe('connectBank', () => {
  it('runs the service in the page where there is no Worker', async () => {
    const asked = serveSite();
    vi.stubGlobal('Worker', undefined);
    const bank = connectBank('/course/');
    expect(await bank.open()).toMatchObject({ lessons: index.lessons });
    expect((await bank.view(NO_FILTER, 40))?.shown).toBe(1);
    expect(asked).toEqual([`/course${BANK_INDEX_PATH}`]);
  });

  it('posts each call to the worker with its number and the base, and routes each answer back', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const bank = connectBank('/course/');
    const worker = FakeWorker.last!;
    const opened = bank.open();
    const viewed = bank.view({ ...NO_FILTER, type: 'single' }, 40);
    expect(worker.posted.map(({ id, base, method }) => ({ id, base, method }))).toEqual([
      { id: 0, base: '/course/', method: 'open' },
      { id: 1, base: '/course/', method: 'view' },
    ]);
    expect(worker.posted[1]?.args).toEqual([{ ...NO_FILTER, type: 'single' }, 40]);
    worker.emit('message', { id: 1, result: 'the view' });
    worker.emit('message', { id: 0, result: 'the choices' });
    expect(await viewed).toBe('the view');
    expect(await opened).toBe('the choices');
  });

  it('answers in the page when the worker fails, what it was asked and what follows', async () => {
    serveSite();
    vi.stubGlobal('Worker', FakeWorker);
    const bank = connectBank('/course/');
    const opened = bank.open();
    FakeWorker.last!.emit('error');
    expect(FakeWorker.last!.terminated).toBe(true);
    expect(await opened).toMatchObject({ lessons: index.lessons });
    expect((await bank.view(NO_FILTER, 40))?.groups[0]?.items[0]?.id).toBe('mali-1');
    expect(FakeWorker.last!.posted).toHaveLength(1);
  });
});
