/**
 * Pure: no DOM, no framework.
 *
 * `ordering`: put items in the right order. Response: item ids in the
 * learner's order (string[]).
 */
import { z } from 'astro/zod';
import { checkUniqueIds, localIdSchema, questionObject, textSchema } from '../common.ts';

/** One item to be ordered. */
export const orderingItemSchema = z.strictObject({
  /** Item id, unique within the question. */
  id: localIdSchema,
  /** The item text shown to the learner. */
  text: textSchema,
});

export const orderingSchema = questionObject('ordering', {
  /** 2–10 items listed in the CORRECT order (shown shuffled, never already solved). */
  items: z.array(orderingItemSchema).min(2).max(10),
}).superRefine((q, ctx) => {
  checkUniqueIds(q.items, ctx, ['items'], 'item');
});

/** Response to an `ordering` question: every item id exactly once, in the learner's order. */
export const orderingResponseSchema = z.array(z.string());

export type OrderingQuestion = z.output<typeof orderingSchema>;
export type OrderingQuestionInput = z.input<typeof orderingSchema>;
export type OrderingResponse = z.output<typeof orderingResponseSchema>;
