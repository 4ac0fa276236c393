/**
 * Pure: no DOM, no framework, no zod (the student's page, src/components/assign/Assignment.svelte).
 *
 * The student's answers on an assignment page, question by question: the stored response as one
 * to the question on screen (or, once a release link has opened the full questions, as one to the
 * full question: public option ids mapped back), the questions still unanswered before hand-in,
 * what an untouched ordering question answers (the order on screen, as "Check answer" does), the
 * score of a reviewed attempt, and whether the review shows now.
 */
import type { Question, Response } from '../../questions/index.ts';
import { gradeResponse } from '../../questions/client.ts';
import { responseFromPublic } from '../../questions/publics.ts';
import { coerceResponse, effectiveResponse, isAnswered } from '../quiz/response.ts';
import type { AssignmentSpec } from './spec.ts';
import { reviewState } from './session.ts';

type Responses = Readonly<Record<string, unknown>> | undefined;

/** `question`'s stored response if it still fits; `released`: stored against the public question. */
export function responseTo(question: Question, responses: Responses, released = false): Response | undefined {
  const raw = responses?.[question.id];
  return coerceResponse(question, released ? responseFromPublic(question, raw) : raw);
}

/** The entries with nothing to grade yet, in the order given. */
export function unanswered<E extends { question: Question }>(
  entries: readonly E[],
  responses: Responses,
): E[] {
  return entries.filter((e) => !isAnswered(e.question, responseTo(e.question, responses)));
}

/** Responses for the questions nobody touched that still answer (an ordering: its order on screen). */
export function untouchedAnswers(
  entries: readonly { question: Question }[],
  responses: Responses,
  orders: ReadonlyMap<string, readonly string[]>,
): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const { question } of entries) {
    if (responses?.[question.id] !== undefined) continue;
    const effective = effectiveResponse(question, undefined, orders.get(question.id) ?? []);
    if (effective !== undefined) filled[question.id] = effective;
  }
  return filled;
}

/** Points (each question 0 to 1) and the most there could be. */
export function attemptScore(
  entries: readonly { question: Question }[],
  responses: Responses,
  released = false,
): { points: number; max: number } {
  let points = 0;
  for (const { question } of entries) {
    const response = responseTo(question, responses, released);
    if (response !== undefined) points += gradeResponse(question, response).score;
  }
  return { points, max: entries.length };
}

/**
 * Whether the page shows the answers now. A page with keys follows the spec's review policy; a
 * keyless one (review "after due" or "never") shows them only once a release link has opened the
 * full questions, and otherwise waits for that link or never shows them.
 */
export function pageReview(
  spec: AssignmentSpec | null,
  page: { keyless: boolean; released: boolean },
  nowMs: number,
): 'show' | 'wait' | 'never' {
  if (!spec) return 'never';
  if (!page.keyless) return reviewState(spec, nowMs);
  if (page.released) return 'show';
  return spec.review === 'never' ? 'never' : 'wait';
}
