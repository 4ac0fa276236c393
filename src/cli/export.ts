/**
 * Command line: export the question bank to an LMS format.
 * `npm run --silent export -- --format qti12|qti21|moodle|gift|csv --out <path> [--date YYYY-MM-DD]`
 * writes one file (`.zip` for QTI, `.xml` for Moodle, `.gift`/`.txt` for GIFT, `.csv`) and prints
 * the export report — counts and everything the format could not represent exactly — on stderr,
 * so it is always visible and never mixed into a file. Questions go out in course order (modules,
 * then lessons no module lists), grouped by lesson, with article titles as lesson names.
 * Exit 0 on success, 1 when the bank is invalid or the file cannot be written, 2 for bad flags.
 * `--format scorm --assignment '<link>' [--out <file.zip>]` writes one assignment as a SCORM 1.2
 * package instead (see `scorm.ts`).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestPage } from '../lib/ingest/index.ts';
import { readSeed } from '../lib/ingest/read.ts';
import { EXPORT_FORMATS, exportBank, formatReport, type ExportFormat } from '../lib/export/index.ts';
import type { Question } from '../questions/index.ts';
import { lessonTitles, loadBank } from './bank.ts';
import { exportScorm } from './scorm.ts';

const usage = `usage: npm run --silent export -- --format ${EXPORT_FORMATS.join('|')} --out <path> [--date YYYY-MM-DD]
       npm run --silent export -- --format scorm --assignment '<link>' [--out <file.zip>] [--date YYYY-MM-DD]
  qti12  Canvas QTI 1.2 package (.zip)     qti21  QTI 2.1 package (.zip)
  moodle Moodle XML (.xml)                 gift   GIFT text (.gift or .txt)
  csv    one row per question (.csv)
  scorm  one assignment (its share link) as a SCORM 1.2 package (.zip; default name from its title)
The export report goes to stderr.`;

const EXTENSIONS: Record<ExportFormat, string[]> = {
  qti12: ['.zip'],
  qti21: ['.zip'],
  moodle: ['.xml'],
  gift: ['.gift', '.txt'],
  csv: ['.csv'],
};

function fail(message: string, code: number): never {
  process.stderr.write(`export: ${message}\n`);
  if (code === 2) process.stderr.write(`${usage}\n`);
  process.exit(code);
}

let values: {
  format?: string | undefined;
  out?: string | undefined;
  date?: string | undefined;
  assignment?: string | undefined;
  help?: boolean | undefined;
};
try {
  ({ values } = parseArgs({
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      assignment: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message, 2);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const format = values.format;
if (format === undefined) fail('--format is required', 2);
if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
  fail(`--date must look like 2025-09-01, got "${values.date}"`, 2);
}
if (format === 'scorm') {
  if (values.assignment === undefined || values.assignment.trim() === '') {
    fail("--format scorm needs --assignment '<link>' (the assignment's share link)", 2);
  }
  if (values.out !== undefined && !values.out.toLowerCase().endsWith('.zip')) {
    fail(`--out for scorm must end in .zip, got "${values.out}"`, 2);
  }
  const result = await exportScorm({
    link: values.assignment,
    out: values.out,
    date: values.date,
    root: process.cwd(),
  });
  if (result.code !== 0) fail(result.message, result.code);
  process.stderr.write(`${result.message}\n`);
  process.exit(0);
}
if (values.assignment !== undefined) fail('--assignment goes with --format scorm only', 2);
if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
  fail(`unknown --format "${format}" (use ${EXPORT_FORMATS.join(', ')}, scorm)`, 2);
}
const chosen = format as ExportFormat;
const out = values.out;
if (out === undefined || out === '') fail('--out <path> is required', 2);
if (!EXTENSIONS[chosen].some((ext) => out.toLowerCase().endsWith(ext))) {
  fail(`--out for ${chosen} must end in ${EXTENSIONS[chosen].join(' or ')}, got "${out}"`, 2);
}

const root = process.cwd();
let bank: ReturnType<typeof loadBank>;
try {
  bank = loadBank(root);
} catch (error) {
  fail((error as Error).message, 1);
}

/** Article titles by id, from the same seed pages the site is built from. */
function articleTitles(): Record<string, string> {
  const titles: Record<string, string> = {};
  const folder = join(root, 'seeds');
  for (const name of readdirSync(folder)
    .filter((n) => !n.startsWith('.'))
    .sort()) {
    const seed = readSeed(join(folder, name));
    if (!seed.ok) continue; // loadBank has already rejected unreadable seeds.
    for (const article of ingestPage(seed.text, name)) titles[article.id] = article.title;
  }
  return titles;
}

// Course order: lessons as the modules list them, then any other lesson in bank order.
const lessonRank = new Map<string, number>();
for (const lesson of bank.modules.flatMap((m) => m.lessons))
  if (!lessonRank.has(lesson)) lessonRank.set(lesson, lessonRank.size);
const questions: Question[] = bank.questions
  .map((entry, index) => ({ q: entry.question, index }))
  .sort(
    (a, b) =>
      (lessonRank.get(a.q.lesson) ?? Infinity) - (lessonRank.get(b.q.lesson) ?? Infinity) ||
      a.index - b.index,
  )
  .map((entry) => entry.q);

let result: ReturnType<typeof exportBank>;
try {
  result = exportBank(questions, chosen, {
    // The lesson's own title (as the site and its export page name it), else the article's: one
    // Moodle category per lesson, named the same whichever way the bank was exported.
    lessonTitles: { ...articleTitles(), ...lessonTitles(root) },
    ...(values.date ? { date: values.date } : {}),
  });
} catch (error) {
  fail((error as Error).message, 1);
}
const file = result.files[0];
if (!file || result.files.length !== 1)
  fail(`expected one output file, the exporter gave ${result.files.length}`, 1);
try {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file.content);
} catch (error) {
  fail(`cannot write ${out}: ${(error as Error).message}`, 1);
}
process.stderr.write(`${formatReport(result.report)}Wrote ${out}\n`);
