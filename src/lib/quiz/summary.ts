/**
 * Pure: no DOM, no framework, no zod.
 *
 * Where a learner stands in one lesson's quiz, from their progress document:
 * how many questions are answered (under the current content hash, since the
 * learner last pressed "Start again"), the score (of each question's first
 * answer in that time: a retry after the feedback or the key does not raise
 * it), which questions to retry and which learning objectives were weak.
 */
import type { Progress } from '../progress/schema.ts';
import { attemptsFor, objectiveMastery, type QuestionRef } from '../progress/query.ts';

export interface QuizStatus {
  answered: number;
  total: number;
  /** Every question has at least one attempt under its current hash (since `since`). */
  complete: boolean;
  /** Mean over all questions of the first score since `since` (unanswered count 0), 0..1. */
  score: number;
  /** Questions whose first answer since `since` is fully correct. */
  right: number;
  /** Ids (bank order) of questions answered but not fully right on the latest attempt: to retry. */
  missed: string[];
  /** Objective ids (first-seen order) with a question not right (score < 0.8) on its latest attempt. */
  weak: string[];
}

/** `since`: the time the learner last started the quiz again (`LessonProgress.restartedAt`), or 0. */
export function quizStatus(state: Progress, questions: readonly QuestionRef[], since = 0): QuizStatus {
  let answered = 0;
  let sum = 0;
  let right = 0;
  const missed: string[] = [];
  for (const { id, hash } of questions) {
    const attempts = attemptsFor(state, id, hash)
      .filter((attempt) => attempt.at >= since)
      .sort((a, b) => a.at - b.at);
    const first = attempts[0];
    const latest = attempts.at(-1);
    if (!first || !latest) continue;
    answered++;
    sum += first.score;
    if (first.score >= 1) right++;
    if (latest.score < 1) missed.push(id);
  }
  const mastery = objectiveMastery(state, questions);
  const weak = [...new Set(questions.map((q) => q.objective))].filter((objective) => {
    const m = mastery[objective];
    return m !== undefined && m.answered > 0 && m.share < 1;
  });
  const total = questions.length;
  return {
    answered,
    total,
    complete: total > 0 && answered === total,
    score: total === 0 ? 0 : sum / total,
    right,
    missed,
    weak,
  };
}
