/**
 * Pure: no DOM, no framework.
 *
 * The instructor's own decisions on top of the regrading, kept apart from the students' files so a
 * file is never changed: a score overridden on one question of one attempt (with a comment saying
 * why), a comment to the student, which of a student's several files counts, and the late policy.
 * Everything is keyed by the submission's checksum, which names one file exactly.
 *
 * The review page keeps a marking per assignment in this browser and can save it as a file; the
 * command line reads that file (`--marking`), so both grade the same way. `parseMarking` is total:
 * whatever it is given, it keeps the entries that make sense and drops the rest.
 */
import { LATE_POLICIES, type LatePolicy } from './rules.ts';

export const MARKING_KIND = 'eoc-marking';

/** A question's score set by hand for one attempt. */
export interface QuestionOverride {
  /** 1-based attempt number in the file. */
  attempt: number;
  /** 0..1, like a grader's score. */
  score: number;
  /** Why; shown to the student in their result. */
  comment: string;
}

export interface SubmissionMarking {
  /** To the student, about the whole attempt. */
  comment?: string;
  /** By question id. */
  questions?: Record<string, QuestionOverride>;
}

export interface Marking {
  kind: typeof MARKING_KIND;
  v: 1;
  /** The assignment id this marking belongs to. */
  assignment: string;
  /** Checksums of files the instructor chose to count, oldest choice first (the latest wins). */
  chosen: string[];
  latePolicy: LatePolicy;
  /** By submission checksum. */
  submissions: Record<string, SubmissionMarking>;
}

export function emptyMarking(assignment: string): Marking {
  return { kind: MARKING_KIND, v: 1, assignment, chosen: [], latePolicy: 'flag', submissions: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const CHECKSUM = /^[0-9a-f]{14}$/;
const QUESTION = /^[a-z0-9][a-z0-9-]*$/;
const MAX_COMMENT = 5_000;

function readOverride(value: unknown): QuestionOverride | null {
  if (!isRecord(value)) return null;
  const { attempt, score, comment } = value;
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1 || attempt > 100) return null;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) return null;
  return { attempt, score, comment: typeof comment === 'string' ? comment.slice(0, MAX_COMMENT) : '' };
}

/** A marking read back from storage or a file (already JSON-parsed). Never throws. */
export function parseMarking(value: unknown, assignment: string): Marking {
  const marking = emptyMarking(assignment);
  if (!isRecord(value) || value['assignment'] !== assignment) return marking;
  if (Array.isArray(value['chosen'])) {
    marking.chosen = value['chosen'].filter((c): c is string => typeof c === 'string' && CHECKSUM.test(c));
  }
  if ((LATE_POLICIES as readonly unknown[]).includes(value['latePolicy'])) {
    marking.latePolicy = value['latePolicy'] as LatePolicy;
  }
  if (isRecord(value['submissions'])) {
    for (const [checksum, entry] of Object.entries(value['submissions'])) {
      if (!CHECKSUM.test(checksum) || !isRecord(entry)) continue;
      const kept: SubmissionMarking = {};
      if (typeof entry['comment'] === 'string' && entry['comment'].trim() !== '') {
        kept.comment = entry['comment'].slice(0, MAX_COMMENT);
      }
      if (isRecord(entry['questions'])) {
        const questions: Record<string, QuestionOverride> = {};
        for (const [id, raw] of Object.entries(entry['questions'])) {
          const override = QUESTION.test(id) ? readOverride(raw) : null;
          if (override) questions[id] = override;
        }
        if (Object.keys(questions).length > 0) kept.questions = questions;
      }
      if (kept.comment !== undefined || kept.questions !== undefined) marking.submissions[checksum] = kept;
    }
  }
  return marking;
}

/** `marking` with `questionId` of `checksum` overridden (or the override removed, with null). */
export function withOverride(
  marking: Marking,
  checksum: string,
  questionId: string,
  override: QuestionOverride | null,
): Marking {
  const entry = marking.submissions[checksum] ?? {};
  const questions = { ...entry.questions };
  if (override === null) delete questions[questionId];
  else questions[questionId] = { ...override, score: Math.min(1, Math.max(0, override.score)) };
  const next: SubmissionMarking = { ...entry, questions };
  if (Object.keys(questions).length === 0) delete next.questions;
  return withEntry(marking, checksum, next);
}

/** `marking` with the comment to the student on `checksum` set (blank removes it). */
export function withComment(marking: Marking, checksum: string, comment: string): Marking {
  const next: SubmissionMarking = { ...marking.submissions[checksum] };
  if (comment.trim() === '') delete next.comment;
  else next.comment = comment.slice(0, MAX_COMMENT);
  return withEntry(marking, checksum, next);
}

/** `marking` with `checksum` chosen to count for its student (the latest choice wins). */
export function withChoice(marking: Marking, checksum: string): Marking {
  return { ...marking, chosen: [...marking.chosen.filter((c) => c !== checksum), checksum] };
}

export function withLatePolicy(marking: Marking, latePolicy: LatePolicy): Marking {
  return { ...marking, latePolicy };
}

function withEntry(marking: Marking, checksum: string, entry: SubmissionMarking): Marking {
  const submissions = { ...marking.submissions };
  if (entry.comment === undefined && entry.questions === undefined) delete submissions[checksum];
  else submissions[checksum] = entry;
  return { ...marking, submissions };
}
