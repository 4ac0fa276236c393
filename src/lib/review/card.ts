/**
 * Pure: no DOM, no framework.
 *
 * Spaced-review cards: how an answer becomes an FSRS rating, how a rating
 * moves a card, and how cards are stored in the progress document.
 *
 * Data flow: attempt (score, ms, hints) + question type → `ratingFor` →
 * ts-fsrs `next` → `StoredCard` (plain JSON, dates as ms epoch numbers like
 * every other time in the progress document) → `progress.reviews[qid]`.
 *
 * Design choice — attempts are the source of truth, the stored card is a
 * cache. `cardFor` uses `progress.reviews[qid]` only when it provably
 * reflects the current attempts (same question hash, and its `seen` equals
 * the newest attempt's time); otherwise it rebuilds the card by replaying the
 * attempts. So a card that is missing (answers given before review existed),
 * unreadable, stale after a merge of two devices, or made for an older
 * version of the question never leads to a wrong schedule. Scheduling is
 * deterministic (no fuzz), so replay and the incremental path agree.
 */
import { Rating, State, createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import { questionTypes } from '../../questions/client.ts';
import type { QuestionType } from '../../questions/index.ts';
import { CORRECT_THRESHOLD, SITTING_MS, attemptsFor } from '../progress/query.ts';
import type { Progress } from '../progress/schema.ts';
import { checkCard, type StoredCard } from './card-check.ts';

export { Rating, State };
export { DAY_MS } from '../progress/query.ts';

/**
 * Scheduler settings.
 * - `enable_short_term: false`: no minute-level learning steps. A course site
 *   is not a flash-card session; the shortest interval is one day, so a wrong
 *   answer comes back tomorrow and a right one in days.
 * - `enable_fuzz: false`: the same history always gives the same schedule, so
 *   replaying attempts reproduces the stored card and tests are exact.
 * - `maximum_interval: 365`: the course is revisited within a year at most.
 * - `request_retention: 0.9`: FSRS's default target recall probability.
 */
export const FSRS_PARAMETERS = {
  request_retention: 0.9,
  maximum_interval: 365,
  enable_fuzz: false,
  enable_short_term: false,
} as const;

const scheduler = fsrs(FSRS_PARAMETERS);

/**
 * A second attempt within this time of the card's last review is a retry of
 * the same encounter (the learner has just seen the feedback, a hint or the
 * key), not a recall: it does not move the schedule, so the sitting keeps the
 * rating of its first try — Again when that was wrong. Otherwise "wrong, then
 * right a minute later" would push a missed question three days out instead
 * of bringing it back tomorrow. The same window as mastery's sittings
 * (`SITTING_MS` in src/lib/progress/query.ts).
 */
export const RETRY_WINDOW_MS = SITTING_MS;

/** Time limits (ms) that separate Easy / Good / Hard for a right answer, per question type. */
export interface RatingThreshold {
  /** A right answer that took longer than this (ms) is Hard. */
  slowMs: number;
  /** A right answer faster than this (ms), with no hints and full score, is Easy: a third of `slowMs`. */
  fastMs: number;
}

function threshold(slowSeconds: number): RatingThreshold {
  return { slowMs: slowSeconds * 1000, fastMs: (slowSeconds * 1000) / 3 };
}

/**
 * Per-type speed thresholds, from each type's `slowSeconds`: choice types 30 s, a number 45 s,
 * composed answers (text, ordering, matching, cloze) 60 s; Easy under a third of that.
 */
export const RATING_THRESHOLDS: Readonly<Record<QuestionType, RatingThreshold>> = Object.fromEntries(
  Object.entries(questionTypes).map(([type, behaviour]) => [type, threshold(behaviour.slowSeconds)]),
) as Record<QuestionType, RatingThreshold>;

/** Used when the question type is not known (e.g. a ref without `type`): the most lenient row. */
export const DEFAULT_THRESHOLD: RatingThreshold = threshold(60);

/** What `ratingFor` reads from an attempt. */
export interface RatedAttempt {
  /** 0..1; right means ≥ `CORRECT_THRESHOLD` (0.8). */
  score: number;
  /** Time spent answering, when tracked. */
  ms?: number | undefined;
  /** Hints revealed before answering, when tracked. */
  hintsUsed?: number | undefined;
}

/**
 * The FSRS rating of one answer, checked in this order:
 * 1. score < 0.8 → **Again**;
 * 2. any hint used, or `ms` above the type's `slowMs` → **Hard**;
 * 3. full score (1), no hints, and `ms` known and below `fastMs` → **Easy**;
 * 4. otherwise → **Good** (right; also right without timing data, or
 *    partly right at 0.8..1 however fast).
 */
export function ratingFor(attempt: RatedAttempt, question: { type?: QuestionType | undefined }): Grade {
  if (!(attempt.score >= CORRECT_THRESHOLD)) return Rating.Again;
  const limits = question.type === undefined ? DEFAULT_THRESHOLD : RATING_THRESHOLDS[question.type];
  const hints = attempt.hintsUsed ?? 0;
  const ms = attempt.ms;
  if (hints > 0 || (ms !== undefined && ms > limits.slowMs)) return Rating.Hard;
  if (attempt.score >= 1 && ms !== undefined && ms < limits.fastMs) return Rating.Easy;
  return Rating.Good;
}

/*
 * The stored card format is documented by the zod schema `reviewCardSchema`
 * in card-schema.ts. It is deliberately not imported (nor re-exported) here:
 * this module runs on the `/review/` page, and zod would add ~26 KB gzipped
 * to its bundle. `parseCard` uses the zod-free mirror in card-check.ts, which
 * card-check.test.ts keeps equal to the schema.
 */
export type { StoredCard, StoredState } from './card-check.ts';

/**
 * The stored card if it is a valid card JSON (`reviewCardSchema` in
 * card-schema.ts), else undefined (never throws). Unknown fields are kept.
 */
export function parseCard(json: unknown): StoredCard | undefined {
  return checkCard(json);
}

function toFsrs(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: new Date(card.last_review),
  };
}

