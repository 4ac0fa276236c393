import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeProgress, encodeProgress } from './codec.ts';
import {
  addAttempt,
  mergeProgress,
  normalizeProgress,
  readLesson,
  resetLessonProgress,
  stableJson,
  toJson,
  visitLesson,
} from './merge.ts';
import { check, emptyProgress, ProgressSchema, type Attempt, type Progress } from './schema.ts';

// Small id/hash/time pools so that generated documents overlap and collide:
// merge is only interesting when both sides know the same question.
const idArb = fc.constantFrom('l1', 'l2', 'q1', 'q2', 'mali-q03', 'toString');
const hashArb = fc.constantFrom('h1', 'h2', 'h3');
const timeArb = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 4_000_000_000_000 }));
// JSON round trip: -0 and the like are not JSON.
// No key a document may not hold (`constructor`, `prototype`: see PROGRESS_LIMITS.reserved).
const jsonArb = fc
  .jsonValue({ maxDepth: 2 })
  .map((value) => toJson(value))
  .filter((value) => !/"(constructor|prototype)"/.test(JSON.stringify(value)));

/** Fields a newer version of the course might add to any object: merge must carry them. */
const unknownArb = fc.dictionary(fc.constantFrom('note', 'flag', 'x-new'), jsonArb, {
  maxKeys: 2,
  noNullPrototype: true,
});
function withUnknown<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc
    .tuple(arb, fc.option(unknownArb, { freq: 3, nil: undefined }))
    .map(([value, extra]) => ({ ...extra, ...value }));
}

const attemptArb: fc.Arbitrary<Attempt> = withUnknown(
  fc.record(
    {
      at: timeArb,
      response: fc.oneof(fc.constantFrom('a', 'b', 0, 1), jsonArb),
      score: fc.oneof(
        fc.constantFrom(0, 0.5, 1),
        fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
      ),
      hash: hashArb,
      hintsUsed: fc.integer({ min: 0, max: 3 }),
      ms: fc.integer({ min: 0, max: 100_000 }),
    },
    { requiredKeys: ['at', 'response', 'score', 'hash'], noNullPrototype: true },
  ),
);

const isoArb = fc
  .date({ min: new Date(0), max: new Date(4_000_000_000_000), noInvalidDate: true })
  .map((d) => d.toISOString());
const cardArb = fc.oneof(
  fc.record(
    {
      due: isoArb,
      last_review: isoArb,
      stability: fc.integer({ min: 0, max: 100 }),
      state: fc.constantFrom(0, 1, 2),
    },
    { requiredKeys: ['due'], noNullPrototype: true },
  ),
  jsonArb,
);

const progressArb: fc.Arbitrary<Progress> = withUnknown(
  fc.record(
    {
      kind: fc.constant('eoc-progress' as const),
      version: fc.constant(1 as const),
      lessons: fc.dictionary(
        idArb,
        withUnknown(
          fc.record(
            { visitedAt: timeArb, lastVisitedAt: timeArb, readAt: timeArb, restartedAt: timeArb },
            { requiredKeys: [], noNullPrototype: true },
          ),
        ),
        { noNullPrototype: true },
      ),
      questions: fc.dictionary(
        idArb,
        withUnknown(
          fc.record(
            { hash: hashArb, attempts: fc.array(attemptArb, { maxLength: 5 }) },
            { noNullPrototype: true },
          ),
        ),
        { noNullPrototype: true },
      ),
      reviews: fc.dictionary(idArb, cardArb, { noNullPrototype: true }),
      updatedAt: timeArb,
    },
    { noNullPrototype: true },
  ),
);

/** Attempts equal in every field are one attempt. */
const identity = (a: Attempt) => stableJson(a);

