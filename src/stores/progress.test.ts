import {
  cleanTestStorage,
  getTestStorage,
  setPersistentEngine,
  setTestStorageKey,
  useTestStorageEngine,
  type PersistentStore,
} from '@nanostores/persistent';
import { atom, cleanStores, keepMount } from 'nanostores';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetClock, setClock } from '../lib/clock.ts';
import { decodeProgress, encodeProgress } from '../lib/progress/codec.ts';
import { parseProgressFile } from '../lib/progress/import.ts';
import { importSummary } from '../lib/progress/dashboard.ts';
import { emptyProgress, type Progress } from '../lib/progress/schema.ts';
import {
  BACKUP_PREFIX,
  NO_ROOM_NOTICE,
  PROGRESS_KEY,
  RENAMED_IDS_KEY,
  createProgressStores,
  type FetchRenamedIds,
  type ProgressStores,
  type StorageEvents,
} from './progress.ts';
import { splitStamp } from '../lib/progress/sync.ts';
import type { RenamedIds } from '../lib/progress/renamed.ts';
import { VISIT_PREFIX, addVisit } from '../lib/progress/keys.ts';
import {
  $storageStatus,
  createSafeStorage,
  probeStorage,
  type StorageBackend,
  type StorageStatus,
} from './storage.ts';

const T0 = 1_700_000_000_000;
let time = T0;
const noEvents = { addEventListener() {}, removeEventListener() {} };
let live: ProgressStores[] = [];

/** The stored document without its tab-sync stamp. */
function stored(raw: string | undefined): Progress {
  return splitStamp(decodeProgress(raw).state).state;
}

/** Storage events sent by hand. */
function eventBus(): StorageEvents & { send(key: string | null, value: string | null): void } {
  const listeners: ((key: string | null, value: string | null) => void)[] = [];
  return {
    subscribe: (listener) => void listeners.push(listener),
    send: (key, value) => listeners.forEach((listener) => listener(key, value)),
  };
}

/** Build a store set as a page load would, mounted like a component would. */
function load(
  storage: PersistentStore = getTestStorage(),
  events: StorageEvents = eventBus(),
  fetchRenames: FetchRenamedIds | null = null,
): ProgressStores {
  const stores = createProgressStores(storage, events, fetchRenames);
  keepMount(stores.$progress);
  keepMount(stores.$drafts);
  live.push(stores);
  return stores;
}

