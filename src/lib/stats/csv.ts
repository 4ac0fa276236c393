/**
 * Pure: no DOM, no framework.
 *
 * Item analysis and test statistics as CSV for spreadsheets (papaparse `unparse`: fields are
 * quoted when they need it); the gradebook's own CSVs (`src/lib/gradebook/csv.ts`) use the same
 * `unparse`. Student names and ids come from students, so any text cell that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return, even
 * after spaces) is prefixed with `'` — the OWASP advice against CSV injection. Numbers are
 * written as numbers (rounded to 2 decimals), so a negative discrimination stays a number;
 * null statistics are empty cells.
 */
import Papa from 'papaparse';
import type { ItemStats, OptionFrequency, TestStats } from './items.ts';

// papaparse's own `escapeFormulae: true` pattern uses `.*$`, which misses a value with a line
// break after the formula; this one looks only at the start.
const FORMULA_START = /^\s*[=+\-@\t\r]/;

export const round = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;

/** CSV text with CRLF lines, quoting where needed, and formula-like text cells neutralised. */
export function unparse(fields: string[], data: (string | number | null)[][]): string {
  return Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
}

export const ITEM_COLUMNS = [
  'question',
  'type',
  'prompt',
  'n',
  'attempted',
  'facility_percent',
  'sd_percent',
  'discrimination_percent',
  'efficiency_percent',
];

/** "a ✓ Telegram: 3 (30%)": option id, ✓ when in the key, text, count and share of those who answered. */
function optionCell(option: OptionFrequency): string {
  const percent = option.percent === null ? '–' : `${round(option.percent)}%`;
  return `${option.id}${option.correct ? ' ✓' : ''} ${option.text}: ${option.count} (${percent})`;
}

/**
 * One line per item, then one column per option (`option_1` … as many as the largest item has),
 * every option listed whether chosen or not; empty for types without options.
 */
export function itemsCsv(items: readonly ItemStats[]): string {
  const width = Math.max(0, ...items.map((item) => item.options?.length ?? 0));
  const optionColumns = Array.from({ length: width }, (_, k) => `option_${k + 1}`);
  return unparse(
    [...ITEM_COLUMNS, ...optionColumns],
    items.map((item) => [
      item.id,
      item.type,
      item.prompt,
      item.n,
      item.attempted,
      round(item.facility),
      round(item.sd),
      round(item.discrimination),
      round(item.efficiency),
      ...optionColumns.map((_, k) => {
        const option = item.options?.[k];
        return option ? optionCell(option) : '';
      }),
    ]),
  );
}

/** The test-level statistics as `statistic,value` lines. */
export function testCsv(test: TestStats): string {
  const entries: [string, number | null][] = [
    ['students', test.n],
    ['items', test.items],
    ['mean_percent', round(test.mean)],
    ['median_percent', round(test.median)],
    ['sd_percent', round(test.sd)],
    ['skewness', round(test.skewness)],
    ['kurtosis', round(test.kurtosis)],
    ['cic_percent', round(test.cic)],
    ['error_ratio_percent', round(test.errorRatio)],
    ['standard_error_percent', round(test.standardError)],
  ];
  return unparse(['statistic', 'value'], entries);
}
