/**
 * Pure: no DOM, no framework.
 *
 * CSV for spreadsheets and item reviews: one row per question with the key written out
 * (`describeAnswer`) and where the evidence is (`/sources/<lesson>/#pN`). Cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are quoted with a leading `'`
 * (papaparse's `escapeFormulae`), so opening the file never executes anything.
 */
import Papa from 'papaparse';
import { describeAnswer, type Question } from '../../questions/index.ts';
import { letter } from '../../questions/grading.ts';
import { clozeParts, matchingRights, ReportBuilder } from './common.ts';
import type { ExportOptions, ExportResult } from './types.ts';

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

const lettered = (texts: readonly string[]): string =>
  texts.map((t, i) => `${letter(i).toLowerCase()}) ${t}`).join('|');

/** What the learner chooses from, lettered as `describeAnswer` letters it (authored order). */
export function optionsCell(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return lettered(q.options.map((o) => o.text));
    case 'truefalse':
      return 'True|False';
    case 'ordering':
      // Sorted so the cell does not give the order away; the answer column has it.
      return lettered([...q.items].map((it) => it.text).sort((a, b) => a.localeCompare(b, 'en')));
    case 'matching':
      return `${q.pairs.map((p, i) => `${i + 1}) ${p.left}`).join('|')} || ${lettered(
        matchingRights(q)
          .map((r) => r.text)
          .sort((a, b) => a.localeCompare(b, 'en')),
      )}`;
    case 'cloze':
      return clozeParts(q)
        .map((p) => (p.kind === 'text' ? p.text : `[${p.blank.id}]`))
        .join('');
    case 'numeric':
      return q.unit ?? '';
    case 'text':
      return '';
  }
}

/** One CSV file, one row per question, header first. */
export function exportCsv(questions: readonly Question[], _options: ExportOptions = {}): ExportResult {
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
      optionsCell(q),
      describeAnswer(q),
      q.explanation,
      q.evidence.paragraph,
      q.evidence.quote,
      `/sources/${q.lesson}/#${q.evidence.paragraph}`,
    ];
  });
  const content = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { escapeFormulae: true, newline: '\r\n' },
  );
  return { files: [{ path: 'questions.csv', content: `${content}\r\n` }], report: report.report() };
}
