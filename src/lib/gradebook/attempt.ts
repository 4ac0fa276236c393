/**
 * Pure: no DOM, no framework.
 *
 * One student's attempt in full, as the instructor opens it from the gradebook (the way Canvas
 * SpeedGrader or Moodle's attempt review do): for every question of the assignment, the response
 * exactly as given, the key (both lettered in the order that student saw the options), the score
 * the grader gives, and the instructor's override with its comment when there is one.
 */
import { describeAnswer, gradeResponse } from '../../questions/client.ts';
import type { Question } from '../../questions/index.ts';
import { displayOrder } from '../quiz/shuffle.ts';
import { optionSeed } from '../assign/core.ts';
import type { AssignmentSpec } from '../assign/spec.ts';
import { studentKeyOf } from '../assign/session.ts';
import type { Submission, SubmissionAttempt } from '../submission/submission.ts';
import { isAnswered, responseTo } from './grade.ts';
import type { Marking, QuestionOverride } from './marking.ts';
import { describeResponse } from './response-text.ts';
import { attemptsInOrder } from './rules.ts';

export interface AnswerDetail {
  /** 1-based position in the assignment (authored order). */
  n: number;
  question: Question;
  /** The raw response, or undefined. */
  response: unknown;
  /** The response in words ("B. Telegram", "“75 %”", "No answer"). */
  given: string;
  /** The key in words. */
  key: string;
  /** What the grader gives, 0..1 (0 for no answer). */
  graded: number;
  /** What counts: the override when there is one, else `graded`. */
  score: number;
  override: QuestionOverride | null;
  /** The grader's own notes on this response ("Accepted — check the spelling: …", "Not a number"). */
  notes: string[];
}

export interface AttemptDetail {
  /** 1-based, oldest first. */
  number: number;
  /** Attempts in the file. */
  of: number;
  attempt: SubmissionAttempt;
  answers: AnswerDetail[];
  points: number;
  max: number;
}

/**
 * Attempt `number` (1-based, oldest first) of `sub`, question by question. `spec` (the link) gives
 * each student's option order for the letters; `marking` the overrides. Undefined when there is
 * no such attempt.
 */
export function attemptDetail(
  sub: Submission,
  questions: readonly Question[],
  number: number,
  options: { spec?: AssignmentSpec | null | undefined; marking?: Marking | undefined } = {},
): AttemptDetail | undefined {
  const attempts = attemptsInOrder(sub);
  const attempt = attempts[number - 1];
  if (!attempt) return undefined;
  const seed = options.spec ? optionSeed(options.spec, studentKeyOf(sub.student)) : undefined;
  const overrides = options.marking?.submissions[sub.checksum]?.questions ?? {};
  const answers = questions.map((question, i): AnswerDetail => {
    const response = responseTo(attempt, question.id);
    const order = options.spec ? displayOrder(question, seed) : undefined;
    const result = isAnswered(response) ? gradeResponse(question, response) : null;
    const graded = result && Number.isFinite(result.score) ? Math.min(1, Math.max(0, result.score)) : 0;
    const own = overrides[question.id];
    const override = own && own.attempt === number ? own : null;
    const notes = (result?.parts ?? [])
      .filter((p) => p.id === 'response' && p.feedback !== undefined)
      .map((p) => p.feedback as string);
    if (result?.note === 'typo') notes.push('Accepted with a spelling slip.');
    return {
      n: i + 1,
      question,
      response,
      given: describeResponse(question, response, order),
      key: describeAnswer(question, order),
      graded,
      score: override ? override.score : graded,
      override,
      notes,
    };
  });
  return {
    number,
    of: attempts.length,
    attempt,
    answers,
    points: answers.reduce((sum, a) => sum + a.score, 0),
    max: questions.length,
  };
}
