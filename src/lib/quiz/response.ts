/**
 * Pure: no DOM, no framework, no zod.
 *
 * What a quiz card needs to know about a learner's response before grading:
 * whether a stored draft still fits the question (`coerceResponse` — drafts
 * survive edits to the question, so they are re-checked on load), what is
 * graded when nothing was touched (`effectiveResponse`: an ordering question
 * is answered by its display order), and whether there is anything to grade
 * yet (`isAnswered`).
 */
import { behaviourOf } from '../../questions/client.ts';
import type { Question, Response } from '../../questions/index.ts';

/**
 * `value` (e.g. a draft read back from storage) if it is a well-formed
 * response for `question` — right shape, known ids — else `undefined`.
 */
export function coerceResponse(question: Question, value: unknown): Response | undefined {
  return behaviourOf(question).coerce(question, value);
}

/** The response that is graded: what the learner gave, or what an untouched question answers (an ordering: the order on screen). */
export function effectiveResponse(
  question: Question,
  response: Response | undefined,
  order: readonly string[],
): Response | undefined {
  const untouched = behaviourOf(question).untouched;
  return response === undefined && untouched ? untouched(order) : response;
}

/**
 * Whether there is something to grade: an option picked, a box ticked, text
 * typed, a pair matched or a blank filled. An ordering question always is.
 */
export function isAnswered(question: Question, response: Response | undefined): boolean {
  return behaviourOf(question).isAnswered(question, response);
}

/** What to tell a learner who pressed "Check answer" with nothing to grade. */
export function unansweredMessage(question: Question): string {
  return behaviourOf(question).unanswered;
}

/** A copy of `list` with the entry at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = list.slice();
  const target = Math.min(next.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= next.length || target === index) return next;
  const [entry] = next.splice(index, 1) as [T];
  next.splice(target, 0, entry);
  return next;
}

/** The ticked option ids after ticking (`on`) or unticking `id`, in display `order`. */
export function toggleOption(
  order: readonly string[],
  picked: readonly string[] | undefined,
  id: string,
  on: boolean,
): string[] {
  return order.filter((optionId) => (optionId === id ? on : (picked ?? []).includes(optionId)));
}