describe('mergeProgress properties', () => {
  it('generated documents are valid (sanity check of the generator)', () => {
    fc.assert(fc.property(progressArb, (x) => check(ProgressSchema, x).ok));
  });

  it('is idempotent: merge(a, a) = normalize(a), and normalize is a fixed point', () => {
    fc.assert(
      fc.property(progressArb, (a) => {
        const n = normalizeProgress(a);
        expect(mergeProgress(a, a)).toEqual(n);
        expect(mergeProgress(n, n)).toEqual(n);
        expect(normalizeProgress(n)).toEqual(n);
      }),
    );
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(progressArb, progressArb, progressArb, (a, b, c) => {
        expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(b, c)));
      }),
    );
  });

  it('keeps every attempt of both sides, sorted by time, without duplicates', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        const merged = mergeProgress(a, b);
        for (const side of [a, b]) {
          for (const [qid, question] of Object.entries(side.questions)) {
            const kept = new Set(merged.questions[qid]?.attempts.map(identity));
            for (const attempt of question.attempts) expect(kept.has(identity(attempt))).toBe(true);
          }
        }
        for (const question of Object.values(merged.questions)) {
          const ats = question.attempts.map((x) => x.at);
          expect(ats).toEqual([...ats].sort((x, y) => x - y));
          const ids = question.attempts.map(identity);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
    );
  });

  it('produces a valid document that survives encode/decode unchanged', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        const merged = mergeProgress(a, b);
        const decoded = decodeProgress(encodeProgress(merged));
        expect(decoded.problem).toBeUndefined();
        // toEqual + canonical JSON rather than toStrictEqual (key order aside).
        expect(decoded.state).toEqual(merged);
        expect(stableJson(decoded.state)).toBe(stableJson(merged));
      }),
    );
  });

  it('round-trips any document: decode(encode(x)) = x', () => {
    fc.assert(
      fc.property(progressArb, (x) => {
        const decoded = decodeProgress(encodeProgress(x));
        expect(decoded.problem).toBeUndefined();
        expect(decoded.state).toEqual(x);
        expect(stableJson(decoded.state)).toBe(stableJson(x));
      }),
    );
  });

  it('importing the same file twice changes nothing', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (current, file) => {
        const once = mergeProgress(current, file);
        expect(mergeProgress(once, file)).toEqual(once);
      }),
    );
  });
});

describe('mergeProgress rules', () => {
  const doc = (patch: Partial<Progress>): Progress => ({ ...emptyProgress(), ...patch });

  it('keeps the first visit and first read, the last visit, and the latest updatedAt', () => {
    const a = doc({ lessons: { l: { visitedAt: 10, lastVisitedAt: 10 } }, updatedAt: 10 });
    const b = doc({ lessons: { l: { visitedAt: 5, lastVisitedAt: 50, readAt: 60 } }, updatedAt: 60 });
    expect(mergeProgress(a, b)).toEqual(
      doc({ lessons: { l: { visitedAt: 5, lastVisitedAt: 50, readAt: 60 } }, updatedAt: 60 }),
    );
  });

  it('takes the question hash from the side with the newest attempt', () => {
    const a = doc({
      questions: { q: { hash: 'old', attempts: [{ at: 1, response: 'x', score: 1, hash: 'old' }] } },
    });
    const b = doc({
      questions: { q: { hash: 'new', attempts: [{ at: 9, response: 'y', score: 0, hash: 'new' }] } },
    });
    const merged = mergeProgress(a, b);
    expect(merged.questions['q']?.hash).toBe('new');
    expect(merged.questions['q']?.attempts.map((x) => x.at)).toEqual([1, 9]);
  });

  it('deduplicates attempts regardless of response key order', () => {
    const a = doc({
      questions: { q: { hash: 'h', attempts: [{ at: 1, response: { a: 1, b: 2 }, score: 1, hash: 'h' }] } },
    });
    const b = doc({
      questions: { q: { hash: 'h', attempts: [{ at: 1, response: { b: 2, a: 1 }, score: 1, hash: 'h' }] } },
    });
    expect(mergeProgress(a, b).questions['q']?.attempts).toHaveLength(1);
  });

  it('keeps the review card reviewed last, and a reviewed card over a never-reviewed one', () => {
    const early = { due: '2030-01-05T00:00:00.000Z', last_review: '2030-01-01T00:00:00.000Z', reps: 1 };
    const late = { due: '2030-01-03T00:00:00.000Z', last_review: '2030-01-02T00:00:00.000Z', reps: 2 };
    const fresh = { due: '2031-01-01T00:00:00.000Z', reps: 0 };
    expect(mergeProgress(doc({ reviews: { q: early } }), doc({ reviews: { q: late } })).reviews['q']).toEqual(
      late,
    );
    expect(mergeProgress(doc({ reviews: { q: late } }), doc({ reviews: { q: early } })).reviews['q']).toEqual(
      late,
    );
    expect(
      mergeProgress(doc({ reviews: { q: fresh } }), doc({ reviews: { q: early } })).reviews['q'],
    ).toEqual(early);
  });
});