function fromFsrs(card: Card, hash: string, seen: number): StoredCard {
  return {
    hash,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as StoredCard['state'],
    last_review: card.last_review?.getTime() ?? seen,
    seen,
  };
}

/** An answer as `scheduleAttempt` needs it: rating inputs plus the question version answered. */
export interface ScheduledAttempt extends RatedAttempt {
  /** Content hash of the question version answered. */
  hash: string;
}

function epoch(at: number, what: string): number {
  if (!Number.isFinite(at) || at < 0) {
    throw new RangeError(`review: ${what} must be a time in ms since the epoch, got ${String(at)}`);
  }
  return Math.floor(at);
}

/**
 * The card after the learner answered at `at`. A card for another question
 * version (different hash) is ignored: the new version starts fresh. A retry
 * within `RETRY_WINDOW_MS` of the last review only updates `seen`; so does a
 * time before the last review (clock skew between devices), which ts-fsrs
 * would reject.
 */
export function scheduleAttempt(
  card: StoredCard | undefined,
  attempt: ScheduledAttempt,
  question: { type?: QuestionType | undefined },
  at: number,
): StoredCard {
  const time = epoch(at, 'at');
  const current = card !== undefined && card.hash === attempt.hash ? card : undefined;
  if (current) {
    const seen = Math.max(current.seen, time);
    if (time - current.last_review < RETRY_WINDOW_MS) return { ...current, seen };
    const next = scheduler.next(toFsrs(current), new Date(time), ratingFor(attempt, question)).card;
    return fromFsrs(next, attempt.hash, seen);
  }
  const next = scheduler.next(createEmptyCard(new Date(time)), new Date(time), ratingFor(attempt, question));
  return fromFsrs(next.card, attempt.hash, time);
}

/** What `cardFor` needs to know about a question of the current build. */
export interface CardRef {
  id: string;
  /** Content hash of the question as currently published. */
  hash: string;
  /** Question type, for the speed thresholds; without it `DEFAULT_THRESHOLD` applies. */
  type?: QuestionType | undefined;
}

/**
 * The review card of a question as of `asOf` (default: all attempts), or
 * undefined when it has no attempt under its current hash (not in review).
 * Uses the stored card when it matches the attempts, else replays them; the
 * store should save the result as `reviews[qid]` after each answer.
 */
export function cardFor(progress: Progress, ref: CardRef, asOf = Infinity): StoredCard | undefined {
  // Decoded documents are not necessarily sorted (merge sorts; hand edits may not).
  const attempts = attemptsFor(progress, ref.id, ref.hash)
    .filter((attempt) => attempt.at <= asOf)
    .sort((a, b) => a.at - b.at);
  const newest = attempts.at(-1);
  if (newest === undefined) return undefined;
  const stored = Object.hasOwn(progress.reviews, ref.id) ? parseCard(progress.reviews[ref.id]) : undefined;
  if (stored && stored.hash === ref.hash && stored.seen === newest.at) return stored;
  let card: StoredCard | undefined;
  for (const attempt of attempts) card = scheduleAttempt(card, attempt, ref, attempt.at);
  return card;
}
