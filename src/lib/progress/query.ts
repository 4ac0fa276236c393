/**
 * Read-only views of a progress document for the UI: scores, lesson
 * summaries, "continue where you left off" and per-objective mastery.
 *
 * Data flow: `$progress` (or any `Progress`) + the course's current question
 * list (id, content hash, objective) → these pure selectors → components.
 *
 * Every per-question view looks only at attempts made under the question's
 * CURRENT hash: editing one question resets only that question, while older
 * attempts stay in the document.
 *
 * First tries and retries: a sitting on a question starts with an answer and
 * lasts `SITTING_MS` (30 minutes). Its first answer is the learner's first try;
 * every other answer in it (after a wrong answer, after "Show answer", after
 * starting the quiz again) is a retry. Mastery and scores count first tries
 * only, so a right answer given after seeing the feedback or the key never
 * raises them; spaced review does the same (`RETRY_WINDOW_MS` in
 * src/lib/review/card.ts is this window). No field of the attempt is needed,
 * so old history and merged documents follow the same rule.
 */
import type { Attempt, Progress } from './schema.ts';

/** A score at or above this counts as "answered right". */
export const CORRECT_THRESHOLD = 0.8;

/** What selectors need to know about a question of the current course build. */
export interface QuestionRef {
  id: string;
  /** Content hash of the question as currently published. */
  hash: string;
  /** Learning objective id the question assesses. */
  objective: string;
}

const NONE: readonly Attempt[] = Object.freeze([]);

/** How long a sitting lasts from its first try: later answers within it are retries. */
export const SITTING_MS = 30 * 60_000;

/**
 * The first tries among `attempts` (any order): oldest first, each attempt made `SITTING_MS` or
 * more after the previous first try.
 */
export function firstTries(attempts: readonly Attempt[]): Attempt[] {
  const out: Attempt[] = [];
  let start = -Infinity;
  for (const attempt of [...attempts].sort((a, b) => a.at - b.at)) {
    if (attempt.at - start < SITTING_MS) continue;
    out.push(attempt);
    start = attempt.at;
  }
  return out;
}

/** Whether an answer at `at` would be a retry after `attempts`: within `SITTING_MS` of the last first try. */
export function isRetryAt(attempts: readonly Attempt[], at: number): boolean {
  const last = firstTries(attempts.filter((attempt) => attempt.at <= at)).at(-1);
  return last !== undefined && at - last.at < SITTING_MS;
}

/** Attempts on `qid` made under `hash`, oldest first. */
export function attemptsFor(state: Progress, qid: string, hash: string): readonly Attempt[] {
  const question = Object.hasOwn(state.questions, qid) ? state.questions[qid] : undefined;
  if (!question) return NONE;
  return question.attempts.filter((attempt) => attempt.hash === hash);
}

/** The most recent attempt under `hash` (later in the list wins a tie). */
export function latestAttempt(state: Progress, qid: string, hash: string): Attempt | undefined {
  let latest: Attempt | undefined;
  for (const attempt of attemptsFor(state, qid, hash)) {
    if (!latest || attempt.at >= latest.at) latest = attempt;
  }
  return latest;
}

/** Highest first-try score under `hash`; undefined when never attempted. */
export function bestScore(state: Progress, qid: string, hash: string): number | undefined {
  const tries = firstTries(attemptsFor(state, qid, hash));
  return tries.length === 0 ? undefined : Math.max(...tries.map((attempt) => attempt.score));
}

/** Score of the most recent first try under `hash`; undefined when never attempted. */
export function lastScore(state: Progress, qid: string, hash: string): number | undefined {
  return firstTries(attemptsFor(state, qid, hash)).at(-1)?.score;
}

export interface LessonSummary {
  /** First visit (ms epoch). */
  visitedAt?: number;
  /** First time marked as read (ms epoch). */
  readAt?: number;
  /** Questions with at least one attempt under their current hash. */
  answered: number;
  /** Questions in the lesson. */
  total: number;
  /** Mean over ALL the lesson's questions of the best first-try score (unanswered count as 0); 0..1, 0 when no questions. */
  best: number;
  /** Mean over ALL the lesson's questions of the latest first-try score (unanswered count as 0); 0..1. */
  last: number;
  /** Latest of the visit/read dates and any attempt (any version) on the lesson's questions. */
  lastActivity?: number;
}

