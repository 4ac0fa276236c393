/**
 * The learner's progress as reactive stores, persisted in localStorage.
 *
 * Data flow: components call the actions below → read the latest stored
 * document and take it in (src/lib/progress/sync.ts) → apply the change (pure
 * updates in src/lib/progress/merge.ts) → write → `$progress`. Components read `$progress` through the selectors in
 * src/lib/progress/query.ts.
 *
 * Every write reads, merges, then writes: another tab's answer given a moment
 * earlier is in the latest stored document, so it is kept. A `storage` event
 * from another tab is merged too, unless that tab wrote over exactly what this
 * one holds, and written back when this tab holds something that write lacked
 * (see sync.ts for why a reset made in another tab still sticks).
 *
 * Never losing data: when stored progress cannot be used as is, the raw text
 * is copied to `eoc:progress:backup:<ms>` as soon as it is read — before any
 * write can replace it — and `$progressNotice` tells the learner. If there is
 * no room for that copy, the original is left where it is, this tab's
 * progress is kept in memory, and `$unsavedOriginal` offers the original as a
 * download; once downloaded, writing resumes.
 *
 * Everything is built by `createProgressStores` so tests can simulate a page
 * reload, or a second tab, by building another set over the same storage; the
 * app uses the default set exported at the bottom.
 */
import { atom } from 'nanostores';
import { persistentMap, type PersistentStore } from '@nanostores/persistent';
import { now } from '../lib/clock.ts';
import { decodeProgress, encodeProgress, type DecodeReason } from '../lib/progress/codec.ts';
import { readJson } from '../lib/read-json.ts';
import {
  MAX_RESPONSE_DEPTH,
  addAttempt,
  mergeProgress,
  readLesson,
  resetLessonProgress,
  restartLessonQuiz,
  stableJson,
  toJson,
  visitLesson,
} from '../lib/progress/merge.ts';
import { emptyProgress, isProgressId } from '../lib/progress/schema.ts';
import {
  RENAMED_IDS_PATH,
  holdsAnswers,
  readRenamedIds,
  renameDrafts,
  renameProgressIds,
} from '../lib/progress/renamed.ts';
import type { Progress } from '../lib/progress/schema.ts';
import { splitStamp, takeIn, withStamp, type SyncStamp } from '../lib/progress/sync.ts';
// Importing storage.ts installs the safe engine (in browsers) before the stores below exist.
import { STORAGE_QUOTA_CHARS, safeStorage, storageControl } from './storage.ts';

import {
  BACKUP_PREFIX,
  DRAFTS_PREFIX,
  PROGRESS_KEY,
  RENAMED_IDS_KEY,
  VISIT_PREFIX,
  pendingVisits,
} from '../lib/progress/keys.ts';

export { BACKUP_PREFIX, DRAFTS_PREFIX, PROGRESS_KEY, RENAMED_IDS_KEY };

/** Fetches the renames file (`RENAMED_IDS_PATH`) as JSON; rejects on any failure. */
export type FetchRenamedIds = () => Promise<unknown>;

/** The renames file from this site, under its base path. */
const fetchRenamedIds: FetchRenamedIds = async () => {
  const response = await fetch(`${import.meta.env.BASE_URL.replace(/\/$/, '')}${RENAMED_IDS_PATH}`);
  if (!response.ok) throw new Error(`${RENAMED_IDS_PATH}: HTTP ${response.status}`);
  return response.json();
};

/** Optional details of an attempt. */
export interface AttemptMeta {
  hintsUsed?: number;
  /** Time spent on the question, in ms. */
  ms?: number;
}

/** Changes other tabs make to storage: `key` null means storage was cleared. */
export interface StorageEvents {
  subscribe(listener: (key: string | null, newValue: string | null) => void): void;
}

const windowEvents: StorageEvents = {
  subscribe(listener) {
    if (typeof window === 'undefined') return;
    addEventListener('storage', (event) => {
      if (event.storageArea === null || event.storageArea === globalThis.localStorage) {
        listener(event.key, event.newValue);
      }
    });
  },
};

