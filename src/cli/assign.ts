/**
 * Command line: make an assignment link from the question bank. Prints the site path
 * `/assignment/#…` on stdout (one line, ready to append to the course URL) and a one-line summary
 * on stderr. See `usage` below. Exit 0 on success, 1 when the selection names something the bank
 * does not have, 2 for bad flags.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  REVIEW_POLICIES,
  assignmentPath,
  buildSpec,
  linkLengthWarning,
  type ReviewPolicy,
} from '../lib/assign/spec.ts';
import { loadBank } from './bank.ts';

const usage = `usage: npm run --silent assign -- [options]
  --lessons a,b          whole lessons (article ids)
  --questions q1,q2      explicit question ids
  --types single,truefalse   keep only these question types
  --count N              draw N questions per module at random (with the seed)
  --seed S               shuffle/draw seed (default: random; printed in the summary)
  --title T              title shown to students (default "Assignment")
  --attempts N           attempts allowed (default 1)
  --time-limit MIN       minutes per attempt
  --opens-at ISO         opening date-time, e.g. 2026-05-01T08:00:00Z
  --due ISO              due date-time, e.g. 2026-05-08T17:00:00Z
  --review immediate|after-due|never   when answers are shown (default after-due with --due, else immediate)
  --no-shuffle           keep the authored question and option order
With neither --lessons nor --questions, the whole bank is the pool.`;

function fail(message: string, code: number): never {
  process.stderr.write(`assign: ${message}\n`);
  if (code === 2) process.stderr.write(`${usage}\n`);
  process.exit(code);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      lessons: { type: 'string' },
      questions: { type: 'string' },
      types: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      title: { type: 'string' },
      attempts: { type: 'string' },
      'time-limit': { type: 'string' },
      'opens-at': { type: 'string' },
      due: { type: 'string' },
      review: { type: 'string' },
      'no-shuffle': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail((error as Error).message, 2);
}
if (values['help']) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const str = (name: string): string | undefined => values[name] as string | undefined;
const list = (name: string): string[] | undefined => {
  const raw = str(name);
  if (raw === undefined) return undefined;
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) fail(`--${name} needs a comma-separated list`, 2);
  return items;
};
const int = (name: string, min: number): number | undefined => {
  const raw = str(name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min)
    fail(`--${name} must be a whole number ≥ ${min}, not "${raw}"`, 2);
  return Number(raw);
};
const date = (name: string): string | undefined => {
  const raw = str(name);
  if (raw === undefined) return undefined;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ||
    Number.isNaN(Date.parse(raw))
  ) {
    fail(`--${name} must be an ISO date-time with a time zone, e.g. 2026-05-08T17:00:00Z, not "${raw}"`, 2);
  }
  return raw;
};
const review = str('review');
if (review !== undefined && !(REVIEW_POLICIES as readonly string[]).includes(review)) {
  fail(`--review must be one of ${REVIEW_POLICIES.join(', ')}, not "${review}"`, 2);
}

const options = {
  title: str('title') ?? 'Assignment',
  seed: str('seed') ?? randomBytes(6).toString('hex'),
  questions: list('questions'),
  lessons: list('lessons'),
  types: list('types'),
  count: int('count', 1),
  attempts: int('attempts', 1),
  timeLimit: int('time-limit', 1),
  opensAt: date('opens-at'),
  due: date('due'),
  review: review as ReviewPolicy | undefined,
  shuffleQuestions: !values['no-shuffle'],
  shuffleOptions: !values['no-shuffle'],
};

let bank: ReturnType<typeof loadBank>;
try {
  bank = loadBank();
} catch (error) {
  fail((error as Error).message, 1);
}

// exactOptionalPropertyTypes-safe: drop the options that were not given.
const given = Object.fromEntries(
  Object.entries(options).filter(([, v]) => v !== undefined),
) as typeof options;
const built = buildSpec(given as Parameters<typeof buildSpec>[0], bank);
if (!built.ok) fail(built.error, 1);

const path = assignmentPath(built.spec);
const lessons = new Set(
  built.spec.questions.map((id) => bank.questions.find((q) => q.question.id === id)?.question.lesson),
);
const warning = linkLengthWarning(path);
process.stdout.write(`${path}\n`);
process.stderr.write(
  `assign: ${built.spec.questions.length} questions from ${lessons.size} lesson(s), id ${built.spec.id}, seed "${built.spec.seed}", ` +
    `link ${path.length} characters${warning ? ` — WARNING: ${warning}` : ''}\n`,
);
