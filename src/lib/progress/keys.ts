/**
 * Where progress lives in localStorage, and the two small questions the page asks of it before any
 * quiz code has loaded (see src/client/intent.ts and src/client/shell.ts):
 * - does this browser hold anything for these questions (so their islands should restore it now)?
 * - record "the learner opened this lesson" without the progress store.
 *
 * A lesson visit is written as a pending visit under its own key; the progress store folds pending
 * visits into the progress document the next time it loads (`pendingVisits` below), so the visit is
 * in "continue where you left off", exports and merges like any other. Pure: storage is passed in.
 */
/** The `kind` marker that tells our documents apart from any other JSON. */
export const PROGRESS_KIND = 'eoc-progress';

/** The version this code writes. Older versions are migrated in codec.ts. */
export const CURRENT_VERSION = 1;

/** Longest lesson or question id, in code points (zod measures strings in code points). */
export const MAX_ID_LENGTH = 200;

/** Ids never recorded: keys an object cannot hold as plain data (see `PROGRESS_LIMITS.reserved`). */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** Same rule as `IdSchema`: 1–200 characters, and not a reserved key. */
export function isProgressId(id: unknown): id is string {
  if (typeof id !== 'string' || id === '' || RESERVED_IDS.has(id)) return false;
  // A code point is one or two UTF-16 units: only a long string needs counting.
  return id.length <= MAX_ID_LENGTH || [...id].length <= MAX_ID_LENGTH;
}

/**
 * Limits on stored progress, checked before anything recursive reads it (src/lib/read-json.ts).
 * The size is above every browser's localStorage quota (about 5.2 million characters in
 * Chromium), so nothing that could be stored is refused for size; real documents are a few
 * levels deep.
 */
export const PROGRESS_LIMITS = {
  maxChars: 6_000_000,
  maxDepth: 32,
  // The validator (valibot) does not copy these keys, to guard prototypes: they cannot be carried.
  reserved: new Set(['constructor', 'prototype']),
} as const;

/** localStorage key of the progress document. */
export const PROGRESS_KEY = 'eoc:progress';
/** Prefix of backup copies of unreadable progress; the suffix is the ms timestamp. */
export const BACKUP_PREFIX = 'eoc:progress:backup:';
/** Prefix of draft answers, one key per question: `eoc:drafts:<qid>`. */
export const DRAFTS_PREFIX = 'eoc:drafts:';
/**
 * Set to `done` once this browser's saved answers use the published option ids
 * (src/lib/progress/renamed.ts), so the renames file is fetched at most until then.
 */
export const RENAMED_IDS_KEY = 'eoc:ids';
/** Prefix of pending lesson visits, one key per lesson: `eoc:visit:<lesson>` = `{"first":ms,"last":ms}`. */
export const VISIT_PREFIX = 'eoc:visit:';

/** Reads one localStorage key; may throw (storage disabled), which counts as "something to show". */
export type Read = (key: string) => string | null;

/**
 * Whether the islands for `ids` have anything to show from this browser before the learner touches
 * them: an attempt, a review card or a draft for one of the questions, stored progress that does
 * not decode cleanly (`unreadable`: the store's own decoder, passed in so that the page shell,
 * which imports this module, does not carry it; its notice must be shown), or storage that cannot
 * be read at all (the "kept in memory" notice). False for a learner who has never answered any
 * of them.
 */
export function hasSavedState(
  read: Read,
  ids: readonly string[],
  unreadable: (raw: string) => boolean,
): boolean {
  try {
    const raw = read(PROGRESS_KEY);
    if (raw !== null && ids.some((id) => raw.includes(JSON.stringify(id)))) return true;
    if (ids.some((id) => read(`${DRAFTS_PREFIX}${id}`) !== null)) return true;
    return raw !== null && unreadable(raw);
  } catch {
    return true;
  }
}

/** Key written and removed to find out whether storage accepts writes (as src/stores/storage.ts does). */
export const PROBE_KEY = 'eoc:storage-probe';

/** Whether `storage` takes writes: false when it is missing, blocked or full (progress then lives in memory). */
export function canStore(storage: () => Pick<Storage, 'setItem' | 'removeItem'> | undefined): boolean {
  try {
    const backend = storage();
    if (!backend) return false;
    backend.setItem(PROBE_KEY, PROBE_KEY);
    backend.removeItem(PROBE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** A pending visit: the first and the latest time the lesson was opened, in ms since the epoch. */
export interface PendingVisit {
  first: number;
  last: number;
}

const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Parse a pending visit; anything malformed is no visit (it is only a hint, never progress itself). */
export function parseVisit(raw: string | null | undefined): PendingVisit | undefined {
  // Two numbers: anything longer is not a visit, and is not parsed.
  if (!raw || raw.length > 100) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<PendingVisit> | null;
    if (!value || !isTime(value.first) || !isTime(value.last)) return undefined;
    return { first: Math.min(value.first, value.last), last: Math.max(value.first, value.last) };
  } catch {
    return undefined;
  }
}

/** The pending visit after another visit at `at`: the first time is kept, the latest moves on. */
export function addVisit(raw: string | null | undefined, at: number): string {
  const t = Math.max(0, Math.floor(at));
  const before = parseVisit(raw);
  const visit = before
    ? { first: Math.min(before.first, t), last: Math.max(before.last, t) }
    : { first: t, last: t };
  return JSON.stringify(visit);
}

/** The lesson ids and visits under `VISIT_PREFIX` in `entries` (key → raw value), malformed ones skipped. */
export function pendingVisits(entries: Iterable<[string, string]>): [lesson: string, visit: PendingVisit][] {
  const out: [string, PendingVisit][] = [];
  for (const [key, raw] of entries) {
    if (!key.startsWith(VISIT_PREFIX)) continue;
    const visit = parseVisit(raw);
    const lesson = key.slice(VISIT_PREFIX.length);
    if (visit && isProgressId(lesson)) out.push([lesson, visit]);
  }
  return out;
}
