import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvFile, resultFile, resultUrl, resultsZip } from './files.ts';
import type { StudentResult } from './result.ts';

const result = (name: string, points: number): StudentResult => ({
  kind: 'eoc-result',
  v: 1,
  assignment: { id: 'a1b2c3', title: 'Week 1' },
  student: { name },
  attempt: { number: 1, of: 1, submittedAt: '2026-03-02T10:00:00Z' },
  score: { points, max: 2, percent: points * 50 },
  late: false,
  answers: [],
  check: 'x',
});

describe('the files the review page saves', () => {
  it('a CSV starts with a byte-order mark, so a spreadsheet reads "José" as UTF-8', () => {
    const file = csvFile('gradebook.csv', 'name\r\nJosé\r\n');
    expect(file).toEqual({
      name: 'gradebook.csv',
      type: 'text/csv;charset=utf-8',
      content: '\uFEFFname\r\nJosé\r\n',
    });
  });

  it('zips every result, two students of the same name in two files', () => {
    const zip = resultsZip([result('Ana Lopez', 1), result('Ana Lopez', 2), result('Ben', 0)], 'a1b2c3');
    expect(zip).toMatchObject({ name: 'results-a1b2c3.zip', type: 'application/zip' });
    const entries = unzipSync(zip.content as Uint8Array);
    expect(Object.keys(entries)).toEqual([
      'ana-lopez-result-a1b2c3.json',
      'ana-lopez-result-a1b2c3-2.json',
      'ben-result-a1b2c3.json',
    ]);
    expect(JSON.parse(strFromU8(entries['ana-lopez-result-a1b2c3-2.json']!))).toMatchObject({
      score: { points: 2 },
    });
    expect(resultFile(result('Ben', 0)).name).toBe('ben-result-a1b2c3.json');
  });

  it.each(['https://example.org/course', 'https://example.org/course/'])(
    'a result link on the site at %s',
    (site) => {
      expect(resultUrl(site, result('Ben', 0))).toMatch(
        /^https:\/\/example\.org\/course\/assignment\/result\/#EOCR1-[\w-]+$/,
      );
    },
  );
});
