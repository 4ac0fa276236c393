/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * What the LMS receives for each question of a handed-in assignment (`cmi.interactions.n.*`,
 * SCORM 1.2 RTE 3.4.2.7): the question type's own record (interaction type, student response and
 * correct patterns, written by `src/questions/<type>/scorm.ts` through the registry
 * `src/questions/scorm.ts`), plus what the player knows: the result, graded by the course's own
 * grader, and the latency. SCORM 1.2 formats, as LMSs check them (Moodle's `scorm_12.js`):
 * - `id`: CMIIdentifier, printable ASCII without spaces, ≤ 255 (question ids always are);
 * - `student_response`, `correct_responses.n.pattern`: CMIFeedback = CMIString255;
 * - `result`: `correct`, `wrong`, or a decimal for part marks (`0.5`);
 * - `latency`: CMITimespan `HHHH:MM:SS.SS`.
 */
import type { GradeResult, Question } from '../../questions/index.ts';
import { gradeResponse } from '../../questions/client.ts';
import { scormWriters, type ScormWriters } from '../../questions/scorm.ts';
import { scormRecord, type ScormInteractionType } from '../export/scorm.ts';
import type { ScormWriter } from '../export/scorm.ts';

/** What the LMS receives for one question. */
export interface ReportedInteraction {
  id: string;
  type: ScormInteractionType;
  /** The student's response in the type's format; empty when unanswered (or unreadable). */
  studentResponse: string;
  /** The correct patterns, any one of which is right. */
  correctPatterns: string[];
  /** `correct`, `wrong`, or the part score as a decimal (`0.67`). */
  result: string;
  /** CMITimespan, when the question was answered. */
  latency?: string;
}

/** CMIString255: the longest `student_response` / `pattern` SCORM 1.2 allows. */
export const CMI_STRING_255 = 255;

/**
 * At most 255 UTF-16 code units, as LMSs count them (JavaScript patterns such as Moodle's), cut at
 * a whole character (never half a surrogate pair).
 */
export function cmiString255(text: string): string {
  if (text.length <= CMI_STRING_255) return text;
  let cut = '';
  for (const char of text) {
    if (cut.length + char.length > CMI_STRING_255) break;
    cut += char;
  }
  return cut;
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
 * The interaction for `question`: `response` undefined = unanswered (empty response, `wrong`);
 * `latencyMs` is the time from the launch to the student's last change of this answer.
 */
export function reportedInteraction(
  question: Question,
  response: unknown,
  result: GradeResult,
  latencyMs?: number,
  writers: ScormWriters = scormWriters,
): ReportedInteraction {
  const record = scormRecord(question, response, writers[question.type] as ScormWriter<Question>);
  return {
    id: record.id,
    type: record.type,
    studentResponse: cmiString255(record.studentResponse ?? ''),
    correctPatterns: record.correctResponses.map(cmiString255),
    result: response === undefined ? 'wrong' : cmiResult(result),
    ...(response !== undefined && latencyMs !== undefined ? { latency: cmiTimespan(latencyMs) } : {}),
  };
}

/** The handed-in work: points (sum of part scores), the maximum and one interaction per question. */
export interface GradedWork {
  points: number;
  max: number;
  interactions: ReportedInteraction[];
}

/**
 * Grades `answers` for `questions` (assignment order). `latency` is in ms per question id. An
 * ordering question nobody moved must already be in `answers` (see `effectiveResponse`).
 */
export function gradeWork(
  questions: readonly Question[],
  answers: Readonly<Record<string, unknown>>,
  latency: Readonly<Record<string, number>>,
  writers: ScormWriters = scormWriters,
): GradedWork {
  let points = 0;
  const interactions = questions.map((question) => {
    const response = answers[question.id];
    const result = gradeResponse(question, response ?? null);
    if (response !== undefined) points += result.score;
    return reportedInteraction(question, response, result, latency[question.id], writers);
  });
  return { points, max: questions.length, interactions };
}
