import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ITEM_COLUMNS, itemsCsv, testCsv } from './csv.ts';
import type { ItemStats, TestStats } from './items.ts';

const parse = (csv: string): string[][] => Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;

describe('itemsCsv / testCsv', () => {
  const item: ItemStats = {
    id: 'q1',
    type: 'single',
    prompt: '=cmd|"/c calc"!A0',
    n: 10,
    attempted: 8,
    facility: 62.5,
    sd: 48.4123,
    discrimination: -12.3456,
    efficiency: null,
    options: [
      { id: 'a', text: 'Telegram', correct: true, count: 5, percent: 62.5 },
      { id: 'b', text: 'Signal', correct: false, count: 0, percent: 0 },
    ],
  };

  it('keeps negative statistics as numbers, nulls empty, and lists every option', () => {
    const [header, line] = parse(itemsCsv([item]));
    expect(header).toEqual([...ITEM_COLUMNS, 'option_1', 'option_2']);
    expect(line).toEqual([
      'q1',
      'single',
      `'=cmd|"/c calc"!A0`,
      '10',
      '8',
      '62.5',
      '48.41',
      '-12.35',
      '',
      'a ✓ Telegram: 5 (62.5%)',
      'b Signal: 0 (0%)',
    ]);
  });

  it('pads items with fewer options (or none) with empty cells', () => {
    const plain: ItemStats = { ...item, id: 'q2', type: 'numeric', prompt: 'How many?', options: null };
    const [header, first, second] = parse(itemsCsv([plain, item]));
    expect(header).toHaveLength(ITEM_COLUMNS.length + 2);
    expect(first?.slice(-2)).toEqual(['', '']);
    expect(second?.slice(-2)).toEqual(['a ✓ Telegram: 5 (62.5%)', 'b Signal: 0 (0%)']);
  });

  it('writes the test statistics as name,value lines', () => {
    const test: TestStats = {
      n: 4,
      items: 3,
      mean: 50,
      median: 50,
      sd: 43.0331,
      skewness: 0,
      kurtosis: -1.2,
      cic: 75,
      errorRatio: 50,
      standardError: null,
    };
    const lines = parse(testCsv(test));
    expect(lines[0]).toEqual(['statistic', 'value']);
    expect(lines).toContainEqual(['sd_percent', '43.03']);
    expect(lines).toContainEqual(['standard_error_percent', '']);
  });
});
