/**
 * Pure: no DOM, no framework.
 *
 * SCORM 1.2 interactions: how one question is recorded in `cmi.interactions.n.*` when an
 * assignment runs as a SCORM package. Each question type gives its `cmi.interactions.n.type` and
 * writes its correct responses and the learner's response in that type's format (SCORM 1.2 Run-Time
 * Environment, data model `cmi.interactions`): `exporter.scorm` in `src/questions/<type>/export.ts`.
 *
 * The SCORM 1.2 formats, as the types use them:
 * - `true-false`: `t` or `f` (the RTE also allows `0`/`1`; only the first character counts);
 * - `choice`: single characters `0-9`/`a-z` separated by commas; a correct response that needs
 *   every listed choice is written as a set in braces, `{a,c}`;
 * - `fill-in`: the text as typed (CMIFeedback, at most 255 characters; spaces count);
 * - `numeric`: one decimal number;
 * - `matching`: `source.target` pairs of single characters, separated by commas (`1.a,2.c`),
 *   in braces when every pair is needed;
 * - `sequencing`: single characters in order, separated by commas (`c,a,b`).
 * The interaction id is the question id (a CMIIdentifier: no spaces, at most 255 characters).
 * The SCO judges `result` itself with the site's graders; these patterns are what an LMS shows
 * in its interaction reports.
 */
import type { Question } from '../../questions/index.ts';
import { exportOf } from './common.ts';
import type { Exporters } from './types.ts';

/** The SCORM 1.2 `cmi.interactions.n.type` vocabulary used by the course's question types. */
export type ScormInteractionType =
  'true-false' | 'choice' | 'fill-in' | 'matching' | 'sequencing' | 'numeric';

/**
 * How one question type writes its SCORM 1.2 interaction (`Q`: the type's questions). Lives in
 * `src/questions/<type>/scorm.ts`, which the SCORM package's player loads in the browser, apart
 * from the heavy `export.ts`; the registry of them is `src/questions/scorm.ts`.
 */
export interface ScormWriter<Q> {
  /** `cmi.interactions.n.type`. */
  type: ScormInteractionType;
  /** `cmi.interactions.n.correct_responses.n.pattern`, in order (any one is right). */
  correct: (question: Q) => string[];
  /** `cmi.interactions.n.student_response` for a response, or undefined when it is malformed. */
  response: (question: Q, response: unknown) => string | undefined;
}

/** The writer plus what the record cannot represent exactly (for the export report): `export.ts`. */
export interface ScormPart<Q> extends ScormWriter<Q> {
  /** What the interaction record cannot represent exactly for this question. */
  losses: (question: Q) => string[];
}

/** One question as a SCORM 1.2 interaction record. */
export interface ScormInteraction {
  id: string;
  type: ScormInteractionType;
  correctResponses: string[];
  /** Absent when no (well-formed) response was given. */
  studentResponse?: string;
}

const CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The single-character identifier of the `index`-th choice, item or target: `a`, `b`, … */
export function scormLetter(index: number): string {
  const character = CHARACTERS[index];
  if (character === undefined) throw new RangeError(`SCORM 1.2 has no identifier for choice ${index + 1}`);
  return character;
}

/** The single-character identifier of the `index`-th matching source: `1` … `9`, then `0`. */
export function scormSource(index: number): string {
  if (index > 9) throw new RangeError(`SCORM 1.2 has no identifier for source ${index + 1}`);
  return String((index + 1) % 10);
}

/**
 * The SCORM package grades with the course's own grader, so a typed answer keeps its typo
 * tolerance there; only the correct patterns the LMS shows are the answers as written.
 */
export const SCORM_TYPO_NOTE =
  "correct patterns show the accepted answers as written; the result comes from the course's own grader, which also accepts small spelling slips";

/** CMIFeedback holds at most 255 characters. */
export function scormText(text: string): string {
  return text.slice(0, 255);
}

/** The interaction record for `question`, written by its type's `writer`, with the learner's `response` if any. */
export function scormRecord(
  question: Question,
  response: unknown,
  writer: ScormWriter<Question>,
): ScormInteraction {
  const written = response === undefined ? undefined : writer.response(question, response);
  return {
    id: question.id,
    type: writer.type,
    correctResponses: writer.correct(question),
    ...(written === undefined ? {} : { studentResponse: written }),
  };
}

/** The interaction record for `question` and (optionally) the learner's `response`. */
export function scormInteraction(question: Question, response: unknown, types: Exporters): ScormInteraction {
  return scormRecord(question, response, exportOf(question, types).scorm);
}

/** What the SCORM record cannot represent exactly for `question`, for a package's report. */
export function scormLosses(question: Question, types: Exporters): string[] {
  return exportOf(question, types).scorm.losses(question);
}
