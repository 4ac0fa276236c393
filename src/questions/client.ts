/**
 * Pure: no DOM, no framework — and no zod at runtime.
 *
 * The browser registry: every question type's behaviour (`<type>/type.ts`, what a quiz card
 * needs), as a mapped type over `QuestionType`, so a missing or extra type is a compile error.
 * Code outside `src/questions/<type>/` asks it and never names a type. What leaves the site from
 * the browser (Anki card, worksheet) has its own registry, `handouts.ts`, so that lesson pages
 * never load it; views are in `views.ts`. Islands import this module, never
 * `index.ts`, whose zod schemas would otherwise ship to every page; `index.ts` re-exports the
 * grading functions for build-time code. Only `import type` from the schema side is allowed in
 * this file's graph (`client.test.ts` checks).
 */
import type { QuestionBehaviour } from './contract.ts';
import type { GradeResult } from './grading.ts';
import type { Question, QuestionType, ResponseOf } from './index.ts';
import { singleBehaviour } from './single/type.ts';
import { multipleBehaviour } from './multiple/type.ts';
import { truefalseBehaviour } from './truefalse/type.ts';
import { numericBehaviour } from './numeric/type.ts';
import { textBehaviour } from './text/type.ts';
import { orderingBehaviour } from './ordering/type.ts';
import { matchingBehaviour } from './matching/type.ts';
import { clozeBehaviour } from './cloze/type.ts';

export type { GradePart, GradeResult } from './grading.ts';

/** Every type's behaviour on a quiz card. */
export type Behaviours = { readonly [K in QuestionType]: QuestionBehaviour<K> };

export const questionTypes: Behaviours = {
  single: singleBehaviour,
  multiple: multipleBehaviour,
  truefalse: truefalseBehaviour,
  numeric: numericBehaviour,
  text: textBehaviour,
  ordering: orderingBehaviour,
  matching: matchingBehaviour,
  cloze: clozeBehaviour,
};

/** Grades any response (of any shape) against a question. Never throws; score is in [0, 1]. */
export function gradeResponse(question: Question, response: unknown, types?: Behaviours): GradeResult {
  return behaviourOf(question, types).grade(question, response);
}

/** The correct response for a question (scores 1 and `correct`). */
export function answerKey<Q extends Question>(question: Q, types?: Behaviours): ResponseOf<Q['type']> {
  return behaviourOf(question, types).key(question) as ResponseOf<Q['type']>;
}

/**
 * A human-readable key: "B. Telegram", "True", "75 (±5)", "Order: A → B → C".
 * `order` (option ids in display order, see `displayOrder`) letters the
 * options of choice questions as the learner saw them; without it,
 * letters follow authored order.
 */
export function describeAnswer(question: Question, order?: readonly string[], types?: Behaviours): string {
  return behaviourOf(question, types).describe(question, order);
}

/**
 * The behaviour of `question`'s type, from `registry` (default: the real one; a test passes its
 * own to add a type without editing this file).
 */
export function behaviourOf(
  question: Pick<Question, 'type'>,
  registry: Behaviours = questionTypes,
): QuestionBehaviour<QuestionType> {
  // `registry[question.type]` always fits `question`, but TypeScript cannot correlate the two
  // through a union, hence this one widening.
  return registry[question.type] as unknown as QuestionBehaviour<QuestionType>;
}
