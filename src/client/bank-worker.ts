/**
 * The question bank browser's worker (a module Web Worker, started by `bank-connection.ts`): runs
 * the bank service (src/lib/instructor/bank-service.ts) off the page's main thread. Each message is
 * one call, answered with its number; the first one's `base` says where the site lives.
 */
import { createBankService, type BankService } from '../lib/instructor/bank-service.ts';
import { fetchJsonUnder } from './fetch-json.ts';

type Method = keyof BankService;

/** A call of one of the service's methods, numbered so that its answer finds its way back. */
export interface BankCall<M extends Method = Method> {
  id: number;
  base: string;
  method: M;
  args: Parameters<BankService[M]>;
}

export interface BankAnswer {
  id: number;
  result: unknown;
}

let service: BankService | null = null;

addEventListener('message', (event: MessageEvent<BankCall>) => {
  const { id, base, method, args } = event.data;
  service ??= createBankService(fetchJsonUnder(base));
  const run = service[method] as (...a: typeof args) => Promise<unknown>;
  void run(...args).then((result) => postMessage({ id, result } satisfies BankAnswer));
});
