/**
 * Pure: no DOM, no framework.
 *
 * Submissions → gradebook rows and the score matrix item analysis works on. Every attempt is
 * regraded from its RAW responses with `gradeResponse`; nothing in a file is trusted as a score.
 *
 * Policies (documented here because teachers will ask):
 * - Each question is worth 1 point (its `gradeResponse` score in [0, 1]); an unanswered question or
 *   one not in the attempt scores 0. The score is points ÷ number of gradable questions × 100.
 * - With several attempts, the HIGHEST-scoring attempt counts (Moodle's default grading method,
 *   "Highest grade"); on a tie, the earlier attempt. Item analysis uses that same attempt, as
 *   Moodle's statistics report does for "highest graded attempt".
 * - The same student submitting more than once (same name and id after trimming, Unicode NFKC,
 *   case folding and collapsing spaces): every submission keeps its row, all but the latest
 *   (by `submittedAt`) are marked `superseded`, and only the latest enters the statistics.
 * - A question id the bank no longer has cannot be graded: it is listed in `missing` and left out
 *   of every score and of the item analysis.
 */
import { gradeResponse, type Question } from '../../questions/index.ts';
import type { Submission, SubmissionAttempt } from '../submission/submission.ts';

export interface GradebookRow {
  /** As the student typed it. */
  name: string;
  /** Student id as typed, or null. */
  id: string | null;
  /** 0..100: points ÷ gradable questions of the counted attempt. */
  score: number;
  /** Sum of question scores of the counted attempt. */
  points: number;
  /** Number of gradable questions. */
  maxPoints: number;
  /** Questions with a non-empty response in the counted attempt. */
  answered: number;
  /** Whole submission, submittedAt − startedAt, in minutes. */
  minutes: number;
  late: boolean;
  /** Sum of all extensions, in minutes. */
  extensionMinutes: number;
  /** Number of attempts in the submission. */
  attempts: number;
  /** 1-based index of the attempt that counts (the highest-scoring). */
  countedAttempt: number;
  /** True when the same student has a later submission. */
  superseded: boolean;
  submittedAt: string;
}

/**
 * Students × items, row-major, for the students whose submission counts (not superseded), in
 * gradebook row order. Typed arrays keep a 1,000 × 60 cohort in a few hundred kilobytes.
 */
export interface ScoreMatrix {
  /** The items (columns), in assignment order. */
  questions: Question[];
  /** Number of students (rows). */
  students: number;
  /** Score in [0, 1] of student s on item j at `s * questions.length + j`. */
  scores: Float64Array;
  /** 1 where the student gave a non-empty response. */
  attempted: Uint8Array;
  /** The raw response (undefined when none), same indexing. */
  responses: unknown[];
}

export interface GradedCohort {
  rows: GradebookRow[];
  matrix: ScoreMatrix;
  /** Question ids in the submissions that `questionsById` does not have. */
  missing: string[];
}

/** Questions by id, as a Map or a plain record. */
export type QuestionLookup = ReadonlyMap<string, Question> | Readonly<Record<string, Question>>;

