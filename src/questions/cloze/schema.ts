/**
 * Pure: no DOM, no framework.
 *
 * `cloze`: fill the blanks in a text. Blanks are written `{{b1}}` in `text`;
 * each is graded like a `text` question. Response: Record<blank id, string>.
 */
import { z } from 'astro/zod';
import { checkUniqueIds, localIdSchema, questionObject, textSchema } from '../common.ts';
import { acceptSchema, checkRejected, rejectSchema, typosSchema } from '../text/schema.ts';
import { clozeSegments } from './grade.ts';

export { BLANK, clozeSegments } from './grade.ts';
export type { ClozeSegment } from './grade.ts';

/** One blank. */
export const clozeBlankSchema = z
  .strictObject({
    /** Blank id, as written in the text between `{{` and `}}`. */
    id: localIdSchema,
    /** Accepted answers for this blank; the first is canonical. */
    accept: acceptSchema,
    /** Known wrong answers for this blank, checked first, each optionally with its own feedback. */
    reject: rejectSchema.optional(),
    /** Typo tolerance for this blank; absent = `auto`. */
    typos: typosSchema.optional(),
  })
  .superRefine((blank, ctx) => checkRejected(blank.accept, blank.reject, ctx, ['reject']));

export const clozeSchema = questionObject('cloze', {
  /** The passage, with each blank written `{{id}}` exactly once. */
  text: textSchema,
  /** One entry per blank in the text, any order. */
  blanks: z.array(clozeBlankSchema).min(1),
}).superRefine((q, ctx) => {
  checkUniqueIds(q.blanks, ctx, ['blanks'], 'blank');
  const ids = new Set(q.blanks.map((blank) => blank.id));
  const used = new Set<string>();
  for (const segment of clozeSegments(q.text)) {
    if (segment.kind !== 'blank') continue;
    if (!ids.has(segment.id)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `{{${segment.id}}} has no entry in blanks` });
    } else if (used.has(segment.id)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `{{${segment.id}}} appears more than once` });
    }
    used.add(segment.id);
  }
  q.blanks.forEach((blank, index) => {
    if (!used.has(blank.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['blanks', index, 'id'],
        message: `blank "${blank.id}" is not in the text`,
      });
    }
  });
});

/** Response to a `cloze` question: blank id → what the learner typed. */
export const clozeResponseSchema = z.record(z.string(), z.string());

export type ClozeQuestion = z.output<typeof clozeSchema>;
export type ClozeQuestionInput = z.input<typeof clozeSchema>;
export type ClozeResponse = z.output<typeof clozeResponseSchema>;
