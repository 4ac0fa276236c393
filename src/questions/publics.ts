/**
 * Pure: no DOM, no framework, no zod.
 *
 * The public-part registry (`<type>/public.ts`, contract in `public.ts`): the build writes public
 * questions for pages that must not hold keys, and the instructor's grading maps responses to them
 * back to the full question. Neither lesson pages nor the student's assignment page load it.
 */
import type { Question } from './index.ts';
import { publicCommon, type PublicCommon, type PublicOf, type Publics } from './public.ts';
import { singlePublic } from './single/public.ts';
import { multiplePublic } from './multiple/public.ts';
import { truefalsePublic } from './truefalse/public.ts';
import { numericPublic } from './numeric/public.ts';
import { textPublic } from './text/public.ts';
import { orderingPublic } from './ordering/public.ts';
import { matchingPublic } from './matching/public.ts';
import { clozePublic } from './cloze/public.ts';

export const publics: Publics = {
  single: singlePublic,
  multiple: multiplePublic,
  truefalse: truefalsePublic,
  numeric: numericPublic,
  text: textPublic,
  ordering: orderingPublic,
  matching: matchingPublic,
  cloze: clozePublic,
};

function publicOf(q: Question, registry: Publics): PublicOf<Question> {
  return registry[q.type] as unknown as PublicOf<Question>;
}

/** `q` without anything that reveals its answer: what a page without keys shows. */
export function publicQuestion(
  q: Question,
  registry: Publics = publics,
): PublicCommon & Record<string, unknown> {
  return { ...publicOf(q, registry).fields(q), ...publicCommon(q) };
}

/** A response given to `publicQuestion(q)` as a response to `q` (for grading). */
export function responseFromPublic(q: Question, response: unknown, registry: Publics = publics): unknown {
  return publicOf(q, registry).fromPublic(q, response);
}
