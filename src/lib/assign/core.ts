/**
 * Pure: no DOM, no framework — and no zod at runtime.
 *
 * The part of assignment specs a student's browser needs: ids, links, per-student orders and a
 * zod-free decoder. `spec.ts` (with the zod schema, used by the CLIs and the instructor pages)
 * re-exports all of it, so the two can never disagree on how an order or an id is computed.
 *
 * `decodeSpecLite` runs exactly the same steps as `decodeSpec` (fragment → unpack → version →
 * check → id) with a hand-written check that mirrors `assignmentSpecSchema` field for field; the
 * tests compare the two on arbitrary input. Only `import type` from `spec.ts` is allowed here.
 */
import type { AssignmentSpec, SpecContent } from './spec.ts';
import { contentHash } from '../quiz/hash.ts';
import { shuffle } from '../quiz/shuffle.ts';
import { packJson, unpackJson } from './pack.ts';

/** The spec format this code writes; a link with a larger `v` was made by a newer course. */
export const SPEC_VERSION = 1;

/** What the page asks each student for besides the name: nothing (optional id), a student number, or an email. */
export const STUDENT_ID_KINDS = ['number', 'email'] as const;
export type StudentIdKind = (typeof STUDENT_ID_KINDS)[number];

/** When students may see the key and feedback for their answers. */
export const REVIEW_POLICIES = ['immediate', 'after-due', 'never'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

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

/** One problem found by a spec check: where (`questions[2]`) and what. */
export interface SpecIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** A spec check: the checked spec, or its problems in field order. */
export type SpecCheck = (
  value: unknown,
) => { ok: true; spec: AssignmentSpec } | { ok: false; issues: SpecIssue[] };

export function pathLabel(path: readonly PropertyKey[], empty: string): string {
  return (
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('') ||
    empty
  );
}

/**
 * The code after `#` (a leading `#` or a whole URL is accepted too) → spec, validated by `check`.
 * Never throws.
 */
export function decodeSpecWith(fragment: string, check: SpecCheck): DecodeSpecResult {
  if (typeof fragment !== 'string') return { ok: false, error: 'This assignment link is empty.' };
  let code = fragment.trim();
  const hash = code.indexOf('#');
  if (hash >= 0) code = code.slice(hash + 1);
  // `code.sealed[.key]`: the sealed answers and the release key follow the spec (src/lib/secret/release.ts).
  code = code.split('.')[0] ?? '';
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
  const checked = check(value);
  if (!checked.ok) {
    const issues = checked.issues
      .slice(0, 3)
      .map((issue) => `${pathLabel(issue.path, '(link)')}: ${issue.message}`);
    const more = checked.issues.length > 3 ? ` (and ${checked.issues.length - 3} more)` : '';
    return { ok: false, error: `This assignment link is invalid — ${issues.join('; ')}${more}.` };
  }
  if (checked.spec.id !== specId(checked.spec)) {
    return {
      ok: false,
      error:
        'This assignment link was altered: its contents no longer match its id. Ask for the original link.',
    };
  }
  return { ok: true, spec: checked.spec };
}

// Zod 4's `z.iso.datetime({ offset: true })`: seconds required, optional fraction, `Z` or ±hh:mm.
const DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const ISO_DATE_TIME = new RegExp(
  `^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`,
);
const ISO_MESSAGE = 'Use an ISO date-time, e.g. 2026-05-01T17:00:00Z';
const QUESTION_ID = /^[a-z0-9][a-z0-9-]*$/;
const SPEC_KEYS = new Set([
  'v',
  'id',
  'title',
  'questions',
  'seed',
  'attempts',
  'timeLimit',
  'opensAt',
  'due',
  'shuffleQuestions',
  'shuffleOptions',
  'review',
  'studentId',
]);

/**
 * The zod-free twin of `assignmentSpecSchema.safeParse`: the same rules, and messages that say the
 * same thing (wording of type errors may differ). The id is checked by the caller.
 */
export const checkSpecLite: SpecCheck = (value) => {
  const issues: SpecIssue[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [{ path: [], message: 'Expected an object' }] };
  }
  const record = value as Record<string, unknown>;
  const add = (path: PropertyKey[], message: string): void => {
    issues.push({ path, message });
  };
  const integer = (key: string, min: number, max: number, optional = false): void => {
    const n = record[key];
    if (optional && n === undefined) return;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) add([key], 'Expected a whole number');
    else if (n < min) add([key], `Too small: expected ≥ ${min}`);
    else if (n > max) add([key], `Too big: expected ≤ ${max}`);
  };
  const isoDate = (key: string): void => {
    const s = record[key];
    if (s !== undefined && (typeof s !== 'string' || !ISO_DATE_TIME.test(s))) add([key], ISO_MESSAGE);
  };

  if (record['v'] !== SPEC_VERSION) add(['v'], `Expected ${SPEC_VERSION}`);
  if (typeof record['id'] !== 'string' || !/^[0-9a-f]{14}$/.test(record['id']))
    add(['id'], 'Must be 14 hexadecimal characters');
  const title = record['title'];
  if (typeof title !== 'string') add(['title'], 'Expected text');
  else if (!/\S/.test(title)) add(['title'], 'Must not be blank');
  else if (title.length > 200) add(['title'], 'Too long: at most 200 characters');
  const questions = record['questions'];
  if (!Array.isArray(questions)) add(['questions'], 'Expected a list of question ids');
  else {
    if (questions.length < 1) add(['questions'], 'An assignment needs at least one question');
    if (questions.length > 500) add(['questions'], 'Too many: at most 500 questions');
    const seen = new Set<string>();
    questions.forEach((id: unknown, index) => {
      if (typeof id !== 'string' || !QUESTION_ID.test(id)) {
        add(['questions', index], 'Question ids use lowercase letters, digits and hyphens');
        return;
      }
      if (seen.has(id)) add(['questions', index], `"${id}" is listed twice`);
      seen.add(id);
    });
  }
  const seed = record['seed'];
  if (typeof seed !== 'string' || seed.length < 1 || seed.length > 100)
    add(['seed'], 'Expected text of 1 to 100 characters');
  integer('attempts', 1, 100);
  integer('timeLimit', 1, 10_080, true);
  isoDate('opensAt');
  isoDate('due');
  for (const key of ['shuffleQuestions', 'shuffleOptions']) {
    if (typeof record[key] !== 'boolean') add([key], 'Expected true or false');
  }
  const review = record['review'];
  if (!(REVIEW_POLICIES as readonly unknown[]).includes(review))
    add(['review'], `Expected one of ${REVIEW_POLICIES.map((p) => `"${p}"`).join(', ')}`);
  const studentId = record['studentId'];
  if (studentId !== undefined && !(STUDENT_ID_KINDS as readonly unknown[]).includes(studentId))
    add(['studentId'], `Expected one of ${STUDENT_ID_KINDS.map((k) => `"${k}"`).join(', ')}`);
  const unknown = Object.keys(record).filter((key) => !SPEC_KEYS.has(key));
  if (unknown.length > 0)
    add([], `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k}"`).join(', ')}`);
  if (issues.length > 0) return { ok: false, issues };

  const spec = record as unknown as AssignmentSpec;
  if (spec.opensAt && spec.due && Date.parse(spec.opensAt) >= Date.parse(spec.due)) {
    add(['due'], 'The due date must be after the opening date');
  }
  if (spec.review === 'after-due' && spec.due === undefined) {
    add(['review'], '"after-due" review needs a due date');
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, spec };
};

/** `decodeSpec` without zod, for the student's page. Never throws. */
export function decodeSpecLite(fragment: string): DecodeSpecResult {
  return decodeSpecWith(fragment, checkSpecLite);
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
