/**
 * The shape of a learner's progress document: the single value the progress
 * store keeps in localStorage, the export file, and the input to merge/query.
 *
 * Data flow: localStorage / import file → codec (JSON within limits,
 * migrations, validation against this schema) → `Progress` → store actions
 * (merge.ts) and selectors (query.ts) → codec → localStorage / export file.
 *
 * One schema for every reader: the page's decode on load, the islands'
 * decision to hydrate early (src/client/intent.ts) and the strict import path
 * all validate with it. It is written with valibot, whose schemas cost about
 * 2.6 KB gzipped in a page: zod (even `zod/mini`) did not fit the lesson
 * page's budget once the islands' loader had to carry it (docs/performance.md
 * has the figures).
 *
 * Design choice — every attempt carries the `hash` of the question version it
 * answered. Editing a question changes its hash, so `attemptsFor(state, qid,
 * currentHash)` stops seeing the old attempts (that question "resets") while
 * the attempts themselves are kept: nothing a learner did is ever deleted by a
 * content change. The question-level `hash` is only a summary: the hash of the
 * newest attempt.
 *
 * Forward compatibility: objects are loose. A field this version does not know
 * (written by a newer version of the course, say) is carried through decode,
 * merge and encode unchanged, so an older page never strips what a newer one
 * wrote.
 */
import * as v from 'valibot';
import { CURRENT_VERSION, MAX_ID_LENGTH, PROGRESS_KIND, isProgressId } from './keys.ts';

export { CURRENT_VERSION, MAX_ID_LENGTH, PROGRESS_KIND, isProgressId };

/**
 * Hash given to attempts migrated from the version-0 prototype, which did not
 * record question versions. It never equals a real content hash, so those
 * attempts are kept but never counted against the current question.
 */
export const UNKNOWN_HASH = 'unknown';

/** Any JSON value (what `JSON.parse` gives; numbers finite). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Valibot takes an array for an object or a record (arrays are objects in JavaScript): a stored
 * `"lessons": []` would pass, and come back as `{}`. Every object here is checked to be a plain
 * object first.
 */
const plainObject = v.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected an object',
);

/** A record of ids → `value`, not an array. */
function records<T extends v.GenericSchema>(value: T) {
  return v.pipe(plainObject, v.record(IdSchema, value));
}

/** An object with `entries`, not an array; fields it does not know are carried through. */
function loose<T extends v.ObjectEntries>(entries: T) {
  return v.pipe(plainObject, v.looseObject(entries));
}

/** A JSON value, checked all the way down (the reader has bounded its depth first). */
export const JsonSchema: v.GenericSchema<Json> = v.lazy(() =>
  v.union([
    v.string(),
    v.pipe(v.number(), v.finite()),
    v.boolean(),
    v.null(),
    v.array(JsonSchema),
    v.record(v.string(), JsonSchema),
  ]),
);

/**
 * Lesson and question ids: 1–200 characters. `__proto__` is refused so the
 * app never records under it (it cannot be a key of a plain object's data).
 */
export const IdSchema = v.pipe(
  v.string(),
  v.check((id: string) => isProgressId(id), 'not a valid id'),
);

/** Milliseconds since the Unix epoch, as produced by `now()` in src/lib/clock.ts. */
export const EpochMsSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** One answer submission. */
const attemptEntries = {
  /** When the answer was submitted (ms epoch). */
  at: EpochMsSchema,
  /** The learner's answer exactly as the quiz widget produced it; any JSON value. */
  response: JsonSchema,
  /** Grade from 0 (wrong) to 1 (fully right); partial credit in between. */
  score: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)),
  /** How many hints were revealed before submitting; absent when not tracked. */
  hintsUsed: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  /** Time spent on the question before submitting, in ms; absent when not tracked. */
  ms: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  /**
   * Content hash of the question version this attempt answered. Required in
   * version 1 so that attempts of an edited question can be told apart.
   */
  hash: v.string(),
};
/** One answer submission. */
export const AttemptSchema = loose(attemptEntries);

/** Everything recorded about one question. */
const questionEntries = {
  /** Hash of the question version behind the newest attempt. */
  hash: v.string(),
  /** All attempts ever made, any version, oldest first. */
  attempts: v.array(AttemptSchema),
};
/** Everything recorded about one question. */
export const QuestionProgressSchema = loose(questionEntries);

