/**
 * Pure: no DOM, no framework.
 *
 * The question engine's public entry point: the discriminated union of all
 * question types, the bank schema and response types (zod: build time only),
 * plus a re-export of the zod-free `gradeResponse` / `answerKey` /
 * `describeAnswer` from `client.ts` (what browser code imports). Registries
 * are mapped types over `QuestionType` — a type missing from a registry (or an
 * extra one) is a compile error.
 *
 * Adding a type: add its folder (see README.md), then one entry in the union and
 * `responseSchemas` below, in `questionTypes` (`client.ts`), `handouts` (`handouts.ts`), `views`
 * (`views.ts`) and `exporters` (`exporters.ts`); `tsc` fails until every registry has it.
 */
import { z } from 'astro/zod';
import { checkUniqueIds } from './common.ts';
import { unchanged, type Published } from './ids.ts';
import { publishSingle, singleResponseSchema, singleSchema } from './single/schema.ts';
import { multipleResponseSchema, multipleSchema, publishMultiple } from './multiple/schema.ts';
import { truefalseResponseSchema, truefalseSchema } from './truefalse/schema.ts';
import { numericResponseSchema, numericSchema } from './numeric/schema.ts';
import { textQuestionSchema, textResponseSchema } from './text/schema.ts';
import { orderingResponseSchema, orderingSchema, publishOrdering } from './ordering/schema.ts';
import { matchingResponseSchema, matchingSchema, publishMatching } from './matching/schema.ts';
import { clozeResponseSchema, clozeSchema } from './cloze/schema.ts';

export type { GradePart, GradeResult } from './grading.ts';
export { gradeResultSchema } from './common.ts';
// Grading and keys are zod-free (client.ts, what islands import); re-exported for build-time code.
export { answerKey, describeAnswer, gradeResponse } from './client.ts';

/** Any question; `type` selects the variant. */
export const questionSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  truefalseSchema,
  numericSchema,
  textQuestionSchema,
  orderingSchema,
  matchingSchema,
  clozeSchema,
]);

/** A validated question (what graders take). Parsing adds no defaults, so input and output coincide. */
export type Question = z.output<typeof questionSchema>;
/** A question as authored, before validation. */
export type QuestionInput = z.input<typeof questionSchema>;
/** `single` | `multiple` | `truefalse` | `numeric` | `text` | `ordering` | `matching` | `cloze`. */
export type QuestionType = Question['type'];
/** The question variant for one type. */
export type QuestionOf<K extends QuestionType> = Extract<Question, { type: K }>;

/** A list of questions whose ids are unique; duplicates are reported at `[index, 'id']` naming the id. */
export const bankSchema = z.array(questionSchema).superRefine((questions, ctx) => {
  checkUniqueIds(questions, ctx, [], 'question');
});
export type Bank = z.output<typeof bankSchema>;

/** The well-formed response shape for each type (graders still accept `unknown`). */
export const responseSchemas = {
  single: singleResponseSchema,
  multiple: multipleResponseSchema,
  truefalse: truefalseResponseSchema,
  numeric: numericResponseSchema,
  text: textResponseSchema,
  ordering: orderingResponseSchema,
  matching: matchingResponseSchema,
  cloze: clozeResponseSchema,
} as const satisfies Record<QuestionType, z.ZodType>;

/**
 * How each type publishes a validated question (`ids.ts`): option, item and right-hand option ids
 * derived from their text, so nothing on a page gives the key away by id; `renamed` says which
 * authored handle became which id.
 */
export type Publishers = {
  readonly [K in QuestionType]: (question: QuestionOf<K>) => Published<QuestionOf<K>>;
};

export const publishers: Publishers = {
  single: publishSingle,
  multiple: publishMultiple,
  truefalse: unchanged,
  numeric: unchanged,
  text: unchanged,
  ordering: publishOrdering,
  matching: publishMatching,
  cloze: unchanged,
};

/** `question` as the site publishes it, and the handles it renamed (see `Publishers`). */
export function publishQuestion(question: Question, registry: Publishers = publishers): Published<Question> {
  // As in `behaviourOf`: the entry always fits the question, which TypeScript cannot correlate.
  const publish = registry[question.type] as (q: Question) => Published<Question>;
  return publish(question);
}

/** The response shape for one type. */
export type ResponseOf<K extends QuestionType> = z.output<(typeof responseSchemas)[K]>;
/** Any well-formed response: string | string[] | boolean | number | Record<string, string>. */
export type Response = ResponseOf<QuestionType>;
