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
 */
import { z } from 'astro/zod';
import type { Question } from '../../questions/index.ts';
import { contentHash } from '../quiz/hash.ts';
import { shuffle } from '../quiz/shuffle.ts';
import { packJson, unpackJson } from './pack.ts';

/** The spec format this code writes; a link with a larger `v` was made by a newer course. */
export const SPEC_VERSION = 1;

/** When students may see the key and feedback for their answers. */
export const REVIEW_POLICIES = ['immediate', 'after-due', 'never'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

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

/** The id a spec's content deserves: `contentHash` of every field except `id`. */
export function specId(content: SpecContent | AssignmentSpec): string {
  const { id: _id, ...rest } = content as AssignmentSpec;
  return contentHash(rest);
}

/** `content` with its id filled in. */
export function withId(content: SpecContent): AssignmentSpec {
  return { ...content, id: specId(content) } as AssignmentSpec;
}

/** Stable JSON → deflate → base64url (no padding). */
export function encodeSpec(spec: AssignmentSpec): string {
  return packJson(spec);
}

/** Fragments longer than this are refused unread (a real one is a few hundred characters). */
export const MAX_FRAGMENT_LENGTH = 100_000;

export type DecodeSpecResult = { ok: true; spec: AssignmentSpec } | { ok: false; error: string };

function pathLabel(path: readonly PropertyKey[]): string {
  return (
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('') ||
    '(link)'
  );
}

/** The code after `#` (a leading `#` or a whole URL is accepted too) → spec. Never throws. */
export function decodeSpec(fragment: string): DecodeSpecResult {
  if (typeof fragment !== 'string') return { ok: false, error: 'This assignment link is empty.' };
  let code = fragment.trim();
  const hash = code.indexOf('#');
  if (hash >= 0) code = code.slice(hash + 1);
  if (code === '')
    return { ok: false, error: 'This assignment link is incomplete: nothing follows the "#".' };
  if (code.length > MAX_FRAGMENT_LENGTH) {
    return {
      ok: false,
      error: `This assignment link is too long (${code.length} characters) to be a real one.`,
    };
  }
  const unpacked = unpackJson(code, 200_000);
  if (!unpacked.ok) {
    return {
      ok: false,
      error: `This assignment link cannot be read: ${unpacked.message}. Ask for the link again, copied whole.`,
    };
  }
  const value = unpacked.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'This link does not hold an assignment.' };
  }
  const v = (value as { v?: unknown }).v;
  if (typeof v === 'number' && v > SPEC_VERSION) {
    return {
      ok: false,
      error:
        'This link was made by a newer version of the course. Reload the page to get the latest version.',
    };
  }
  if (v !== SPEC_VERSION) {
    return {
      ok: false,
      error: `This link does not hold an assignment this course understands (version ${JSON.stringify(v) ?? 'missing'}).`,
    };
  }
  const parsed = assignmentSpecSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${pathLabel(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
    return { ok: false, error: `This assignment link is invalid — ${issues.join('; ')}${more}.` };
  }
  if (parsed.data.id !== specId(parsed.data)) {
    return {
      ok: false,
      error:
        'This assignment link was altered: its contents no longer match its id. Ask for the original link.',
    };
  }
  return { ok: true, spec: parsed.data };
}

/** Site-relative path of the assignment page for `spec`. */
export function assignmentPath(spec: AssignmentSpec): string {
  return `/assignment/#${encodeSpec(spec)}`;
}

/** Links longer than this get cut by some mail clients, LMS text fields and chat apps. */
export const LINK_WARN_LENGTH = 2000;

/** A warning for a link too long to share safely, or null. */
export function linkLengthWarning(url: string): string | null {
  if (url.length <= LINK_WARN_LENGTH) return null;
  return (
    `The link is ${url.length.toLocaleString('en')} characters long; some email programs and learning platforms ` +
    `cut links longer than ${LINK_WARN_LENGTH.toLocaleString('en')} characters. Use fewer questions or check the link after pasting it.`
  );
}

/**
 * The spec plus the content hash of each of its questions (in spec order; `null` for a hash not
 * given). A submission carries it, so grading can tell answers to an edited question apart.
 */
export function specFingerprint(spec: AssignmentSpec, hashes: Readonly<Record<string, string>>): string {
  return contentHash({ spec, hashes: spec.questions.map((id) => hashes[id] ?? null) });
}

/** The order in which the student with `studentKey` sees the questions. */
export function questionOrder(spec: AssignmentSpec, studentKey: string): string[] {
  return spec.shuffleQuestions
    ? shuffle(spec.questions, `${spec.seed}\u0000${studentKey}`)
    : spec.questions.slice();
}

/**
 * The seed to pass to `displayOrder(question, seed)` for this student: per student when
 * `shuffleOptions`, else `undefined` (the question's own fixed order, as in the lessons).
 */
export function optionSeed(spec: AssignmentSpec, studentKey: string): string | undefined {
  return spec.shuffleOptions ? `${spec.seed}\u0000${studentKey}` : undefined;
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
  };
  const parsed = assignmentSpecSchema.safeParse({ ...content, id: specId(content) });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${pathLabel(issue.path)}: ${issue.message}`);
    return { ok: false, error: `The assignment is invalid — ${issues.join('; ')}.` };
  }
  return { ok: true, spec: parsed.data };
}
