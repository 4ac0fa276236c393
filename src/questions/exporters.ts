/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * The build-only registry: what every question type writes in the LMS formats and the SCORM
 * interaction (`<type>/export.ts`), as a mapped type over `QuestionType`, so a missing or extra
 * type is a compile error. The formats (`src/lib/export/`) take it as a parameter, defaulting to
 * this one in `src/lib/export/index.ts`, and never name a type.
 */
import type { Exporters } from '../lib/export/types.ts';
import { singleExport } from './single/export.ts';
import { multipleExport } from './multiple/export.ts';
import { truefalseExport } from './truefalse/export.ts';
import { numericExport } from './numeric/export.ts';
import { textExport } from './text/export.ts';
import { orderingExport } from './ordering/export.ts';
import { matchingExport } from './matching/export.ts';
import { clozeExport } from './cloze/export.ts';

export const exporters: Exporters = {
  single: singleExport,
  multiple: multipleExport,
  truefalse: truefalseExport,
  numeric: numericExport,
  text: textExport,
  ordering: orderingExport,
  matching: matchingExport,
  cloze: clozeExport,
};