describe('updates', () => {
  it('addAttempt appends, sets the question hash and updatedAt', () => {
    let state = addAttempt(emptyProgress(), { qid: 'q', hash: 'h1', response: 'a', score: 1, at: 100 });
    state = addAttempt(state, {
      qid: 'q',
      hash: 'h2',
      response: 'b',
      score: 0.5,
      at: 200,
      hintsUsed: 1,
      ms: 3000,
    });
    expect(state.questions['q']).toEqual({
      hash: 'h2',
      attempts: [
        { at: 100, response: 'a', score: 1, hash: 'h1' },
        { at: 200, response: 'b', score: 0.5, hash: 'h2', hintsUsed: 1, ms: 3000 },
      ],
    });
    expect(state.updatedAt).toBe(200);
  });

  it('addAttempt coerces widget mistakes into a valid document', () => {
    const state = addAttempt(emptyProgress(), {
      qid: 'q',
      hash: 'h',
      response: { when: new Date(0), skip: undefined, f: () => 1 },
      score: 1.7,
      at: 12.5,
      hintsUsed: -1,
      ms: Number.NaN,
    });
    expect(check(ProgressSchema, state).ok).toBe(true);
    expect(state.questions['q']?.attempts[0]).toEqual({
      at: 12,
      response: { when: '1970-01-01T00:00:00.000Z' },
      score: 1,
      hash: 'h',
    });
    expect(() => addAttempt(emptyProgress(), { qid: '', hash: 'h', response: 1, score: 1, at: 1 })).toThrow(
      TypeError,
    );
  });

  it('visitLesson keeps the first visit and moves the last visit; readLesson keeps the first read', () => {
    let state = visitLesson(emptyProgress(), 'l', 10);
    state = visitLesson(state, 'l', 20);
    state = readLesson(state, 'l', 30);
    state = readLesson(state, 'l', 40);
    expect(state.lessons['l']).toEqual({ visitedAt: 10, lastVisitedAt: 20, readAt: 30 });
  });

  it('resetLessonProgress removes the lesson questions and read mark only', () => {
    let state = visitLesson(emptyProgress(), 'l', 10);
    state = readLesson(state, 'l', 11);
    state = addAttempt(state, { qid: 'q1', hash: 'h', response: 1, score: 1, at: 12 });
    state = addAttempt(state, { qid: 'other', hash: 'h', response: 1, score: 1, at: 13 });
    state = { ...state, reviews: { q1: { due: 'x' } } };
    const reset = resetLessonProgress(state, 'l', ['q1'], 14);
    expect(reset.lessons['l']).toEqual({ visitedAt: 10, lastVisitedAt: 10 });
    expect(Object.keys(reset.questions)).toEqual(['other']);
    expect(reset.reviews).toEqual({ q1: { due: 'x' } });
    expect(reset.updatedAt).toBe(14);
  });
});
