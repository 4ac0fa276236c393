/**
 * Pure: no DOM, no framework.
 *
 * What to review, and what to practise: the spaced-review queue across the
 * course (or one module) and the practice set for one learning objective.
 *
 * Data flow: `Progress` + the current build's question refs (id, hash,
 * lesson, module, objective, type) + the time `at` → `cardFor` per question →
 * sorted lists for the review and practice screens.
 *
 * Only questions the learner has answered under their CURRENT hash are in
 * review: an unanswered question has nothing to recall, and an edited one
 * starts over like an unanswered one. Everything is computed "as of `at`":
 * attempts after `at` are ignored, so an injected clock gives exact answers.
 */
import { CORRECT_THRESHOLD } from '../progress/query.ts';
import type { Progress } from '../progress/schema.ts';
import { DAY_MS, cardFor, type CardRef, type StoredCard } from './card.ts';

/** `upcoming` lists questions due within this many days after `at`. */
export const UPCOMING_DAYS = 7;

/** A question of the current build, as the practice selector needs it. */
export interface PracticeRef extends CardRef {
  /** Lesson (article) id. */
  lesson: string;
  /** Learning objective id within the lesson. */
  objective: string;
}

/** A question of the current build, as the review queue needs it. */
export interface ReviewRef extends PracticeRef {
  /** Module id (from content/modules.yaml). */
  module: string;
}

/** One question in the review queue. */
export interface ReviewItem {
  id: string;
  lesson: string;
  module: string;
  objective: string;
  /** When it is (or was) due (ms epoch). */
  due: number;
  /** FSRS stability in days; lower = more fragile memory. */
  stability: number;
  /** How often it was forgotten after being known. */
  lapses: number;
}

export interface ReviewQueue {
  /** Due now (`due ≤ at`): most overdue first, then lowest stability; at most `limit`. */
  due: ReviewItem[];
  /** Due within the next `UPCOMING_DAYS` days (`at < due ≤ at + 7 days`), soonest first. */
  upcoming: ReviewItem[];
  counts: {
    /** All questions due now (before `limit`). */
    due: number;
    /** Length of `upcoming`. */
    upcoming: number;
    /** Questions in review at all: answered under their current hash (in `module` if given). */
    learned: number;
  };
}

function checkCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`review: ${what} must be a whole number ≥ 0, got ${String(value)}`);
  }
  return value;
}

function checkTime(at: number): void {
  if (!Number.isFinite(at)) throw new RangeError(`review: at must be a time in ms, got ${String(at)}`);
}

function item(ref: ReviewRef, card: StoredCard): ReviewItem {
  return {
    id: ref.id,
    lesson: ref.lesson,
    module: ref.module,
    objective: ref.objective,
    due: card.due,
    stability: card.stability,
    lapses: card.lapses,
  };
}

/** Earlier due first, then lower stability, then id (so the order never depends on input order). */
function byDueThenStability(a: ReviewItem, b: ReviewItem): number {
  return a.due - b.due || a.stability - b.stability || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The review queue at time `at`, optionally for one `module`, with at most `limit` due items. */
export function reviewQueue(
  progress: Progress,
  questions: readonly ReviewRef[],
  at: number,
  options: { module?: string | undefined; limit?: number | undefined } = {},
): ReviewQueue {
  checkTime(at);
  const limit = options.limit === undefined ? Infinity : checkCount(options.limit, 'limit');
  const horizon = at + UPCOMING_DAYS * DAY_MS;
  const due: ReviewItem[] = [];
  const upcoming: ReviewItem[] = [];
  let learned = 0;
  for (const ref of questions) {
    if (options.module !== undefined && ref.module !== options.module) continue;
    const card = cardFor(progress, ref, at);
    if (!card) continue;
    learned++;
    if (card.due <= at) due.push(item(ref, card));
    else if (card.due <= horizon) upcoming.push(item(ref, card));
  }
  due.sort(byDueThenStability);
  upcoming.sort(byDueThenStability);
  return {
    due: due.slice(0, limit),
    upcoming,
    counts: { due: due.length, upcoming: upcoming.length, learned },
  };
}

/**
 * Up to `n` question ids to practise for one objective of one lesson, as of
 * `at`: first the unanswered ones (in the given, authored order), then those
 * whose latest attempt was wrong (score < 0.8), then the rest; within the last
 * two groups the lowest FSRS stability comes first (ties: authored order).
 */
export function practiceObjective(
  progress: Progress,
  questions: readonly PracticeRef[],
  lesson: string,
  objective: string,
  at: number,
  n: number,
): string[] {
  checkTime(at);
  checkCount(n, 'n');
  const unanswered: string[] = [];
  const wrong: { id: string; stability: number; index: number }[] = [];
  const rest: { id: string; stability: number; index: number }[] = [];
  questions.forEach((ref, index) => {
    if (ref.lesson !== lesson || ref.objective !== objective) return;
    const card = cardFor(progress, ref, at);
    if (!card) {
      unanswered.push(ref.id);
      return;
    }
    const score = latestScoreAsOf(progress, ref, at);
    const entry = { id: ref.id, stability: card.stability, index };
    (score < CORRECT_THRESHOLD ? wrong : rest).push(entry);
  });
  const byStability = (a: { stability: number; index: number }, b: { stability: number; index: number }) =>
    a.stability - b.stability || a.index - b.index;
  return [
    ...unanswered,
    ...wrong.sort(byStability).map((e) => e.id),
    ...rest.sort(byStability).map((e) => e.id),
  ].slice(0, n);
}

/** Score of the newest current-hash attempt made by `at` (later in the list wins a tie, like `latestAttempt`). */
function latestScoreAsOf(progress: Progress, ref: CardRef, at: number): number {
  const question = Object.hasOwn(progress.questions, ref.id) ? progress.questions[ref.id] : undefined;
  let best: { at: number; score: number } | undefined;
  for (const attempt of question?.attempts ?? []) {
    if (attempt.hash === ref.hash && attempt.at <= at && (!best || attempt.at >= best.at)) best = attempt;
  }
  return best?.score ?? 0;
}
