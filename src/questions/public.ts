/**
 * Pure: no DOM, no framework, no zod.
 *
 * The public part of a question: what a student's page may download when it must not hold the key
 * (secret-pool items everywhere; every item of an assignment whose review is "after due" or
 * "never"). Each type says in `<type>/public.ts` which of its fields reveal the answer; the fields
 * every question shares that do (explanation, evidence, hints, feedback) are never copied.
 *
 * A public question renders in the type's view like the full one, but its ids may be renamed so
 * that neither an id nor an order gives the answer away (an ordering's items, a matching's pairs).
 * `fromPublic` turns a response given to the public question back into a response to the full
 * one, so the instructor grades raw responses with the ordinary graders.
 */
import type { Question, QuestionOf, QuestionType } from './index.ts';
import { cyrb53 } from '../lib/quiz/hash.ts';

/** The fields a public question keeps from every question. */
export interface PublicCommon {
  type: QuestionType;
  id: string;
  lesson: string;
  objective: string;
  bloom: Question['bloom'];
  prompt: string;
}

/** What a type supplies: its public fields, and the way back for a response. */
export interface PublicOf<Q> {
  /** The type's own fields a student may see (never keys, feedback or accepted answers). */
  fields: (question: Q) => Record<string, unknown>;
  /** A response to the public question → the same response to `question`. Total: junk stays junk. */
  fromPublic: (question: Q, response: unknown) => unknown;
}

export type Publics = { readonly [K in QuestionType]: PublicOf<QuestionOf<K>> };

/** The common fields of a public question. */
export function publicCommon(q: Question): PublicCommon {
  return {
    type: q.type,
    id: q.id,
    lesson: q.lesson,
    objective: q.objective,
    bloom: q.bloom,
    prompt: q.prompt,
  };
}

/**
 * `texts` in an order that has nothing to do with the key: by a hash of each text (not the text
 * itself, whose alphabetical order can be the answer, as with dates), ties by position. Indexes.
 */
export function orderByHash(texts: readonly string[]): number[] {
  const order = texts
    .map((text, index) => ({ h: cyrb53(text), index }))
    .sort((a, b) => a.h - b.h || a.index - b.index)
    .map(({ index }) => index);
  // The authored order is (or pairs) the key: when the hash keeps it, rotate by one.
  return order.every((index, i) => index === i) && order.length > 1 ? [...order.slice(1), 0] : order;
}

/** Ids `${prefix}1…` for `texts`, numbered in `orderByHash` order, so no id follows the key. */
export function idsByText(texts: readonly string[], prefix: string): string[] {
  const sorted = orderByHash(texts).map((index) => ({ index }));
  const ids: string[] = new Array<string>(texts.length);
  sorted.forEach(({ index }, rank) => (ids[index] = `${prefix}${rank + 1}`));
  return ids;
}

/** Responses that need no renaming. */
export const sameResponse = <Q>(_question: Q, response: unknown): unknown => response;
