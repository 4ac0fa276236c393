/**
 * The learner's progress as reactive stores, persisted in localStorage.
 *
 * Data flow: components call the actions below → pure updates in
 * src/lib/progress/merge.ts → `$progress` → codec → storage engine
 * (src/stores/storage.ts) → localStorage, and back through the codec's total
 * decode on load / tab sync. Components read `$progress` through the selectors
 * in src/lib/progress/query.ts.
 *
 * Never losing data: when stored progress cannot be used as is, the raw text
 * is copied to `eoc:progress:backup:<ms>` inside decode — i.e. before any
 * write can replace it — and `$progressNotice` tells the learner.
 *
 * Everything is built by `createProgressStores` so tests can simulate a page
 * reload by building a second set over the same storage; the app uses the
 * default set exported at the bottom.
 */
import { atom } from 'nanostores';
import { persistentAtom, persistentMap, type PersistentStore } from '@nanostores/persistent';
import { now } from '../lib/clock.ts';
import { decodeProgress, encodeProgress, type DecodeReason } from '../lib/progress/codec.ts';
import {
  addAttempt,
  mergeProgress,
  readLesson,
  resetLessonProgress,
  toJson,
  visitLesson,
} from '../lib/progress/merge.ts';
import { emptyProgress, isProgressId } from '../lib/progress/check.ts';
import type { Progress } from '../lib/progress/schema.ts';
// Importing storage.ts installs the safe engine (in browsers) before the stores below exist.
import { safeStorage } from './storage.ts';

import {
  BACKUP_PREFIX,
  DRAFTS_PREFIX,
  PROGRESS_KEY,
  VISIT_PREFIX,
  pendingVisits,
} from '../lib/progress/keys.ts';

export { BACKUP_PREFIX, DRAFTS_PREFIX, PROGRESS_KEY };

/** Optional details of an attempt. */
export interface AttemptMeta {
  hintsUsed?: number;
  /** Time spent on the question, in ms. */
  ms?: number;
}

const NOTICES: Record<DecodeReason, string> = {
  'future-version':
    'Your saved progress comes from a newer version of this course, which this page cannot read. We kept a backup copy and started fresh here.',
  salvaged:
    'Part of your saved progress could not be read. We kept the rest, plus a backup copy of the original.',
  'invalid-json': "We couldn't read your saved progress, so we kept a backup copy and started fresh.",
  'wrong-kind': "We couldn't read your saved progress, so we kept a backup copy and started fresh.",
  'unsupported-version': "We couldn't read your saved progress, so we kept a backup copy and started fresh.",
  invalid: "We couldn't read your saved progress, so we kept a backup copy and started fresh.",
};

/**
 * Copy `raw` to a new backup key unless an identical backup exists (decode
 * runs again on every page load until the learner's next change overwrites
 * the bad value; one copy is enough).
 */
function writeBackup(storage: PersistentStore, raw: string): void {
  try {
    for (const key in storage) {
      if (key.startsWith(BACKUP_PREFIX) && storage[key] === raw) return;
    }
    const stamp = now();
    let key = `${BACKUP_PREFIX}${stamp}`;
    for (let n = 1; key in storage; n++) key = `${BACKUP_PREFIX}${stamp}-${n}`;
    storage[key] = raw;
  } catch {
    // Decode must not throw; the safe engine already falls back to memory.
  }
}

/**
 * Build the progress and draft stores over `storage`, which must be the engine
 * given to `setPersistentEngine` (backups are written to it directly).
 */
