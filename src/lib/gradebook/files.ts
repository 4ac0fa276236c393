/**
 * Pure: no DOM, no framework.
 *
 * The files the review page saves, each as a name, a MIME type and its content, so the page only
 * hands them to the browser's download (src/client/download.ts): CSVs with a byte-order mark,
 * one student's result, every result at once in a zip, and a student's result link.
 */
import { zipFiles } from '../export/zip.ts';
import { RESULT_PATH, resultFileName, resultFileNames, resultToCode, resultToJson } from './result.ts';
import type { StudentResult } from './result.ts';

export interface SavedFile {
  name: string;
  type: string;
  content: string | Uint8Array;
}

/** A CSV file; the byte-order mark makes spreadsheet programs read the names' accents as UTF-8. */
export const csvFile = (name: string, text: string): SavedFile => ({
  name,
  type: 'text/csv;charset=utf-8',
  content: `\uFEFF${text}`,
});

export const jsonFile = (name: string, text: string): SavedFile => ({
  name,
  type: 'application/json',
  content: text,
});

/** One student's result as the file they get. */
export const resultFile = (result: StudentResult): SavedFile =>
  jsonFile(resultFileName(result), resultToJson(result));

/** Every result in one zip, `results-<assignment id>.zip`, with a file name for each (made unique). */
export function resultsZip(results: readonly StudentResult[], assignmentId: string): SavedFile {
  const names = resultFileNames(results);
  const files = results.map((result, i) => ({ path: names[i] as string, content: resultToJson(result) }));
  return { name: `results-${assignmentId}.zip`, type: 'application/zip', content: zipFiles(files) };
}

/** The link that opens `result` on the site at `site` (its origin and base path, with or without a final "/"). */
export const resultUrl = (site: string, result: StudentResult): string =>
  `${site.replace(/\/$/, '')}${RESULT_PATH}#${resultToCode(result)}`;
