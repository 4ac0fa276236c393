/**
 * Fuzz: 1,200 generated stored states and 1,200 generated import files (tests/fuzz/progress-states.ts)
 * through the real decoder, store and import path. Three things must hold for each:
 * - loading never throws, and always yields a valid document;
 * - nothing is dropped in silence: a state read without a problem is read whole (every field,
 *   known or not, comes back), and a state read with a problem is kept byte for byte as a backup
 *   (or offered as a download when no backup fits);
 * - every rejected import names the file, and the field or the line and column at fault.
 */
import { cleanStores } from 'nanostores';
import fc from 'fast-check';
import {
  cleanTestStorage,
  getTestStorage,
  setTestStorageKey,
  useTestStorageEngine,
} from '@nanostores/persistent';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeProgress, upgradeProgress } from '../../src/lib/progress/codec.ts';
import { parseProgressFile } from '../../src/lib/progress/import.ts';
import { normalizeProgress, stableJson } from '../../src/lib/progress/merge.ts';
import { ProgressSchema, check } from '../../src/lib/progress/schema.ts';
import { BACKUP_PREFIX, PROGRESS_KEY, createProgressStores } from '../../src/stores/progress.ts';
import { storedCaseArb } from '../fuzz/progress-states.ts';

const RUNS = 1200;
const noEvents = { subscribe() {} };

/** The document a text holds as this version reads it whole: parsed, then migrated. */
function asRead(raw: string): unknown {
  const upgraded = upgradeProgress(JSON.parse(raw));
  return upgraded.ok ? upgraded.doc : undefined;
}

beforeEach(() => {
  useTestStorageEngine();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  cleanTestStorage();
  vi.restoreAllMocks();
});

describe(`${RUNS} generated stored states`, () => {
  it('load without throwing, and nothing is dropped in silence', { timeout: 120_000 }, () => {
    let problems = 0;
    fc.assert(
      fc.property(storedCaseArb, (c) => {
        const result = decodeProgress(c.raw);
        expect(check(ProgressSchema, result.state).ok).toBe(true);
        if (c.whole) expect(result.problem, c.kind).toBeUndefined();
        if (c.kind === 'a key written twice' || c.kind === 'a reserved key')
          expect(result.problem, c.kind).toBeDefined();
        if (c.raw === '') return; // nothing saved yet
        if (result.problem === undefined) {
          // Understood: every field comes back, and the next write (which normalises) keeps every attempt.
          expect(stableJson(result.state)).toBe(stableJson(asRead(c.raw)));
          const attempts = (state: typeof result.state) =>
            new Set(Object.values(state.questions).flatMap((q) => q.attempts.map((a) => stableJson(a))));
          expect([...attempts(normalizeProgress(result.state))].sort()).toEqual(
            [...attempts(result.state)].sort(),
          );
          return;
        }
        // Not understood whole: the original is kept, byte for byte, before anything can overwrite it.
        problems++;
        cleanTestStorage();
        setTestStorageKey(PROGRESS_KEY, c.raw);
        const stores = createProgressStores(getTestStorage(), noEvents);
        stores.recordAttempt('fuzz-q', 'h', 'a', 1);
        const backups = Object.entries(getTestStorage()).filter(([key]) => key.startsWith(BACKUP_PREFIX));
        expect(backups.map(([, raw]) => raw).concat(stores.$unsavedOriginal.get() ?? [])).toContain(c.raw);
        expect(stores.$progressNotice.get()).toBeDefined();
        cleanStores(stores.$progress, stores.$drafts);
      }),
      { numRuns: RUNS },
    );
    // The generator must exercise both sides.
    expect(problems).toBeGreaterThan(RUNS / 4);
    expect(problems).toBeLessThan(RUNS);
  });
});

/**
 * Where the fault is: a field path at the start of a line (`questions["q"].attempts[0].at:`,
 * `(top level):`), a line and column, the `"kind"` or the version; or the whole file (too large, empty).
 */
const NAMES_WHERE =
  /(^|\n)(\(top level\)|([\w$]+|\[\d+\]|\["(?:[^"\\\n]|\\.)*"\])(\[\d+\]|\["(?:[^"\\\n]|\\.)*"\]|\.[\w$]+)*):|line \d+, column \d+|"kind"|version -?[\d"\w[{]|top level|too large|^Empty/;

describe(`${RUNS} generated import files`, () => {
  it(
    'never throw; a rejection names the file and the field; an accepted file is taken whole',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(storedCaseArb, fc.constantFrom('progress.json', 'my export (2).json'), (c, name) => {
          const result = parseProgressFile(c.raw, name);
          if (c.whole) expect(result.ok, c.kind).toBe(true);
          if (c.kind === 'a key written twice' || c.kind === 'a reserved key')
            expect(result.ok, c.kind).toBe(false);
          if (result.ok) {
            expect(stableJson(result.state)).toBe(stableJson(asRead(c.raw)));
          } else {
            expect(result.error.startsWith(`${name}: `), result.error).toBe(true);
            expect(result.error.slice(name.length + 2), result.error).toMatch(NAMES_WHERE);
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});
