/**
 * Pure: no DOM, no framework.
 *
 * A student's submission: what leaves the student's browser and reaches the teacher, as a JSON file
 * or as a pasteable code (`EOC1-…`, the same JSON packed like assignment links). It carries the RAW
 * responses of every attempt, never a score: the gradebook regrades everything against the bank.
 *
 * About `checksum`: it is `contentHash` (cyrb53, 53 bits) of every other field. It catches
 * accidental corruption (a truncated download, a mangled paste) and casual edits (someone changing
 * a date or an answer in a text editor). It does NOT stop a determined forger: the algorithm ships
 * in the page, and with no server there is nowhere to keep a secret key. Treat it as a seal that
 * shows tampering by non-programmers, not as a signature.
 *
 * `parseSubmission` is total: any text (file or code) gives a submission or one of the problems
 * below, with a message that names the source and says what is wrong. Size and nesting are limited
 * (`limits.ts`) before the file is validated or hashed, and hashing does not recurse, so no file can
 * overflow the stack of the page or the command line that reads it.
 *
 * What needs no zod (sealing, the file and the code) lives in `core.ts` and is re-exported here.
 */
import '../zod-jitless.ts';
import { readJson } from '../read-json.ts';
import { z } from 'astro/zod';
import { unpackJson } from '../assign/pack.ts';
import { CODE_PREFIX, SUBMISSION_KIND, SUBMISSION_VERSION, submissionChecksum } from './core.ts';
import { MAX_DEPTH, shapeProblem } from './limits.ts';

export {
  CODE_PREFIX,
  SUBMISSION_KIND,
  SUBMISSION_VERSION,
  createSubmission,
  submissionChecksum,
  submissionFileName,
  submissionToCode,
  submissionToJson,
  type CreateSubmissionInput,
} from './core.ts';

const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'Use an ISO date-time, e.g. 2026-05-01T17:00:00Z',
});
const hex14 = z.string().regex(/^[0-9a-f]{14}$/, 'Must be 14 hexadecimal characters');

export const attemptSchema = z.strictObject({
  /** When the student opened this attempt. */
  startedAt: isoDateTime,
  /** When the student handed this attempt in. */
  submittedAt: isoDateTime,
  /** Raw response per question id, exactly as the question widget produced it (may be malformed). */
  responses: z.record(z.string(), z.unknown()),
});

export const submissionSchema = z
  .strictObject({
    /** Always `eoc-submission`: tells a submission from any other JSON file. */
    kind: z.literal(SUBMISSION_KIND),
    /** Format version. */
    v: z.literal(SUBMISSION_VERSION),
    assignment: z.strictObject({
      /** The spec's id. */
      id: hex14,
      /** `specFingerprint` of the spec and the question hashes the student saw. */
      fingerprint: hex14,
      /** The spec's title, for messages. */
      title: z.string().max(200),
      /** The spec's question ids: the items every student is scored on (an unanswered one scores 0). */
      questions: z.array(z.string()).min(1).max(500),
    }),
    student: z.strictObject({
      /** As the student typed it. */
      name: z.string().regex(/\S/, 'The student name must not be blank').max(200),
      /** Optional student number or email, as typed. */
      id: z.string().max(200).optional(),
    }),
    /** Start of the first attempt. */
    startedAt: isoDateTime,
    /** End of the last attempt. */
    submittedAt: isoDateTime,
    /** Submitted after the due date plus all extensions. */
    late: z.boolean(),
    /** Extra time granted, e.g. by a teacher's extension code. */
    extensions: z
      .array(z.strictObject({ at: isoDateTime, minutes: z.number().int().min(1).max(525_600) }))
      .max(100),
    /** Every attempt, oldest first. */
    attempts: z.array(attemptSchema).min(1).max(100),
    /** `submissionChecksum` of everything else (see the module comment for what it does and does not prove). */
    checksum: hex14,
  })
  .superRefine((sub, ctx) => {
    const before = (a: string, b: string): boolean => Date.parse(a) <= Date.parse(b);
    if (!before(sub.startedAt, sub.submittedAt)) {
      ctx.addIssue({ code: 'custom', path: ['submittedAt'], message: 'is before startedAt' });
    }
    const questions = new Set(sub.assignment.questions);
    sub.attempts.forEach((attempt, index) => {
      if (!before(attempt.startedAt, attempt.submittedAt)) {
        ctx.addIssue({
          code: 'custom',
          path: ['attempts', index, 'submittedAt'],
          message: 'is before startedAt',
        });
      }
      for (const qid of Object.keys(attempt.responses)) {
        if (!questions.has(qid)) {
          ctx.addIssue({
            code: 'custom',
            path: ['attempts', index, 'responses', qid],
            message: 'is not a question of this assignment',
          });
        }
      }
    });
  });

