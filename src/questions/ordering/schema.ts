/**
 * Pure: no DOM, no framework.
 *
 * `ordering`: put items in the right order. Response: item ids in the
 * learner's order (string[]).
 */
import { z } from 'astro/zod';
import { checkUniqueIds, localIdSchema, questionObject, textSchema } from '../common.ts';
import { publishList, type Published } from '../ids.ts';

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

/**
 * As published: item ids derived from the item text (`ids.ts`); authored ids followed the right
 * order (`a, b, c`), so they gave it away.
 */
export function publishOrdering(question: OrderingQuestion): Published<OrderingQuestion> {
  const { list: items, renamed } = publishList(question.items);
  return { question: { ...question, items }, renamed };
}
