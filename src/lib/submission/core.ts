/**
 * Pure: no DOM, no framework — and no zod at runtime.
 *
 * The part of submissions a student's browser needs: sealing one (`createSubmission`) and turning
 * it into a file or a code. `submission.ts` (with the zod schema and `parseSubmission`, used by the
 * instructor's side) re-exports all of it. Only `import type` from `submission.ts` is allowed here.
 */
import type { AssignmentSpec } from '../assign/spec.ts';
import type { Extension, Submission, SubmissionAttempt } from './submission.ts';
import { packJson } from '../assign/pack.ts';
import { contentHash } from '../quiz/hash.ts';
import { grantedExtensions, lateMinutes } from '../assign/timing.ts';

export const SUBMISSION_KIND = 'eoc-submission';
export const SUBMISSION_VERSION = 1;
/** Prefix of a submission code; the digit is the format version. */
export const CODE_PREFIX = 'EOC1-';

/** `contentHash` of every field except `checksum`. */
export function submissionChecksum(sub: Omit<Submission, 'checksum'> | Submission): string {
  const { checksum: _checksum, ...rest } = sub as Submission;
  return contentHash(rest);
}

export interface CreateSubmissionInput {
  spec: AssignmentSpec;
  /** `specFingerprint(spec, hashes)` for the questions the student was shown. */
  fingerprint: string;
  student: { name: string; id?: string | undefined };
  /** Oldest first; at least one. */
  attempts: SubmissionAttempt[];
  extensions?: Extension[];
}

/**
 * Seal a submission: times come from the attempts, `late` from the spec's due date plus the extra
 * time granted during the last attempt (by the rules the gradebook applies too, `timing.ts`), and
 * the checksum from the rest. Throws a RangeError for zero attempts (a caller bug).
 */
export function createSubmission(input: CreateSubmissionInput): Submission {
  const first = input.attempts[0];
  const last = input.attempts[input.attempts.length - 1];
  if (!first || !last) throw new RangeError('createSubmission: a submission needs at least one attempt');
  const extensions = input.extensions ?? [];
  const granted = grantedExtensions(input.spec, last, extensions).minutes;
  const late = lateMinutes(input.spec, last.submittedAt, granted) > 0;
  const name = input.student.name.trim();
  const id = input.student.id?.trim();
  const body: Omit<Submission, 'checksum'> = {
    kind: SUBMISSION_KIND,
    v: SUBMISSION_VERSION,
    assignment: {
      id: input.spec.id,
      fingerprint: input.fingerprint,
      title: input.spec.title,
      questions: input.spec.questions.slice(),
    },
    student: id ? { name, id } : { name },
    startedAt: first.startedAt,
    submittedAt: last.submittedAt,
    late,
    extensions: extensions.map((e) => ({ at: e.at, minutes: e.minutes })),
    attempts: input.attempts.map((a) => ({
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
      responses: { ...a.responses },
    })),
  };
  return { ...body, checksum: submissionChecksum(body) };
}

/** The submission as a file's text (pretty JSON). */
export function submissionToJson(sub: Submission): string {
  return `${JSON.stringify(sub, null, 2)}\n`;
}

/** The submission as one pasteable line: `EOC1-` + base64url(deflate(stable JSON)). */
export function submissionToCode(sub: Submission): string {
  return CODE_PREFIX + packJson(sub);
}

/** A student's name as a file-name part: ASCII letters and digits joined by "-", at most 60 characters. */
export function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'student'
  );
}

/** A file name a teacher can sort: `<student>-<assignment id>.json`. */
export function submissionFileName(sub: Submission): string {
  return `${fileSlug(sub.student.name)}-${sub.assignment.id}.json`;
}
