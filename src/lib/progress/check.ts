/**
 * Zod-free validation of the progress document, for the browser.
 *
 * `schema.ts` (zod) stays the documented source of truth for the document's
 * shape and types, and the strict import path (import.ts) still uses it. But
 * zod is ~28 KB gzipped, and every lesson page decodes progress on load, so
 * the codec, merge and the store validate with these hand-written checkers
 * instead. check.test.ts proves, with fast-check, that `checkProgress` accepts
 * exactly what `ProgressSchema` accepts and returns the same value (unknown
 * keys stripped, `__proto__` record keys skipped, JSON copied).
 *
 * Issues mimic zod's: the same `path` and, where practical, the same English
 * message (`Invalid input: expected number, received string`, `Too small:
 * expected number to be >=0`, `Invalid key in record`, and `Invalid input` for
 * a value that is not JSON), so `describeIssues` in codec.ts reads either.
 *
 * The document constants (from keys.ts) and `emptyProgress` are exported
 * here, not from schema.ts, so that importing them does not pull zod in;
 * schema.ts re-exports them.
 */
import type { z } from 'astro/zod';
// The document's identity (kind, version, id rule) lives in keys.ts, which the page shell imports
// without this checker; re-exported here for everything that validates documents.
import { CURRENT_VERSION, MAX_ID_LENGTH, PROGRESS_KIND, isProgressId } from './keys.ts';
import type { Attempt, LessonProgress, Progress, QuestionProgress } from './schema.ts';

export { CURRENT_VERSION, MAX_ID_LENGTH, PROGRESS_KIND, isProgressId };

type Json = z.core.util.JSONType;

/**
 * Hash given to attempts migrated from the version-0 prototype, which did not
 * record question versions. It never equals a real content hash, so those
 * attempts are kept but never counted against the current question.
 */
export const UNKNOWN_HASH = 'unknown';

/** A fresh document for a learner with no history. */
export function emptyProgress(): Progress {
  return {
    kind: PROGRESS_KIND,
    version: CURRENT_VERSION,
    lessons: {},
    questions: {},
    reviews: {},
    updatedAt: 0,
  };
}

export type IssuePath = (string | number)[];
export interface CheckIssue {
  path: IssuePath;
  message: string;
}
export type CheckResult<T> = { ok: true; value: T } | { ok: false; issues: CheckIssue[] };

/**
 * A checker returns the checked value (a fresh copy for objects) and records
 * problems in `issues`; its return value is only meaningful when it added none.
 */
type Checker<T> = (value: unknown, path: IssuePath, issues: CheckIssue[]) => T;

function run<T>(check: Checker<T>, value: unknown): CheckResult<T> {
  const issues: CheckIssue[] = [];
  const checked = check(value, [], issues);
  return issues.length === 0 ? { ok: true, value: checked } : { ok: false, issues };
}

/** What zod's English messages call the type of `value`. */
function received(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: unknown }).constructor;
    if (Object.getPrototypeOf(value) !== Object.prototype && typeof ctor === 'function') return ctor.name;
  }
  return typeof value;
}

function wrongType(issues: CheckIssue[], path: IssuePath, expected: string, value: unknown): void {
  issues.push({ path, message: `Invalid input: expected ${expected}, received ${received(value)}` });
}

type Obj = Record<PropertyKey, unknown>;

/** What `z.object` accepts. */
function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `z.record` accepts: zod's `isPlainObject` (any JSON.parse object passes). */
function isPlainObject(value: unknown): value is Obj {
  if (!isObject(value)) return false;
  const ctor = value['constructor'];
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}

/** Own enumerable keys as zod's records see them; `__proto__` is skipped (never validated, never copied). */
function recordKeys(value: Obj): (string | symbol)[] {
  return Reflect.ownKeys(value).filter(
    (key) => key !== '__proto__' && Object.prototype.propertyIsEnumerable.call(value, key),
  );
}

/** `z.number()` with optional bounds: finite, then `min`, then `max`. */
function number(value: unknown, path: IssuePath, issues: CheckIssue[], max?: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    wrongType(issues, path, 'number', value);
  } else if (value < 0) {
    issues.push({ path, message: 'Too small: expected number to be >=0' });
  } else if (max !== undefined && value > max) {
    issues.push({ path, message: `Too big: expected number to be <=${max}` });
  }
  return value as number;
}

/** `z.int().min(0)`: a safe integer ≥ 0 (epoch ms, hint counts). */
const nonNegativeInt: Checker<number> = (value, path, issues) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    wrongType(issues, path, 'number', value);
  } else if (!Number.isInteger(value)) {
    wrongType(issues, path, 'int', value);
  } else {
    // zod reports the safe-range issue and then still runs `.min(0)`.
    if (value > Number.MAX_SAFE_INTEGER) {
      issues.push({ path, message: `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` });
    } else if (value < Number.MIN_SAFE_INTEGER) {
      issues.push({ path, message: `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}` });
    }
    if (value < 0) issues.push({ path, message: 'Too small: expected number to be >=0' });
  }
  return value as number;
};

const string: Checker<string> = (value, path, issues) => {
  if (typeof value !== 'string') wrongType(issues, path, 'string', value);
  return value as string;
};

const NOT_JSON = Symbol('not JSON');

