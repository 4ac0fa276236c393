/**
 * Command line: grade a folder of student submissions against the question bank in content/.
 *
 *   npm run --silent gradebook -- <submission files…> [--link <assignment link>] [--out <dir>]
 *     [--late accept|flag|zero] [--marking <marking.json>] [--site <https://…>] [--no-key]
 *
 * Every file is regraded from its raw responses. With `--link` (the link you shared) the question
 * list, the attempts allowed, the time limit and the due date come from it and are checked against
 * every file's timestamps; without it the list most files agree on is used and the times are not
 * checked. A bad file (unreadable, too big, nested too deep, malformed, edited after submission,
 * another assignment or question list, newer format) is named on stderr as `<file>: <reason>` and
 * left out; everyone else is still graded and written. `--marking` reads the overrides, comments,
 * choices and late policy saved from the review page.
 *
 * Writes into `--out`, or into `./gradebook-<assignment id>/` (and says where):
 * gradebook.csv (every file, flags in words), items.csv and test.csv (Moodle's item and test
 * statistics), moodle-grades.csv and canvas-grades.csv (for the LMS grade imports),
 * results/<student>-result-<id>.json (one graded attempt per student) and results/links.csv (each
 * student's result link; full URLs with `--site`). Exit 0 when every file was good, 1 when any was
 * bad (after writing the rest) or the bank or link is invalid, 2 for bad arguments.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Question } from '../questions/index.ts';
import { decodeSpec, specFingerprint, type AssignmentSpec } from '../lib/assign/spec.ts';
import { attemptDetail } from '../lib/gradebook/attempt.ts';
import { canvasGradesCsv, gradebookCsv, moodleGradesCsv } from '../lib/gradebook/csv.ts';
import { gradeSubmissions } from '../lib/gradebook/grade.ts';
import { sortOutInputs, type ReadInput } from '../lib/gradebook/import.ts';
import { emptyMarking, parseMarking, withLatePolicy, type Marking } from '../lib/gradebook/marking.ts';
import {
  RESULT_PATH,
  buildResult,
  resultFileNames,
  resultToCode,
  resultToJson,
} from '../lib/gradebook/result.ts';
import { LATE_POLICIES, type LatePolicy } from '../lib/gradebook/rules.ts';
import { itemsCsv, testCsv, unparse } from '../lib/stats/csv.ts';
import { itemAnalysis } from '../lib/stats/items.ts';
import { parseSubmission } from '../lib/submission/submission.ts';
import { loadBank } from './bank.ts';
import { readAssessmentPool } from '../loaders/pool.ts';
import { withFullResponses } from '../lib/secret/grading.ts';

const usage =
  'usage: npm run --silent gradebook -- <submission.json|code.txt>… [--link <assignment link>] [--out <dir>]\n' +
  '       [--late accept|flag|zero] [--marking <marking.json>] [--site <https://your.site>] [--no-key]';
const MAX_BYTES = 1_000_000;

function fail(message: string, code: number): never {
  process.stderr.write(`gradebook: ${message}\n`);
  if (code === 2) process.stderr.write(`${usage}\n`);
  process.exit(code);
}

type Values = {
  out?: string | undefined;
  link?: string | undefined;
  late?: string | undefined;
  marking?: string | undefined;
  site?: string | undefined;
  'no-key'?: boolean | undefined;
  help?: boolean | undefined;
};
let values: Values;
let files: string[];
try {
  ({ values, positionals: files } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      link: { type: 'string' },
      late: { type: 'string' },
      marking: { type: 'string' },
      site: { type: 'string' },
      'no-key': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail((error as Error).message, 2);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (files.length === 0) fail('no submission files given', 2);
if (values.late !== undefined && !(LATE_POLICIES as readonly string[]).includes(values.late)) {
  fail(`--late must be one of ${LATE_POLICIES.join(', ')}, not "${values.late}"`, 2);
}
if (values.site !== undefined && !/^https?:\/\/\S+$/.test(values.site)) {
  fail(`--site must be the site's address, like https://example.org/course, not "${values.site}"`, 2);
}

let bank: ReturnType<typeof loadBank>;
try {
  bank = loadBank();
} catch (error) {
  fail((error as Error).message, 1);
}
// The final assessment's pool is read straight from content/ (its keys are never in the public site).
const pool = readAssessmentPool(process.cwd());
if (pool.errors.length > 0) fail(pool.errors.join('\n'), 1);
const questionsById = new Map<string, Question>(
  [...bank.questions, ...pool.items].map((entry) => [entry.question.id, entry.question]),
);

let spec: AssignmentSpec | null = null;
if (values.link !== undefined) {
  const decoded = decodeSpec(values.link);
  if (!decoded.ok) fail(`--link: ${decoded.error}`, 1);
  spec = decoded.spec;
}
const expect = spec
  ? {
      id: spec.id,
      title: spec.title,
      questions: spec.questions,
      fingerprint: specFingerprint(
        spec,
        Object.fromEntries([...bank.questions, ...pool.items].map((e) => [e.question.id, e.hash])),
      ),
    }
  : undefined;

/** Read one file on its own: a file that cannot be read is that file's problem, never the class's. */
function readOne(file: string): ReadInput {
  const problem = (message: string): ReadInput => ({
    source: file,
    result: { ok: false, problem: 'malformed', message: `${file}: ${message}` },
  });
  try {
    // Check the size first so a huge file is never read into memory.
    const size = statSync(file).size;
    if (size > MAX_BYTES) {
      return {
        source: file,
        result: {
          ok: false,
          problem: 'oversized',
          message: `${file}: it is ${size.toLocaleString('en')} bytes; a submission is at most ${MAX_BYTES.toLocaleString('en')}`,
        },
      };
    }
    return {
      source: file,
      result: parseSubmission(readFileSync(file, 'utf8'), { source: file, maxBytes: MAX_BYTES }),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem(
      `cannot be read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'error')})`,
    );
  }
}

const imported = sortOutInputs(files.map(readOne), expect);
const assignment = imported.assignment;

let marking: Marking = emptyMarking(assignment?.id ?? '');
if (values.marking !== undefined) {
  try {
    marking = parseMarking(JSON.parse(readFileSync(values.marking, 'utf8')) as unknown, assignment?.id ?? '');
  } catch (error) {
    fail(`--marking ${values.marking}: ${(error as Error).message}`, 1);
  }
}
if (values.late !== undefined) marking = withLatePolicy(marking, values.late as LatePolicy);

// Answers from a keyless page (public ids) are graded as answers to the full questions.
const submissions = imported.submissions.map((s) => withFullResponses(s.submission, questionsById));
const renames = new Map(bank.questions.map((entry) => [entry.question.id, entry.renamed]));
const graded = gradeSubmissions(submissions, questionsById, {
  spec,
  marking,
  now: Date.now(),
  renamed: (id) => renames.get(id),
});
for (const id of graded.missing) {
  process.stderr.write(
    `gradebook: question "${id}" is no longer in the bank; it is left out of every score\n`,
  );
}
const analysis = itemAnalysis(graded.matrix);
const title = assignment?.title ?? 'Assignment';

const outDir = resolve(values.out ?? `gradebook-${assignment?.id ?? 'empty'}`);
const written: string[] = [];
function write(name: string, text: string): void {
  const path = join(outDir, name);
  writeFileSync(path, text);
  written.push(name);
}
try {
  mkdirSync(join(outDir, 'results'), { recursive: true });
  write('gradebook.csv', gradebookCsv(graded.rows));
  write('items.csv', itemsCsv(analysis.items));
  write('test.csv', testCsv(analysis.test));
  write('moodle-grades.csv', moodleGradesCsv(graded.rows, title));
  write('canvas-grades.csv', canvasGradesCsv(graded.rows, title));
  const includeKey = !values['no-key'];
  const site = values.site?.replace(/\/$/, '') ?? '';
  const results = graded.rows.flatMap((row) => {
    const sub = submissions[row.index];
    const detail =
      row.superseded || !sub
        ? undefined
        : attemptDetail(sub, graded.matrix.questions, row.countedAttempt, { spec, marking });
    return detail
      ? [{ row, result: buildResult(row, detail, { id: assignment?.id ?? '', title }, includeKey) }]
      : [];
  });
  const names = resultFileNames(results.map((r) => r.result));
  results.forEach(({ result }, i) => write(join('results', names[i] as string), resultToJson(result)));
  const links = results.map(({ row, result }) => [
    row.name,
    row.id ?? '',
    `${site}${RESULT_PATH}#${resultToCode(result)}`,
  ]);
  write(join('results', 'links.csv'), unparse(['name', 'id', 'result_link'], links));
} catch (error) {
  fail(`cannot write into ${outDir}: ${(error as Error).message}`, 1);
}

const f = (value: number | null, unit = ''): string => (value === null ? '–' : `${value.toFixed(1)}${unit}`);
const t = analysis.test;
const notCounted = graded.rows.filter((r) => r.superseded).length;
const flagged = graded.rows.filter((r) => r.flags.length > 0);
const from = !assignment
  ? 'none (no good submission)'
  : `"${title}" (${assignment.id}), ${assignment.from === 'link' ? 'from --link' : `the one ${assignment.agreeing} of ${assignment.readable} readable files agree on — pass --link to be sure, and to check times, attempts and lateness`}`;
process.stdout.write(
  [
    `Assignment: ${from}`,
    `Submissions: ${submissions.length} graded${notCounted ? ` (${notCounted} not counted: another file of the same student counts)` : ''}, ${imported.problems.length} refused, ${flagged.length} flagged`,
    ...flagged.flatMap((r) => r.flags.map((flag) => `  ${r.name}: ${flag.kind}: ${flag.message}`)),
    `Students ${t.n} · items ${t.items} · mean ${f(t.mean, '%')} · median ${f(t.median, '%')} · SD ${f(t.sd, '%')}`,
    `Skewness ${f(t.skewness)} · kurtosis ${f(t.kurtosis)} · CIC ${f(t.cic, '%')} · ER ${f(t.errorRatio, '%')} · SE ${f(t.standardError, '%')}`,
    `Times come from the students' own clocks: a flag is a reason to look, and no flag proves nothing.`,
    `Wrote into ${outDir}: ${written.filter((w) => !w.startsWith('results')).join(', ')}, and ${written.filter((w) => w.startsWith('results')).length - 1} result files with results/links.csv`,
  ].join('\n') + '\n',
);
for (const problem of imported.problems) process.stderr.write(`${problem.message}\n`);
process.exit(imported.problems.length > 0 ? 1 : 0);
