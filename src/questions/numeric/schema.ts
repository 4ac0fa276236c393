/**
 * Pure: no DOM, no framework.
 *
 * `numeric`: type a number. Response: a number, or a string the grader parses
 * leniently (see `parseNumber` in `./grade.ts`).
 */
import { z } from 'astro/zod';
import { questionObject, textSchema } from '../common.ts';

/** How far from `answer` a response may be and still count. */
export const toleranceSchema = z.strictObject({
  /** `absolute`: ± `value` in the answer's unit; `relative`: ± `value` × |answer| (0.05 = 5 %). */
  kind: z.enum(['absolute', 'relative']),
  /** Size of the tolerance, ≥ 0. */
  value: z.number().min(0),
});

export const numericSchema = questionObject('numeric', {
  /** The correct value (finite). */
  answer: z.number(),
  /** Accepted deviation; absent = exact (up to floating-point rounding). */
  tolerance: toleranceSchema.optional(),
  /** Unit shown after the input, e.g. `%` or `km`; stripped from a typed response. */
  unit: textSchema.optional(),
});

/** Response to a `numeric` question: a number, or the raw text the learner typed. */
export const numericResponseSchema = z.union([z.number(), z.string()]);

export type Tolerance = z.output<typeof toleranceSchema>;
export type NumericQuestion = z.output<typeof numericSchema>;
export type NumericQuestionInput = z.input<typeof numericSchema>;
export type NumericResponse = z.output<typeof numericResponseSchema>;
