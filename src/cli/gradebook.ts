/**
 * Command line: grade a folder of student submissions against the current question bank.
 * `npm run --silent gradebook -- <submission files…> --out <dir>` writes <dir>/gradebook.csv (one
 * row per submission) and <dir>/items.csv (item analysis, Moodle's definitions), and prints the
 * test statistics on stdout. Every file is regraded from its raw responses; a bad file (unreadable,
 * malformed, edited after submission, another assignment, newer format) is reported on stderr as
 * `<file>: <problem>` and left out. Exit 0 when every file was good, 1 when any was bad (after
 * writing the good results) or the bank is invalid, 2 for bad arguments.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Question } from '../questions/index.ts';
import { gradebookCsv, itemsCsv } from '../lib/stats/csv.ts';
import { gradeSubmissions } from '../lib/stats/gradebook.ts';
import { itemAnalysis } from '../lib/stats/items.ts';
import { parseSubmission, type Submission } from '../lib/submission/submission.ts';
import { loadBank } from './bank.ts';

const usage = 'usage: npm run --silent gradebook -- <submission.json|code.txt>… --out <dir>';
const MAX_BYTES = 1_000_000;

function fail(message: string, code: number): never {
  process.stderr.write(`gradebook: ${message}\n`);
  if (code === 2) process.stderr.write(`${usage}\n`);
  process.exit(code);
}

let values: { out?: string | undefined; help?: boolean | undefined };
let files: string[];
try {
  ({ values, positionals: files } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (error) {
  fail((error as Error).message, 2);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (files.length === 0) fail('no submission files given', 2);
if (!values.out) fail('--out <dir> is required', 2);
const outDir = values.out;

let bank: ReturnType<typeof loadBank>;
try {
  bank = loadBank();
} catch (error) {
  fail((error as Error).message, 1);
}
const questionsById = new Map<string, Question>(
  bank.questions.map((entry) => [entry.question.id, entry.question]),
);

const problems: string[] = [];
const good: Submission[] = [];
let expected: { id: string; fingerprint: string; title: string } | null = null;
for (const file of files) {
  let text: string;
  try {
    // Check the size first so a huge file is never read into memory.
    const size = statSync(file).size;
    if (size > MAX_BYTES) {
      problems.push(
        `${file}: it is ${size.toLocaleString('en')} bytes; a submission is at most ${MAX_BYTES.toLocaleString('en')}`,
      );
      continue;
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(
      `${file}: cannot be read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'error')})`,
    );
    continue;
  }
  // The first good submission fixes the assignment; the rest must match its id and fingerprint.
  const result = parseSubmission(text, { source: file, maxBytes: MAX_BYTES, expect: expected ?? undefined });
  if (!result.ok) {
    problems.push(result.message);
    continue;
  }
  expected ??= { ...result.submission.assignment };
  good.push(result.submission);
}

const graded = gradeSubmissions(good, questionsById);
for (const id of graded.missing) {
  process.stderr.write(
    `gradebook: question "${id}" is no longer in the bank; it is left out of every score\n`,
  );
}
const analysis = itemAnalysis(graded.matrix);

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'gradebook.csv'), gradebookCsv(graded.rows));
writeFileSync(join(outDir, 'items.csv'), itemsCsv(analysis.items));

const f = (value: number | null, unit = ''): string => (value === null ? '–' : `${value.toFixed(1)}${unit}`);
const t = analysis.test;
const superseded = graded.rows.filter((r) => r.superseded).length;
process.stdout.write(
  [
    `Assignment: ${expected ? `"${expected.title}" (${expected.id})` : 'none (no good submission)'}`,
    `Submissions: ${good.length} graded${superseded ? ` (${superseded} superseded by a later one)` : ''}, ${problems.length} refused`,
    `Students ${t.n} · items ${t.items} · mean ${f(t.mean, '%')} · median ${f(t.median, '%')} · SD ${f(t.sd, '%')}`,
    `Skewness ${f(t.skewness)} · kurtosis ${f(t.kurtosis)} · CIC ${f(t.cic, '%')} · ER ${f(t.errorRatio, '%')} · SE ${f(t.standardError, '%')}`,
    `Wrote ${join(outDir, 'gradebook.csv')} and ${join(outDir, 'items.csv')}`,
  ].join('\n') + '\n',
);
for (const problem of problems) process.stderr.write(`${problem}\n`);
process.exit(problems.length > 0 ? 1 : 0);
