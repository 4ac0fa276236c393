import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash, cyrb53, questionHash, stableStringify } from './hash.ts';
import type { QuestionInput } from '../../questions/index.ts';

const question: QuestionInput = {
  type: 'single',
  id: 'mali-q01',
  lesson: 'mali-jihadists-support-their-struggle-online',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'Which app?',
  explanation: 'Telegram.',
  evidence: { paragraph: 'p3', quote: 'they moved to Telegram' },
  options: [
    { id: 'a', text: 'Facebook' },
    { id: 'b', text: 'Telegram' },
  ],
  answer: 'b',
};

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('stableStringify', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[1, undefined, 'x'], '[1,null,"x"]'],
    [{ z: { y: 1, x: [{ b: 2, a: 1 }] } }, '{"z":{"x":[{"a":1,"b":2}],"y":1}}'],
    [NaN, 'null'],
    [undefined, 'null'],
    ['q"uote', '"q\\"uote"'],
    [new Date(0), '"1970-01-01T00:00:00.000Z"'],
  ])('%j → %s', (value, expected) => {
    expect(stableStringify(value)).toBe(expected);
  });

  it('throws on cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stableStringify(cyclic)).toThrow(/cyclic/);
  });

  it('round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('questionHash', () => {
  it('is 14 hex characters', () => {
    expect(questionHash(question)).toMatch(/^[0-9a-f]{14}$/);
    expect(cyrb53('')).toBeLessThan(2 ** 53);
  });

  it('pins the hash of the fixture (stored progress depends on it)', () => {
    expect(questionHash(question)).toBe('0fcc11c1eaa4f4');
  });

  it('ignores key order and undefined fields', () => {
    expect(questionHash(reverseKeys(question) as QuestionInput)).toBe(questionHash(question));
    expect(questionHash({ ...question, hints: undefined })).toBe(questionHash(question));
  });

  it.each([
    ['prompt', { prompt: 'Which app? ' }],
    ['answer', { answer: 'a' }],
    ['evidence quote', { evidence: { paragraph: 'p3', quote: 'they moved to Telegram.' } }],
    [
      'option text',
      {
        options: [
          { id: 'a', text: 'Facebook' },
          { id: 'b', text: 'telegram' },
        ],
      },
    ],
    [
      'option order',
      {
        options: [
          { id: 'b', text: 'Telegram' },
          { id: 'a', text: 'Facebook' },
        ],
      },
    ],
    ['hints', { hints: ['Think encryption.'] }],
  ])('changes when %s changes', (_label, patch) => {
    expect(questionHash({ ...question, ...patch } as QuestionInput)).not.toBe(questionHash(question));
  });

  it('is deterministic and key-order independent for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(contentHash(value)).toBe(contentHash(structuredClone(value)));
        expect(contentHash(reverseKeys(value))).toBe(contentHash(value));
      }),
    );
  });

  it('distinguishes distinct JSON values (no collisions in a sample)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        fc.pre(stableStringify(a) !== stableStringify(b));
        expect(contentHash(a)).not.toBe(contentHash(b));
      }),
    );
  });
});

describe('stableStringify without recursion', () => {
  /** The recursive definition the iterative one replaced, kept as the reference. */
  function reference(value: unknown): string | undefined {
    if (value === null) return 'null';
    if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
      return reference((value as { toJSON: () => unknown }).toJSON());
    if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
    if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    if (typeof value !== 'object') return undefined;
    if (Array.isArray(value)) return `[${value.map((v: unknown) => reference(v) ?? 'null').join(',')}]`;
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .sort()
      .flatMap((k) => {
        const text = reference(record[k]);
        return text === undefined ? [] : [`${JSON.stringify(k)}:${text}`];
      });
    return `{${fields.join(',')}}`;
  }

  it('gives exactly what the recursive definition gave, so every stored hash stays valid', () => {
    const anything = fc.anything({
      withBoxedValues: false,
      withNullPrototype: true,
      withObjectString: true,
      withDate: true,
      // Holes: the recursive version wrote `[,1]` as "[,1]"; now they read as null, like JSON.stringify.
      withSparseArray: false,
      withBigInt: false,
    });
    fc.assert(
      fc.property(fc.oneof(anything, fc.jsonValue()), (value) => {
        expect(stableStringify(value)).toBe(reference(value) ?? 'null');
      }),
      { numRuns: 500 },
    );
  });

  it('hashes a value nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    expect(() => contentHash(deep)).not.toThrow();
    expect(stableStringify([[[1]]])).toBe('[[[1]]]');
  });

  it('still refuses a cycle deep inside, and a bigint', () => {
    const inner: unknown[] = [];
    const outer = { a: [{ b: inner }] };
    inner.push(outer);
    expect(() => stableStringify(outer)).toThrow(/cyclic/);
    expect(() => stableStringify({ n: 1n })).toThrow(/bigint/);
    // The same object twice, side by side, is not a cycle.
    const shared = { x: 1 };
    expect(stableStringify([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
});