function lookup(questions: QuestionLookup, id: string): Question | undefined {
  if (questions instanceof Map) return questions.get(id);
  const record = questions as Readonly<Record<string, Question>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** The identity used to spot the same student twice. */
export function studentKey(student: { name: string; id?: string | undefined }): string {
  const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return `${norm(student.name)}\u0000${norm(student.id ?? '')}`;
}

/** True when the student gave some answer: not missing, null, blank, or an empty list/object. */
export function isAnswered(response: unknown): boolean {
  if (response === undefined || response === null) return false;
  if (typeof response === 'string') return response.trim() !== '';
  if (Array.isArray(response)) return response.length > 0;
  if (typeof response === 'object') return Object.keys(response).length > 0;
  return true;
}

interface AttemptGrade {
  scores: number[];
  points: number;
  answered: number;
}

function gradeAttempt(attempt: SubmissionAttempt, questions: readonly Question[]): AttemptGrade {
  const scores: number[] = [];
  let points = 0;
  let answered = 0;
  for (const question of questions) {
    const response = Object.hasOwn(attempt.responses, question.id)
      ? attempt.responses[question.id]
      : undefined;
    const given = isAnswered(response);
    const raw = given ? gradeResponse(question, response).score : 0;
    // Graders promise [0, 1]; clamp anyway so a grader bug cannot push a total past 100 %.
    const score = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
    scores.push(score);
    points += score;
    if (given) answered++;
  }
  return { scores, points, answered };
}

// "Student 2" before "Student 10", as a teacher expects.
const collator = new Intl.Collator('en', { numeric: true });

const minutesBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 60_000;

/** Regrade every submission; see the module comment for the policies. */
export function gradeSubmissions(
  submissions: readonly Submission[],
  questionsById: QuestionLookup,
): GradedCohort {
  const itemIds: string[] = [];
  const seenItem = new Set<string>();
  for (const sub of submissions) {
    for (const id of sub.assignment.questions) {
      if (!seenItem.has(id)) {
        seenItem.add(id);
        itemIds.push(id);
      }
    }
  }
  const questions: Question[] = [];
  const missing: string[] = [];
  for (const id of itemIds) {
    const q = lookup(questionsById, id);
    if (q) questions.push(q);
    else missing.push(id);
  }

  // Deterministic order whatever the input order: name, id, submission time, then checksum.
  const ordered = submissions
    .map((sub) => ({ sub, key: studentKey(sub.student) }))
    .sort(
      (a, b) =>
        collator.compare(a.key, b.key) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
        Date.parse(a.sub.submittedAt) - Date.parse(b.sub.submittedAt) ||
        (a.sub.checksum < b.sub.checksum ? -1 : a.sub.checksum > b.sub.checksum ? 1 : 0),
    );
  const latest = new Map<string, number>();
  ordered.forEach((entry, index) => latest.set(entry.key, index));

  const m = questions.length;
  const rows: GradebookRow[] = [];
  const counted: { grade: AttemptGrade; attempt: SubmissionAttempt }[] = [];
  ordered.forEach(({ sub, key }, index) => {
    // Highest score counts; `>` keeps the earlier attempt on a tie.
    let grade: AttemptGrade = { scores: new Array<number>(m).fill(0), points: 0, answered: 0 };
    let bestIndex = -1;
    sub.attempts.forEach((attempt, i) => {
      const g = gradeAttempt(attempt, questions);
      if (bestIndex < 0 || g.points > grade.points) {
        grade = g;
        bestIndex = i;
      }
    });
    const superseded = latest.get(key) !== index;
    rows.push({
      name: sub.student.name,
      id: sub.student.id ?? null,
      score: m === 0 ? 0 : (grade.points / m) * 100,
      points: grade.points,
      maxPoints: m,
      answered: grade.answered,
      minutes: minutesBetween(sub.startedAt, sub.submittedAt),
      late: sub.late,
      extensionMinutes: sub.extensions.reduce((sum, e) => sum + e.minutes, 0),
      attempts: sub.attempts.length,
      countedAttempt: Math.max(bestIndex, 0) + 1,
      superseded,
      submittedAt: sub.submittedAt,
    });
    const attempt = sub.attempts[Math.max(bestIndex, 0)];
    if (!superseded && attempt) counted.push({ grade, attempt });
  });

  const n = counted.length;
  const scores = new Float64Array(n * m);
  const attempted = new Uint8Array(n * m);
  const responses: unknown[] = new Array<unknown>(n * m);
  counted.forEach(({ grade, attempt }, s) => {
    questions.forEach((q, j) => {
      const response = Object.hasOwn(attempt.responses, q.id) ? attempt.responses[q.id] : undefined;
      scores[s * m + j] = grade.scores[j] ?? 0;
      attempted[s * m + j] = isAnswered(response) ? 1 : 0;
      responses[s * m + j] = response;
    });
  });
  return { rows, matrix: { questions, students: n, scores, attempted, responses }, missing };
}