export function createProgressStores(storage: PersistentStore) {
  const $progressNotice = atom<string | undefined>(undefined);

  const decode = (raw: string): Progress => {
    const { state, problem, reason } = decodeProgress(raw);
    if (problem !== undefined) {
      writeBackup(storage, raw);
      $progressNotice.set(NOTICES[reason ?? 'invalid']);
      console.warn(`[progress] ${problem}`);
    }
    return state;
  };

  const $progress = persistentAtom<Progress>(PROGRESS_KEY, emptyProgress(), {
    encode: (state) => encodeProgress(state),
    decode,
  });

  type Json = ReturnType<typeof toJson>;
  const $drafts = persistentMap<Record<string, Json | undefined>>(
    DRAFTS_PREFIX,
    {},
    {
      encode: (value) => JSON.stringify(value),
      decode: (raw) => {
        try {
          return JSON.parse(raw) as Json | undefined;
        } catch {
          return null; // an unreadable draft is just no draft
        }
      },
    },
  );

  /** Remember a half-typed answer so it survives a reload. `null`/`undefined` clears it. */
  function saveDraft(qid: string, response: unknown): void {
    if (!isProgressId(qid)) return;
    const value = toJson(response);
    if (value === null) clearDraft(qid);
    else $drafts.setKey(qid, value);
  }

  function clearDraft(qid: string): void {
    if (isProgressId(qid) && Object.hasOwn($drafts.get(), qid)) $drafts.setKey(qid, undefined);
  }

  /** The saved draft for `qid`, or undefined. */
  function draftFor(qid: string): unknown {
    const drafts = $drafts.get();
    const value = Object.hasOwn(drafts, qid) ? drafts[qid] : undefined;
    return value ?? undefined;
  }

  /** Record a submitted answer under the question's current `hash`; its draft is done with. */
  function recordAttempt(
    qid: string,
    hash: string,
    response: unknown,
    score: number,
    meta: AttemptMeta = {},
  ): void {
    $progress.set(addAttempt($progress.get(), { qid, hash, response, score, at: now(), ...meta }));
    clearDraft(qid);
  }

  function markVisited(lessonId: string): void {
    $progress.set(visitLesson($progress.get(), lessonId, now()));
  }

  function markRead(lessonId: string): void {
    $progress.set(readLesson($progress.get(), lessonId, now()));
  }

  /** Start a lesson over: attempts on `questionIds`, their drafts and the read mark go. */
  function resetLesson(lessonId: string, questionIds: readonly string[]): void {
    $progress.set(resetLessonProgress($progress.get(), lessonId, questionIds, now()));
    for (const qid of questionIds) clearDraft(qid);
  }

  /** Merge an imported (already validated, see parseProgressFile) document in. Idempotent. */
  function importProgress(state: Progress): void {
    $progress.set(mergeProgress($progress.get(), state));
  }

  /** The export file's text (pretty JSON of the current document). */
  function exportProgress(): string {
    return encodeProgress($progress.get(), { pretty: true });
  }

  function dismissProgressNotice(): void {
    $progressNotice.set(undefined);
  }

  /**
   * Fold the lesson visits the page shell recorded without this store (src/client/shell.ts) into
   * the document, then drop their keys. Merging is idempotent, so two tabs doing it at once agree.
   */
  function absorbVisits(): void {
    let visits: ReturnType<typeof pendingVisits>;
    try {
      visits = pendingVisits(Object.entries(storage));
    } catch {
      return;
    }
    if (visits.length === 0) return;
    let state = $progress.get();
    for (const [lesson, { first, last }] of visits) {
      state = visitLesson(visitLesson(state, lesson, first), lesson, last);
    }
    $progress.set(state);
    for (const [lesson] of visits) {
      try {
        delete storage[`${VISIT_PREFIX}${lesson}`];
      } catch {
        // Left behind, it is folded in again next time: merging the same visit changes nothing.
      }
    }
  }

  absorbVisits();
  // A lesson opened in another tab while this one is open (the Progress page, say).
  if (typeof window !== 'undefined') {
    addEventListener('storage', (event) => {
      if (event.key?.startsWith(VISIT_PREFIX)) absorbVisits();
    });
  }

  return {
    $progress,
    $progressNotice,
    $drafts,
    recordAttempt,
    markVisited,
    markRead,
    resetLesson,
    importProgress,
    exportProgress,
    dismissProgressNotice,
    saveDraft,
    clearDraft,
    draftFor,
  };
}

export type ProgressStores = ReturnType<typeof createProgressStores>;

export const {
  $progress,
  $progressNotice,
  $drafts,
  recordAttempt,
  markVisited,
  markRead,
  resetLesson,
  importProgress,
  exportProgress,
  dismissProgressNotice,
  saveDraft,
  clearDraft,
  draftFor,
} = createProgressStores(safeStorage);