const STARTED_FRESH = "We couldn't read your saved progress, so we kept a backup copy and started fresh.";

const NOTICES: Record<DecodeReason, string> = {
  'future-version':
    'Your saved progress comes from a newer version of this course, which this page cannot read. We kept a backup copy and started fresh here.',
  salvaged:
    'Part of your saved progress could not be read. We kept the rest, plus a backup copy of the original.',
  'unkept-keys':
    'Part of your saved progress was written twice over. We kept what this page reads, plus a backup copy of the original.',
  'too-deep': STARTED_FRESH,
  'too-large': STARTED_FRESH,
  'invalid-json': STARTED_FRESH,
  'wrong-kind': STARTED_FRESH,
  'unsupported-version': STARTED_FRESH,
  invalid: STARTED_FRESH,
};

/** Said instead when the original could not be backed up. */
export const NO_ROOM_NOTICE =
  'Your saved progress could not be read as it is, and this browser has no room for a backup copy. We left it untouched: download the original to keep it. Until then, what you do here is kept in this tab only.';

function withQuestionHash(state: Progress, qid: string, hash: string): Progress {
  const question = state.questions[qid];
  if (!question || question.hash === hash) return state;
  return { ...state, questions: { ...state.questions, [qid]: { ...question, hash } } };
}