/** Summary of one lesson for the course overview. */
export function lessonSummary(
  state: Progress,
  lessonId: string,
  questions: readonly Pick<QuestionRef, 'id' | 'hash'>[],
): LessonSummary {
  const lesson = Object.hasOwn(state.lessons, lessonId) ? state.lessons[lessonId] : undefined;
  let answered = 0;
  let bestSum = 0;
  let lastSum = 0;
  let activity = latestOf(lesson?.visitedAt, lesson?.lastVisitedAt, lesson?.readAt);
  for (const { id, hash } of questions) {
    const best = bestScore(state, id, hash);
    if (best !== undefined) answered++;
    bestSum += best ?? 0;
    lastSum += lastScore(state, id, hash) ?? 0;
    const all = Object.hasOwn(state.questions, id) ? state.questions[id]?.attempts : undefined;
    for (const attempt of all ?? []) activity = latestOf(activity, attempt.at);
  }
  const total = questions.length;
  const summary: LessonSummary = {
    answered,
    total,
    best: total === 0 ? 0 : bestSum / total,
    last: total === 0 ? 0 : lastSum / total,
  };
  if (lesson?.visitedAt !== undefined) summary.visitedAt = lesson.visitedAt;
  if (lesson?.readAt !== undefined) summary.readAt = lesson.readAt;
  if (activity !== undefined) summary.lastActivity = activity;
  return summary;
}

function latestOf(...times: (number | undefined)[]): number | undefined {
  let latest: number | undefined;
  for (const t of times) if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  return latest;
}

/**
 * The lesson the learner was in most recently, for "continue where you left
 * off". Based on lesson visits and read marks (answering happens on the lesson
 * page, which records a visit). Undefined for a new learner.
 */
export function lastActivity(state: Progress): { lessonId: string; at: number } | undefined {
  let found: { lessonId: string; at: number } | undefined;
  for (const [lessonId, lesson] of Object.entries(state.lessons)) {
    const at = latestOf(lesson.visitedAt, lesson.lastVisitedAt, lesson.readAt);
    if (at !== undefined && (!found || at > found.at)) found = { lessonId, at };
  }
  return found;
}

export type MasteryLevel = 'not-started' | 'attempted' | 'familiar' | 'proficient' | 'mastered';

export interface ObjectiveMastery {
  /** Share (0..1) of the objective's questions whose latest first try scored ≥ 0.8. */
  share: number;
  level: MasteryLevel;
  /** Questions with at least one attempt under their current hash. */
  answered: number;
  /** Questions assessing this objective. */
  total: number;
}

/** One day in ms. */
export const DAY_MS = 86_400_000;

/** Default calendar day of a timestamp: the UTC day, so results do not depend on the machine's time zone. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * Mastery per objective id, from the first tries (see the module comment) under
 * the current hash of its questions: a retry never changes it.
 * "Right" means score ≥ 0.8. Levels, the highest that applies:
 * - mastered:    every question right on its latest first try, AND at least one
 *                question answered right on two different days (evidence of
 *                retention, not just a lucky session);
 * - proficient:  every question answered right at least once;
 * - familiar:    at least half of the questions answered right at least once;
 * - attempted:   any attempt at all;
 * - not-started: no attempts.
 * `dayOf` maps a timestamp to a day number (default: UTC day).
 */
export function objectiveMastery(
  state: Progress,
  questions: readonly QuestionRef[],
  options: { dayOf?: (ms: number) => number } = {},
): Record<string, ObjectiveMastery> {
  const dayOf = options.dayOf ?? utcDay;
  const byObjective = new Map<string, QuestionRef[]>();
  for (const question of questions) {
    const list = byObjective.get(question.objective) ?? [];
    list.push(question);
    byObjective.set(question.objective, list);
  }

  const result: [string, ObjectiveMastery][] = [];
  for (const [objective, refs] of byObjective) {
    let answered = 0;
    let rightOnce = 0;
    let rightLatest = 0;
    let retained = false;
    for (const { id, hash } of refs) {
      const tries = firstTries(attemptsFor(state, id, hash));
      if (tries.length > 0) answered++;
      const rightDays = new Set(tries.filter(isRight).map((attempt) => dayOf(attempt.at)));
      if (rightDays.size > 0) rightOnce++;
      if (rightDays.size >= 2) retained = true;
      const latest = tries.at(-1);
      if (latest && isRight(latest)) rightLatest++;
    }
    const total = refs.length;
    let level: MasteryLevel = 'not-started';
    if (rightLatest === total && retained) level = 'mastered';
    else if (rightOnce === total) level = 'proficient';
    else if (rightOnce * 2 >= total && rightOnce > 0) level = 'familiar';
    else if (answered > 0) level = 'attempted';
    result.push([objective, { share: rightLatest / total, level, answered, total }]);
  }
  return Object.fromEntries(result);
}

function isRight(attempt: Attempt): boolean {
  return attempt.score >= CORRECT_THRESHOLD;
}
