/**
 * The storage engine under every persistent store (`@nanostores/persistent`).
 *
 * Data flow: store.set → engine[key] = string → localStorage, or — when
 * localStorage is missing, blocked (SecurityError in private modes / with
 * cookies disabled) or full (QuotaExceededError) — an in-memory Map for that
 * key, with `$storageStatus` flipped to 'memory' so the UI can tell the
 * learner their progress will not survive a reload (and offer an export).
 *
 * @nanostores/persistent treats its engine as a plain object
 * (`engine[key]`, `engine[key] = v`, `delete engine[key]`, `key in engine`,
 * `for…in`), and a raw `localStorage[key] = v` throws when full; so the
 * engine is a Proxy that turns every one of those into a guarded call.
 *
 * Importing this module in a browser installs the engine, with the `storage`
 * window event for tab sync (`windowPersistentEvents`). Import it before
 * creating persistent stores, as src/stores/progress.ts does.
 *
 * The progress store needs more than a plain object offers: to know whether a
 * write really reached storage (a backup that did not is no backup), whether
 * it would fit at all, and to keep one key in memory on purpose (so that an
 * original that could not be backed up is not overwritten). `storageControl`
 * gives that for an engine made here, and a plain-object stand-in otherwise.
 */
import { atom, type WritableAtom } from 'nanostores';
import { setPersistentEngine, windowPersistentEvents, type PersistentStore } from '@nanostores/persistent';
import { canStore } from '../lib/progress/keys.ts';

/** 'ok': writes reach localStorage. 'memory': at least one key lives only in this tab's memory. */
export type StorageStatus = 'ok' | 'memory';

export const $storageStatus: WritableAtom<StorageStatus> = atom<StorageStatus>('ok');

/** The part of the Web Storage API the engine uses. */
export interface StorageBackend {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The backend if it really works: reading `localStorage` can itself throw,
 * and Safari's old private mode exposed one whose `setItem` always threw.
 */
export function probeStorage(get: () => StorageBackend | undefined): StorageBackend | undefined {
  let backend: StorageBackend | undefined;
  return canStore(() => (backend = get())) ? backend : undefined;
}

/**
 * Characters (UTF-16 code units, keys and values) localStorage is assumed to hold per site. The
 * smallest of the major browsers' quotas, with some room: a write that would clearly not fit is
 * not attempted, and one that is attempted is checked.
 */
export const STORAGE_QUOTA_CHARS = 5_000_000;

/** What the progress store needs of its storage beyond a plain object. */
export interface StorageControl {
  /** Write `value` under `key` to durable storage only (never to memory); false if it did not get there. */
  persist(key: string, value: string): boolean;
  /** Characters in use (keys and values), counting what is only in memory. */
  usedChars(): number;
  /** Keep `key` in memory from now on, leaving whatever durable storage holds untouched. */
  hold(key: string): void;
  /** Stop holding `key`: its next write goes to durable storage again. */
  release(key: string): void;
}

const controls = new WeakMap<PersistentStore, StorageControl>();

/** The control of an engine from `createSafeStorage`; for any other object, one that treats it as durable. */
export function storageControl(engine: PersistentStore): StorageControl {
  return (
    controls.get(engine) ?? {
      persist: (key, value) => {
        engine[key] = value;
        return engine[key] === value;
      },
      usedChars: () => Object.entries(engine).reduce((n, [k, v]) => n + k.length + String(v).length, 0),
      hold: () => {},
      release: () => {},
    }
  );
}

/**
 * An engine for `setPersistentEngine` over `backend` (undefined = memory
 * only). A key whose write fails is kept in memory and shadows the backend
 * until a later write of that key succeeds; the status returns to 'ok' once no
 * key is held in memory.
 */
export function createSafeStorage(
  backend: StorageBackend | undefined,
  status: WritableAtom<StorageStatus> = $storageStatus,
): PersistentStore {
  const memory = new Map<string, string>();
  const held = new Set<string>();
  const update = (): void => {
    const next: StorageStatus = backend && memory.size === 0 ? 'ok' : 'memory';
    if (status.get() !== next) status.set(next);
  };
  update();

  const read = (key: string): string | undefined => {
    if (memory.has(key)) return memory.get(key);
    try {
      return backend?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };

  const keys = (): string[] => {
    const all = new Set(memory.keys());
    try {
      if (backend) {
        for (let i = 0; i < backend.length; i++) {
          const key = backend.key(i);
          if (key !== null) all.add(key);
        }
      }
    } catch {
      // keys we cannot list are simply not restored by persistentMap
    }
    return [...all];
  };

  /** Store `text`; true if it reached the backend, else it is kept in memory for this session. */
  const write = (key: string, text: string): boolean => {
    let durable = false;
    try {
      if (!backend || held.has(key)) throw new Error('no storage');
      backend.setItem(key, text);
      memory.delete(key);
      durable = true;
    } catch {
      // Full or blocked: keep the value for this session rather than lose it.
      memory.set(key, text);
    }
    update();
    return durable;
  };

  const handler: ProxyHandler<PersistentStore> = {
    get: (_target, key) => (typeof key === 'string' ? read(key) : undefined),
    has: (_target, key) => typeof key === 'string' && read(key) !== undefined,
    set: (_target, key, value) => {
      if (typeof key !== 'string') return true;
      write(key, String(value));
      return true; // a false return would throw in the caller (strict mode)
    },
    deleteProperty: (_target, key) => {
      if (typeof key !== 'string') return true;
      memory.delete(key);
      try {
        backend?.removeItem(key);
      } catch {
        // nothing left to do: the key is gone from memory at least
      }
      update();
      return true;
    },
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_target, key) => {
      if (typeof key !== 'string') return undefined;
      const value = read(key);
      return value === undefined
        ? undefined
        : { value, writable: true, enumerable: true, configurable: true };
    },
  };
  const engine = new Proxy<PersistentStore>({}, handler);
  controls.set(engine, {
    persist: (key, value) => {
      try {
        if (!backend || held.has(key)) return false;
        backend.setItem(key, value);
        return backend.getItem(key) === value;
      } catch {
        return false;
      }
    },
    usedChars: () => keys().reduce((n, key) => n + key.length + (read(key)?.length ?? 0), 0),
    hold: (key) => void held.add(key),
    release: (key) => {
      if (!held.delete(key)) return;
      const value = memory.get(key);
      if (value !== undefined) write(key, value);
    },
  });
  return engine;
}

const isBrowser = typeof window !== 'undefined';

/**
 * The app's engine. On the server (static build) there is no storage and
 * nothing to warn about, so a private status atom keeps `$storageStatus` 'ok'.
 */
export const safeStorage: PersistentStore = isBrowser
  ? createSafeStorage(probeStorage(() => globalThis.localStorage))
  : createSafeStorage(undefined, atom<StorageStatus>('ok'));

if (isBrowser) setPersistentEngine(safeStorage, windowPersistentEvents);
