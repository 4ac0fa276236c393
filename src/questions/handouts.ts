/**
 * Pure: no DOM, no framework, no zod.
 *
 * The handout registry: what every question type becomes outside the site, from the browser
 * (`<type>/handout.ts`: the Anki card, the printed worksheet entry, the options item analysis
 * counts, a student's response in words), as a mapped type over `QuestionType`. Apart from `client.ts` so that lesson pages,
 * which never print or export, do not load it (the review and instructor pages do).
 */
import type { Behaviours } from './client.ts';
import type { QuestionHandout } from './contract.ts';
import type { Question, QuestionType } from './index.ts';
import { singleHandout } from './single/handout.ts';
import { multipleHandout } from './multiple/handout.ts';
import { truefalseHandout } from './truefalse/handout.ts';
import { numericHandout } from './numeric/handout.ts';
import { textHandout } from './text/handout.ts';
import { orderingHandout } from './ordering/handout.ts';
import { matchingHandout } from './matching/handout.ts';
import { clozeHandout } from './cloze/handout.ts';

/** Every type's handout. */
export type Handouts = { readonly [K in QuestionType]: QuestionHandout<K> };

/** The browser registries, as parameters: a test passes its own to add a type without editing any file. */
export interface BrowserRegistries {
  behaviours?: Behaviours;
  handouts?: Handouts;
}

export const handouts: Handouts = {
  single: singleHandout,
  multiple: multipleHandout,
  truefalse: truefalseHandout,
  numeric: numericHandout,
  text: textHandout,
  ordering: orderingHandout,
  matching: matchingHandout,
  cloze: clozeHandout,
};

/** The handout of `question`'s type, from `registry` (default: the real one). */
export function handoutOf(
  question: Pick<Question, 'type'>,
  registry: Handouts = handouts,
): QuestionHandout<QuestionType> {
  return registry[question.type] as unknown as QuestionHandout<QuestionType>;
}
