/**
 * Pure: no DOM, no framework.
 *
 * `text`: type a short answer, compared after normalisation with typo
 * tolerance. Response: the typed string.
 */
import { z } from 'astro/zod';
import { normalizeText } from '../../lib/quiz/normalize.ts';
import { questionObject, textSchema } from '../common.ts';

/** `auto`: allow a few typos scaled by answer length; `0`: exact (normalised) match only. */
export const typosSchema = z.union([z.literal('auto'), z.literal(0)]);

/** Accepted answers: at least one, each with some letters or digits left after normalisation. */
export const acceptSchema = z
  .array(textSchema)
  .min(1)
  .superRefine((accept, ctx) => {
    accept.forEach((answer, index) => {
      if (normalizeText(answer) === '') {
        ctx.addIssue({ code: 'custom', path: [index], message: `"${answer}" is empty once normalised` });
      }
    });
  });

export const textQuestionSchema = questionObject('text', {
  /** Accepted answers; the first is the canonical one shown in the key. */
  accept: acceptSchema,
  /** Typo tolerance; absent = `auto`. */
  typos: typosSchema.optional(),
});

/** Response to a `text` question: what the learner typed. */
export const textResponseSchema = z.string();

export type Typos = z.output<typeof typosSchema>;
export type TextQuestion = z.output<typeof textQuestionSchema>;
export type TextQuestionInput = z.input<typeof textQuestionSchema>;
export type TextResponse = z.output<typeof textResponseSchema>;
