/**
 * How progress documents change: by merging (import, and every store action,
 * which merges a one-fact document into the current state) and by the one
 * deliberate removal, resetting a lesson.
 *
 * Routing every update through `mergeProgress` means the document invariants
 * (attempts deduplicated and sorted, first-visit dates kept) are established
 * in one place, and import can never lose something an action could not.
 *
 * Merge rules — chosen so that nothing either side knows is lost:
 * - lessons: `visitedAt` and `readAt` = the earliest defined ("first time");
 *   `lastVisitedAt` = the latest.
 * - questions: the union of attempts, deduplicated by (at, hash, response,
 *   score) and sorted by `at`; if two duplicates differ only in `hintsUsed` /
 *   `ms`, the one with the smaller canonical JSON wins (arbitrary but
 *   deterministic). The question's `hash` comes from the side whose newest
 *   attempt is newer (ties: the larger hash string).
 * - reviews: per question the card with the later `last_review`, then the
 *   later `due`; a card with a date beats one without. When still tied the
 *   larger canonical JSON wins — not "keep a", because a fixed tie-break keeps
 *   merge commutative, so import order never matters.
 * - updatedAt: the latest.
 * These are all "max under a total order" choices, which is what makes merge
 * idempotent, commutative and associative (see merge.test.ts).
 */
import { emptyProgress, isProgressId } from './check.ts';
import type { Attempt, LessonProgress, Progress, QuestionProgress } from './schema.ts';

type Json = Progress['reviews'][string];

/** JSON with object keys sorted, so equal values have equal strings. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => stableJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Combine two documents; see the rules in the header comment. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  return {
    kind: a.kind,
    version: a.version,
    lessons: mergeRecords(a.lessons, b.lessons, mergeLesson, normalizeLesson),
    questions: mergeRecords(a.questions, b.questions, mergeQuestion, normalizeQuestion),
    reviews: mergeRecords(a.reviews, b.reviews, pickReview, (card) => card),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
}

/**
 * The canonical form merge produces: attempts deduplicated and sorted, ids in
 * sorted order. `mergeProgress(x, x)` equals `normalizeProgress(x)`.
 */
export function normalizeProgress(state: Progress): Progress {
  return mergeProgress(state, emptyProgress());
}

function mergeRecords<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  both: (x: T, y: T) => T,
  one: (x: T) => T,
): Record<string, T> {
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  // Object.fromEntries defines own properties, so no id can touch a prototype.
  return Object.fromEntries(
    ids.map((id) => {
      // hasOwn, not `!== undefined`/`??`: a review card may legitimately be null.
      const inA = Object.hasOwn(a, id);
      const inB = Object.hasOwn(b, id);
      const merged = inA && inB ? both(a[id] as T, b[id] as T) : one((inA ? a[id] : b[id]) as T);
      return [id, merged];
    }),
  );
}

function minDefined(x: number | undefined, y: number | undefined): number | undefined {
  return x === undefined ? y : y === undefined ? x : Math.min(x, y);
}

function maxDefined(x: number | undefined, y: number | undefined): number | undefined {
  return x === undefined ? y : y === undefined ? x : Math.max(x, y);
}

function mergeLesson(x: LessonProgress, y: LessonProgress): LessonProgress {
  return normalizeLesson({
    visitedAt: minDefined(x.visitedAt, y.visitedAt),
    lastVisitedAt: maxDefined(x.lastVisitedAt, y.lastVisitedAt),
    readAt: minDefined(x.readAt, y.readAt),
  });
}

/** Drop undefined fields so merged documents compare equal to decoded ones. */
function normalizeLesson(lesson: LessonProgress): LessonProgress {
  const out: LessonProgress = {};
  if (lesson.visitedAt !== undefined) out.visitedAt = lesson.visitedAt;
  if (lesson.lastVisitedAt !== undefined) out.lastVisitedAt = lesson.lastVisitedAt;
  if (lesson.readAt !== undefined) out.readAt = lesson.readAt;
  return out;
}

function attemptIdentity(attempt: Attempt): string {
  return stableJson([attempt.at, attempt.hash, attempt.score, attempt.response]);
}

function normalizeAttempts(attempts: readonly Attempt[]): Attempt[] {
  const chosen = new Map<string, { attempt: Attempt; full: string }>();
  for (const attempt of attempts) {
    const key = attemptIdentity(attempt);
    const full = stableJson(attempt);
    const current = chosen.get(key);
    if (!current || full < current.full) chosen.set(key, { attempt, full });
  }
  return [...chosen.values()]
    .sort((p, q) => p.attempt.at - q.attempt.at || compareStrings(p.full, q.full))
    .map(({ attempt }) => attempt);
}

function newestAt(question: QuestionProgress): number {
  return question.attempts.reduce((latest, attempt) => Math.max(latest, attempt.at), -1);
}

function normalizeQuestion(question: QuestionProgress): QuestionProgress {
  return { hash: question.hash, attempts: normalizeAttempts(question.attempts) };
}

function mergeQuestion(x: QuestionProgress, y: QuestionProgress): QuestionProgress {
  const order = newestAt(x) - newestAt(y) || compareStrings(x.hash, y.hash);
  return {
    hash: order >= 0 ? x.hash : y.hash,
    attempts: normalizeAttempts([...x.attempts, ...y.attempts]),
  };
}

