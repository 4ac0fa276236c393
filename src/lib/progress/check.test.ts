/**
 * check.ts must accept exactly what schema.ts (zod) accepts, return the same value, and report
 * the same issues; schema.ts stays the source of truth and import.ts still validates with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  checkAttempt,
  checkEpochMs,
  checkJson,
  checkLessonProgress,
  checkProgress,
  checkQuestionProgress,
  isProgressId,
  type CheckResult,
} from './check.ts';
import { decodeProgress } from './codec.ts';
import {
  AttemptSchema,
  EpochMsSchema,
  IdSchema,
  LessonProgressSchema,
  ProgressSchema,
  QuestionProgressSchema,
} from './schema.ts';
import { sameValue } from '../same-value.ts';

const RUNS = { numRuns: 500 };
// Property runs are many; give them room on a busy machine (the whole suite runs in parallel).
const SLOW = 60_000;

/** Both validators agree on `value`: same verdict, same output, same issue paths and messages. */
function agree<T>(check: (value: unknown) => CheckResult<T>, schema: z.ZodType, value: unknown): void {
  const ours = check(value);
  const theirs = schema.safeParse(value);
  expect(ours.ok).toBe(theirs.success);
  if (ours.ok && theirs.success) {
    expect(sameValue(ours.value, theirs.data), 'same output value').toBe(true);
  } else if (!ours.ok && !theirs.success) {
    expect(ours.issues).toEqual(theirs.error.issues.map(({ path, message }) => ({ path, message })));
  }
}

// Ids that matter: boundaries of the length rule, the reserved key, prototype names.
const idArb = fc.oneof(
  fc.constantFrom('l1', 'q1', 'mali-q03', 'constructor', 'toString', '__proto__', '', 'x'.repeat(200)),
  fc.constantFrom('x'.repeat(201), '😀'.repeat(100), '😀'.repeat(101), '1', '0'),
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 195, maxLength: 205 }),
);
const intArb = fc.oneof(
  fc.integer({ min: 0, max: 4_000_000_000_000 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 2 ** 60, -(2 ** 60), -0),
);
const attemptArb = fc.record(
  {
    at: intArb,
    response: fc.jsonValue({ maxDepth: 2 }),
    score: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    hintsUsed: fc.integer({ min: 0, max: 5 }),
    ms: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e9, noNaN: true })),
    hash: fc.string({ maxLength: 6 }),
  },
  { requiredKeys: ['at', 'response', 'score', 'hash'] },
);
const lessonArb = fc.record(
  { visitedAt: intArb, lastVisitedAt: intArb, readAt: intArb },
  { requiredKeys: [] },
);
const questionArb = fc.record({
  hash: fc.string({ maxLength: 6 }),
  attempts: fc.array(attemptArb, { maxLength: 3 }),
});
/** Documents that are valid apart from (sometimes) their ids. */
const documentArb = fc.record({
  kind: fc.constant('eoc-progress'),
  version: fc.constant(1),
  lessons: fc.dictionary(idArb, lessonArb, { maxKeys: 3 }),
  questions: fc.dictionary(idArb, questionArb, { maxKeys: 3 }),
  reviews: fc.dictionary(idArb, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
  updatedAt: intArb,
});

/** Values a corruption writes: near misses for every field type, and anything at all. */
const badValueArb = fc.oneof(
  fc.constantFrom(-1, 1.5, 2, -0.5, 2 ** 53, -(2 ** 60), NaN, Infinity, -Infinity, '', 'x', '1', true, null),
  fc.constantFrom(undefined, [], {}, [undefined], { a: NaN }, { a: [1, Infinity] }, 'eoc-progress', 0, 1),
  fc.jsonValue({ maxDepth: 2 }),
  fc.anything({ maxDepth: 1, withBoxedValues: true, withDate: true, withMap: true, withNullPrototype: true }),
);
const DELETE = Symbol('delete');
const EXTRA = Symbol('extra key');

/** A deep copy that keeps own `__proto__` keys (as JSON.parse makes them). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: clone(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Every container (object or array) in `value` with its keys, depth first. */
function containers(value: unknown, out: [Record<string, unknown> | unknown[], string[]][] = []) {
  if (
    typeof value === 'object' &&
    value !== null &&
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)
  ) {
    const keys = Object.keys(value);
    out.push([value as Record<string, unknown>, keys]);
    for (const key of keys) containers((value as Record<string, unknown>)[key], out);
  }
  return out;
}

/** A valid-ish document with 0–3 random corruptions: a field replaced, deleted, or an extra key added. */
const corruptedArb = fc
  .tuple(
    documentArb,
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(badValueArb, fc.constant(DELETE), fc.constant(EXTRA))), {
      maxLength: 3,
    }),
  )
  .map(([doc, edits]) => {
    const copy = clone(doc);
    for (const [where, which, value] of edits) {
      const all = containers(copy);
      const [target, keys] = all[where % all.length] ?? [];
      if (!target || !keys) continue;
      const key = keys.length > 0 ? keys[which % keys.length] : undefined;
      const record = target as Record<string, unknown>;
      if (value === EXTRA) record[`extra${which % 3}`] = which;
      else if (key === undefined) continue;
      else if (value === DELETE) delete record[key];
      else record[key] = value;
    }
    return copy;
  });

