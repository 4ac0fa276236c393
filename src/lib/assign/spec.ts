/**
 * Pure: no DOM, no framework.
 *
 * Assignment specs: what a teacher hands out as a link. There is no server, so the whole
 * assignment (which questions, the shuffle seed, attempts, dates, review policy) travels in the URL
 * fragment — `/assignment/#<code>` — where the browser never sends it anywhere. The code is stable
 * JSON → deflate → base64url (`pack.ts`), so the same spec always gives the same link.
 *
 * `decodeSpec` is total: whatever a student pastes, the page gets a spec or a sentence saying
 * what is wrong. `id` is a content hash, so an edited link no longer matches its id and is refused.
 * `specFingerprint` adds the questions' content hashes, so a submission proves which wording of
 * each question it answered.
 *
 * Everything that needs no zod (ids, links, orders, a zod-free decoder for the student's page)
 * lives in `core.ts` and is re-exported here.
 */
import '../zod-jitless.ts';
import { z } from 'astro/zod';
import type { Question } from '../../questions/index.ts';
import { shuffle } from '../quiz/shuffle.ts';
import {
  REVIEW_POLICIES,
  SPEC_VERSION,
  STUDENT_ID_KINDS,
  decodeSpecWith,
  pathLabel as labelPath,
  specId,
  type DecodeSpecResult,
  type ReviewPolicy,
  type SpecCheck,
  type StudentIdKind,
} from './core.ts';

export {
  LINK_WARN_LENGTH,
  MAX_FRAGMENT_LENGTH,
  REVIEW_POLICIES,
  SPEC_VERSION,
  STUDENT_ID_KINDS,
  assignmentPath,
  checkSpecLite,
  decodeSpecLite,
  decodeSpecWith,
  encodeSpec,
  linkLengthWarning,
  optionSeed,
  questionOrder,
  specFingerprint,
  specId,
  withId,
  type DecodeSpecResult,
  type ReviewPolicy,
  type SpecCheck,
  type SpecIssue,
  type StudentIdKind,
} from './core.ts';

const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'Use an ISO date-time, e.g. 2026-05-01T17:00:00Z',
});

export const assignmentSpecSchema = z
  .strictObject({
    /** Format version (always 1 for now). */
    v: z.literal(SPEC_VERSION),
    /** `contentHash` of every other field: short, random-looking, and the same for the same spec. */
    id: z.string().regex(/^[0-9a-f]{14}$/, 'Must be 14 hexadecimal characters'),
    /** Shown to students at the top of the assignment. */
    title: z.string().regex(/\S/, 'Must not be blank').max(200),
    /** Question ids in authored order (students may see them shuffled). */
    questions: z
      .array(
        z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Question ids use lowercase letters, digits and hyphens'),
      )
      .min(1, 'An assignment needs at least one question')
      .max(500),
    /** Seed for every shuffle of this assignment; mixed with the student key per student. */
    seed: z.string().min(1).max(100),
    /** How many times a student may attempt the whole assignment (≥ 1). */
    attempts: z.number().int().min(1).max(100),
    /** Time limit per attempt, in minutes. */
    timeLimit: z.number().int().min(1).max(10_080).optional(),
    /** Before this instant the assignment is shown as not open yet. */
    opensAt: isoDateTime.optional(),
    /** Submissions after this instant (plus any extension) are marked late, not refused. */
    due: isoDateTime.optional(),
    /** Show questions in a per-student order (seed + student key). */
    shuffleQuestions: z.boolean(),
    /** Show options / items / right-hand matches in a per-student order. */
    shuffleOptions: z.boolean(),
    /** When answers and feedback are shown: right away, after `due`, or never. */
    review: z.enum(REVIEW_POLICIES),
    /**
     * Require a student number or an email besides the name, so grades can be matched in an LMS
     * (Moodle's ID number or email; Canvas's SIS User ID or SIS Login ID). Absent: the id is optional.
     */
    studentId: z.enum(STUDENT_ID_KINDS).optional(),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.questions.forEach((id, index) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: ['questions', index], message: `"${id}" is listed twice` });
      seen.add(id);
    });
    if (spec.opensAt && spec.due && Date.parse(spec.opensAt) >= Date.parse(spec.due)) {
      ctx.addIssue({ code: 'custom', path: ['due'], message: 'The due date must be after the opening date' });
    }
    if (spec.review === 'after-due' && spec.due === undefined) {
      ctx.addIssue({ code: 'custom', path: ['review'], message: '"after-due" review needs a due date' });
    }
  });

export type AssignmentSpec = z.output<typeof assignmentSpecSchema>;
/** A spec before its id is computed. */
export type SpecContent = Omit<AssignmentSpec, 'id'>;

function pathLabel(path: readonly PropertyKey[]): string {
  return labelPath(path, '(link)');
}

const checkSpecZod: SpecCheck = (value) => {
  const parsed = assignmentSpecSchema.safeParse(value);
  return parsed.success ? { ok: true, spec: parsed.data } : { ok: false, issues: parsed.error.issues };
};

/** The code after `#` (a leading `#` or a whole URL is accepted too) → spec. Never throws. */
export function decodeSpec(fragment: string): DecodeSpecResult {
  return decodeSpecWith(fragment, checkSpecZod);
}

/** What `buildSpec` needs to know about the bank. */
export interface SpecBank {
  questions: readonly { question: Question; hash: string }[];
  modules: readonly { id: string; lessons: readonly string[] }[];
}

