/**
 * Pure: no DOM, no framework.
 *
 * Exporting the question bank to LMS formats: `exportBank(questions, format, options)` gives
 * the file to write and an `ExportReport` of everything the format could not hold exactly;
 * `formatReport` prints that report for a person, grouping the same limitation across
 * questions. The CLI (`src/cli/export.ts`) does the file I/O.
 */
import type { Behaviours } from '../../questions/client.ts';
import { exporters as realExporters } from '../../questions/exporters.ts';
import type { Question } from '../../questions/index.ts';
import { exportCsv } from './csv.ts';
import { exportGift } from './gift.ts';
import { exportMoodle } from './moodle.ts';
import { exportQti12 } from './qti12.ts';
import { exportQti21 } from './qti21.ts';
import { scormInteraction as interaction, scormLosses as losses, type ScormInteraction } from './scorm.ts';
import type { ExportFormat, ExportOptions, ExportReport, ExportResult, Exporters } from './types.ts';

export type {
  ExportFile,
  ExportFormat,
  ExportNote,
  ExportOptions,
  ExportReport,
  ExportResult,
  Exporters,
  QuestionExport,
} from './types.ts';
export type { ScormInteraction, ScormInteractionType } from './scorm.ts';
export { EXPORT_FORMATS } from './types.ts';

/** The question types to ask: default the real ones; a test passes its own to add a type. */
export interface ExportTypes {
  exporters?: Exporters;
  /** For the key written out in words (`describeAnswer`). */
  behaviours?: Behaviours;
}

const formats: Record<
  ExportFormat,
  (
    questions: readonly Question[],
    options: ExportOptions,
    types: Exporters,
    behaviours?: Behaviours,
  ) => ExportResult
> = {
  qti12: exportQti12,
  qti21: exportQti21,
  moodle: exportMoodle,
  gift: exportGift,
  csv: exportCsv,
};

/** Human names, for the report heading. */
export const FORMAT_NAMES: Record<ExportFormat, string> = {
  qti12: 'QTI 1.2 (Canvas)',
  qti21: 'QTI 2.1',
  moodle: 'Moodle XML',
  gift: 'GIFT',
  csv: 'CSV',
};

/** Exports validated questions (see `validateBank`) to one format. Deterministic for equal input. */
export function exportBank(
  questions: readonly Question[],
  format: ExportFormat,
  options: ExportOptions = {},
  types: ExportTypes = {},
): ExportResult {
  const exporter = formats[format];
  if (!exporter)
    throw new Error(`Unknown export format "${String(format)}" (use ${Object.keys(formats).join(', ')})`);
  return exporter(questions, options, types.exporters ?? realExporters, types.behaviours);
}

/**
 * `question` as a SCORM 1.2 interaction record (`cmi.interactions.n`), with the learner's
 * `response` when given: the hook a SCORM package writes from.
 */
export function scormInteraction(
  question: Question,
  response?: unknown,
  types: ExportTypes = {},
): ScormInteraction {
  return interaction(question, response, types.exporters ?? realExporters);
}

/** What a SCORM 1.2 interaction record cannot represent exactly for `question`. */
export function scormLosses(question: Question, types: ExportTypes = {}): string[] {
  return losses(question, types.exporters ?? realExporters);
}

/**
 * Where the file goes in each LMS, printed under the report. The Canvas and Moodle routes are the
 * ones lms-check runs (QTIMigrationTool, Moodle's import code); Blackboard's is as its help pages
 * describe it ("About QTI packages"), not run here.
 */
export const IMPORT_NOTES: Readonly<Record<ExportFormat, readonly string[]>> = {
  qti12: [
    'Canvas: Course Settings → Import Course Content → "QTI .zip file" (the questions land in a question bank and a quiz).',
    'Blackboard Learn: use the QTI 2.1 export instead (this one is Canvas-flavoured QTI 1.2).',
  ],
  qti21: [
    'Blackboard Learn: Original course view: Course Tools → Tests, Surveys, and Pools → Pools → Import QTI 2.1 Package; Ultra: Question banks → Import. Blackboard takes true/false, single and multiple choice and one-blank text questions; it skips numeric, ordering, matching and cloze (as its help pages say; not run here).',
    'Canvas: Course Settings → Import Course Content → "QTI .zip file"; for Canvas prefer the QTI 1.2 export, which Canvas\'s converter is checked against.',
  ],
  moodle: ['Moodle: Question bank → Import → "Moodle XML format".'],
  gift: ['Moodle: Question bank → Import → "GIFT format".'],
  csv: [],
};

/** Most question ids listed after a grouped note before it says "and N more". */
const MAX_IDS = 12;

/**
 * The report as plain text: counts, then each distinct note once with the questions it applies
 * to (`hints dropped — 40 questions: a, b, … and 28 more`). Notes keep first-seen order.
 */
export function formatReport(report: ExportReport): string {
  const lines = [
    `Export: ${FORMAT_NAMES[report.format]}`,
    `Questions: ${report.questions}, exported: ${report.exported}${report.items !== report.exported ? `, items written: ${report.items}` : ''}`,
    `By type: ${
      Object.entries(report.byType)
        .map(([type, n]) => `${type} ${n}`)
        .join(', ') || 'none'
    }`,
  ];
  const skipped = report.questions - report.exported;
  if (skipped > 0) lines.push(`Skipped: ${skipped}`);
  const groups = new Map<string, string[]>();
  for (const note of report.notes) {
    const ids = groups.get(note.message);
    if (ids) ids.push(note.questionId);
    else groups.set(note.message, [note.questionId]);
  }
  if (groups.size === 0) {
    lines.push('Notes: none (everything represented exactly)');
  } else {
    lines.push(
      `Notes (${report.notes.length} on ${new Set(report.notes.map((n) => n.questionId)).size} questions):`,
    );
    for (const [message, ids] of groups) {
      const shown = ids.slice(0, MAX_IDS).join(', ');
      const more = ids.length > MAX_IDS ? ` and ${ids.length - MAX_IDS} more` : '';
      lines.push(`  - ${message} — ${ids.length} question${ids.length === 1 ? '' : 's'}: ${shown}${more}`);
    }
  }
  const importing = IMPORT_NOTES[report.format];
  if (importing.length > 0) lines.push('Importing:', ...importing.map((line) => `  - ${line}`));
  return `${lines.join('\n')}\n`;
}
