/**
 * Pure: no DOM, no framework.
 *
 * Submissions → gradebook rows and the score matrix item analysis works on. Every attempt is
 * regraded from its RAW responses with `gradeResponse`; nothing in a file is trusted as a score,
 * and with the assignment's link (`spec`) nothing in it is trusted as a time either.
 *
 * Policies (documented here because teachers will ask):
 * - Each question is worth 1 point (its `gradeResponse` score in [0, 1], or the instructor's
 *   override); an unanswered question or one not in the attempt scores 0. The score is points ÷
 *   number of gradable questions × 100.
 * - The questions are the link's list when `spec` is given (else the list the files carry, which
 *   `import.ts` has made the same for every file).
 * - With the link, the rules are recomputed from the timestamps (`rules.ts`): only the first
 *   `spec.attempts` attempts are graded, over-time and impossible extra time are flagged, and
 *   lateness is measured, then handled by the late policy: `accept` counts a late attempt, `flag`
 *   counts it and flags it, `zero` scores it 0. A file that says it was on time when it was not is
 *   always flagged. Without the link the file's own `late` is shown, marked as unchecked.
 * - Attempts are numbered oldest first. Of the graded attempts the HIGHEST-scoring counts (Moodle's default, "Highest grade"); on a
 *   tie, the earlier. Item analysis uses that same attempt, as Moodle's statistics report does.
 * - One student, several files (same normalised name, or same normalised id): a file that holds
 *   all of an earlier file's attempts and more (the same browser, later) replaces it, and both rows
 *   say so; the same file loaded twice counts once. Any other pair is never resolved silently:
 *   every file of that student is flagged, the one handed in first counts until the instructor
 *   chooses another (`chosen`), and only the counted one enters the statistics.
 * - Two students whose counted attempts give the same answer to every question (at least two
 *   answered, and not all of them right) are both flagged.
 * - A question id the bank no longer has cannot be graded: it is listed in `missing` and left out
 *   of every score and of the item analysis.
 */
import { gradeResponse } from '../../questions/client.ts';
import type { Question } from '../../questions/index.ts';
import { renameIds } from '../../questions/ids.ts';
import type { AssignmentSpec } from '../assign/spec.ts';
import { contentHash, stableStringify } from '../quiz/hash.ts';
import type { Submission, SubmissionAttempt } from '../submission/submission.ts';
import type { Marking, SubmissionMarking } from './marking.ts';
import {
  attemptsInOrder,
  checkRules,
  lateText,
  type AttemptCheck,
  type Flag,
  type LatePolicy,
} from './rules.ts';

export type { Flag, FlagKind, LatePolicy } from './rules.ts';

