/**
 * Pure: no DOM, no framework — and no zod at runtime.
 *
 * The browser's entry to the question engine: `gradeResponse`, `answerKey` and
 * `describeAnswer`, dispatching through registries typed as mapped types over
 * `QuestionType` (a missing or extra type is a compile error). Islands import
 * this module, never `index.ts`, whose zod schemas would otherwise ship to
 * every page; `index.ts` re-exports everything here for build-time code.
 * Only `import type` from the schema side is allowed in this file's graph
 * (`client.test.ts` checks).
 */
import type { Question, QuestionOf, QuestionType, ResponseOf } from './index.ts';
import type { GradeResult } from './grading.ts';
import { describeSingle, gradeSingle, keySingle } from './single/grade.ts';
import { describeMultiple, gradeMultiple, keyMultiple } from './multiple/grade.ts';
import { describeTruefalse, gradeTruefalse, keyTruefalse } from './truefalse/grade.ts';
import { describeNumeric, gradeNumeric, keyNumeric } from './numeric/grade.ts';
import { describeText, gradeText, keyText } from './text/grade.ts';
import { describeOrdering, gradeOrdering, keyOrdering } from './ordering/grade.ts';
import { describeMatching, gradeMatching, keyMatching } from './matching/grade.ts';
import { describeCloze, gradeCloze, keyCloze } from './cloze/grade.ts';

export type { GradePart, GradeResult } from './grading.ts';

/** Per-type graders. Each is total: a malformed response scores 0 with an explaining part. */
export const graders: {
  readonly [K in QuestionType]: (question: QuestionOf<K>, response: unknown) => GradeResult;
} = {
  single: gradeSingle,
  multiple: gradeMultiple,
  truefalse: gradeTruefalse,
  numeric: gradeNumeric,
  text: gradeText,
  ordering: gradeOrdering,
  matching: gradeMatching,
  cloze: gradeCloze,
};

const keys: { readonly [K in QuestionType]: (question: QuestionOf<K>) => ResponseOf<K> } = {
  single: keySingle,
  multiple: keyMultiple,
  truefalse: keyTruefalse,
  numeric: keyNumeric,
  text: keyText,
  ordering: keyOrdering,
  matching: keyMatching,
  cloze: keyCloze,
};

const describers: {
  readonly [K in QuestionType]: (question: QuestionOf<K>, order?: readonly string[]) => string;
} = {
  single: describeSingle,
  multiple: describeMultiple,
  truefalse: describeTruefalse,
  numeric: describeNumeric,
  text: describeText,
  ordering: describeOrdering,
  matching: describeMatching,
  cloze: describeCloze,
};

/**
 * The registries are keyed by `type`, so `registry[question.type]` always fits
 * `question`; TypeScript cannot correlate the two through a union, hence this
 * one widening.
 */
function pick<F>(registry: Readonly<Record<QuestionType, unknown>>, question: Question): F {
  return registry[question.type] as F;
}

/** Grades any response (of any shape) against a question. Never throws; score is in [0, 1]. */
export function gradeResponse(question: Question, response: unknown): GradeResult {
  return pick<(question: Question, response: unknown) => GradeResult>(graders, question)(question, response);
}

/** The correct response for a question (scores 1 and `correct`). */
export function answerKey<Q extends Question>(question: Q): ResponseOf<Q['type']> {
  return pick<(question: Question) => ResponseOf<Q['type']>>(keys, question)(question);
}

/**
 * A human-readable key: "B. Telegram", "True", "75 (±5)", "Order: A → B → C".
 * `order` (option ids in display order, see `displayOrder`) letters the
 * options of `single` / `multiple` as the learner saw them; without it,
 * letters follow authored order.
 */
export function describeAnswer(question: Question, order?: readonly string[]): string {
  return pick<(question: Question, order?: readonly string[]) => string>(describers, question)(
    question,
    order,
  );
}