/** Reading progress for one lesson page. */
const lessonEntries = {
  /** First time the lesson page was opened (ms epoch). Merge keeps the earliest. */
  visitedAt: v.optional(EpochMsSchema),
  /**
   * Most recent time the lesson page was opened (ms epoch). Merge keeps the
   * latest. Added (optional, so still version 1) for "continue where you left
   * off", which `visitedAt` — a first-visit date — cannot answer.
   */
  lastVisitedAt: v.optional(EpochMsSchema),
  /** First time the learner marked the lesson as read (ms epoch). Merge keeps the earliest. */
  readAt: v.optional(EpochMsSchema),
  /**
   * Last time the learner pressed "Start again" on the lesson quiz (ms epoch): the quiz and the
   * lesson's questions show only what was answered since (attempts stay, and mastery counts
   * them). Merge keeps the latest. Optional, so still version 1.
   */
  restartedAt: v.optional(EpochMsSchema),
};
/** Reading progress for one lesson page. */
export const LessonProgressSchema = loose(lessonEntries);

/** The whole progress document, version 1. */
const progressEntries = {
  /** Always `'eoc-progress'`; lets import refuse unrelated JSON files. */
  kind: v.literal(PROGRESS_KIND),
  /** Document format version; see the migrations in codec.ts. */
  version: v.literal(CURRENT_VERSION),
  /** Per lesson id. */
  lessons: records(LessonProgressSchema),
  /** Per question id. */
  questions: records(QuestionProgressSchema),
  /**
   * Per question id: the spaced-review card (FSRS) owned by the review
   * feature. Opaque here: validated only as JSON and kept verbatim.
   */
  reviews: records(JsonSchema),
  /** Time of the last change (ms epoch). Merge keeps the latest. */
  updatedAt: EpochMsSchema,
};
/** The whole progress document, version 1. */
export const ProgressSchema = loose(progressEntries);

export type Attempt = v.InferOutput<typeof AttemptSchema>;
export type QuestionProgress = v.InferOutput<typeof QuestionProgressSchema>;
export type LessonProgress = v.InferOutput<typeof LessonProgressSchema>;
export type Progress = v.InferOutput<typeof ProgressSchema>;

/** Validate `value` against `schema`: the typed value, or the issues found. */
export function check<T extends v.GenericSchema>(
  schema: T,
  value: unknown,
): { ok: true; value: v.InferOutput<T> } | { ok: false; issues: Issue[] } {
  const result = v.safeParse(schema, value);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, issues: result.issues.map(issueOf) };
}

/** The fields this version knows, per object; anything else is carried through as it is. */
export const KNOWN_FIELDS = {
  progress: Object.keys(progressEntries),
  lesson: Object.keys(lessonEntries),
  question: Object.keys(questionEntries),
  attempt: Object.keys(attemptEntries),
} as const;

/** A fresh document for a learner with no history. */
export function emptyProgress(): Progress {
  return {
    kind: PROGRESS_KIND,
    version: CURRENT_VERSION,
    lessons: {},
    questions: {},
    reviews: {},
    updatedAt: 0,
  };
}

/** One problem the schema found: where, and what was expected there. */
export interface Issue {
  path: (string | number)[];
  /** Lower-case, for "path: what": `expected a number`, `expected at most 1`. */
  text: string;
}

const A: Record<string, string> = {
  array: 'an array',
  number: 'a number',
  object: 'an object',
  record: 'an object',
  string: 'a string',
};

/** A valibot issue in words (its own English messages name types, not what to write). */
function issueOf(issue: v.BaseIssue<unknown>): Issue {
  const path = (issue.path ?? []).map((item) => {
    const key = (item as { key?: unknown }).key;
    return typeof key === 'number' ? key : String(key);
  });
  const requirement = String((issue as { requirement?: unknown }).requirement);
  switch (issue.type) {
    case 'safe_integer':
      return { path, text: 'expected a whole number' };
    case 'finite':
      return { path, text: 'expected a finite number' };
    case 'min_value':
      return { path, text: `expected at least ${requirement}` };
    case 'max_value':
      return { path, text: `expected at most ${requirement}` };
    case 'literal':
      return { path, text: `expected ${issue.expected ?? ''}` };
    case 'check':
      return { path, text: `not a valid id (1 to ${MAX_ID_LENGTH} characters)` };
    case 'union':
      return { path, text: 'expected a JSON value' };
    case 'custom':
      return { path, text: 'expected an object' };
    default:
      return { path, text: `expected ${A[issue.type] ?? issue.expected ?? issue.type}` };
  }
}