export interface GradebookRow {
  /** As the student typed it. */
  name: string;
  /** Student id as typed, or null. */
  id: string | null;
  /** 0..100: points ÷ gradable questions of the counted attempt (overrides included). */
  score: number;
  /** Sum of question scores of the counted attempt. */
  points: number;
  /** Number of gradable questions. */
  maxPoints: number;
  /** Questions with a non-empty response in the counted attempt. */
  answered: number;
  /** Whole submission, submittedAt − startedAt, in minutes. */
  minutes: number;
  /** The counted attempt came in after the due date (recomputed with the link; else the file's word). */
  late: boolean;
  /** True when `late` and the extra time were recomputed from the link's rules. */
  rulesChecked: boolean;
  /** Extra time the page could have granted (with the link), else what the file claims, in minutes. */
  extensionMinutes: number;
  /** Number of attempts in the submission. */
  attempts: number;
  /** 1-based number (oldest first) of the attempt that counts. */
  countedAttempt: number;
  /** True when another file of the same student counts instead of this one. */
  superseded: boolean;
  submittedAt: string;
  /** Names this file exactly: the key of the instructor's choices and overrides. */
  checksum: string;
  /** Everything that needs the instructor's eye, in words. */
  flags: Flag[];
  /** Notes that need no action ("replaced by a later file…"). */
  notes: string[];
  /** Questions whose score the instructor overrode in the counted attempt. */
  overridden: number;
  /** The instructor's comment to the student, or ''. */
  comment: string;
  /** Position of this file in the input list. */
  index: number;
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

export interface GradeOptions {
  /** The assignment's link: its question list and rules. Without it, times are not checked. */
  spec?: AssignmentSpec | null | undefined;
  /** Default `flag`; a `marking` brings its own. */
  latePolicy?: LatePolicy | undefined;
  /** Checksums of files chosen to count, oldest choice first; a `marking` brings its own. */
  chosen?: readonly string[] | undefined;
  /** Overrides, comments, choices and late policy. */
  marking?: Marking | undefined;
  /** The instructor's clock (ms), to flag times in the future. */
  now?: number | undefined;
  /**
   * Question id → authored option handle → published id (the bank's `renamed`): work saved before
   * options had opaque ids (src/questions/ids.ts) is read through it. The files are not changed.
   */
  renamed?: ((questionId: string) => Readonly<Record<string, string>> | undefined) | undefined;
}

/** `sub` with responses saved under authored option handles read as the published ids. */
function withPublishedIds(sub: Submission, renamed: NonNullable<GradeOptions['renamed']>): Submission {
  return {
    ...sub,
    attempts: sub.attempts.map((attempt) => ({
      ...attempt,
      responses: Object.fromEntries(
        Object.entries(attempt.responses).map(([id, response]) => {
          const renames = renamed(id);
          return [id, renames ? renameIds(response, renames) : response];
        }),
      ),
    })),
  };
}

/** Questions by id, as a Map or a plain record. */
export type QuestionLookup = ReadonlyMap<string, Question> | Readonly<Record<string, Question>>;

function lookup(questions: QuestionLookup, id: string): Question | undefined {
  if (questions instanceof Map) return questions.get(id);
  const record = questions as Readonly<Record<string, Question>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/** The identity used to spot the same student twice (name and id together, normalised). */
export function studentKey(student: { name: string; id?: string | undefined }): string {
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

/** The response to `id` in `attempt`, or undefined. */
export function responseTo(attempt: SubmissionAttempt, id: string): unknown {
  return Object.hasOwn(attempt.responses, id) ? attempt.responses[id] : undefined;
}

interface AttemptGrade {
  scores: number[];
  points: number;
  answered: number;
  overridden: number;
}

/** Scores of `attempt` (1-based `number`) per question, with the overrides made for it. */
export function gradeAttempt(
  attempt: SubmissionAttempt,
  number: number,
  questions: readonly Question[],
  marking: SubmissionMarking | undefined,
): AttemptGrade {
  const scores: number[] = [];
  let points = 0;
  let answered = 0;
  let overridden = 0;
  for (const question of questions) {
    const response = responseTo(attempt, question.id);
    const given = isAnswered(response);
    const override = marking?.questions?.[question.id];
    let score: number;
    if (override && override.attempt === number) {
      score = override.score;
      overridden++;
    } else {
      const raw = given ? gradeResponse(question, response).score : 0;
      // Graders promise [0, 1]; clamp anyway so a grader bug cannot push a total past 100 %.
      score = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
    }
    scores.push(score);
    points += score;
    if (given) answered++;
  }
  return { scores, points, answered, overridden };
}

// "Student 2" before "Student 10", as a teacher expects.
const collator = new Intl.Collator('en', { numeric: true });
const ms = (iso: string): number => Date.parse(iso);
const minutesBetween = (from: string, to: string): number => (ms(to) - ms(from)) / 60_000;

/** One attempt as the file holds it, for comparing files: times and responses, key order aside. */
const attemptKey = (a: SubmissionAttempt): string => contentHash([a.startedAt, a.submittedAt, a.responses]);

/** Whether every attempt of `earlier` is in `later`, in the same order, at the start. */
function continues(earlier: Submission, later: Submission): boolean {
  if (later.attempts.length < earlier.attempts.length) return false;
  return earlier.attempts.every(
    (a, i) => attemptKey(a) === attemptKey(later.attempts[i] as SubmissionAttempt),
  );
}

interface Entry {
  sub: Submission;
  index: number;
  key: string;
  counted: { check: AttemptCheck | null; attempt: SubmissionAttempt; number: number; grade: AttemptGrade };
  flags: Flag[];
  notes: string[];
  late: boolean;
  extensionMinutes: number;
  superseded: boolean;
}

/** Regrade every submission; see the module comment for the policies. */
export function gradeSubmissions(
  files: readonly Submission[],
  questionsById: QuestionLookup,
  options: GradeOptions = {},
): GradedCohort {
  const renamed = options.renamed;
  const submissions = renamed ? files.map((sub) => withPublishedIds(sub, renamed)) : files;
  const spec = options.spec ?? null;
  const marking = options.marking;
  const latePolicy = options.latePolicy ?? marking?.latePolicy ?? 'flag';
  const chosen = options.chosen ?? marking?.chosen ?? [];

  const itemIds: string[] = [];
  const seenItem = new Set<string>();
  for (const id of spec ? spec.questions : submissions.flatMap((s) => s.assignment.questions)) {
    if (!seenItem.has(id)) {
      seenItem.add(id);
      itemIds.push(id);
    }
  }
  const questions: Question[] = [];
  const missing: string[] = [];
  for (const id of itemIds) {
    const q = lookup(questionsById, id);
    if (q) questions.push(q);
    else missing.push(id);
  }
  const m = questions.length;

  // Deterministic order whatever the input order: name, id, submission time, then checksum.
  const entries: Entry[] = submissions
    .map((sub, index) => ({ sub, index, key: studentKey(sub.student) }))
    .sort(
      (a, b) =>
        collator.compare(a.key, b.key) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
        ms(a.sub.submittedAt) - ms(b.sub.submittedAt) ||
        (a.sub.checksum < b.sub.checksum ? -1 : a.sub.checksum > b.sub.checksum ? 1 : 0),
    )
    .map(({ sub, index, key }) => gradeOne(sub, index, key));

  function gradeOne(sub: Submission, index: number, key: string): Entry {
    const mark = marking?.submissions[sub.checksum];
    const flags: Flag[] = [];
    const notes: string[] = [];
    // Oldest first; with the link, only the attempts the assignment allows.
    const checks = spec ? checkRules(sub, spec, options.now) : null;
    const candidates = checks
      ? checks.attempts
          .filter((c) => c.graded)
          .map((c) => ({ check: c as AttemptCheck | null, attempt: c.attempt }))
      : attemptsInOrder(sub).map((attempt) => ({ check: null as AttemptCheck | null, attempt }));
    if (checks) flags.push(...checks.flags);
    let best: Entry['counted'] | null = null;
    const zeroed: number[] = [];
    candidates.forEach(({ check, attempt }, i) => {
      let grade = gradeAttempt(attempt, i + 1, questions, mark);
      if (check && check.lateMinutes > 0 && latePolicy === 'zero') {
        grade = { ...grade, scores: grade.scores.map(() => 0), points: 0 };
        zeroed.push(i + 1);
      }
      // Highest score counts; `>` keeps the earlier attempt on a tie.
      if (!best || grade.points > best.grade.points) best = { check, attempt, number: i + 1, grade };
    });
    const counted = (best ?? {
      check: null,
      attempt: sub.attempts[0] as SubmissionAttempt,
      number: 1,
      grade: { scores: new Array<number>(m).fill(0), points: 0, answered: 0, overridden: 0 },
    }) as Entry['counted'];

    let late = sub.late;
    if (checks) {
      const check = counted.check;
      late = check !== null && check.lateMinutes > 0;
      const label = candidates.length > 1 ? `attempt ${counted.number} (the one that counts) was ` : '';
      const claimed = sub.late
        ? ''
        : '; the file says it was on time, so it was edited (or the rules changed)';
      if (check && late && (latePolicy !== 'accept' || !sub.late)) {
        const zero = latePolicy === 'zero' ? ' It scores 0 under your late policy.' : '';
        flags.push({ kind: 'late', message: `${label}${lateText(check)}${claimed}.${zero}` });
      }
      if (zeroed.length > 0 && !zeroed.includes(counted.number)) {
        notes.push(`Attempt ${zeroed.join(', ')} came in late and scores 0 under your late policy.`);
      }
    }
    return {
      sub,
      index,
      key,
      counted,
      flags,
      notes,
      late,
      extensionMinutes: checks
        ? checks.extensionMinutes
        : sub.extensions.reduce((sum, e) => sum + e.minutes, 0),
      superseded: false,
    };
  }

  resolveSameStudent(entries, chosen);
  flagIdenticalAnswers(entries, questions);

  const rows: GradebookRow[] = entries.map((e) => ({
    name: e.sub.student.name,
    id: e.sub.student.id ?? null,
    score: m === 0 ? 0 : (e.counted.grade.points / m) * 100,
    points: e.counted.grade.points,
    maxPoints: m,
    answered: e.counted.grade.answered,
    minutes: minutesBetween(e.sub.startedAt, e.sub.submittedAt),
    late: e.late,
    rulesChecked: spec !== null,
    extensionMinutes: e.extensionMinutes,
    attempts: e.sub.attempts.length,
    countedAttempt: e.counted.number,
    superseded: e.superseded,
    submittedAt: e.sub.submittedAt,
    checksum: e.sub.checksum,
    flags: e.flags,
    notes: e.notes,
    overridden: e.counted.grade.overridden,
    comment: marking?.submissions[e.sub.checksum]?.comment ?? '',
    index: e.index,
  }));

  const counted = entries.filter((e) => !e.superseded);
  const n = counted.length;
  const scores = new Float64Array(n * m);
  const attempted = new Uint8Array(n * m);
  const responses: unknown[] = new Array<unknown>(n * m);
  counted.forEach((e, s) => {
    questions.forEach((q, j) => {
      const response = responseTo(e.counted.attempt, q.id);
      scores[s * m + j] = e.counted.grade.scores[j] ?? 0;
      attempted[s * m + j] = isAnswered(response) ? 1 : 0;
      responses[s * m + j] = response;
    });
  });
  return { rows, matrix: { questions, students: n, scores, attempted, responses }, missing };
}

/** Groups of entries that share a normalised name or a normalised (non-empty) id. */
function sameStudentGroups(entries: readonly Entry[]): Entry[][] {
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const firstWith = new Map<string, number>();
  entries.forEach((e, i) => {
    const keys = [`name\u0000${norm(e.sub.student.name)}`];
    const id = norm(e.sub.student.id ?? '');
    if (id !== '') keys.push(`id\u0000${id}`);
    for (const key of keys) {
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Entry[]>();
  entries.forEach((e, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), e]));
  return [...groups.values()].filter((g) => g.length > 1);
}

function resolveSameStudent(entries: Entry[], chosen: readonly string[]): void {
  const who = (e: Entry) => `${e.sub.student.name}${e.sub.student.id ? ` (${e.sub.student.id})` : ''}`;
  for (const group of sameStudentGroups(entries)) {
    const byTime = group.slice().sort((a, b) => ms(a.sub.submittedAt) - ms(b.sub.submittedAt));
    // The same file twice counts once.
    const distinct: Entry[] = [];
    for (const e of byTime) {
      const twin = distinct.find((d) => d.sub.checksum === e.sub.checksum);
      if (twin) {
        e.superseded = true;
        e.notes.push('The same file was loaded twice; it counts once.');
      } else distinct.push(e);
    }
    if (distinct.length < 2) continue;
    const sameName = new Set(distinct.map((e) => studentKey(e.sub.student))).size === 1;
    const chain =
      sameName && distinct.every((e, i) => i === 0 || continues((distinct[i - 1] as Entry).sub, e.sub));
    const pick = [...chosen].reverse().find((c) => distinct.some((e) => e.sub.checksum === c));
    if (chain && pick === undefined) {
      // One browser, handed in again later: the newest file holds every attempt.
      const last = distinct[distinct.length - 1] as Entry;
      for (const e of distinct.slice(0, -1)) {
        e.superseded = true;
        e.notes.push(
          `Replaced by a later file from the same student that holds this file's attempts and ${last.sub.attempts.length - e.sub.attempts.length} more.`,
        );
      }
      last.notes.push(
        `Holds the attempts of ${distinct.length - 1} earlier file${distinct.length > 2 ? 's' : ''} too.`,
      );
      continue;
    }
    const counted =
      pick === undefined ? (distinct[0] as Entry) : (distinct.find((e) => e.sub.checksum === pick) as Entry);
    const names = [...new Set(distinct.map(who))].join(', ');
    for (const e of distinct) {
      e.superseded = e !== counted;
      const status =
        e === counted
          ? pick === undefined
            ? 'This one, handed in first, counts until you choose.'
            : 'You chose this one to count.'
          : pick === undefined
            ? 'The one handed in first counts until you choose.'
            : 'You chose another one to count.';
      e.flags.push({
        kind: 'same-student',
        message: `${distinct.length} different files for one student (${names}): choose which counts. ${status}`,
      });
    }
  }
}

/** A response as text that is equal for equal answers (object keys in any order); cheap for the usual scalars. */
function sameAnswerKey(response: unknown): string {
  if (response === undefined || response === null) return '';
  return typeof response === 'object' && !Array.isArray(response)
    ? stableStringify(response)
    : (JSON.stringify(response) ?? '');
}

function flagIdenticalAnswers(entries: readonly Entry[], questions: readonly Question[]): void {
  const m = questions.length;
  const bySet = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.superseded) continue;
    const { answered, points } = e.counted.grade;
    if (answered < Math.min(2, m) || points >= m) continue;
    const key = questions.map((q) => sameAnswerKey(responseTo(e.counted.attempt, q.id))).join('\u0000');
    bySet.set(key, [...(bySet.get(key) ?? []), e]);
  }
  for (const same of bySet.values()) {
    if (same.length < 2) continue;
    for (const e of same) {
      const others = same.filter((o) => o !== e).map((o) => o.sub.student.name);
      e.flags.push({
        kind: 'identical',
        message: `The same answer to every question as ${others.join(', ')} (including the same wrong answers).`,
      });
    }
  }
}