/** A copy of `value` as `z.json()` would return it, or NOT_JSON. */
function copyJson(value: unknown): Json | typeof NOT_JSON {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : NOT_JSON;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: Json[] = [];
        for (let i = 0; i < value.length; i++) {
          const item = copyJson(value[i]);
          if (item === NOT_JSON) return NOT_JSON;
          out.push(item);
        }
        return out;
      }
      if (!isPlainObject(value)) return NOT_JSON;
      const out: Record<string, Json> = {};
      for (const key of recordKeys(value)) {
        if (typeof key === 'symbol') return NOT_JSON;
        const item = copyJson(value[key]);
        if (item === NOT_JSON) return NOT_JSON;
        out[key] = item;
      }
      return out;
    }
    default:
      return NOT_JSON;
  }
}

/** `z.json()`: zod reports one `Invalid input` at the value itself, however deep the fault. */
const json: Checker<Json> = (value, path, issues) => {
  const copy = copyJson(value);
  if (copy === NOT_JSON) {
    issues.push({ path, message: 'Invalid input' });
    return null;
  }
  return copy;
};

/** `z.record(IdSchema, check)`. */
function record<T>(check: Checker<T>): Checker<Record<string, T>> {
  return (value, path, issues) => {
    const out: Record<string, T> = {};
    if (!isPlainObject(value)) {
      wrongType(issues, path, 'record', value);
      return out;
    }
    for (const key of recordKeys(value)) {
      if (typeof key === 'symbol' || !isProgressId(key)) {
        issues.push({ path: [...path, String(key)], message: 'Invalid key in record' });
      } else {
        out[key] = check(value[key], [...path, key], issues);
      }
    }
    return out;
  };
}

/**
 * An optional field of a `z.object`: absent stays absent, present-but-undefined
 * is kept as undefined (as zod does), anything else is checked.
 */
function optional<T, K extends keyof T & string>(
  out: T,
  input: Obj,
  key: K,
  check: Checker<NonNullable<T[K]>>,
  path: IssuePath,
  issues: CheckIssue[],
): void {
  if (!(key in input)) return;
  const value = input[key];
  out[key] = (value === undefined ? undefined : check(value, [...path, key], issues)) as T[K];
}

const lessonProgress: Checker<LessonProgress> = (value, path, issues) => {
  const out: LessonProgress = {};
  if (!isObject(value)) {
    wrongType(issues, path, 'object', value);
    return out;
  }
  optional(out, value, 'visitedAt', nonNegativeInt, path, issues);
  optional(out, value, 'lastVisitedAt', nonNegativeInt, path, issues);
  optional(out, value, 'readAt', nonNegativeInt, path, issues);
  return out;
};

const attempt: Checker<Attempt> = (value, path, issues) => {
  if (!isObject(value)) {
    wrongType(issues, path, 'object', value);
    return value as Attempt;
  }
  // Fields in schema order, so the copy serialises like zod's output.
  const out = {
    at: nonNegativeInt(value['at'], [...path, 'at'], issues),
    response: json(value['response'], [...path, 'response'], issues),
    score: number(value['score'], [...path, 'score'], issues, 1),
  } as Attempt;
  optional(out, value, 'hintsUsed', nonNegativeInt, path, issues);
  optional(out, value, 'ms', (v, p, i) => number(v, p, i), path, issues);
  out.hash = string(value['hash'], [...path, 'hash'], issues);
  return out;
};

const questionProgress: Checker<QuestionProgress> = (value, path, issues) => {
  if (!isObject(value)) {
    wrongType(issues, path, 'object', value);
    return value as QuestionProgress;
  }
  const hash = string(value['hash'], [...path, 'hash'], issues);
  const attemptsIn = value['attempts'];
  const attempts: Attempt[] = [];
  if (!Array.isArray(attemptsIn)) {
    wrongType(issues, [...path, 'attempts'], 'array', attemptsIn);
  } else {
    for (let i = 0; i < attemptsIn.length; i++) {
      attempts.push(attempt(attemptsIn[i], [...path, 'attempts', i], issues));
    }
  }
  return { hash, attempts };
};

function literal<T extends string | number>(expected: T): Checker<T> {
  return (value, path, issues) => {
    if (value !== expected)
      issues.push({ path, message: `Invalid input: expected ${JSON.stringify(expected)}` });
    return expected;
  };
}

const progress: Checker<Progress> = (value, path, issues) => {
  if (!isObject(value)) {
    wrongType(issues, path, 'object', value);
    return value as Progress;
  }
  const field = <T>(key: string, check: Checker<T>): T => check(value[key], [...path, key], issues);
  return {
    kind: field('kind', literal(PROGRESS_KIND)),
    version: field('version', literal(CURRENT_VERSION)),
    lessons: field('lessons', record(lessonProgress)),
    questions: field('questions', record(questionProgress)),
    reviews: field('reviews', record(json)),
    updatedAt: field('updatedAt', nonNegativeInt),
  };
};

/** Milliseconds since the Unix epoch: a safe integer ≥ 0 (`EpochMsSchema`). */
export const checkEpochMs = (value: unknown): CheckResult<number> => run(nonNegativeInt, value);
/** Any JSON value (`z.json()`); the result is a copy. */
export const checkJson = (value: unknown): CheckResult<Json> => run(json, value);
/** One answer submission (`AttemptSchema`). */
export const checkAttempt = (value: unknown): CheckResult<Attempt> => run(attempt, value);
/** Reading progress for one lesson (`LessonProgressSchema`). */
export const checkLessonProgress = (value: unknown): CheckResult<LessonProgress> =>
  run(lessonProgress, value);
/** Everything recorded about one question (`QuestionProgressSchema`). */
export const checkQuestionProgress = (value: unknown): CheckResult<QuestionProgress> =>
  run(questionProgress, value);
/** The whole document (`ProgressSchema`): unknown keys are dropped from the copy, as zod does. */
export const checkProgress = (value: unknown): CheckResult<Progress> => run(progress, value);
