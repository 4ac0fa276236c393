/**
 * Pure: no DOM, no framework.
 *
 * What every question type shares: the common fields (`questionObject` builds a
 * type's schema from them), small reusable field schemas and the zod schema
 * of the `GradeResult` every grader returns. The zod-free `GradeResult` type and grading helpers
 * live in `grading.ts` (re-exported here) so the browser never loads zod.
 */
import '../lib/zod-jitless.ts';
import { z } from 'astro/zod';
import type { GradePart, GradeResult } from './grading.ts';

/** Slug-like id, unique across the whole course: `mali-q03`. */
export const questionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and hyphens, e.g. "mali-q03"');

/** Id of an option, item, pair or blank, unique within its question: `a`, `b1`, `telegram`. */
export const localIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'Use letters, digits, "_" and "-", e.g. "a" or "b1"');

/** A non-empty line of learner-facing text. */
export const textSchema = z.string().regex(/\S/, 'Must not be blank');

/** Bloom's taxonomy level the question targets. */
export const bloomSchema = z.enum(['remember', 'understand', 'apply', 'analyze', 'evaluate']);

/** Where in the source article the answer is supported. */
export const evidenceSchema = z.strictObject({
  /**
   * Article id, only when the quote is not from the lesson's own article: a unit such as the
   * opening "Reading sources" lesson reads other lessons' sources. Defaults to the question's lesson.
   */
  article: z.string().min(1).optional(),
  /** Paragraph anchor id in the source article, e.g. `p12`. */
  paragraph: z.string().regex(/^p\d+$/, 'Paragraph ids look like "p12"'),
  /** A verbatim quote from that paragraph (at least 8 characters). */
  quote: z.string().min(8),
});

/** General feedback shown after answering, independent of which option was picked. */
export const feedbackSchema = z.strictObject({
  /** Shown when the whole question is answered correctly. */
  correct: textSchema.optional(),
  /** Shown when the answer is not (fully) correct. */
  incorrect: textSchema.optional(),
});

/** One answer option of a `single` / `multiple` question. */
export const optionSchema = z.strictObject({
  /** Option id, unique within the question, e.g. `a` or `telegram`. */
  id: localIdSchema,
  /** The option text shown to the learner. */
  text: textSchema,
  /** Shown after answering when the learner picked this option or should have. */
  feedback: textSchema.optional(),
});

/** 2–8 options with unique ids (checked by the question's refinement). */
export const optionsSchema = z.array(optionSchema).min(2).max(8);

/** Fields present on every question, whatever its type. */
export const commonShape = {
  /** Slug-like id unique across the whole course, e.g. `mali-q03`. */
  id: questionIdSchema,
  /** Id of the lesson (source article) the question belongs to. */
  lesson: z.string().min(1),
  /** Learning-objective id within that lesson, e.g. `lo1`. */
  objective: z.string().min(1),
  /** Bloom's taxonomy level. */
  bloom: bloomSchema,
  /** The question text: plain text, may contain simple inline `*emphasis*`. */
  prompt: textSchema,
  /** Shown after answering: why the key is right. */
  explanation: textSchema,
  /** Verbatim support from the source article. */
  evidence: evidenceSchema,
  /** Hints, revealed one at a time before answering. */
  hints: z.array(textSchema).optional(),
  /** General feedback for a correct / incorrect answer. */
  feedback: feedbackSchema.optional(),
  /**
   * A skill the item trains besides its objective. `source-evaluation`: judging the source itself
   * (reported fact against inference, hedging, claims resting on one source). Counted per lesson.
   */
  skill: z.enum(['source-evaluation']).optional(),
};

/**
 * Common-fields schema factory: a strict object (unknown keys are errors, so a
 * misspelt field in authored content fails loudly) with `type: <type>`, the
 * common fields and the type's own fields. Refinements go on the result with
 * `.superRefine`, which in Zod 4 keeps it a `ZodObject` usable in a
 * discriminated union.
 */
