/**
 * Pure: no DOM, no framework, no zod.
 *
 * The SCORM registry: how every question type writes its SCORM 1.2 interaction
 * (`<type>/scorm.ts`), as a mapped type over `QuestionType`. Apart from `exporters.ts` (which
 * also holds these writers, with their losses) because the SCORM package's player runs in the
 * browser and must not carry the LMS file formats.
 */
import type { ScormWriter } from '../lib/export/scorm.ts';
import type { QuestionOf, QuestionType } from './index.ts';
import { singleScorm } from './single/scorm.ts';
import { multipleScorm } from './multiple/scorm.ts';
import { truefalseScorm } from './truefalse/scorm.ts';
import { numericScorm } from './numeric/scorm.ts';
import { textScorm } from './text/scorm.ts';
import { orderingScorm } from './ordering/scorm.ts';
import { matchingScorm } from './matching/scorm.ts';
import { clozeScorm } from './cloze/scorm.ts';

/** Every type's SCORM writer. */
export type ScormWriters = { readonly [K in QuestionType]: ScormWriter<QuestionOf<K>> };

export const scormWriters: ScormWriters = {
  single: singleScorm,
  multiple: multipleScorm,
  truefalse: truefalseScorm,
  numeric: numericScorm,
  text: textScorm,
  ordering: orderingScorm,
  matching: matchingScorm,
  cloze: clozeScorm,
};
