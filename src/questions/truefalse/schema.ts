/**
 * Pure: no DOM, no framework.
 *
 * `truefalse`: is the statement in the prompt true? Response: a boolean.
 */
import { z } from 'astro/zod';
import { questionObject, textSchema } from '../common.ts';

export const truefalseSchema = questionObject('truefalse', {
  /** Whether the statement is true. */
  answer: z.boolean(),
  /** Shown after answering to a learner who picked "True". */
  feedbackTrue: textSchema.optional(),
  /** Shown after answering to a learner who picked "False". */
  feedbackFalse: textSchema.optional(),
});

/** Response to a `truefalse` question: the learner's verdict. */
export const truefalseResponseSchema = z.boolean();

export type TruefalseQuestion = z.output<typeof truefalseSchema>;
export type TruefalseQuestionInput = z.input<typeof truefalseSchema>;
export type TruefalseResponse = z.output<typeof truefalseResponseSchema>;