/** A review card's date field as ms, or -Infinity when absent/unparseable. */
function cardTime(card: Json, field: string): number {
  if (typeof card !== 'object' || card === null || Array.isArray(card)) return -Infinity;
  const value = (card as Record<string, Json>)[field];
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : -Infinity;
}

function compareCardTimes(x: Json, y: Json, field: string): number {
  const tx = cardTime(x, field);
  const ty = cardTime(y, field);
  return tx === ty ? 0 : tx > ty ? 1 : -1;
}

function pickReview(x: Json, y: Json): Json {
  const order =
    compareCardTimes(x, y, 'last_review') ||
    compareCardTimes(x, y, 'due') ||
    compareStrings(stableJson(x), stableJson(y));
  return order >= 0 ? x : y;
}

function compareStrings(x: string, y: string): number {
  return x === y ? 0 : x > y ? 1 : -1;
}

/* ------------------------------------------------------------------------ */
/* Updates used by the store actions: each builds a one-fact document and   */
/* merges it, so they obey exactly the same rules as import.                */
/* ------------------------------------------------------------------------ */

/** Input for `addAttempt`; loosely typed because it comes from quiz widgets. */
export interface NewAttempt {
  qid: string;
  /** Content hash of the question as currently shown. */
  hash: string;
  response: unknown;
  score: number;
  at: number;
  hintsUsed?: number | undefined;
  ms?: number | undefined;
}

/**
 * Turn any value into the JSON it will be after a save/reload, so the state in
 * memory equals the state that comes back (and dedupe compares like with like).
 * That includes dropping `__proto__` keys, which decoding skips (as zod does).
 */
export function toJson(value: unknown): Json {
  try {
    const text = JSON.stringify(value ?? null) ?? 'null';
    return JSON.parse(text, (key, item: unknown) => (key === '__proto__' ? undefined : item)) as Json;
  } catch {
    // BigInt or a cycle: not storable; record that there was no usable response.
    return null;
  }
}

function checkId(id: string): void {
  if (!isProgressId(id)) throw new TypeError(`progress: invalid id ${JSON.stringify(id)}`);
}

function epoch(at: number): number {
  return Number.isFinite(at) ? Math.max(0, Math.floor(at)) : 0;
}

/**
 * Record one attempt. Values a widget might get wrong are coerced into the
 * schema here (score clamped, odd meta dropped) — a bad score must not make
 * the next page load see a corrupt document.
 */
export function addAttempt(state: Progress, input: NewAttempt): Progress {
  checkId(input.qid);
  const at = epoch(input.at);
  const attempt: Attempt = {
    at,
    response: toJson(input.response),
    score: Number.isFinite(input.score) ? Math.min(1, Math.max(0, input.score)) : 0,
    hash: input.hash,
  };
  if (input.hintsUsed !== undefined && Number.isInteger(input.hintsUsed) && input.hintsUsed >= 0) {
    attempt.hintsUsed = input.hintsUsed;
  }
  if (input.ms !== undefined && Number.isFinite(input.ms) && input.ms >= 0) attempt.ms = input.ms;

  const merged = mergeProgress(state, {
    ...emptyProgress(),
    questions: { [input.qid]: { hash: input.hash, attempts: [attempt] } },
    updatedAt: at,
  });
  // The learner just answered this version; even if a skewed clock put an
  // older attempt "later", the summary hash must be the one on screen.
  const question = merged.questions[input.qid];
  if (question) question.hash = input.hash;
  return merged;
}

/** The learner opened a lesson: first visit is kept, last visit moves forward. */
export function visitLesson(state: Progress, lessonId: string, at: number): Progress {
  checkId(lessonId);
  const t = epoch(at);
  return mergeProgress(state, {
    ...emptyProgress(),
    lessons: { [lessonId]: { visitedAt: t, lastVisitedAt: t } },
    updatedAt: t,
  });
}

/** The learner marked a lesson as read; the first time is kept. */
export function readLesson(state: Progress, lessonId: string, at: number): Progress {
  checkId(lessonId);
  const t = epoch(at);
  return mergeProgress(state, {
    ...emptyProgress(),
    lessons: { [lessonId]: { readAt: t } },
    updatedAt: t,
  });
}

/**
 * The learner asked to start a lesson over: its questions' attempts (all
 * versions) and its "read" mark go. Visit dates stay (they drive "continue
 * where you left off") and review cards stay (owned by the review feature).
 * Note: importing an older export afterwards brings the attempts back — merge
 * is a union by design.
 */
export function resetLessonProgress(
  state: Progress,
  lessonId: string,
  questionIds: readonly string[],
  at: number,
): Progress {
  const drop = new Set(questionIds);
  const lessons = { ...state.lessons };
  const lesson = Object.hasOwn(lessons, lessonId) ? lessons[lessonId] : undefined;
  if (lesson) {
    const { readAt: _readAt, ...rest } = lesson;
    lessons[lessonId] = rest;
  }
  return {
    ...state,
    lessons,
    questions: Object.fromEntries(Object.entries(state.questions).filter(([id]) => !drop.has(id))),
    updatedAt: Math.max(state.updatedAt, epoch(at)),
  };
}
