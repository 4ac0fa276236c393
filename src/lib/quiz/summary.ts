/**
 * Pure: no DOM, no framework, no zod.
 *
 * Where a learner stands in one lesson's quiz, from their progress document:
 * how many questions are answered (under the current content hash), the score
 * (mean of latest scores), which questions to retry and which learning
 * objectives were weak.
 */
import type { Progress } from '../progress/schema.ts';
import { latestAttempt, objectiveMastery, type QuestionRef } from '../progress/query.ts';

export interface QuizStatus {
  answered: number;
  total: number;
  /** Every question has at least one attempt under its current hash. */
  complete: boolean;
  /** Mean over all questions of the latest score (unanswered count 0), 0..1. */
  score: number;
  /** Questions whose latest attempt is fully correct. */
  right: number;
  /** Ids (bank order) of questions answered but not fully right on the latest attempt. */
  missed: string[];
  /** Objective ids (first-seen order) with a question not right (score < 0.8) on its latest attempt. */
  weak: string[];
}

export function quizStatus(state: Progress, questions: readonly QuestionRef[]): QuizStatus {
  let answered = 0;
  let sum = 0;
  let right = 0;
  const missed: string[] = [];
  for (const { id, hash } of questions) {
    const latest = latestAttempt(state, id, hash);
    if (!latest) continue;
    answered++;
    sum += latest.score;
    if (latest.score >= 1) right++;
    else missed.push(id);
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