export function questionObject<const T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({
    /** Which kind of question this is; selects the grader and the view. */
    type: z.literal(type),
    ...commonShape,
    ...shape,
  });
}

/** Reports every repeated `id` in `list` as an issue at `[...path, index, 'id']`. */
export function checkUniqueIds(
  list: readonly { id: string }[],
  ctx: z.RefinementCtx,
  path: readonly PropertyKey[],
  what: string,
): void {
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first === undefined) {
      seen.set(entry.id, index);
    } else {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'id'],
        message: `Duplicate ${what} id "${entry.id}" (first used at index ${first})`,
      });
    }
  });
}

/** Feedback for one part of a response: an option, item, pair or blank (see `GradePart`). */
export const gradePartSchema = z.object({
  /** Option / item / pair / blank id, or `response` / `answer` for whole-response parts. */
  id: z.string(),
  /** Whether the learner got this part right (for options: picked iff it is in the key). */
  correct: z.boolean(),
  /** Text to show for this part, e.g. the option's own feedback or why a response was rejected. */
  feedback: z.string().optional(),
});

/** What every grader returns (see `GradeResult` in `grading.ts`, which the browser uses). */
export const gradeResultSchema = z.object({
  /** Credit in [0, 1]. */
  score: z.number().min(0).max(1),
  /** True only for a fully correct answer (score 1). */
  correct: z.boolean(),
  /** Per-option / per-item / per-pair / per-blank feedback for the UI. */
  parts: z.array(gradePartSchema),
  /** `typo`: accepted only thanks to typo tolerance; the UI should show the canonical spelling. */
  note: z.literal('typo').optional(),
});

// The zod-free types in grading.ts must describe exactly what the schemas accept.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const gradeTypesAgree: Same<z.output<typeof gradeResultSchema>, GradeResult> &
  Same<z.output<typeof gradePartSchema>, GradePart> = true;
void gradeTypesAgree;

// Zod-free helpers, re-exported for existing imports; graders import them from grading.ts.
export type { GradePart, GradeResult } from './grading.ts';
export {
  RESPONSE_PART,
  clampScore,
  describeOptions,
  isRecord,
  isStringArray,
  letter,
  malformed,
  part,
  unknownKeys,
} from './grading.ts';

/** Item-writing rule for types without per-answer feedback: the general "incorrect" feedback is required. */
export function incorrectFeedbackProblems(question: {
  feedback?: { incorrect?: string | undefined } | undefined;
}): string[] {
  return question.feedback?.incorrect ? [] : ['feedback.incorrect is missing'];
}

/** Item-writing rules for choice options: no "all/none of the above", and every wrong option explains itself. */
export function optionWritingProblems(
  options: readonly { id: string; text: string; feedback?: string | undefined }[],
  key: ReadonlySet<string>,
  bannedOption: RegExp,
): string[] {
  return options.flatMap((option) => [
    ...(bannedOption.test(option.text)
      ? [`banned form: option ${option.id} says "${bannedOption.exec(option.text)?.[0] ?? ''}"`]
      : []),
    ...(!key.has(option.id) && !option.feedback
      ? [`option ${option.id}: a wrong option needs feedback`]
      : []),
  ]);
}

/** Choice options with the key marked, for the item-writing spread rules (`InstructorKey.keyedChoices`). */
export function choicesWithKey(
  options: readonly { id: string; text: string }[],
  key: ReadonlySet<string>,
): { options: { id: string; text: string; key: boolean }[]; fixed: boolean } {
  return { options: options.map((o) => ({ id: o.id, text: o.text, key: key.has(o.id) })), fixed: false };
}

/** The instructor's view of choice options: every option, the key marked, with its feedback. */
export function keyedOptions(
  options: readonly { id: string; text: string; feedback?: string | undefined }[],
  key: ReadonlySet<string>,
): { kind: 'options'; options: { text: string; key: boolean; feedback?: string | undefined }[] } {
  return {
    kind: 'options',
    options: options.map((o) => ({ text: o.text, key: key.has(o.id), feedback: o.feedback })),
  };
}
