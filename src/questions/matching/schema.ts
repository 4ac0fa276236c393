/**
 * Pure: no DOM, no framework.
 *
 * `matching`: match each left-hand entry to a right-hand option. Right-hand
 * option ids are the pair ids (each pair's own `right`) plus `d1`, `d2`, … for
 * the distractors in order. Response: Record<pair id, chosen right option id>.
 */
import { z } from 'astro/zod';
import { normalizeText } from '../../lib/quiz/normalize.ts';
import { checkUniqueIds, localIdSchema, questionObject, textSchema } from '../common.ts';
import { rightOptions } from './grade.ts';

export { rightOptions };

/** Ids reserved for distractor right-hand options: `d1`, `d2`, … */
export const DISTRACTOR_ID = /^d\d+$/;

/** One correct left ↔ right pair. */
export const matchingPairSchema = z.strictObject({
  /** Pair id, unique within the question; also the id of its right-hand option. Not `d<number>`. */
  id: localIdSchema,
  /** The left-hand entry (shown in authored order). */
  left: textSchema,
  /** The right-hand option that matches it (shown shuffled among the others). */
  right: textSchema,
});

export const matchingSchema = questionObject('matching', {
  /** 2–10 pairs. */
  pairs: z.array(matchingPairSchema).min(2).max(10),
  /** Extra right-hand options that match nothing; ids `d1`, `d2`, … in this order. */
  distractors: z.array(textSchema).optional(),
}).superRefine((q, ctx) => {
  checkUniqueIds(q.pairs, ctx, ['pairs'], 'pair');
  q.pairs.forEach((pair, index) => {
    if (DISTRACTOR_ID.test(pair.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pairs', index, 'id'],
        message: `pair id "${pair.id}" is reserved for distractors (d1, d2, …)`,
      });
    }
  });
  const seen = new Map<string, string>();
  rightOptions(q).forEach((option, index) => {
    const key = normalizeText(option.text);
    const other = seen.get(key);
    if (other !== undefined) {
      const isPair = index < q.pairs.length;
      ctx.addIssue({
        code: 'custom',
        path: isPair ? ['pairs', index, 'right'] : ['distractors', index - q.pairs.length],
        message: `right-hand option "${option.text}" is indistinguishable from option "${other}"`,
      });
    } else {
      seen.set(key, option.id);
    }
  });
});

/** Response to a `matching` question: pair id → chosen right-hand option id. */
export const matchingResponseSchema = z.record(z.string(), z.string());

export type MatchingQuestion = z.output<typeof matchingSchema>;
export type MatchingQuestionInput = z.input<typeof matchingSchema>;
export type MatchingResponse = z.output<typeof matchingResponseSchema>;
