/**
 * Pure: no DOM, no framework.
 *
 * CSV for spreadsheets and item reviews: one row per question with the key written out
 * (`describeAnswer`) and where the evidence is (`/sources/<lesson>/#pN`). Cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are quoted with a leading `'`
 * (papaparse's `escapeFormulae`), so opening the file never executes anything. Each question type
 * writes its `options` cell (`exporter.csv` in `src/questions/<type>/export.ts`).
 */
import Papa from 'papaparse';
import { describeAnswer, type Behaviours } from '../../questions/client.ts';
import type { Question } from '../../questions/index.ts';
import { letter } from '../../questions/grading.ts';
import { exportOf, ReportBuilder } from './common.ts';
import { evidenceArticle } from '../quiz/source-link.ts';
import type { ExportOptions, ExportResult, Exporters } from './types.ts';

/** What one question type writes in the CSV (the other columns are the same for every type). */
/** `Q`: the question type's questions. */
export interface CsvPart<Q> {
  /** The `options` cell: what the learner chooses from, lettered as `describeAnswer` letters it. */
  options: (question: Q) => string;
}

export const CSV_COLUMNS = [
  'id',
  'lesson',
  'type',
  'objective',
  'bloom',
  'prompt',
  'options',
  'answer',
  'explanation',
  'evidence_paragraph',
  'evidence_quote',
  'source_url',
] as const;

/** `a) first|b) second`: texts lettered in the order given. */
export const lettered = (texts: readonly string[]): string =>
  texts.map((t, i) => `${letter(i).toLowerCase()}) ${t}`).join('|');

/** One CSV file, one row per question, header first. */
export function exportCsv(
  questions: readonly Question[],
  _options: ExportOptions,
  types: Exporters,
  behaviours?: Behaviours,
): ExportResult {
  const report = new ReportBuilder('csv', questions.length);
  const rows = questions.map((q) => {
    report.done(q);
    return [
      q.id,
      q.lesson,
      q.type,
      q.objective,
      q.bloom,
      q.prompt,
      exportOf(q, types).csv.options(q),
      describeAnswer(q, undefined, behaviours),
      q.explanation,
      q.evidence.paragraph,
      q.evidence.quote,
      `/sources/${evidenceArticle(q)}/#${q.evidence.paragraph}`,
    ];
  });
  const content = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { escapeFormulae: true, newline: '\r\n' },
  );
  return { files: [{ path: 'questions.csv', content: `${content}\r\n` }], report: report.report() };
}
