/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * One answered question as a SCORM 1.2 interaction (`cmi.interactions.n.*`, RTE 3.4.2.7): the
 * interaction type, the student's response and the correct response in that type's format, the
 * result and the latency. SCORM 1.2 formats, as LMSs check them (Moodle's `scorm_12.js`):
 * - `id`: CMIIdentifier, printable ASCII without spaces, ≤ 255 (question ids always are);
 * - `student_response`, `correct_responses.n.pattern`: CMIFeedback = CMIString255, so longer text
 *   is cut at 255 characters (the score was computed from the whole answer, before the cut);
 * - `result`: `correct`, `wrong`, or a decimal for part marks (`0.5`);
 * - `latency`: CMITimespan `HHHH:MM:SS.SS`.
 *
 * How each type writes its response (`RESPONSE_FORMATS`) is a temporary mapping here until each
 * question type states its own SCORM interaction (issue 18).
 */
import type { GradeResult, Question, QuestionOf, QuestionType, ResponseOf } from '../../questions/index.ts';
import { answerKey, gradeResponse } from '../../questions/client.ts';

/** SCORM 1.2 `cmi.interactions.n.type` values this course writes. */
export type InteractionType = 'true-false' | 'choice' | 'fill-in' | 'numeric' | 'sequencing' | 'matching';

/** What the LMS receives for one question. */
export interface ScormInteraction {
  id: string;
  type: InteractionType;
  /** The student's response in the type's format; empty when unanswered. */
  studentResponse: string;
  /** The correct response, in the same format. */
  correctPattern: string;
  /** `correct`, `wrong`, or the part score as a decimal (`0.67`). */
  result: string;
  /** CMITimespan, when the question was answered. */
  latency?: string;
}

/** CMIString255: the longest `student_response` / `pattern` SCORM 1.2 allows. */
export const CMI_STRING_255 = 255;

interface ResponseFormat<K extends QuestionType> {
  type: InteractionType;
  write: (question: QuestionOf<K>, response: ResponseOf<K>) => string;
}

const list = (ids: readonly string[]): string => ids.join(',');
/** `id=value` per part, `;`-separated (cloze). */
const byPart = (ids: readonly string[], values: Readonly<Record<string, string>>): string =>
  ids.map((id) => `${id}=${values[id] ?? ''}`).join(';');

/**
 * Per type: the SCORM 1.2 interaction type and how a response is written. Choice, sequencing and
 * matching use the question's own option, item and pair ids (matching as `pair.right`), so the
 * LMS's report can be read against the bank.
 */
export const RESPONSE_FORMATS: { readonly [K in QuestionType]: ResponseFormat<K> } = {
  single: { type: 'choice', write: (_q, r) => r },
  multiple: { type: 'choice', write: (_q, r) => list([...new Set(r)].sort()) },
  truefalse: { type: 'true-false', write: (_q, r) => (r ? 't' : 'f') },
  numeric: { type: 'numeric', write: (_q, r) => String(r).trim() },
  text: { type: 'fill-in', write: (_q, r) => r.trim() },
  ordering: { type: 'sequencing', write: (_q, r) => list(r) },
  matching: {
    type: 'matching',
    write: (q, r) => list(q.pairs.filter((p) => r[p.id] !== undefined).map((p) => `${p.id}.${r[p.id]}`)),
  },
  cloze: {
    type: 'fill-in',
    write: (q, r) =>
      byPart(
        q.blanks.map((b) => b.id),
        r,
      ),
  },
};

function formatOf<K extends QuestionType>(question: QuestionOf<K>): ResponseFormat<K> {
  return RESPONSE_FORMATS[question.type as K];
}

/** At most 255 characters, cut at a whole character (never half a surrogate pair). */
export function cmiString255(text: string): string {
  const chars = [...text];
  return chars.length <= CMI_STRING_255 ? text : chars.slice(0, CMI_STRING_255).join('');
}

/** Milliseconds → CMITimespan `HHHH:MM:SS.SS` (hours padded to 4 digits, as Moodle expects 2–4). */
export function cmiTimespan(ms: number): string {
  const centis = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
  const hours = Math.min(9999, Math.floor(centis / 360_000));
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(hours, 4)}:${pad(minutes)}:${pad(seconds)}.${pad(centis % 100)}`;
}

/** `correct` / `wrong` / a part score with at most two decimals (`0.67`). */
export function cmiResult(result: GradeResult): string {
  if (result.correct) return 'correct';
  if (result.score <= 0) return 'wrong';
  return String(Math.round(result.score * 100) / 100);
}

/**
 * The interaction for `question`. `response` undefined = unanswered (empty response, `wrong`);
 * `latencyMs` is the time from the launch to the student's last change of this answer.
 */
export function scormInteraction(
  question: Question,
  response: ResponseOf<QuestionType> | undefined,
  result: GradeResult,
  latencyMs?: number,
): ScormInteraction {
  const format = formatOf(question);
  const write = format.write as (q: Question, r: unknown) => string;
  return {
    id: question.id,
    type: format.type,
    studentResponse: response === undefined ? '' : cmiString255(write(question, response)),
    correctPattern: cmiString255(write(question, answerKey(question))),
    result: response === undefined ? 'wrong' : cmiResult(result),
    ...(response !== undefined && latencyMs !== undefined ? { latency: cmiTimespan(latencyMs) } : {}),
  };
}

/** The handed-in work: points (sum of part scores), the maximum and one interaction per question. */
export interface GradedWork {
  points: number;
  max: number;
  interactions: ScormInteraction[];
}

/**
 * Grades `answers` for `questions` (assignment order). `latency` is in ms per question id. An
 * ordering question nobody moved must already be in `answers` (see `effectiveResponse`).
 */
export function gradeWork(
  questions: readonly Question[],
  answers: Readonly<Record<string, ResponseOf<QuestionType>>>,
  latency: Readonly<Record<string, number>>,
): GradedWork {
  let points = 0;
  const interactions = questions.map((question) => {
    const response = answers[question.id];
    const result = gradeResponse(question, response ?? null);
    if (response !== undefined) points += result.score;
    return scormInteraction(question, response, result, latency[question.id]);
  });
  return { points, max: questions.length, interactions };
}
