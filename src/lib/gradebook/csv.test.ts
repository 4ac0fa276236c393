import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GradebookRow } from './grade.ts';
import {
  CANVAS_COLUMNS,
  GRADEBOOK_COLUMNS,
  MOODLE_COLUMNS,
  canvasGradesCsv,
  gradebookCsv,
  moodleGradesCsv,
} from './csv.ts';

const row = (name: string, id: string | null, extra: Partial<GradebookRow> = {}): GradebookRow => ({
  name,
  id,
  score: 66.66666,
  points: 2,
  maxPoints: 3,
  answered: 3,
  minutes: 12.345,
  late: true,
  rulesChecked: true,
  extensionMinutes: 10,
  attempts: 2,
  countedAttempt: 2,
  superseded: false,
  submittedAt: '2026-05-08T16:50:00.000Z',
  checksum: 'aaaaaaaaaaaaaa',
  flags: [],
  notes: [],
  overridden: 0,
  comment: '',
  index: 0,
  ...extra,
});
const parse = (csv: string): string[][] => Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;

describe('gradebookCsv', () => {
  it('writes every file, with what the page shows: flags in words, overrides and the comment', () => {
    const [header, line, other] = parse(
      gradebookCsv([
        row('Ann Lee', 's1', {
          flags: [{ kind: 'late', message: 'handed in 20 min after the due date.' }],
          notes: ['Holds the attempts of 1 earlier file too.'],
          overridden: 1,
          comment: 'Good.',
        }),
        row('Ann Lee', 's1', { superseded: true, checksum: 'bbbbbbbbbbbbbb' }),
      ]),
    );
    expect(header).toEqual(GRADEBOOK_COLUMNS);
    expect(line).toEqual([
      'Ann Lee',
      's1',
      '66.67',
      '2',
      '3',
      '3',
      '12.35',
      'yes',
      'yes',
      '10',
      '2',
      '2',
      'yes',
      '1',
      'late: handed in 20 min after the due date. | Holds the attempts of 1 earlier file too.',
      'Good.',
      '2026-05-08T16:50:00.000Z',
      'aaaaaaaaaaaaaa',
    ]);
    expect(other?.[12]).toBe('no');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['  =1+1', "'  =1+1"],
    ['=1\nsecond line', "'=1\nsecond line"],
    ['\tTab', "'\tTab"],
    ['Anne-Marie', 'Anne-Marie'],
    ['O"Brien, Pat', 'O"Brien, Pat'],
  ])('neutralises %j against CSV injection in every CSV, and still round-trips', (name, expected) => {
    expect(parse(gradebookCsv([row(name, name)]))[1]?.slice(0, 2)).toEqual([expected, expected]);
    expect(parse(moodleGradesCsv([row(name, null, { comment: name })], 'Week 1'))[1]).toEqual([
      expected,
      '',
      '',
      '66.67',
      expected,
    ]);
    expect(parse(canvasGradesCsv([row(name, name)], 'Week 1'))[2]?.[0]).toBe(expected);
  });
});

describe('grade CSVs for the LMS', () => {
  const rows = [
    row('Ana Lopez', 'S1', { score: 92.5, comment: 'Well argued.' }),
    row('Ben Ode', 'ben@example.org', { score: 40 }),
    row('Cy (no id)', null, { score: 70 }),
    row('Ana Lopez', 'S1', { score: 0, superseded: true }),
  ];

  it('Moodle: a user column to map (ID number or Email address), the grade out of 100 and its feedback; counted files only', () => {
    expect(parse(moodleGradesCsv(rows, 'Week 1 check'))).toEqual([
      MOODLE_COLUMNS('Week 1 check'),
      ['Ana Lopez', 'S1', '', '92.5', 'Well argued.'],
      ['Ben Ode', '', 'ben@example.org', '40', ''],
      ['Cy (no id)', '', '', '70', ''],
    ]);
    expect(MOODLE_COLUMNS('x')).toEqual(['Full name', 'ID number', 'Email address', 'x', 'Feedback']);
  });

  it("Canvas: the export's student columns, a Points Possible row, then one line per counted file", () => {
    const lines = canvasGradesCsv(rows, 'Week 1 check').split('\r\n');
    expect(lines[0]).toBe('Student,ID,SIS User ID,SIS Login ID,Section,Week 1 check');
    expect(CANVAS_COLUMNS('Week 1 check')).toEqual(lines[0]?.split(','));
    // Canvas's importer recognises this row by `row[0] =~ /Points Possible/`.
    expect(lines[1]).toBe('Points Possible,,,,,100');
    expect(parse(canvasGradesCsv(rows, 'Week 1 check')).slice(2)).toEqual([
      ['Ana Lopez', '', 'S1', '', '', '92.5'],
      ['Ben Ode', '', '', 'ben@example.org', '', '40'],
      ['Cy (no id)', '', '', '', '', '70'],
    ]);
  });
});
