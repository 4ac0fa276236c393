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

  const handler: ProxyHandler<PersistentStore> = {
    get: (_target, key) => (typeof key === 'string' ? read(key) : undefined),
    has: (_target, key) => typeof key === 'string' && read(key) !== undefined,
    set: (_target, key, value) => {
      if (typeof key !== 'string') return true;
      const text = String(value);
      try {
        if (!backend) throw new Error('no storage');
        backend.setItem(key, text);
        memory.delete(key);
      } catch {
        // Full or blocked: keep the value for this session rather than lose it.
        memory.set(key, text);
      }
      update();
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
  return new Proxy<PersistentStore>({}, handler);
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
