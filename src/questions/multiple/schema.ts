/**
 * Pure: no DOM, no framework.
 *
 * `multiple`: pick every correct option. Response: the picked option ids (string[]).
 */
import { z } from 'astro/zod';
import { checkUniqueIds, localIdSchema, optionsSchema, questionObject } from '../common.ts';
import { publishList, type Published } from '../ids.ts';

export const multipleSchema = questionObject('multiple', {
  /** 2–8 options with unique ids, in authored order (shown shuffled). */
  options: optionsSchema,
  /** Ids of all correct options (at least one, no repeats); each must be one of `options[].id`. */
  answers: z.array(localIdSchema).min(1),
}).superRefine((q, ctx) => {
  checkUniqueIds(q.options, ctx, ['options'], 'option');
  const ids = new Set(q.options.map((option) => option.id));
  const seen = new Set<string>();
  q.answers.forEach((answer, index) => {
    if (!ids.has(answer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answers', index],
        message: `answer "${answer}" is not among the option ids (${[...ids].join(', ')})`,
      });
    }
    if (seen.has(answer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answers', index],
        message: `answer "${answer}" is listed twice`,
      });
    }
    seen.add(answer);
  });
});

/** Response to a `multiple` question: the picked option ids, in any order. */
export const multipleResponseSchema = z.array(z.string());

export type MultipleQuestion = z.output<typeof multipleSchema>;
export type MultipleQuestionInput = z.input<typeof multipleSchema>;
export type MultipleResponse = z.output<typeof multipleResponseSchema>;

/** As published: option ids derived from the option text (`ids.ts`), the answers renamed with them. */
export function publishMultiple(question: MultipleQuestion): Published<MultipleQuestion> {
  const { list: options, renamed } = publishList(question.options);
  return {
    question: { ...question, options, answers: question.answers.map((id) => renamed[id] ?? id) },
    renamed,
  };
}
