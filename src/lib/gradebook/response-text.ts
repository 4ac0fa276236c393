/**
 * Pure: no DOM, no framework.
 *
 * A student's raw response as the instructor reads it beside the key: the options picked (lettered
 * as that student saw them), the number or text exactly as typed, the order given, each pair
 * matched, each blank filled — each type says how, in its `handout.ts` (`given`). A response of the
 * wrong shape — a file edited by hand — is shown as what it is, never dropped or guessed at.
 */
import type { Question } from '../../questions/index.ts';
import { handoutOf, handouts as realHandouts, type Handouts } from '../../questions/handouts.ts';
import { isAnswered } from './grade.ts';

export const NO_ANSWER = 'No answer';

/** Anything else, shown literally (shortened) so an edited file is visible as such. */
function unreadable(response: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(response) ?? String(response);
  } catch {
    text = String(response);
  }
  return `Unreadable answer: ${text.length > 120 ? `${text.slice(0, 119)}…` : text}`;
}

/**
 * The response in words: "B. Telegram", "“75 %”", "Order: A → B → C", "Blank 1: “China”". `order`
 * is the option order the student saw (see `displayOrder`), for letters. Never throws.
 */
export function describeResponse(
  question: Question,
  response: unknown,
  order?: readonly string[],
  handouts: Handouts = realHandouts,
): string {
  if (!isAnswered(response)) return NO_ANSWER;
  let given: string | null;
  try {
    given = handoutOf(question, handouts).given(question, response, order);
  } catch {
    given = null;
  }
  return given ?? unreadable(response);
}
