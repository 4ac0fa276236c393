/**
 * Pure: no DOM, no framework.
 *
 * `text`: type a short answer, compared after normalisation with typo
 * tolerance. Response: the typed string.
 */
import { z } from 'astro/zod';
import { answerForm, normalizeText } from '../../lib/quiz/normalize.ts';
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

/**
 * A known wrong answer: what a learner who misread the source is likely to type (`ineffective`
 * for `effective`). Written as the answer alone or with the feedback it gets.
 */
export const rejectedAnswerSchema = z.union([
  textSchema,
  z.strictObject({
    /** The wrong answer, compared like an accepted one. */
    answer: textSchema,
    /** What the learner who gives it reads (why it is wrong). */
    feedback: textSchema,
  }),
]);

/** Known wrong answers, checked before any typo tolerance; none may equal an accepted answer. */
export const rejectSchema = z.array(rejectedAnswerSchema).min(1);

/** Adds an issue for every rejected answer that is empty or equal to an accepted one. */
export function checkRejected(
  accept: readonly string[],
  reject: readonly RejectedAnswer[] | undefined,
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  const accepted = new Set(accept.map(answerForm));
  (reject ?? []).forEach((entry, index) => {
    const answer = typeof entry === 'string' ? entry : entry.answer;
    const form = answerForm(answer);
    if (form === '') {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index],
        message: `"${answer}" is empty once normalised`,
      });
    } else if (accepted.has(form)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index],
        message: `"${answer}" is both accepted and rejected`,
      });
    }
  });
}

export const textQuestionSchema = questionObject('text', {
  /** Accepted answers; the first is the canonical one shown in the key. */
  accept: acceptSchema,
  /** Known wrong answers, checked first, each optionally with its own feedback. */
  reject: rejectSchema.optional(),
  /** Typo tolerance; absent = `auto`. */
  typos: typosSchema.optional(),
}).superRefine((q, ctx) => checkRejected(q.accept, q.reject, ctx, ['reject']));

/** Response to a `text` question: what the learner typed. */
export const textResponseSchema = z.string();

export type Typos = z.output<typeof typosSchema>;
export type RejectedAnswer = z.output<typeof rejectedAnswerSchema>;
export type TextQuestion = z.output<typeof textQuestionSchema>;
export type TextQuestionInput = z.input<typeof textQuestionSchema>;
export type TextResponse = z.output<typeof textResponseSchema>;