describe('check.ts agrees with schema.ts', () => {
  it(
    'isProgressId ⇔ IdSchema',
    () => {
      fc.assert(
        fc.property(fc.oneof(idArb, fc.anything()), (id) => {
          expect(isProgressId(id)).toBe(IdSchema.safeParse(id).success);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'checkProgress ⇔ ProgressSchema on arbitrary JSON',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => agree(checkProgress, ProgressSchema, value)),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'checkProgress ⇔ ProgressSchema on valid documents',
    () => {
      fc.assert(
        fc.property(documentArb, (value) => agree(checkProgress, ProgressSchema, value)),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'checkProgress ⇔ ProgressSchema on corrupted documents, and through JSON',
    () => {
      fc.assert(
        fc.property(corruptedArb, (value) => {
          agree(checkProgress, ProgressSchema, value);
          const text = JSON.stringify(value);
          if (text !== undefined) agree(checkProgress, ProgressSchema, JSON.parse(text));
        }),
        { numRuns: 1500 },
      );
    },
    SLOW,
  );

  it(
    'the part checkers ⇔ their schemas',
    () => {
      const anyArb = fc.oneof(badValueArb, fc.anything({ withNullPrototype: true, withSparseArray: true }));
      fc.assert(
        fc.property(fc.oneof(attemptArb, anyArb), (value) => agree(checkAttempt, AttemptSchema, value)),
        RUNS,
      );
      fc.assert(
        fc.property(fc.oneof(lessonArb, anyArb), (value) =>
          agree(checkLessonProgress, LessonProgressSchema, value),
        ),
        RUNS,
      );
      fc.assert(
        fc.property(fc.oneof(questionArb, anyArb), (value) =>
          agree(checkQuestionProgress, QuestionProgressSchema, value),
        ),
        RUNS,
      );
      fc.assert(
        fc.property(fc.oneof(intArb, anyArb), (value) => agree(checkEpochMs, EpochMsSchema, value)),
        RUNS,
      );
      const JsonSchema = z.json();
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), anyArb), (value) => agree(checkJson, JsonSchema, value)),
        RUNS,
      );
    },
    SLOW,
  );

  it('skips `__proto__` record keys and strips unknown keys, as zod does', () => {
    const doc = JSON.parse(
      '{"kind":"eoc-progress","version":1,"lessons":{"__proto__":5,"a":{"readAt":1,"x":2}},' +
        '"questions":{},"reviews":{"q":{"__proto__":{"polluted":true},"due":"2030"}},"updatedAt":0,"extra":1}',
    ) as unknown;
    agree(checkProgress, ProgressSchema, doc);
    const result = checkProgress(doc);
    expect(result.ok && result.value).toEqual({
      kind: 'eoc-progress',
      version: 1,
      lessons: { a: { readAt: 1 } },
      questions: {},
      reviews: { q: { due: '2030' } },
      updatedAt: 0,
    });
  });

  it('reports zod-style paths and messages', () => {
    const result = checkProgress({
      kind: 'eoc-progress',
      version: 1,
      lessons: { '': {}, a: { readAt: 1.5 } },
      questions: { q: { hash: 'h', attempts: [{ at: -1, response: [NaN], score: '1', hash: 'h' }] } },
      reviews: {},
      updatedAt: 0,
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: ['lessons', ''], message: 'Invalid key in record' },
        { path: ['lessons', 'a', 'readAt'], message: 'Invalid input: expected int, received number' },
        { path: ['questions', 'q', 'attempts', 0, 'at'], message: 'Too small: expected number to be >=0' },
        { path: ['questions', 'q', 'attempts', 0, 'response'], message: 'Invalid input' },
        {
          path: ['questions', 'q', 'attempts', 0, 'score'],
          message: 'Invalid input: expected number, received string',
        },
      ],
    });
  });
});

describe('decodeProgress with check.ts', () => {
  it(
    'stays total on corrupted documents and always returns a schema-valid state',
    () => {
      fc.assert(
        fc.property(corruptedArb, (value) => {
          const text = JSON.stringify(value) ?? 'undefined';
          const result = decodeProgress(text);
          expect(ProgressSchema.safeParse(result.state).success).toBe(true);
          expect(result.problem === undefined).toBe(result.reason === undefined);
          // A document zod accepts decodes as zod reads it, with no problem.
          const parsed = ProgressSchema.safeParse(JSON.parse(text === 'undefined' ? 'null' : text));
          if (parsed.success) {
            expect(result.problem).toBeUndefined();
            expect(sameValue(result.state, parsed.data)).toBe(true);
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );
});
