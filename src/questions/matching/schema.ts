/**
 * Pure: no DOM, no framework.
 *
 * `matching`: match each left-hand entry to a right-hand option. Right-hand
 * option ids are derived from their text (`rightOptions`). Response:
 * Record<pair id, chosen right option id>.
 */
import { z } from 'astro/zod';
import { normalizeText } from '../../lib/quiz/normalize.ts';
import { checkUniqueIds, localIdSchema, questionObject, textSchema } from '../common.ts';
import { legacyRightIds, rightOptions } from './grade.ts';
import { renaming, type Published } from '../ids.ts';

export { rightOptions };

/** Handles that were the ids of distractor right-hand options (`d1`, `d2`, …): not pair ids. */
export const DISTRACTOR_ID = /^d\d+$/;

/** One correct left ↔ right pair. */
export const matchingPairSchema = z.strictObject({
  /** Pair id, unique within the question (the left-hand entry's id). Not `d<number>`. */
  id: localIdSchema,
  /** The left-hand entry (shown in authored order). */
  left: textSchema,
  /** The right-hand option that matches it (shown shuffled among the others). */
  right: textSchema,
});

export const matchingSchema = questionObject('matching', {
  /** 2–10 pairs. */
  pairs: z.array(matchingPairSchema).min(2).max(10),
  /** Extra right-hand options that match nothing. */
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
      seen.set(key, option.text);
    }
  });
});

/** Response to a `matching` question: pair id → chosen right-hand option id. */
export const matchingResponseSchema = z.record(z.string(), z.string());

export type MatchingQuestion = z.output<typeof matchingSchema>;
export type MatchingQuestionInput = z.input<typeof matchingSchema>;
export type MatchingResponse = z.output<typeof matchingResponseSchema>;

/**
 * As published: the question is unchanged, since right-hand option ids are derived from their
 * text when needed (`rightOptions`); responses saved before that used the pair's own id for its
 * right-hand option and `d1`, `d2`, … for the distractors.
 */
export function publishMatching(question: MatchingQuestion): Published<MatchingQuestion> {
  return {
    question,
    renamed: renaming(
      legacyRightIds(question),
      rightOptions(question).map((option) => option.id),
    ),
  };
}
