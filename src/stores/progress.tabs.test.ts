/**
 * Several tabs over one localStorage, as Chromium runs them: each tab reads its own copy of
 * storage, which another tab's write reaches only when its `storage` event is delivered. So a tab
 * can write over a value it has not seen yet — the race that lost attempts when tabs simply took
 * each other's writes. fast-check plays random interleavings of answers, imports, resets and
 * event deliveries, then delivers everything and checks what the learner would notice.
 */
import { type PersistentStore } from '@nanostores/persistent';
import fc from 'fast-check';
import { cleanStores, keepMount } from 'nanostores';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetClock, setClock } from '../lib/clock.ts';
import { decodeProgress } from '../lib/progress/codec.ts';
import { stableJson } from '../lib/progress/merge.ts';
import { emptyProgress, type Progress } from '../lib/progress/schema.ts';
import { splitStamp } from '../lib/progress/sync.ts';
import { PROGRESS_KEY, createProgressStores, type ProgressStores } from './progress.ts';

interface Tab {
  stores: ProgressStores;
  /** This tab's copy of storage. */
  view: Record<string, string>;
  /** Events sent to this tab and not delivered yet. */
  inbox: [key: string, value: string][];
  listener?: (key: string | null, value: string | null) => void;
}

/** The browser: the storage every write reaches, and the tabs whose copies lag behind it. */
function browser() {
  const truth: Record<string, string> = {};
  const tabs: Tab[] = [];
  function open(): Tab {
    const tab: Tab = { stores: undefined as unknown as ProgressStores, view: { ...truth }, inbox: [] };
    const view = new Proxy(tab.view, {
      set(target, key, value: string) {
        target[key as string] = value;
        truth[key as string] = value;
        for (const other of tabs) if (other !== tab) other.inbox.push([key as string, value]);
        return true;
      },
      deleteProperty(target, key) {
        delete target[key as string];
        delete truth[key as string];
        return true;
      },
    }) as PersistentStore;
    tabs.push(tab);
    tab.stores = createProgressStores(view, { subscribe: (listener) => void (tab.listener = listener) });
    keepMount(tab.stores.$progress);
    return tab;
  }
  /** Deliver the oldest event waiting for `tab`; false if there was none. */
  function deliver(tab: Tab): boolean {
    const event = tab.inbox.shift();
    if (!event) return false;
    tab.view[event[0]] = event[1];
    tab.listener?.(event[0], event[1]);
    return true;
  }
  /** Deliver until no tab has anything waiting (writes answering events make more events). */
  function settle(): void {
    for (let round = 0; tabs.some((tab) => tab.inbox.length > 0); round++) {
      if (round > 10_000) throw new Error('tabs keep writing to each other');
      for (const tab of tabs) deliver(tab);
    }
  }
  const stored = (): Progress => splitStamp(decodeProgress(truth[PROGRESS_KEY]).state).state;
  return { open, deliver, settle, stored, tabs };
}

/** Every attempt in a document, as `qid@at`. */
function attempts(state: Progress): string[] {
  return Object.entries(state.questions)
    .flatMap(([qid, question]) => question.attempts.map((attempt) => `${qid}@${attempt.at}`))
    .sort();
}

let time = 1_700_000_000_000;
beforeEach(() => {
  setClock(() => time);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  resetClock();
  vi.restoreAllMocks();
});

const LESSONS = { L1: ['L1-a', 'L1-b'], L2: ['L2-a'] } as const;
type Lesson = keyof typeof LESSONS;

type Step =
  | { kind: 'answer'; tab: number; question: string }
  | { kind: 'import'; tab: number; question: string }
  | { kind: 'reset'; tab: number; lesson: Lesson; settled: boolean }
  | { kind: 'deliver'; tab: number };

const stepArb = (tabs: number): fc.Arbitrary<Step> => {
  const tab = fc.nat(tabs - 1);
  const question = fc.constantFrom(...Object.values(LESSONS).flat());
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), tab, question }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), tab, question }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('reset' as const),
        tab,
        lesson: fc.constantFrom('L1', 'L2'),
        settled: fc.boolean(),
      }),
    },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), tab }) },
  );
};

describe('progress in several tabs', () => {
  it('loses no attempt, keeps a reset made while no tab was writing, and all tabs agree', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(stepArb(n), { maxLength: 40 }))),
        ([n, steps]) => {
          const b = browser();
          for (let i = 0; i < n; i++) b.open();
          /**
           * Attempts that must survive, and those a reset removed while no other tab was writing.
           * (A reset racing another tab's write may come back: merging keeps too much, never too little.)
           */
          const kept = new Set<string>();
          const removed = new Set<string>();
          for (const step of steps) {
            const tab = b.tabs[step.tab]!;
            time += 1;
            if (step.kind === 'deliver') b.deliver(tab);
            else if (step.kind === 'answer') {
              tab.stores.recordAttempt(step.question, 'h', 'x', 1);
              kept.add(`${step.question}@${time}`);
            } else if (step.kind === 'import') {
              const file: Progress = {
                ...emptyProgress(),
                questions: {
                  [step.question]: {
                    hash: 'h',
                    attempts: [{ at: time, response: 'f', score: 0, hash: 'h' }],
                  },
                },
                updatedAt: time,
              };
              tab.stores.importProgress(file);
              kept.add(`${step.question}@${time}`);
            } else {
              const questions = LESSONS[step.lesson];
              if (step.settled) b.settle();
              for (const attempt of attempts(tab.stores.$progress.get())) {
                if (questions.some((q) => attempt.startsWith(`${q}@`))) {
                  kept.delete(attempt);
                  if (step.settled) removed.add(attempt);
                }
              }
              tab.stores.resetLesson(step.lesson, questions);
              // Settled: every tab hears of the reset before it writes again.
              if (step.settled) b.settle();
            }
          }
          b.settle();
          const final = attempts(b.stored());
          for (const attempt of kept) expect(final).toContain(attempt);
          for (const attempt of removed) expect(final).not.toContain(attempt);
          for (const tab of b.tabs)
            expect(stableJson(tab.stores.$progress.get())).toBe(stableJson(b.stored()));
          for (const tab of b.tabs) cleanStores(tab.stores.$progress);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('two tabs answering at the same moment, 50 times: 100 attempts kept', () => {
    const b = browser();
    const [left, right] = [b.open(), b.open()];
    for (let trial = 0; trial < 50; trial++) {
      time += 1;
      // Both write before either hears of the other: the race the page lost 15 of 15 times.
      left!.stores.recordAttempt('left', 'h', trial, 1);
      right!.stores.recordAttempt('right', 'h', trial, 1);
      if (trial % 3 === 0) b.settle();
    }
    b.settle();
    expect(attempts(b.stored())).toHaveLength(100);
  });
});