export type Submission = z.output<typeof submissionSchema>;
export type SubmissionAttempt = z.output<typeof attemptSchema>;
export type Extension = Submission['extensions'][number];

/**
 * Why a submission was refused.
 * - `malformed`: not a submission, or a field is missing/wrong (the message names it);
 * - `oversized`: over `maxBytes` (as text, or once unpacked), or holding too many values;
 * - `too-deep`: nested deeper than any submission is (see `limits.ts`);
 * - `other-assignment`: for a different assignment, or a different version of its questions;
 * - `question-list`: the assignment's id, but another list of questions (so the file was edited);
 * - `checksum`: changed after it was submitted (or damaged);
 * - `version`: written by a newer (or unknown) version of the course.
 */
export type SubmissionProblem =
  'malformed' | 'oversized' | 'too-deep' | 'other-assignment' | 'question-list' | 'checksum' | 'version';

export type ParseSubmissionResult =
  { ok: true; submission: Submission } | { ok: false; problem: SubmissionProblem; message: string };

/** The assignment a submission must answer: its id, and optionally its fingerprint and question list. */
export interface ExpectedAssignment {
  id: string;
  fingerprint?: string | undefined;
  questions?: readonly string[] | undefined;
}

export interface ParseSubmissionOptions {
  /** Refuse a submission for any other assignment id, fingerprint or question list. */
  expect?: ExpectedAssignment | undefined;
  /** Largest accepted text, and largest unpacked code, in characters/bytes. */
  maxBytes?: number;
  /** File name (or "pasted code") that prefixes every message. */
  source?: string;
}

function pathLabel(path: readonly PropertyKey[]): string {
  return (
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('') ||
    '(top level)'
  );
}

/** The JSON file text or an `EOC1-` code → a checked submission. Never throws. */
export function parseSubmission(
  textOrCode: string,
  options: ParseSubmissionOptions = {},
): ParseSubmissionResult {
  try {
    return parseChecked(textOrCode, options);
  } catch (error) {
    // Nothing below should throw; if something does, this file is refused, never the whole class.
    return {
      ok: false,
      problem: 'malformed',
      message: `${options.source ?? 'this submission'}: it could not be read (${error instanceof Error ? error.message : 'unknown error'})`,
    };
  }
}

