import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, decodeProgress, encodeProgress, formatPath, upgradeProgress } from './codec.ts';
import {
  CURRENT_VERSION,
  ProgressSchema,
  check,
  UNKNOWN_HASH,
  emptyProgress,
  type Progress,
} from './schema.ts';

const valid: Progress = {
  kind: 'eoc-progress',
  version: 1,
  lessons: { 'lesson-a': { visitedAt: 10, lastVisitedAt: 30, readAt: 20 } },
  questions: {
    'mali-q03': {
      hash: 'h2',
      attempts: [
        { at: 11, response: { choice: 2 }, score: 0, hash: 'h1' },
        { at: 12, response: { choice: 1 }, score: 1, hash: 'h2', hintsUsed: 1, ms: 4200 },
      ],
    },
  },
  reviews: { 'mali-q03': { due: '2030-01-01T00:00:00.000Z', stability: 3.2 } },
  updatedAt: 30,
};

describe('decodeProgress', () => {
  it.each([null, undefined, ''])('treats %j as "nothing saved yet"', (raw) => {
    expect(decodeProgress(raw)).toEqual({ state: emptyProgress() });
  });

  it('decodes a valid document unchanged', () => {
    expect(decodeProgress(encodeProgress(valid))).toEqual({ state: valid });
  });

  it('reports invalid JSON and starts fresh', () => {
    const result = decodeProgress('{"kind": "eoc-progress",');
    expect(result.state).toEqual(emptyProgress());
    expect(result.reason).toBe('invalid-json');
    expect(result.problem).toMatch(/JSON/);
  });

  it('reports JSON that is not a progress document', () => {
    for (const raw of ['42', '[]', '"x"', 'null', '{"kind":"settings","version":1}', '{}']) {
      const result = decodeProgress(raw);
      expect(result.reason, raw).toBe('wrong-kind');
      expect(result.state).toEqual(emptyProgress());
    }
  });

  it('reports nonsense versions', () => {
    for (const version of [0, -1, 1.5, '1', null]) {
      const result = decodeProgress(JSON.stringify({ ...valid, version }));
      expect(result.reason, String(version)).toBe('unsupported-version');
    }
  });

  it('refuses a document from a newer version and says so', () => {
    const result = decodeProgress(JSON.stringify({ ...valid, version: CURRENT_VERSION + 1, extra: true }));
    expect(result.state).toEqual(emptyProgress());
    expect(result.reason).toBe('future-version');
    expect(result.problem).toMatch(/newer version/);
  });

  it('drops individual invalid attempts, keeps the rest, and reports the path', () => {
    const broken = structuredClone(valid) as unknown as {
      questions: Record<string, { attempts: unknown[] }>;
    };
    broken.questions['mali-q03']?.attempts.push({ at: 13, response: 'x', score: 'high', hash: 'h2' });
    const result = decodeProgress(JSON.stringify(broken));
    expect(result.reason).toBe('salvaged');
    expect(result.problem).toContain('questions["mali-q03"].attempts[2].score: expected a number');
    expect(result.state).toEqual(valid);
  });

  it('drops invalid lessons, questions and cards but keeps valid siblings', () => {
    const result = decodeProgress(
      JSON.stringify({
        ...valid,
        lessons: { ...valid.lessons, bad: { visitedAt: -5 } },
        questions: { ...valid.questions, q9: { attempts: [] } },
        reviews: { ...valid.reviews },
        updatedAt: 'yesterday',
      }),
    );
    expect(result.reason).toBe('salvaged');
    expect(result.state.lessons).toEqual(valid.lessons);
    expect(result.state.questions).toEqual(valid.questions);
    expect(result.state.updatedAt).toBe(12); // newest attempt when updatedAt is unusable
  });

  it('ignores a __proto__ id without touching any prototype', () => {
    const result = decodeProgress(
      `{"kind":"eoc-progress","version":1,"lessons":{"__proto__":{"visitedAt":1}},"questions":{},"reviews":{},"updatedAt":1}`,
    );
    expect(result.state.lessons).toEqual({});
    expect(Object.getPrototypeOf(result.state.lessons)).toBe(Object.prototype);
  });

  it('gives up (empty state + problem) when the skeleton is broken', () => {
    const result = decodeProgress(JSON.stringify({ ...valid, questions: [1, 2] }));
    expect(result.reason).toBe('invalid');
    expect(result.state).toEqual(emptyProgress());
    expect(result.problem).toContain('questions: expected an object');
  });

  it('carries fields it does not know, at every level, with no problem to report', () => {
    const newer = {
      ...valid,
      badges: ['first-try'],
      lessons: { 'lesson-a': { visitedAt: 10, bookmarked: 'p4' } },
      questions: {
        q: {
          hash: 'h',
          pinned: true,
          attempts: [{ at: 1, score: 1, hash: 'h', response: 'a', confidence: 0.8 }],
        },
      },
    };
    const result = decodeProgress(JSON.stringify(newer));
    expect(result).toEqual({ state: newer });
    expect(JSON.parse(encodeProgress(result.state))).toEqual(newer);
  });

  it('reports a key written twice, which parsing would otherwise drop in silence', () => {
    const raw = JSON.stringify(valid).replace('"lessons":', '"lessons":{"x":{}},"lessons":');
    const result = decodeProgress(raw);
    expect(result).toMatchObject({
      state: valid,
      reason: 'unkept-keys',
      problem: 'Keys that could not be kept: (top level): the key "lessons" appears more than once',
    });
  });

  it('refuses a response nested deeper than the limit without recursing, and names where', () => {
    const raw = JSON.stringify(valid).replace('{"choice":2}', '['.repeat(3000) + ']'.repeat(3000));
    const result = decodeProgress(raw);
    expect(result.reason).toBe('too-deep');
    expect(result.problem).toMatch(
      /^Nested too deep at questions\["mali-q03"\]\.attempts\[0\]\.response(\[0\])+\.$/,
    );
  });

  it('survives absurdly deep nesting', () => {
    const deep =
      '{"kind":"eoc-progress","version":1,"reviews":{"q":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}}';
    expect(() => decodeProgress(deep)).not.toThrow();
  });

  it('is total on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = decodeProgress(raw);
        expect(check(ProgressSchema, result.state).ok).toBe(true);
        if (raw !== '') expect(result.problem).toBeDefined();
      }),
    );
  });

  it('is total on arbitrary JSON, including near-miss documents', () => {
    const nearMiss = fc.record({
      kind: fc.oneof(fc.constant('eoc-progress'), fc.jsonValue()),
      version: fc.oneof(fc.constantFrom(0, 1, 2), fc.jsonValue()),
      lessons: fc.jsonValue(),
      questions: fc.oneof(
        fc.dictionary(fc.string(), fc.record({ hash: fc.jsonValue(), attempts: fc.array(fc.jsonValue()) })),
        fc.jsonValue(),
      ),
      reviews: fc.jsonValue(),
      updatedAt: fc.jsonValue(),
    });
    const legacy = fc.record({
      v: fc.constant(0),
      answers: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearMiss, legacy), (value) => {
        const result = decodeProgress(JSON.stringify(value));
        expect(check(ProgressSchema, result.state).ok).toBe(true);
        expect(result.problem === undefined).toBe(result.reason === undefined);
      }),
    );
  });
});