export interface BuildOptions {
  title: string;
  seed: string;
  /** Explicit question ids (kept in this order when nothing else selects questions). */
  questions?: readonly string[];
  /** Whole lessons (article ids). With neither `questions` nor `lessons`, the whole bank. */
  lessons?: readonly string[];
  /** Keep only these question types. */
  types?: readonly string[];
  /** Draw this many questions at random (with `seed`) from each module's share of the selection. */
  count?: number;
  attempts?: number;
  timeLimit?: number;
  opensAt?: string;
  due?: string;
  /** Default true. */
  shuffleQuestions?: boolean;
  /** Default true. */
  shuffleOptions?: boolean;
  /** Default `after-due` when there is a due date, else `immediate`. */
  review?: ReviewPolicy;
  /** Require a student number or an email (default: an optional id). */
  studentId?: StudentIdKind;
}

export type BuildResult = { ok: true; spec: AssignmentSpec } | { ok: false; error: string };

const OTHER_GROUP = '(lessons in no module)';

function list(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

/** Build a spec from selection options. Unknown ids, lessons or types are errors naming them. */
export function buildSpec(options: BuildOptions, bank: SpecBank): BuildResult {
  const byId = new Map(bank.questions.map((entry) => [entry.question.id, entry.question]));
  // Course order: modules in order, lessons in module order, questions in bank order; orphans last.
  const lessonRank = new Map<string, number>();
  const lessonModule = new Map<string, string>();
  for (const module of bank.modules) {
    for (const lesson of module.lessons) {
      if (!lessonRank.has(lesson)) lessonRank.set(lesson, lessonRank.size);
      if (!lessonModule.has(lesson)) lessonModule.set(lesson, module.id);
    }
  }
  const bankIndex = new Map(bank.questions.map((entry, index) => [entry.question.id, index]));
  const courseOrder = (a: Question, b: Question): number =>
    (lessonRank.get(a.lesson) ?? Infinity) - (lessonRank.get(b.lesson) ?? Infinity) ||
    (bankIndex.get(a.id) ?? 0) - (bankIndex.get(b.id) ?? 0);

  const unknownIds = (options.questions ?? []).filter((id) => !byId.has(id));
  if (unknownIds.length > 0) {
    return {
      ok: false,
      error: `No question has the id ${list(unknownIds)}. Question ids look like "${bank.questions[0]?.question.id ?? 'mali-q01'}".`,
    };
  }
  const knownLessons = new Set(bank.questions.map((entry) => entry.question.lesson));
  const unknownLessons = (options.lessons ?? []).filter((lesson) => !knownLessons.has(lesson));
  if (unknownLessons.length > 0) {
    return {
      ok: false,
      error: `No lesson with questions has the id ${list(unknownLessons)}. Lessons: ${[...knownLessons].join(', ')}.`,
    };
  }
  const knownTypes = new Set<string>(bank.questions.map((entry) => entry.question.type));
  const unknownTypes = (options.types ?? []).filter((type) => !knownTypes.has(type));
  if (unknownTypes.length > 0) {
    return {
      ok: false,
      error: `Unknown question type ${list(unknownTypes)}. Types in the bank: ${[...knownTypes].sort().join(', ')}.`,
    };
  }
  if (options.count !== undefined && !(Number.isInteger(options.count) && options.count >= 1)) {
    return { ok: false, error: `The count must be a whole number ≥ 1, not ${options.count}.` };
  }

  const explicitOnly = options.questions !== undefined && options.lessons === undefined;
  let pool: Question[];
  if (options.questions === undefined && options.lessons === undefined) {
    pool = bank.questions.map((entry) => entry.question);
  } else {
    const chosen = new Set<string>(options.questions ?? []);
    const lessons = new Set(options.lessons ?? []);
    for (const entry of bank.questions) if (lessons.has(entry.question.lesson)) chosen.add(entry.question.id);
    pool = [...chosen].map((id) => byId.get(id) as Question);
  }
  if (options.types !== undefined) {
    const types = new Set<string>(options.types);
    pool = pool.filter((q) => types.has(q.type));
  }
  if (pool.length === 0)
    return { ok: false, error: 'No question matches this selection (check the lessons and types).' };

  if (options.count !== undefined) {
    const groups = new Map<string, Question[]>();
    for (const q of pool) {
      const key = lessonModule.get(q.lesson) ?? OTHER_GROUP;
      groups.set(key, [...(groups.get(key) ?? []), q]);
    }
    pool = [...groups].flatMap(([key, questions]) =>
      shuffle(questions, `${options.seed}\u0000${key}`).slice(0, options.count),
    );
  }
  if (!explicitOnly) pool = pool.slice().sort(courseOrder);

  const content: SpecContent = {
    v: SPEC_VERSION,
    title: options.title,
    questions: pool.map((q) => q.id),
    seed: options.seed,
    attempts: options.attempts ?? 1,
    ...(options.timeLimit === undefined ? {} : { timeLimit: options.timeLimit }),
    ...(options.opensAt === undefined ? {} : { opensAt: options.opensAt }),
    ...(options.due === undefined ? {} : { due: options.due }),
    shuffleQuestions: options.shuffleQuestions ?? true,
    shuffleOptions: options.shuffleOptions ?? true,
    review: options.review ?? (options.due === undefined ? 'immediate' : 'after-due'),
    ...(options.studentId === undefined ? {} : { studentId: options.studentId }),
  };
  const parsed = assignmentSpecSchema.safeParse({ ...content, id: specId(content) });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${pathLabel(issue.path)}: ${issue.message}`);
    return { ok: false, error: `The assignment is invalid — ${issues.join('; ')}.` };
  }
  return { ok: true, spec: parsed.data };
}
