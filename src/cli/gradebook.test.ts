import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerKey, type Question } from '../questions/index.ts';
import { decodeSpec, encodeSpec, specFingerprint, withId, type AssignmentSpec } from '../lib/assign/spec.ts';
import { parseResult } from '../lib/gradebook/result.ts';
import {
  createSubmission,
  submissionToCode,
  submissionToJson,
  type Submission,
} from '../lib/submission/submission.ts';
import { loadBank } from './bank.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [`src/cli/${script}.ts`, ...args], { cwd: root, encoding: 'utf8' });
const csv = (file: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

const LESSONS = [
  'mali-jihadists-support-their-struggle-online',
  'cyber-caliphate-what-apps-are-the-islamic-state-using',
];
const DUE = '2026-05-08T17:00:00.000Z';

let dir: string;
let spec: AssignmentSpec;
let questions: Question[];
let alice: Submission;
let bob: Submission;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gradebook-'));
  // A real assignment, made by the assign CLI over two lessons.
  const made = node(
    'assign',
    '--lessons',
    LESSONS.join(','),
    '--seed',
    'grading',
    '--title',
    'Two lessons',
    '--due',
    DUE,
    '--attempts',
    '2',
  );
  expect(made.status).toBe(0);
  const decoded = decodeSpec(made.stdout.trim());
  if (!decoded.ok) throw new Error(decoded.error);
  spec = decoded.spec;

  const bank = loadBank(root);
  const byId = new Map(bank.questions.map((e) => [e.question.id, e]));
  questions = spec.questions.map((id) => byId.get(id)?.question as Question);
  const fingerprint = specFingerprint(
    spec,
    Object.fromEntries(bank.questions.map((e) => [e.question.id, e.hash])),
  );
  const at = (minutes: number) => new Date(Date.parse(DUE) + minutes * 60_000).toISOString();

  // Alice: every answer right, handed in 10 minutes late with no extension.
  alice = createSubmission({
    spec,
    fingerprint,
    student: { name: 'Alice Smith', id: 'a1' },
    attempts: [
      {
        startedAt: at(-50),
        submittedAt: at(10),
        responses: Object.fromEntries(questions.map((q) => [q.id, answerKey(q)])),
      },
    ],
  });
  // Bob: the first half right (second attempt), the rest blank; 20 minutes after the due date. His
  // file claims a 30-minute extension taken ten hours before he started, which the page never grants,
  // so it counts for nothing, even in the seal. His first attempt is empty, so the second one counts.
  const half = Math.ceil(questions.length / 2);
  bob = createSubmission({
    spec,
    fingerprint,
    student: { name: '=HYPERLINK("http://x.example","Bob")' },
    attempts: [
      { startedAt: at(-120), submittedAt: at(-100), responses: {} },
      {
        startedAt: at(-40),
        submittedAt: at(20),
        responses: Object.fromEntries(questions.slice(0, half).map((q) => [q.id, answerKey(q)])),
      },
    ],
    extensions: [{ at: at(-600), minutes: 30 }],
  });
  writeFileSync(join(dir, 'alice.json'), submissionToJson(alice));
  writeFileSync(join(dir, 'bob.txt'), `${submissionToCode(bob)}\n`);
  // Tampered: Alice's file with one answer changed by hand, checksum left as it was.
  const tampered = JSON.parse(submissionToJson(alice)) as Submission;
  (tampered.attempts[0] as Submission['attempts'][number]).responses[spec.questions[0] as string] = 'zzz';
  writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
  copyFileSync(
    fileURLToPath(new URL('../../tests/fixtures/submissions/malformed.json', import.meta.url)),
    join(dir, 'malformed.json'),
  );
  // A well-formed submission for a different assignment.
  const other = withId({ ...spec, title: 'Another week', seed: 'other' });
  writeFileSync(
    join(dir, 'carol.json'),
    submissionToJson(
      createSubmission({ spec: other, fingerprint, student: { name: 'Carol' }, attempts: alice.attempts }),
    ),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gradebook CLI', () => {
  it('grades the good files, names each bad one on stderr, writes both CSVs and exits 1', () => {
    const out = join(dir, 'out');
    const files = [
      'alice.json',
      'bob.txt',
      'tampered.json',
      'malformed.json',
      'carol.json',
      'missing.json',
    ].map((f) => join(dir, f));
    const result = node('gradebook', ...files, '--out', out);
    expect(result.status).toBe(1);
    const stderr = result.stderr.trim().split('\n');
    expect(stderr).toEqual([
      `${join(dir, 'tampered.json')}: the checksum does not match — the file was changed after it was submitted (or damaged in transit)`,
      expect.stringMatching(new RegExp(`^${join(dir, 'malformed.json')}: it is not valid JSON`)),
      expect.stringMatching(
        new RegExp(`^${join(dir, 'carol.json')}: it is for another assignment \\("Another week"`),
      ),
      `${join(dir, 'missing.json')}: cannot be read (no such file)`,
    ]);
    expect(result.stdout).toContain(
      `Assignment: "Two lessons" (${spec.id}), the one 2 of 3 readable files agree on`,
    );
    expect(result.stdout).toContain('Submissions: 2 graded, 4 refused, 0 flagged');

    const n = spec.questions.length;
    const half = Math.ceil(n / 2);
    const rows = csv(join(out, 'gradebook.csv'));
    expect(
      rows.map((r) => [
        r['name'],
        r['id'],
        r['late'],
        r['extension_minutes'],
        r['attempts'],
        r['counted_attempt'],
        r['counts'],
        r['rules_checked'],
      ]),
    ).toEqual([
      // Sorted by name: the neutralised formula sorts before "Alice" ("=" < "a"). Without --link
      // the files' own lateness and extra time are shown, marked as not checked.
      [`'=HYPERLINK("http://x.example","Bob")`, '', 'yes', '30', '2', '2', 'yes', 'no'],
      ['Alice Smith', 'a1', 'yes', '0', '1', '1', 'yes', 'no'],
    ]);
    expect(Number(rows[1]?.['score_percent'])).toBe(100);
    expect(Number(rows[0]?.['score_percent'])).toBeCloseTo(Math.round((half / n) * 10000) / 100, 2);
    expect(rows[0]?.['answered']).toBe(String(half));
    expect(rows[1]?.['minutes']).toBe('60');
    expect(rows[0]?.['minutes']).toBe('140');

    const items = csv(join(out, 'items.csv'));
    expect(items.map((i) => i['question'])).toEqual(spec.questions);
    items.forEach((item, j) => {
      expect(item['n']).toBe('2');
      expect(item['facility_percent']).toBe(j < half ? '100' : '50');
      expect(item['attempted']).toBe(j < half ? '2' : '1');
      const q = questions[j] as Question;
      if (q.type === 'single' || q.type === 'multiple') {
        // Every option is listed, chosen or not.
        const cells = Object.entries(item).filter(
          ([key, value]) => key.startsWith('option_') && value !== '',
        );
        expect(cells.map(([, value]) => value.split(' ')[0])).toEqual(q.options.map((o) => o.id));
      }
    });
  });

  it('attack: a file nested 5,000 deep is skipped and named, and the gradebook is written for everyone else', () => {
    const placeholder = createSubmission({
      spec,
      fingerprint: alice.assignment.fingerprint,
      student: { name: 'Deep' },
      attempts: [
        {
          ...(alice.attempts[0] as Submission['attempts'][number]),
          responses: { [spec.questions[0] as string]: 'DEEP' },
        },
      ],
    });
    const deep = submissionToJson(placeholder).replace('"DEEP"', `${'['.repeat(5_000)}1${']'.repeat(5_000)}`);
    writeFileSync(join(dir, 'deep.json'), deep);
    const out = join(dir, 'out-deep');
    const result = node(
      'gradebook',
      join(dir, 'alice.json'),
      join(dir, 'deep.json'),
      join(dir, 'bob.txt'),
      '--out',
      out,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`${join(dir, 'deep.json')}: it is nested more than \\d+ levels deep`),
    );
    expect(csv(join(out, 'gradebook.csv')).map((r) => r['id'])).toEqual(['', 'a1']);
  });

  it('with --link: times are checked against the link, and every file for the LMS and the students is written', () => {
    const out = join(dir, 'out-link');
    const link = `https://example.org/assignment/#${encodeSpec(spec)}`;
    const result = node(
      'gradebook',
      join(dir, 'alice.json'),
      join(dir, 'bob.txt'),
      '--link',
      link,
      '--out',
      out,
      '--site',
      'https://example.org/',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Assignment: "Two lessons" (${spec.id}), from --link`);
    // Bob's 30 minutes were claimed ten hours before he started, with no time limit: not counted.
    const rows = csv(join(out, 'gradebook.csv'));
    expect(rows.map((r) => [r['id'], r['late'], r['extension_minutes'], r['rules_checked']])).toEqual([
      ['', 'yes', '0', 'yes'],
      ['a1', 'yes', '0', 'yes'],
    ]);
    expect(rows[0]?.['flags']).toMatch(/extension: 1 extension of extra time falls outside every attempt/);
    expect(rows[0]?.['flags']).toMatch(
      /late: attempt 2 \(the one that counts\) was handed in 20 min after the due date/,
    );
    expect(result.stdout).toMatch(/Submissions: 2 graded, 0 refused, 2 flagged/);

    expect(csv(join(out, 'test.csv')).map((r) => r['statistic'])).toContain('cic_percent');
    const moodle = Papa.parse<string[]>(readFileSync(join(out, 'moodle-grades.csv'), 'utf8'), {
      skipEmptyLines: true,
    }).data;
    expect(moodle[0]).toEqual(['Full name', 'ID number', 'Email address', 'Two lessons', 'Feedback']);
    expect(moodle.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [`'=HYPERLINK("http://x.example","Bob")`, '', '', expect.any(String)],
      ['Alice Smith', 'a1', '', '100'],
    ]);
    const canvas = Papa.parse<string[]>(readFileSync(join(out, 'canvas-grades.csv'), 'utf8'), {
      skipEmptyLines: true,
    }).data;
    expect(canvas[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Two lessons']);
    expect(canvas[1]).toEqual(['Points Possible', '', '', '', '', '100']);
    expect(canvas[3]).toEqual(['Alice Smith', '', 'a1', '', '', '100']);

    const links = csv(join(out, 'results', 'links.csv'));
    expect(links.map((l) => l['id'])).toEqual(['', 'a1']);
    const aliceLink = links[1]?.['result_link'] ?? '';
    expect(aliceLink).toMatch(/^https:\/\/example\.org\/assignment\/result\/#EOCR1-/);
    const parsed = parseResult(aliceLink);
    expect(parsed.ok && parsed.result).toMatchObject({
      student: { name: 'Alice Smith', id: 'a1' },
      score: { percent: 100 },
    });
    const file = JSON.parse(
      readFileSync(join(out, 'results', `alice-smith-result-${spec.id}.json`), 'utf8'),
    ) as {
      answers: { key?: string }[];
    };
    expect(file.answers.every((a) => typeof a.key === 'string')).toBe(true);
  });

  it('without --out: writes into a folder in the current directory named after the assignment, and says where', () => {
    // `npm run` starts the tools in the project folder, which is also where they read content/.
    const result = node('gradebook', join(dir, 'alice.json'));
    expect(result.status).toBe(0);
    const folder = join(root, `gradebook-${spec.id}`);
    try {
      expect(result.stdout).toContain(
        `Wrote into ${folder}: gradebook.csv, items.csv, test.csv, moodle-grades.csv, canvas-grades.csv`,
      );
      expect(csv(join(folder, 'gradebook.csv'))).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('--marking applies the overrides and comments saved from the review page, and --late zero scores late work 0', () => {
    const out = join(dir, 'out-marking');
    const qid = spec.questions[0] as string;
    const marking = {
      kind: 'eoc-marking',
      v: 1,
      assignment: spec.id,
      chosen: [],
      latePolicy: 'flag',
      submissions: {
        [alice.checksum]: {
          comment: 'Well argued.',
          questions: { [qid]: { attempt: 1, score: 0, comment: 'Too vague.' } },
        },
      },
    };
    writeFileSync(join(dir, 'marking.json'), JSON.stringify(marking));
    const n = spec.questions.length;
    const link = `/assignment/#${encodeSpec(spec)}`;
    const marked = node(
      'gradebook',
      join(dir, 'alice.json'),
      '--link',
      link,
      '--marking',
      join(dir, 'marking.json'),
      '--out',
      out,
    );
    expect(marked.status).toBe(0);
    const [row] = csv(join(out, 'gradebook.csv'));
    expect(Number(row?.['points'])).toBe(n - 1);
    expect(row?.['overridden_questions']).toBe('1');
    expect(row?.['comment']).toBe('Well argued.');
    const moodle = Papa.parse<string[]>(readFileSync(join(out, 'moodle-grades.csv'), 'utf8'), {
      skipEmptyLines: true,
    }).data;
    expect(moodle[1]?.[4]).toBe('Well argued.');
    const result = JSON.parse(
      readFileSync(join(out, 'results', `alice-smith-result-${spec.id}.json`), 'utf8'),
    ) as {
      comment: string;
      answers: { comment?: string; score: number }[];
    };
    expect(result.comment).toBe('Well argued.');
    expect(result.answers[0]).toMatchObject({ score: 0, comment: 'Too vague.' });

    const zero = node('gradebook', join(dir, 'alice.json'), '--link', link, '--late', 'zero', '--out', out);
    expect(csv(join(out, 'gradebook.csv'))[0]?.['score_percent']).toBe('0');
    expect(zero.stdout).toMatch(/It scores 0 under your late policy/);
  });

  it('exits 0 when every file is good', () => {
    const out = join(dir, 'out-good');
    const result = node('gradebook', join(dir, 'alice.json'), join(dir, 'bob.txt'), '--out', out);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(csv(join(out, 'gradebook.csv'))).toHaveLength(2);
  });

  it.each([
    [['--out', 'x'], /no submission files given/],
    [['a.json', '--late', 'sometimes'], /--late must be one of accept, flag, zero/],
    [['a.json', '--site', 'example.org'], /--site must be the site's address/],
    [['a.json', '--out', 'x', '--verbose'], /Unknown option '--verbose'/],
  ])('bad arguments %j → usage and exit 2', (args, message) => {
    const result = node('gradebook', ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('usage: npm run --silent gradebook');
  });
});
