/**
 * Pure: no DOM, no framework.
 *
 * `single`: pick exactly one option. Response: the picked option id (string).
 */
import { z } from 'astro/zod';
import { checkUniqueIds, localIdSchema, optionsSchema, questionObject } from '../common.ts';
import { publishList, type Published } from '../ids.ts';

export const singleSchema = questionObject('single', {
  /** 2–8 options with unique ids, in authored order (shown shuffled). */
  options: optionsSchema,
  /** Id of the one correct option; must be one of `options[].id`. */
  answer: localIdSchema,
}).superRefine((q, ctx) => {
  checkUniqueIds(q.options, ctx, ['options'], 'option');
  if (!q.options.some((option) => option.id === q.answer)) {
    ctx.addIssue({
      code: 'custom',
      path: ['answer'],
      message: `answer "${q.answer}" is not among the option ids (${q.options.map((o) => o.id).join(', ')})`,
    });
  }
});

/** Response to a `single` question: the picked option id. */
export const singleResponseSchema = z.string();

export type SingleQuestion = z.output<typeof singleSchema>;
export type SingleQuestionInput = z.input<typeof singleSchema>;
export type SingleResponse = z.output<typeof singleResponseSchema>;

/** As published: option ids derived from the option text (`ids.ts`), the answer renamed with them. */
export function publishSingle(question: SingleQuestion): Published<SingleQuestion> {
  const { list: options, renamed } = publishList(question.options);
  return { question: { ...question, options, answer: renamed[question.answer] ?? question.answer }, renamed };
}
