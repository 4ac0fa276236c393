/**
 * The page's side of the question bank browser's worker: a `BankService` whose calls run in a
 * module Web Worker (`bank-worker.ts`), so downloading, reading and filtering thousands of questions
 * never holds up the page. Where no worker can start, or it fails, the same service runs in the page.
 */
import { createBankService, type BankService } from '../lib/instructor/bank-service.ts';
import type { BankAnswer, BankCall } from './bank-worker.ts';
import { fetchJsonUnder } from './fetch-json.ts';

export function connectBank(base: string): BankService {
  let inPage: BankService | null = null;
  const local = (): BankService => (inPage ??= createBankService(fetchJsonUnder(base)));
  const runLocally = ({ method, args }: BankCall): Promise<unknown> =>
    (local()[method] as (...a: typeof args) => Promise<unknown>)(...args);

  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./bank-worker.ts', import.meta.url), { type: 'module', name: 'bank' });
  } catch {
    return local();
  }
  const waiting = new Map<number, { call: BankCall; resolve: (result: unknown) => void }>();
  let next = 0;
  worker.addEventListener('message', (event: MessageEvent<BankAnswer>) => {
    const { id, result } = event.data;
    waiting.get(id)?.resolve(result);
    waiting.delete(id);
  });
  // The worker did not load (or broke): what it was asked, and all that follows, runs here instead.
  worker.addEventListener('error', () => {
    worker?.terminate();
    worker = null;
    for (const { call, resolve } of waiting.values()) void runLocally(call).then(resolve);
    waiting.clear();
  });

  const call = <M extends keyof BankService>(
    method: M,
    ...args: Parameters<BankService[M]>
  ): Promise<Awaited<ReturnType<BankService[M]>>> =>
    new Promise((resolve) => {
      const id = next++;
      const message: BankCall = { id, base, method, args } as BankCall;
      const done = resolve as (result: unknown) => void;
      if (!worker) return void runLocally(message).then(done);
      waiting.set(id, { call: message, resolve: done });
      worker.postMessage(message);
    });

  return {
    open: () => call('open'),
    // A plain copy: the page's filter is reactive state, which cannot be posted as it is.
    view: (filter, groups) => call('view', { ...filter }, groups),
    loadSearch: () => call('loadSearch'),
  };
}