describe('migrations', () => {
  it('has one migration per version step', () => {
    expect(MIGRATIONS).toHaveLength(CURRENT_VERSION);
  });

  it('migrates the version-0 prototype format', () => {
    const v0 = {
      v: 0,
      answers: {
        'q-1': { score: 1, at: 1000, response: 'b' },
        'q-2': { score: 0.25, at: 3000, response: [1, 3] },
        'q-3': { score: 0, at: 2000 },
      },
    };
    const result = decodeProgress(JSON.stringify(v0));
    expect(result.problem).toBeUndefined();
    expect(result.state).toEqual({
      kind: 'eoc-progress',
      version: 1,
      lessons: {},
      questions: {
        'q-1': { hash: UNKNOWN_HASH, attempts: [{ at: 1000, response: 'b', score: 1, hash: UNKNOWN_HASH }] },
        'q-2': {
          hash: UNKNOWN_HASH,
          attempts: [{ at: 3000, response: [1, 3], score: 0.25, hash: UNKNOWN_HASH }],
        },
        'q-3': { hash: UNKNOWN_HASH, attempts: [{ at: 2000, response: null, score: 0, hash: UNKNOWN_HASH }] },
      },
      reviews: {},
      updatedAt: 3000,
    });
  });

  it('migrates an empty prototype document', () => {
    expect(decodeProgress('{"v":0}')).toEqual({ state: emptyProgress() });
  });

  it('drops invalid version-0 answers with a problem, keeping valid ones', () => {
    const result = decodeProgress(
      JSON.stringify({
        v: 0,
        answers: { good: { score: 1, at: 5, response: 'a' }, bad: { score: 7, at: 6 } },
      }),
    );
    expect(result.reason).toBe('salvaged');
    expect(Object.keys(result.state.questions)).toEqual(['good']);
    expect(result.problem).toContain('questions["bad"].attempts[0].score');
  });

  it('upgradeProgress leaves current documents alone', () => {
    expect(upgradeProgress(valid)).toEqual({ ok: true, doc: valid });
  });
});

describe('encodeProgress / formatPath', () => {
  it('writes compact JSON for storage and indented JSON for export files', () => {
    expect(encodeProgress(valid)).not.toContain('\n');
    expect(encodeProgress(valid, { pretty: true })).toContain('\n  "kind": "eoc-progress"');
  });

  it('formats issue paths the way a learner-facing message needs', () => {
    expect(formatPath(['questions', 'mali-q03', 'attempts', 2, 'score'])).toBe(
      'questions["mali-q03"].attempts[2].score',
    );
    expect(formatPath(['lessons', 'intro', 'visitedAt'])).toBe('lessons["intro"].visitedAt');
    expect(formatPath([])).toBe('(top level)');
  });
});