function parseChecked(textOrCode: string, options: ParseSubmissionOptions): ParseSubmissionResult {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const where = options.source ?? 'this submission';
  const fail = (problem: SubmissionProblem, message: string): ParseSubmissionResult => ({
    ok: false,
    problem,
    message: `${where}: ${message}`,
  });
  if (typeof textOrCode !== 'string') return fail('malformed', 'there is no text to read');
  // String length ≤ UTF-8 byte length, so this refuses before doing any work on a huge input.
  if (textOrCode.length > maxBytes) {
    return fail(
      'oversized',
      `it is ${textOrCode.length.toLocaleString('en')} characters long; a submission is at most ${maxBytes.toLocaleString('en')}`,
    );
  }
  const text = textOrCode.replace(/^\uFEFF/, '').trim();
  if (text === '') return fail('malformed', 'it is empty');

  let value: unknown;
  if (/^EOC\d+-/i.test(text)) {
    if (!text.toUpperCase().startsWith(CODE_PREFIX)) {
      return fail(
        'version',
        'this code was made by a newer version of the course; ask the student to check the course is up to date, or send the file instead',
      );
    }
    // Codes survive being wrapped by mail clients: drop any whitespace inside.
    const unpacked = unpackJson(text.slice(CODE_PREFIX.length).replace(/\s+/g, ''), maxBytes);
    if (!unpacked.ok) {
      if (unpacked.problem === 'too-deep') {
        return fail('too-deep', `the submission code cannot be read: ${unpacked.message}`);
      }
      return unpacked.problem === 'oversized'
        ? fail(
            'oversized',
            `the code ${unpacked.message}; a submission is at most ${maxBytes.toLocaleString('en')} bytes`,
          )
        : fail(
            'malformed',
            `the submission code cannot be read: ${unpacked.message}. Ask for the code again, copied whole`,
          );
    }
    value = unpacked.value;
  } else if (text.startsWith('{') || text.startsWith('[')) {
    // The scan refuses deep nesting before JSON.parse builds anything.
    const read = readJson(text, { maxChars: maxBytes, maxDepth: MAX_DEPTH });
    if (!read.ok) {
      return read.reason === 'too-deep'
        ? fail(
            'too-deep',
            `it is nested more than ${MAX_DEPTH} levels deep (at ${pathLabel(read.path ?? [])}); a submission is nested about 6 deep, so this file was made by hand or damaged`,
          )
        : fail('malformed', `it is not valid JSON (${read.message}) — the file may be cut short or edited`);
    }
    value = read.value;
  } else {
    return fail(
      'malformed',
      'it is neither a submission file (JSON) nor a submission code (starting "EOC1-")',
    );
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('malformed', 'it is not a submission (expected a JSON object)');
  }
  const shape = shapeProblem(value);
  if (shape) return fail(shape.problem, shape.message);
  const record = value as Record<string, unknown>;
  if (record['kind'] !== SUBMISSION_KIND) {
    return fail(
      'malformed',
      `it is not a submission (its "kind" is ${JSON.stringify(record['kind']) ?? 'missing'}, expected "${SUBMISSION_KIND}")`,
    );
  }
  const v = record['v'];
  if (typeof v === 'number' && v > SUBMISSION_VERSION) {
    return fail(
      'version',
      `it was made by a newer version of the course (format ${v}; this tool reads format ${SUBMISSION_VERSION}) — update the course tools`,
    );
  }
  if (v !== SUBMISSION_VERSION) {
    return fail('version', `it has an unknown format version (${JSON.stringify(v) ?? 'missing'})`);
  }
  const parsed = submissionSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${pathLabel(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
    return fail('malformed', `it is not a valid submission — ${issues.join('; ')}${more}`);
  }
  const submission = parsed.data;
  if (submission.checksum !== submissionChecksum(submission)) {
    return fail(
      'checksum',
      'the checksum does not match — the file was changed after it was submitted (or damaged in transit)',
    );
  }
  const mismatch = options.expect ? expectationProblem(submission, options.expect) : null;
  if (mismatch) return fail(mismatch.problem, mismatch.message);
  return { ok: true, submission };
}

/**
 * Why `submission` does not answer the `expected` assignment (another id, another question list,
 * another version of the questions), or null when it does.
 */
export function expectationProblem(
  submission: Pick<Submission, 'assignment'>,
  expected: ExpectedAssignment,
): { problem: 'other-assignment' | 'question-list'; message: string } | null {
  const { assignment } = submission;
  if (assignment.id !== expected.id) {
    return {
      problem: 'other-assignment',
      message: `it is for another assignment ("${assignment.title}", id ${assignment.id}), not id ${expected.id}`,
    };
  }
  const listProblem = expected.questions
    ? questionListProblem(assignment.questions, expected.questions)
    : null;
  if (listProblem) return { problem: 'question-list', message: listProblem };
  if (expected.fingerprint !== undefined && assignment.fingerprint !== expected.fingerprint) {
    return {
      problem: 'other-assignment',
      message: `it answers a different version of "${assignment.title}" (fingerprint ${assignment.fingerprint}, expected ${expected.fingerprint}) — the questions changed in between`,
    };
  }
  return null;
}

/** Why `given` is not the assignment's list `expected` (extra, missing, reordered), or null. */
export function questionListProblem(given: readonly string[], expected: readonly string[]): string | null {
  if (given.length === expected.length && given.every((id, i) => id === expected[i])) return null;
  const want = new Set(expected);
  const have = new Set(given);
  const extra = [...have].filter((id) => !want.has(id));
  const missing = [...want].filter((id) => !have.has(id));
  const names = (ids: string[]) =>
    ids.length === 0 ? '' : ` (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`;
  const what =
    extra.length === 0 && missing.length === 0 && given.length === have.size
      ? 'the same questions in another order'
      : `${extra.length} extra${names(extra)} and ${missing.length} missing${names(missing)}`;
  return `its question list differs from the assignment's: ${what}. A file for this assignment always carries the same list, so this one was edited — it is not graded`;
}
