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
 * all validate with it. It is written with `zod/mini`, Zod 4's tree-shakable
 * API, which keeps it small enough for a lesson page (see
 * docs/performance.md for the figures against the hand-written checker it
 * replaced, and against valibot).
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
import '../zod-jitless.ts';
import * as z from 'zod/mini';
import { CURRENT_VERSION, MAX_ID_LENGTH, PROGRESS_KIND, isProgressId } from './keys.ts';

export { CURRENT_VERSION, MAX_ID_LENGTH, PROGRESS_KIND, isProgressId };

/**
 * Hash given to attempts migrated from the version-0 prototype, which did not
 * record question versions. It never equals a real content hash, so those
 * attempts are kept but never counted against the current question.
 */
export const UNKNOWN_HASH = 'unknown';

/**
 * Lesson and question ids: 1–200 characters. `__proto__` is refused so the
 * app never records under it (it cannot be a key of a plain object's data).
 */
export const IdSchema = z.string().check(z.refine(isProgressId, 'expected an id of 1 to 200 characters'));

/** Milliseconds since the Unix epoch, as produced by `now()` in src/lib/clock.ts. */
export const EpochMsSchema = z.int().check(z.minimum(0));

/** One answer submission. */
export const AttemptSchema = z.looseObject({
  /** When the answer was submitted (ms epoch). */
  at: EpochMsSchema,
  /** The learner's answer exactly as the quiz widget produced it; any JSON value. */
  response: z.json(),
  /** Grade from 0 (wrong) to 1 (fully right); partial credit in between. */
  score: z.number().check(z.minimum(0), z.maximum(1)),
  /** How many hints were revealed before submitting; absent when not tracked. */
  hintsUsed: z.optional(z.int().check(z.minimum(0))),
  /** Time spent on the question before submitting, in ms; absent when not tracked. */
  ms: z.optional(z.number().check(z.minimum(0))),
  /**
   * Content hash of the question version this attempt answered. Required in
   * version 1 so that attempts of an edited question can be told apart.
   */
  hash: z.string(),
});

/** Everything recorded about one question. */
export const QuestionProgressSchema = z.looseObject({
  /** Hash of the question version behind the newest attempt. */
  hash: z.string(),
  /** All attempts ever made, any version, oldest first. */
  attempts: z.array(AttemptSchema),
});

/** Reading progress for one lesson page. */
export const LessonProgressSchema = z.looseObject({
  /** First time the lesson page was opened (ms epoch). Merge keeps the earliest. */
  visitedAt: z.optional(EpochMsSchema),
  /**
   * Most recent time the lesson page was opened (ms epoch). Merge keeps the
   * latest. Added (optional, so still version 1) for "continue where you left
   * off", which `visitedAt` — a first-visit date — cannot answer.
   */
  lastVisitedAt: z.optional(EpochMsSchema),
  /** First time the learner marked the lesson as read (ms epoch). Merge keeps the earliest. */
  readAt: z.optional(EpochMsSchema),
});

/** A review card, or any other value kept verbatim: JSON. */
export const JsonSchema = z.json();

/** The whole progress document, version 1. */
export const ProgressSchema = z.looseObject({
  /** Always `'eoc-progress'`; lets import refuse unrelated JSON files. */
  kind: z.literal(PROGRESS_KIND),
  /** Document format version; see the migrations in codec.ts. */
  version: z.literal(CURRENT_VERSION),
  /** Per lesson id. */
  lessons: z.record(IdSchema, LessonProgressSchema),
  /** Per question id. */
  questions: z.record(IdSchema, QuestionProgressSchema),
  /**
   * Per question id: the spaced-review card (FSRS) owned by the review
   * feature. Opaque here: validated only as JSON and kept verbatim.
   */
  reviews: z.record(IdSchema, JsonSchema),
  /** Time of the last change (ms epoch). Merge keeps the latest. */
  updatedAt: EpochMsSchema,
});

export type Json = z.output<typeof JsonSchema>;
export type Attempt = z.output<typeof AttemptSchema>;
export type QuestionProgress = z.output<typeof QuestionProgressSchema>;
export type LessonProgress = z.output<typeof LessonProgressSchema>;
export type Progress = z.output<typeof ProgressSchema>;

/** The fields this version knows, per object; anything else is carried through as it is. */
export const KNOWN_FIELDS = {
  progress: Object.keys(ProgressSchema.def.shape),
  lesson: Object.keys(LessonProgressSchema.def.shape),
  question: Object.keys(QuestionProgressSchema.def.shape),
  attempt: Object.keys(AttemptSchema.def.shape),
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
  int: 'a whole number',
  number: 'a number',
  object: 'an object',
  record: 'an object',
  string: 'a string',
};

/** The schema's issues in words; zod/mini carries codes, not English (its locale would cost weight). */
export function schemaIssues(error: z.core.$ZodError): Issue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    switch (issue.code) {
      case 'invalid_type':
        return { path, text: `expected ${A[issue.expected] ?? issue.expected}` };
      case 'too_small':
        return { path, text: `expected at least ${String(issue.minimum)}` };
      case 'too_big':
        return { path, text: `expected at most ${String(issue.maximum)}` };
      case 'invalid_value':
        return { path, text: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}` };
      case 'invalid_key':
        return { path, text: `not a valid id (1 to ${MAX_ID_LENGTH} characters)` };
      case 'invalid_union':
        return { path, text: 'expected a JSON value' };
      default:
        return { path, text: issue.message };
    }
  });
}
