/**
 * The shape of a learner's progress document: the single value the progress
 * store keeps in localStorage, the export file, and the input to merge/query.
 *
 * Data flow: localStorage / import file → codec (JSON, migrations, validation
 * against this schema — in the browser through its zod-free mirror, check.ts)
 * → `Progress` → store actions (merge.ts) and selectors
 * (query.ts) → codec → localStorage / export file.
 *
 * Design choice — every attempt carries the `hash` of the question version it
 * answered. Editing a question changes its hash, so `attemptsFor(state, qid,
 * currentHash)` stops seeing the old attempts (that question "resets") while
 * the attempts themselves are kept: nothing a learner did is ever deleted by a
 * content change. The question-level `hash` is only a summary: the hash of the
 * newest attempt.
 */
import { z } from 'astro/zod';
import { CURRENT_VERSION, PROGRESS_KIND } from './check.ts';

/*
 * The constants (`PROGRESS_KIND`, `CURRENT_VERSION`, `UNKNOWN_HASH`) and
 * `emptyProgress` live in check.ts, the zod-free validator the browser uses
 * (it must agree with the schemas below; see check.test.ts). They are
 * re-exported here so this stays the one place that documents the format.
 */
export { CURRENT_VERSION, PROGRESS_KIND, UNKNOWN_HASH, emptyProgress } from './check.ts';

/**
 * Lesson and question ids. `__proto__` is refused so the app never records
 * under it: zod skips a `__proto__` record key when parsing (assigning it would
 * change the prototype), so such an entry would vanish on the next load.
 */
export const IdSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => id !== '__proto__', { message: 'reserved id' });

/** Milliseconds since the Unix epoch, as produced by `now()` in src/lib/clock.ts. */
export const EpochMsSchema = z.int().min(0);

/** One answer submission. */
export const AttemptSchema = z.object({
  /** When the answer was submitted (ms epoch). */
  at: EpochMsSchema,
  /** The learner's answer exactly as the quiz widget produced it; any JSON value. */
  response: z.json(),
  /** Grade from 0 (wrong) to 1 (fully right); partial credit in between. */
  score: z.number().min(0).max(1),
  /** How many hints were revealed before submitting; absent when not tracked. */
  hintsUsed: z.int().min(0).optional(),
  /** Time spent on the question before submitting, in ms; absent when not tracked. */
  ms: z.number().min(0).optional(),
  /**
   * Content hash of the question version this attempt answered. Required in
   * version 1 so that attempts of an edited question can be told apart.
   */
  hash: z.string(),
});

/** Everything recorded about one question. */
export const QuestionProgressSchema = z.object({
  /** Hash of the question version behind the newest attempt. */
  hash: z.string(),
  /** All attempts ever made, any version, oldest first. */
  attempts: z.array(AttemptSchema),
});

/** Reading progress for one lesson page. */
export const LessonProgressSchema = z.object({
  /** First time the lesson page was opened (ms epoch). Merge keeps the earliest. */
  visitedAt: EpochMsSchema.optional(),
  /**
   * Most recent time the lesson page was opened (ms epoch). Merge keeps the
   * latest. Added (optional, so still version 1) for "continue where you left
   * off", which `visitedAt` — a first-visit date — cannot answer.
   */
  lastVisitedAt: EpochMsSchema.optional(),
  /** First time the learner marked the lesson as read (ms epoch). Merge keeps the earliest. */
  readAt: EpochMsSchema.optional(),
});

/** The whole progress document, version 1. */
export const ProgressSchema = z.object({
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
  reviews: z.record(IdSchema, z.json()),
  /** Time of the last change (ms epoch). Merge keeps the latest. */
  updatedAt: EpochMsSchema,
});

export type Attempt = z.infer<typeof AttemptSchema>;
export type QuestionProgress = z.infer<typeof QuestionProgressSchema>;
export type LessonProgress = z.infer<typeof LessonProgressSchema>;
export type Progress = z.infer<typeof ProgressSchema>;