/** A Web Storage double; `failWrites` makes setItem throw like a full quota. */
function fakeBackend(): StorageBackend & { data: Map<string, string>; failWrites: boolean } {
  const data = new Map<string, string>();
  return {
    data,
    failWrites: false,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

beforeEach(() => {
  useTestStorageEngine();
  cleanTestStorage();
  time = T0;
  setClock(() => time);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  for (const stores of live) cleanStores(stores.$progress, stores.$drafts, stores.$progressNotice);
  live = [];
  resetClock();
  vi.restoreAllMocks();
  useTestStorageEngine();
});

describe('$progress', () => {
  it('starts empty and persists recorded attempts', () => {
    const { $progress, recordAttempt, $progressNotice } = load();
    expect($progress.get()).toEqual(emptyProgress());
    recordAttempt('q1', 'h1', { choice: 2 }, 1, { hintsUsed: 1, ms: 1500 });
    const saved = getTestStorage()[PROGRESS_KEY];
    expect(decodeProgress(saved).problem).toBeUndefined();
    expect(stored(saved)).toEqual($progress.get());
    expect($progress.get().questions['q1']?.attempts).toEqual([
      { at: T0, response: { choice: 2 }, score: 1, hash: 'h1', hintsUsed: 1, ms: 1500 },
    ]);
    expect($progressNotice.get()).toBeUndefined();
    // a reload sees the same state
    expect(load().$progress.get()).toEqual($progress.get());
  });

  it('keeps the first visit, the last visit and the first read', () => {
    const { $progress, markVisited, markRead } = load();
    markVisited('intro');
    time += 10;
    markRead('intro');
    time += 10;
    markVisited('intro');
    expect($progress.get().lessons['intro']).toEqual({
      visitedAt: T0,
      lastVisitedAt: T0 + 20,
      readAt: T0 + 10,
    });
    expect($progress.get().updatedAt).toBe(T0 + 20);
  });

  it('takes in the visits the page shell noted without the store, once, and drops the notes', () => {
    const first = load();
    first.markVisited('mali');
    setTestStorageKey(`${VISIT_PREFIX}mali`, addVisit(addVisit(null, T0 - 50), T0 + 50));
    setTestStorageKey(`${VISIT_PREFIX}malta`, addVisit(null, T0 + 5));
    setTestStorageKey(`${VISIT_PREFIX}bad`, 'garbage');
    const { $progress } = load();
    expect($progress.get().lessons).toEqual({
      mali: { visitedAt: T0 - 50, lastVisitedAt: T0 + 50 },
      malta: { visitedAt: T0 + 5, lastVisitedAt: T0 + 5 },
    });
    expect(Object.keys(getTestStorage()).filter((key) => key.startsWith(VISIT_PREFIX))).toEqual([
      `${VISIT_PREFIX}bad`,
    ]);
    // Stored, not just in memory: the next load sees the same lessons.
    expect(load().$progress.get().lessons).toEqual($progress.get().lessons);
  });

  it('resetLesson removes that lesson attempts and drafts only', () => {
    const { $progress, recordAttempt, resetLesson, saveDraft, draftFor, markRead } = load();
    markRead('L');
    recordAttempt('a', 'h', 'x', 1);
    recordAttempt('b', 'h', 'y', 0);
    saveDraft('a', 'half');
    resetLesson('L', ['a']);
    expect(Object.keys($progress.get().questions)).toEqual(['b']);
    expect($progress.get().lessons['L']).toEqual({});
    expect(draftFor('a')).toBeUndefined();
  });

  it('backs up unreadable data before anything overwrites it, starts fresh and tells the learner', () => {
    setTestStorageKey(PROGRESS_KEY, '{"kind":"eoc-progress", oops');
    const { $progress, $progressNotice, recordAttempt, dismissProgressNotice } = load();
    expect($progress.get()).toEqual(emptyProgress());
    expect(getTestStorage()[`${BACKUP_PREFIX}${T0}`]).toBe('{"kind":"eoc-progress", oops');
    expect($progressNotice.get()).toBe(
      "We couldn't read your saved progress, so we kept a backup copy and started fresh.",
    );

    recordAttempt('q1', 'h', 'a', 1);
    expect(getTestStorage()[`${BACKUP_PREFIX}${T0}`]).toBe('{"kind":"eoc-progress", oops');
    expect(decodeProgress(getTestStorage()[PROGRESS_KEY]).problem).toBeUndefined();
    dismissProgressNotice();
    expect($progressNotice.get()).toBeUndefined();
  });

  it('does not pile up identical backups across reloads', () => {
    setTestStorageKey(PROGRESS_KEY, 'garbage');
    load();
    time += 1000;
    load();
    const backups = Object.keys(getTestStorage()).filter((key) => key.startsWith(BACKUP_PREFIX));
    expect(backups).toEqual([`${BACKUP_PREFIX}${T0}`]);
  });

  it('says when data comes from a newer version of the course', () => {
    const future = JSON.stringify({ ...emptyProgress(), version: 99 });
    setTestStorageKey(PROGRESS_KEY, future);
    const { $progress, $progressNotice } = load();
    expect($progress.get()).toEqual(emptyProgress());
    expect($progressNotice.get()).toMatch(/newer version of this course/);
    expect(getTestStorage()[`${BACKUP_PREFIX}${T0}`]).toBe(future);
  });

  it('keeps what it can read when only some entries are broken, with a backup of the original', () => {
    const raw = JSON.stringify({
      ...emptyProgress(),
      questions: {
        q1: {
          hash: 'h',
          attempts: [
            { at: 1, response: 'a', score: 1, hash: 'h' },
            { at: 2, response: 'b', score: 'NaN', hash: 'h' },
          ],
        },
      },
    });
    setTestStorageKey(PROGRESS_KEY, raw);
    const { $progress, $progressNotice } = load();
    expect($progress.get().questions['q1']?.attempts).toHaveLength(1);
    expect($progressNotice.get()).toMatch(/Part of your saved progress/);
    expect(getTestStorage()[`${BACKUP_PREFIX}${T0}`]).toBe(raw);
  });

  it('follows changes made in another tab', () => {
    const events = eventBus();
    const { $progress } = load(getTestStorage(), events);
    const other: Progress = { ...emptyProgress(), lessons: { x: { visitedAt: 5 } }, updatedAt: 5 };
    setTestStorageKey(PROGRESS_KEY, encodeProgress(other));
    events.send(PROGRESS_KEY, encodeProgress(other));
    expect($progress.get()).toEqual(other);
  });

  it('importing merges, and importing the same file twice changes nothing', () => {
    const { $progress, recordAttempt, importProgress, exportProgress } = load();
    recordAttempt('mine', 'h', 'a', 1);
    const file: Progress = {
      ...emptyProgress(),
      questions: { theirs: { hash: 'h', attempts: [{ at: 7, response: 'b', score: 0, hash: 'h' }] } },
      updatedAt: 7,
    };
    importProgress(file);
    const once = $progress.get();
    expect(Object.keys(once.questions).sort()).toEqual(['mine', 'theirs']);
    importProgress(file);
    expect($progress.get()).toEqual(once);

    const exported = parseProgressFile(exportProgress());
    expect(exported).toEqual({ ok: true, state: once });
  });

  it("says what the file added, not another tab's answer saved a moment before", () => {
    const storage = getTestStorage();
    const progressPage = load(storage, eventBus());
    const lessonTab = load(storage, eventBus());
    progressPage.$progress.get();
    // The other tab's answer reaches storage; its storage event has not arrived yet.
    lessonTab.recordAttempt('answered', 'h', 'a', 1);
    const file: Progress = {
      ...emptyProgress(),
      questions: { imported: { hash: 'h', attempts: [{ at: 7, response: 'b', score: 0, hash: 'h' }] } },
      updatedAt: 7,
    };
    const { before, after } = progressPage.importProgress(file);
    expect(importSummary(before, after)).toBe('Added 1 attempt across 1 question.');
    expect(Object.keys(stored(storage[PROGRESS_KEY]).questions).sort()).toEqual(['answered', 'imported']);
  });
});

describe('what the decoder does not understand', () => {
  it('fields from a newer version survive this page writing', () => {
    const newer = {
      ...emptyProgress(),
      badges: ['first-try'],
      questions: {
        q0: {
          hash: 'h',
          pinned: true,
          attempts: [{ at: 1, response: 'a', score: 1, hash: 'h', confidence: 0.8 }],
        },
      },
    };
    setTestStorageKey(PROGRESS_KEY, JSON.stringify(newer));
    const { recordAttempt, $progressNotice } = load();
    recordAttempt('q1', 'h', 'b', 1);
    const saved = stored(getTestStorage()[PROGRESS_KEY]) as Record<string, unknown>;
    expect(saved['badges']).toEqual(['first-try']);
    expect(saved['questions']).toMatchObject({ q0: newer.questions.q0 });
    expect($progressNotice.get()).toBeUndefined();
  });

  it('a key written twice is backed up and the learner told, before the next write drops it', () => {
    const raw = JSON.stringify(emptyProgress()).replace(
      '"lessons":{}',
      '"lessons":{"a":{"readAt":1}},"lessons":{}',
    );
    setTestStorageKey(PROGRESS_KEY, raw);
    const { $progressNotice, markRead } = load();
    expect($progressNotice.get()).toMatch(/written twice/);
    markRead('b');
    expect(getTestStorage()[`${BACKUP_PREFIX}${T0}`]).toBe(raw);
  });

  it('with no room for a backup, the original stays untouched, progress stays in memory, and the original can be downloaded', () => {
    const backend = fakeBackend();
    const original = JSON.stringify({ ...emptyProgress(), questions: 'x'.repeat(3_000_000) });
    backend.data.set(PROGRESS_KEY, original);
    const engine = createSafeStorage(backend);
    setPersistentEngine(engine, noEvents);
    const { $progressNotice, $unsavedOriginal, recordAttempt, exportProgress, releaseOriginal } =
      load(engine);
    expect($progressNotice.get()).toBe(NO_ROOM_NOTICE);
    expect($unsavedOriginal.get()).toBe(original);
    expect([...backend.data.keys()].filter((key) => key.startsWith(BACKUP_PREFIX))).toEqual([]);

    recordAttempt('q1', 'h', 'a', 1);
    expect(backend.data.get(PROGRESS_KEY)).toBe(original);
    expect($storageStatus.get()).toBe('memory');
    expect(JSON.parse(exportProgress()).questions.q1.attempts).toHaveLength(1);

    releaseOriginal();
    expect($unsavedOriginal.get()).toBeUndefined();
    expect(stored(backend.data.get(PROGRESS_KEY)).questions['q1']?.attempts).toHaveLength(1);
    expect($storageStatus.get()).toBe('ok');
  });

  it('a backup that fits is written and checked, with no hold', () => {
    const backend = fakeBackend();
    backend.data.set(PROGRESS_KEY, 'not json');
    const engine = createSafeStorage(backend);
    setPersistentEngine(engine, noEvents);
    const { $unsavedOriginal, recordAttempt } = load(engine);
    expect($unsavedOriginal.get()).toBeUndefined();
    expect(backend.data.get(`${BACKUP_PREFIX}${T0}`)).toBe('not json');
    recordAttempt('q1', 'h', 'a', 1);
    expect(stored(backend.data.get(PROGRESS_KEY)).questions['q1']?.attempts).toHaveLength(1);
  });
});

describe('answers saved before options had opaque ids', () => {
  const file: RenamedIds = { v: 1, questions: { q1: { hash: 'h', renamed: { a: 'k3f9x2', b: 'q81zz0' } } } };
  const saved = (): void => {
    const before = load();
    before.recordAttempt('q1', 'h', 'a', 1);
    before.saveDraft('q1', ['a', 'b']);
    cleanStores(before.$progress, before.$drafts);
  };

  it('are renamed once, on the next load, attempts and drafts alike, scores kept', async () => {
    saved();
    const fetches = vi.fn(() => Promise.resolve(file));
    const after = load(getTestStorage(), undefined, fetches);
    await after.idsCarriedOver;
    expect(after.$progress.get().questions['q1']?.attempts).toMatchObject([{ response: 'k3f9x2', score: 1 }]);
    expect(after.draftFor('q1')).toEqual(['k3f9x2', 'q81zz0']);
    expect(getTestStorage()[RENAMED_IDS_KEY]).toBe('done');
    await load(getTestStorage(), undefined, fetches).idsCarriedOver;
    expect(fetches).toHaveBeenCalledTimes(1);
  });

  it('stay as they are when the file cannot be fetched, and are renamed on a later load', async () => {
    saved();
    const offline = load(getTestStorage(), undefined, () => Promise.reject(new TypeError('Failed to fetch')));
    await offline.idsCarriedOver;
    expect(offline.$progress.get().questions['q1']?.attempts[0]?.response).toBe('a');
    expect(getTestStorage()[RENAMED_IDS_KEY]).toBeUndefined();
    const online = load(getTestStorage(), undefined, () => Promise.resolve(file));
    await online.idsCarriedOver;
    expect(online.$progress.get().questions['q1']?.attempts[0]?.response).toBe('k3f9x2');
  });

  it('a browser with no answers never fetches the file; an imported old file is renamed', async () => {
    const fetches = vi.fn(() => Promise.resolve(file));
    const fresh = load(getTestStorage(), undefined, fetches);
    await fresh.idsCarriedOver;
    expect(fetches).not.toHaveBeenCalled();
    expect(getTestStorage()[RENAMED_IDS_KEY]).toBe('done');
    fresh.importProgress({
      ...emptyProgress(),
      questions: { q1: { hash: 'h', attempts: [{ at: 7, response: 'b', score: 0, hash: 'h' }] } },
      updatedAt: 7,
    });
    await vi.waitFor(() =>
      expect(fresh.$progress.get().questions['q1']?.attempts[0]?.response).toBe('q81zz0'),
    );
  });
});

describe('drafts', () => {
  it('survive a reload, and are cleared by submitting', () => {
    const first = load();
    first.saveDraft('q1', { text: 'half an ans' });
    first.saveDraft('q2', 'other');
    expect(getTestStorage()['eoc:drafts:q1']).toBe('{"text":"half an ans"}');

    const reloaded = load();
    expect(reloaded.draftFor('q1')).toEqual({ text: 'half an ans' });
    reloaded.recordAttempt('q1', 'h', { text: 'half an answer' }, 1);
    expect(reloaded.draftFor('q1')).toBeUndefined();
    expect(getTestStorage()['eoc:drafts:q1']).toBeUndefined();
    expect(load().draftFor('q2')).toBe('other');
  });

  it('clearDraft and empty drafts remove the key; unreadable drafts read as none', () => {
    const { saveDraft, clearDraft, draftFor } = load();
    saveDraft('q1', 'x');
    clearDraft('q1');
    expect(draftFor('q1')).toBeUndefined();
    saveDraft('q2', 'x');
    saveDraft('q2', undefined);
    expect('eoc:drafts:q2' in getTestStorage()).toBe(false);
    setTestStorageKey('eoc:drafts:q3', '{not json');
    expect(load().draftFor('q3')).toBeUndefined();
  });
});

describe('safe storage engine', () => {
  it('falls back to memory when a write exceeds the quota, and the state still updates', () => {
    const backend = fakeBackend();
    const engine = createSafeStorage(backend);
    setPersistentEngine(engine, noEvents);
    expect($storageStatus.get()).toBe('ok');

    const { $progress, recordAttempt } = load(engine);
    backend.failWrites = true;
    recordAttempt('q1', 'h', 'a', 1);
    expect($storageStatus.get()).toBe('memory');
    expect($progress.get().questions['q1']?.attempts).toHaveLength(1);
    expect(backend.data.has(PROGRESS_KEY)).toBe(false);
    // the rest of this session still reads the in-memory value
    expect(stored(engine[PROGRESS_KEY])).toEqual($progress.get());

    // once space frees up, the next write reaches storage and the status recovers
    backend.failWrites = false;
    recordAttempt('q2', 'h', 'b', 1);
    expect($storageStatus.get()).toBe('ok');
    expect(stored(backend.data.get(PROGRESS_KEY))).toEqual($progress.get());
  });

  it('behaves like a plain object for @nanostores/persistent', () => {
    const backend = fakeBackend();
    const status = atom<StorageStatus>('ok');
    const engine = createSafeStorage(backend, status);
    engine['a'] = '1';
    backend.failWrites = true;
    engine['b'] = '2';
    expect(status.get()).toBe('memory');
    expect(engine['a']).toBe('1');
    expect('b' in engine).toBe(true);
    expect('c' in engine).toBe(false);
    expect(Object.keys(engine).sort()).toEqual(['a', 'b']);
    const seen: string[] = [];
    for (const key in engine) seen.push(key);
    expect(seen.sort()).toEqual(['a', 'b']);
    delete engine['b'];
    expect(status.get()).toBe('ok');
    expect(engine['b']).toBeUndefined();
  });

  it('uses memory only when storage is unavailable', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(probeStorage(blocked)).toBeUndefined();
    expect(probeStorage(() => undefined)).toBeUndefined();
    const broken = fakeBackend();
    broken.failWrites = true;
    expect(probeStorage(() => broken)).toBeUndefined();
    const working = fakeBackend();
    expect(probeStorage(() => working)).toBe(working);
    expect(working.data.size).toBe(0); // the probe cleans up

    const status = atom<StorageStatus>('ok');
    const engine = createSafeStorage(undefined, status);
    expect(status.get()).toBe('memory');
    engine['k'] = 'v';
    expect(engine['k']).toBe('v');
  });
});
