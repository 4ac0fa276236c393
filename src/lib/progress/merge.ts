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
 *   `lastVisitedAt` and `restartedAt` = the latest.
 * - questions: the union of attempts, sorted by `at`; an attempt equal in
 *   every field to another (key order aside) is the same attempt and kept
 *   once. Two attempts that differ in any field, even one this version does
 *   not know, are both kept. The question's `hash` comes from the side whose
 *   newest attempt is newer (ties: the larger hash string).
 * - reviews: per question the card with the later `last_review`, then the
 *   later `due`; a card with a date beats one without. When still tied the
 *   larger canonical JSON wins — not "keep a", because a fixed tie-break keeps
 *   merge commutative, so import order never matters.
 * - updatedAt: the latest.
 * - fields this version does not know, on the document, a lesson or a
 *   question: kept; when both sides hold one with different values, the
 *   larger canonical JSON wins.
 * These are all "max under a total order" choices, which is what makes merge
 * idempotent, commutative and associative (see merge.test.ts).
 */
import { readJson } from '../read-json.ts';
import { KNOWN_FIELDS, emptyProgress, isProgressId } from './schema.ts';
import type { Attempt, Json, LessonProgress, Progress, QuestionProgress } from './schema.ts';

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
    ...mergeUnknown(a, b, KNOWN_FIELDS.progress),
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

/**
 * The fields of `a` and `b` that are not in `known`, merged: a field on one side is kept; on both
 * sides with different values, the larger canonical JSON wins (commutative, like every rule here).
 */
function mergeUnknown(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  known: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const side of [a, b]) {
    for (const [key, value] of Object.entries(side)) {
      if (known.includes(key) || value === undefined) continue;
      if (!Object.hasOwn(out, key) || stableJson(value) > stableJson(out[key])) out[key] = value;
    }
  }
  return out;
}

function minDefined(x: number | undefined, y: number | undefined): number | undefined {
  return x === undefined ? y : y === undefined ? x : Math.min(x, y);
}

function maxDefined(x: number | undefined, y: number | undefined): number | undefined {
  return x === undefined ? y : y === undefined ? x : Math.max(x, y);
}

function mergeLesson(x: LessonProgress, y: LessonProgress): LessonProgress {
  return normalizeLesson({
    ...mergeUnknown(x, y, KNOWN_FIELDS.lesson),
    visitedAt: minDefined(x.visitedAt, y.visitedAt),
    lastVisitedAt: maxDefined(x.lastVisitedAt, y.lastVisitedAt),
    readAt: minDefined(x.readAt, y.readAt),
    restartedAt: maxDefined(x.restartedAt, y.restartedAt),
  });
}

/** Drop undefined fields so merged documents compare equal to decoded ones. */
function normalizeLesson(lesson: LessonProgress): LessonProgress {
  const out: LessonProgress = mergeUnknown(lesson, {}, KNOWN_FIELDS.lesson);
  if (lesson.visitedAt !== undefined) out.visitedAt = lesson.visitedAt;
  if (lesson.lastVisitedAt !== undefined) out.lastVisitedAt = lesson.lastVisitedAt;
  if (lesson.readAt !== undefined) out.readAt = lesson.readAt;
  if (lesson.restartedAt !== undefined) out.restartedAt = lesson.restartedAt;
  return out;
}

function normalizeAttempts(attempts: readonly Attempt[]): Attempt[] {
  const chosen = new Map<string, Attempt>();
  for (const attempt of attempts) {
    const full = stableJson(attempt);
    if (!chosen.has(full)) chosen.set(full, attempt);
  }
  return [...chosen]
    .sort(([p, x], [q, y]) => x.at - y.at || compareStrings(p, q))
    .map(([, attempt]) => attempt);
}

function newestAt(question: QuestionProgress): number {
  return question.attempts.reduce((latest, attempt) => Math.max(latest, attempt.at), -1);
}

function normalizeQuestion(question: QuestionProgress): QuestionProgress {
  return {
    ...mergeUnknown(question, {}, KNOWN_FIELDS.question),
    hash: question.hash,
    attempts: normalizeAttempts(question.attempts),
  };
}

function mergeQuestion(x: QuestionProgress, y: QuestionProgress): QuestionProgress {
  const order = newestAt(x) - newestAt(y) || compareStrings(x.hash, y.hash);
  return {
    ...mergeUnknown(x, y, KNOWN_FIELDS.question),
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

/** Deepest response or draft kept; real answers are one or two levels deep. */
export const MAX_RESPONSE_DEPTH = 8;

/**
 * Turn any value into the JSON it will be after a save/reload, so the state in
 * memory equals the state that comes back (and dedupe compares like with like).
 * That includes dropping `__proto__` keys, which decoding drops too. A value
 * nested deeper than `MAX_RESPONSE_DEPTH` is not storable: it would make the
 * whole document unreadable on the next load.
 */
export function toJson(value: unknown): Json {
  try {
    const text = JSON.stringify(value ?? null) ?? 'null';
    const read = readJson(text, { maxChars: Infinity, maxDepth: MAX_RESPONSE_DEPTH });
    return read.ok ? (read.value as Json) : null;
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
 * The learner pressed "Start again" on the lesson quiz: from `at` on, the quiz and the lesson's
 * questions show only newer answers. Nothing is deleted; the latest restart is kept.
 */
export function restartLessonQuiz(state: Progress, lessonId: string, at: number): Progress {
  checkId(lessonId);
  const t = epoch(at);
  return mergeProgress(state, {
    ...emptyProgress(),
    lessons: { [lessonId]: { restartedAt: t } },
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