/** A name for the next write, unique enough among a learner's tabs. */
const newRev = (): string => `${now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;

/**
 * Build the progress and draft stores over `storage`, which must be the engine
 * given to `setPersistentEngine` (backups are written to it directly).
 */
export function createProgressStores(
  storage: PersistentStore,
  events: StorageEvents = windowEvents,
  fetchRenames: FetchRenamedIds | null = typeof window === 'undefined' ? null : fetchRenamedIds,
) {
  const control = storageControl(storage);
  const $progressNotice = atom<string | undefined>(undefined);
  /** Stored progress that could neither be read as it is nor backed up: offered as a download. */
  const $unsavedOriginal = atom<string | undefined>(undefined);
  const $progress = atom<Progress>(emptyProgress());

  /**
   * The stored text last read or written; the document this tab holds (without stamp); the writes
   * known to hold exactly that document (the newest last), of which the next write names one as
   * its base.
   */
  let last: { raw: string | undefined; state: Progress; revs: Set<string> } = {
    raw: undefined,
    state: emptyProgress(),
    revs: new Set(),
  };
  /** Writes already taken in or made here: a late event for one of them changes nothing. */
  const seen = new Set<string>();

  /**
   * Keep `raw` safe before anything can overwrite it: a backup copy if it fits and is really
   * stored; otherwise leave it in place, hold this tab's writes in memory, and offer a download.
   */
  function keepOriginal(raw: string): boolean {
    try {
      for (const key in storage) {
        if (key.startsWith(BACKUP_PREFIX) && storage[key] === raw) return true;
      }
      const stamp = now();
      let key = `${BACKUP_PREFIX}${stamp}`;
      for (let n = 1; key in storage; n++) key = `${BACKUP_PREFIX}${stamp}-${n}`;
      const fits = control.usedChars() + key.length + raw.length <= STORAGE_QUOTA_CHARS;
      if (fits && control.persist(key, raw)) return true;
    } catch {
      // Counted as no backup: the original stays where it is.
    }
    control.hold(PROGRESS_KEY);
    $unsavedOriginal.set(raw);
    return false;
  }

  /** Decode stored text, keeping the original safe and telling the learner when it had a problem. */
  function decode(raw: string | undefined): { state: Progress; stamp: SyncStamp | undefined } {
    const { state, problem, reason } = decodeProgress(raw);
    if (problem !== undefined && raw !== undefined) {
      const kept = keepOriginal(raw);
      $progressNotice.set(kept ? NOTICES[reason ?? 'invalid'] : NO_ROOM_NOTICE);
      console.warn(`[progress] ${problem}`);
    }
    const split = splitStamp(state);
    return { state: split.state, stamp: split.stamp };
  }

  /**
   * Another tab's write, read now or heard of by event: what this tab holds afterwards, and
   * whether that write lacks some of it (`behind`: write back); undefined when it was taken in
   * before (a late event for a write already read).
   */
  function take(raw: string | undefined): { state: Progress; behind: boolean } | undefined {
    if (raw === last.raw) return undefined;
    const { state, stamp } = decode(raw);
    if (stamp && seen.has(stamp.rev)) return undefined;
    if (stamp) seen.add(stamp.rev);
    const held = takeIn(last, { state, stamp });
    const same = (a: Progress, b: Progress): boolean => stableJson(a) === stableJson(b);
    const asIncoming = same(held, state);
    const asBefore = same(held, last.state);
    const mine = stamp ? [stamp.rev] : [];
    const revs = asIncoming
      ? new Set(asBefore ? [...last.revs, ...mine] : mine)
      : asBefore
        ? last.revs
        : new Set<string>();
    last = { raw, state: held, revs };
    return { state: held, behind: !asIncoming };
  }

  function write(state: Progress): void {
    const base = [...last.revs].at(-1);
    const stamp: SyncStamp = base ? { rev: newRev(), base } : { rev: newRev() };
    const text = encodeProgress(withStamp(state, stamp));
    storage[PROGRESS_KEY] = text;
    seen.add(stamp.rev);
    last = { raw: text, state, revs: new Set([stamp.rev]) };
    $progress.set(state);
  }

  /** Read the latest stored document, take it in, apply `change`, write. */
  function commit(change: (state: Progress) => Progress = (state) => state): void {
    take(storage[PROGRESS_KEY]);
    write(change(last.state));
  }

  /** Merge a one-fact document (or an imported file) in, and write. */
  function record(fact: Progress): void {
    commit((state) => mergeProgress(state, fact));
  }

  // Another tab wrote: take it in, and write back what this tab holds that the write lacked.
  events.subscribe((key, newValue) => {
    if (key !== null && key !== PROGRESS_KEY) {
      if (key.startsWith(VISIT_PREFIX)) absorbVisits();
      return;
    }
    const taken = take(newValue ?? undefined);
    if (!taken) return;
    if (taken.behind) write(taken.state);
    else $progress.set(taken.state);
  });

  type Json = ReturnType<typeof toJson>;
  const $drafts = persistentMap<Record<string, Json | undefined>>(
    DRAFTS_PREFIX,
    {},
    {
      encode: (value) => JSON.stringify(value),
      decode: (raw) => {
        // An unreadable draft (or one nested deeper than any answer) is just no draft.
        const read = readJson(raw, { maxChars: 200_000, maxDepth: MAX_RESPONSE_DEPTH });
        return read.ok ? (read.value as Json) : null;
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
    const fact = addAttempt(emptyProgress(), { qid, hash, response, score, at: now(), ...meta });
    // The learner just answered this version: even if another tab's clock put an attempt "later",
    // the summary hash is the one on screen.
    commit((state) => withQuestionHash(mergeProgress(state, fact), qid, hash));
    clearDraft(qid);
  }

  function markVisited(lessonId: string): void {
    record(visitLesson(emptyProgress(), lessonId, now()));
  }

  function markRead(lessonId: string): void {
    record(readLesson(emptyProgress(), lessonId, now()));
  }

  /** Start a lesson over: attempts on `questionIds`, their drafts and the read mark go. */
  function resetLesson(lessonId: string, questionIds: readonly string[]): void {
    const at = now();
    commit((state) => resetLessonProgress(state, lessonId, questionIds, at));
    for (const qid of questionIds) clearDraft(qid);
  }

  /**
   * "Start again" on a lesson quiz: its questions show only answers given from now on (nothing
   * is deleted; mastery and review still count every answer), and their drafts go.
   */
  function restartQuiz(lessonId: string, questionIds: readonly string[]): void {
    record(restartLessonQuiz(emptyProgress(), lessonId, now()));
    for (const qid of questionIds) clearDraft(qid);
  }

  /** Merge an imported (already validated, see parseProgressFile) document in. Idempotent. */
  /**
   * Merge an imported file in. Returns the stored document it was merged into (read at that
   * moment, so another tab's answer just before it counts as already there) and the result, so
   * "Added n attempts" counts only what the file added.
   */
  function importProgress(state: Progress): { before: Progress; after: Progress } {
    const fact = splitStamp(state).state;
    let before = emptyProgress();
    let after = before;
    commit((latest) => {
      before = latest;
      after = mergeProgress(latest, fact);
      return after;
    });
    // The file may come from before options had opaque ids.
    void carryOverIds(true);
    return { before, after };
  }

  /**
   * Rename option handles in saved answers to the published ids (src/lib/progress/renamed.ts),
   * once per browser: when it is done, or there is nothing to rename, `RENAMED_IDS_KEY` says so.
   * Offline or on any failure nothing changes and the next page load tries again; until then the
   * old answers still count for scores and mastery (they keep their scores), they are only not
   * shown again. `force` runs it after an import. Resolves when done.
   */
  async function carryOverIds(force = false): Promise<void> {
    if (fetchRenames === null) return;
    try {
      if (!force && storage[RENAMED_IDS_KEY] === 'done') return;
      if (!holdsAnswers($progress.get(), $drafts.get())) {
        storage[RENAMED_IDS_KEY] = 'done';
        return;
      }
      const table = readRenamedIds(await fetchRenames());
      if (!table) return;
      // A write like any other, over the newest stored document: other tabs take it in as a
      // change made over what they hold (sync.ts), so they do not bring the handles back.
      commit((state) => renameProgressIds(state, table));
      for (const [qid, draft] of Object.entries(renameDrafts($drafts.get(), table))) {
        $drafts.setKey(qid, toJson(draft));
      }
      storage[RENAMED_IDS_KEY] = 'done';
    } catch {
      // Offline, or storage refused the mark: try again on the next load.
    }
  }

  /** The export file's text (pretty JSON of the current document, in memory if storage fails). */
  function exportProgress(): string {
    return encodeProgress($progress.get(), { pretty: true });
  }

  /** The learner has downloaded the original that could not be backed up: storing can resume. */
  function releaseOriginal(): void {
    $unsavedOriginal.set(undefined);
    $progressNotice.set(undefined);
    control.release(PROGRESS_KEY);
    commit();
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
    let fact = emptyProgress();
    for (const [lesson, { first, last }] of visits) {
      fact = visitLesson(visitLesson(fact, lesson, first), lesson, last);
    }
    record(fact);
    for (const [lesson] of visits) {
      try {
        delete storage[`${VISIT_PREFIX}${lesson}`];
      } catch {
        // Left behind, it is folded in again next time: merging the same visit changes nothing.
      }
    }
  }

  // On load, the stored document is simply this tab's state: there is nothing else yet.
  const loaded = decode(storage[PROGRESS_KEY]);
  if (loaded.stamp) seen.add(loaded.stamp.rev);
  last = {
    raw: storage[PROGRESS_KEY],
    state: loaded.state,
    revs: new Set(loaded.stamp ? [loaded.stamp.rev] : []),
  };
  $progress.set(last.state);
  absorbVisits();
  const idsCarriedOver = carryOverIds();

  return {
    $progress,
    $progressNotice,
    $unsavedOriginal,
    releaseOriginal,
    $drafts,
    recordAttempt,
    markVisited,
    markRead,
    resetLesson,
    restartQuiz,
    importProgress,
    exportProgress,
    dismissProgressNotice,
    saveDraft,
    clearDraft,
    draftFor,
    /** Resolves once saved answers use published option ids (or it could not be done now). */
    idsCarriedOver,
  };
}

export type ProgressStores = ReturnType<typeof createProgressStores>;

export const {
  $progress,
  $progressNotice,
  $unsavedOriginal,
  releaseOriginal,
  $drafts,
  recordAttempt,
  markVisited,
  markRead,
  resetLesson,
  restartQuiz,
  importProgress,
  exportProgress,
  dismissProgressNotice,
  saveDraft,
  clearDraft,
  draftFor,
} = createProgressStores(safeStorage);
