/**
 * Generated stored progress and progress files, for the fuzz tests (tests/unit/progress-fuzz.test.ts
 * in vitest, and a sample of 30 in the real page, tests/e2e/learner-data.spec.ts).
 *
 * Each case is the raw text plus what the generator knows about it: whether it is a document this
 * version can read whole (`whole`), so that decoding must report nothing and keep every field, or
 * one with something the decoder must not pass over in silence (a key written twice, a
 * reserved key (`__proto__`, `constructor`, `prototype`), an invalid entry, nesting beyond the limit, text that is not JSON…).
 */
import fc from 'fast-check';

export interface StoredCase {
  /** What kind of state this is, for messages. */
  kind: string;
  raw: string;
  /** A current document with nothing invalid, repeated or reserved in it. */
  whole: boolean;
}

/** Keys no document may hold (see PROGRESS_LIMITS.reserved); only the "reserved key" case adds them. */
const RESERVED = /"(__proto__|constructor|prototype)"/;

const id = fc.oneof(
  fc.constantFrom('mali-q01', 'mali-q02', 'insta-q1', 'lesson-a', 'lesson-b', 'toString', 'hasOwnProperty'),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !RESERVED.test(JSON.stringify(s))),
);
const time = fc.integer({ min: 0, max: 4_000_000_000_000 });
const json = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
  .filter((v) => !RESERVED.test(JSON.stringify(v)));
/** Fields a newer version of the course might write: carried through, never a problem. */
const unknown = fc.dictionary(fc.constantFrom('note', 'badges', 'x-new', 'confidence', 'lesson'), json, {
  maxKeys: 2,
  noNullPrototype: true,
});
const loose = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.option(unknown, { nil: undefined })).map(([value, extra]) => ({ ...extra, ...value }));

const attempt = loose(
  fc.record(
    {
      at: time,
      response: json,
      score: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
      hash: fc.string({ maxLength: 8 }),
      hintsUsed: fc.nat(5),
      ms: fc.nat(100_000),
    },
    { requiredKeys: ['at', 'response', 'score', 'hash'], noNullPrototype: true },
  ),
);
const lesson = loose(
  fc.record(
    { visitedAt: time, lastVisitedAt: time, readAt: time },
    { requiredKeys: [], noNullPrototype: true },
  ),
);
const question = loose(
  fc.record(
    { hash: fc.string({ maxLength: 8 }), attempts: fc.array(attempt, { maxLength: 4 }) },
    { noNullPrototype: true },
  ),
);
/** A valid current document, with unknown fields at any level. */
export const documentArb = loose(
  fc.record(
    {
      kind: fc.constant('eoc-progress'),
      version: fc.constant(1),
      lessons: fc.dictionary(id, lesson, { maxKeys: 3, noNullPrototype: true }),
      questions: fc.dictionary(id, question, { maxKeys: 4, noNullPrototype: true }),
      reviews: fc.dictionary(id, json, { maxKeys: 2, noNullPrototype: true }),
      updatedAt: time,
    },
    { noNullPrototype: true },
  ),
);

/** Insert `"key": value` as the first member of the object at text position `at` (`{`). */
function insertMember(text: string, at: number, key: string, value: string): string {
  const empty = text[at + 1] === '}';
  return `${text.slice(0, at + 1)}${JSON.stringify(key)}:${value}${empty ? '' : ','}${text.slice(at + 1)}`;
}

/** Positions of every `{` that opens an object (outside strings). */
function objectStarts(text: string): number[] {
  const starts: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') starts.push(i);
  }
  return starts;
}

/** The first key of the object at `at`, if it has one. */
function firstKey(text: string, at: number): string | undefined {
  const match = /^\{("(?:[^"\\]|\\.)*")\s*:/.exec(text.slice(at));
  return match ? (JSON.parse(match[1]!) as string) : undefined;
}

export const storedCaseArb: fc.Arbitrary<StoredCase> = fc.oneof(
  // Whole documents, compact or pretty.
  fc.tuple(documentArb, fc.boolean()).map(([doc, pretty]) => ({
    kind: 'a valid document',
    raw: JSON.stringify(doc, null, pretty ? 2 : undefined),
    whole: true,
  })),
  // A key written twice somewhere (JSON.parse keeps only the last value).
  fc.tuple(documentArb, fc.nat(), json).map(([doc, pick, value]) => {
    const text = JSON.stringify(doc);
    const starts = objectStarts(text).filter((at) => firstKey(text, at) !== undefined);
    const at = starts[pick % starts.length]!;
    return {
      kind: 'a key written twice',
      raw: insertMember(text, at, firstKey(text, at)!, JSON.stringify(value)),
      whole: false,
    };
  }),
  // A key no plain object can hold as data (or that the validator does not copy), somewhere.
  fc
    .tuple(documentArb, fc.nat(), json, fc.constantFrom('__proto__', 'constructor', 'prototype'))
    .map(([doc, pick, value, key]) => {
      const text = JSON.stringify(doc);
      const starts = objectStarts(text);
      const raw = insertMember(text, starts[pick % starts.length]!, key, JSON.stringify(value));
      return { kind: 'a reserved key', raw, whole: false };
    }),
  // A required field missing or of the wrong type, anywhere.
  fc
    .tuple(
      documentArb,
      fc.nat(),
      fc.constantFrom('at', 'score', 'hash', 'attempts', 'lessons', 'updatedAt', 'kind'),
      json,
    )
    .map(([doc, pick, field, value]) => {
      const text = JSON.stringify(doc);
      const spots = [...text.matchAll(new RegExp(`"${field}":`, 'g'))].map((m) => m.index!);
      if (spots.length === 0) return { kind: 'a valid document', raw: text, whole: true };
      const at = spots[pick % spots.length]! + field.length + 3;
      const end = endOfValue(text, at);
      const raw = text.slice(0, at) + JSON.stringify(value) + text.slice(end);
      // The replacement may happen to be valid: only the decoder can say; not "whole" for the oracle.
      return { kind: `${field} replaced`, raw, whole: false };
    }),
  // A response nested beyond any limit.
  fc.tuple(documentArb, fc.integer({ min: 40, max: 5000 })).map(([doc, depth]) => ({
    kind: 'nesting too deep',
    raw: JSON.stringify({
      ...doc,
      questions: { q: { hash: 'h', attempts: [{ at: 1, score: 1, hash: 'h', response: 'R' }] } },
    }).replace('"R"', '['.repeat(depth) + ']'.repeat(depth)),
    whole: false,
  })),
  // Cut short, or not JSON at all.
  fc.tuple(documentArb, fc.nat()).map(([doc, cut]) => {
    const text = JSON.stringify(doc);
    return { kind: 'cut short', raw: text.slice(0, cut % text.length), whole: false };
  }),
  fc.string().map((raw) => ({ kind: 'any text', raw, whole: false })),
  // Other kinds and versions, and the version-0 prototype.
  fc.tuple(documentArb, fc.oneof(fc.constantFrom(0, 2, 99, -1, 1.5, '1'), json)).map(([doc, version]) => ({
    kind: 'another version',
    raw: JSON.stringify({ ...doc, version }),
    whole: false,
  })),
  fc
    .tuple(documentArb, json)
    .map(([doc, kind]) => ({ kind: 'another kind', raw: JSON.stringify({ ...doc, kind }), whole: false })),
  fc
    .dictionary(
      id,
      fc.record({ at: time, score: fc.constantFrom(0, 0.5, 1), response: json }, { noNullPrototype: true }),
      {
        maxKeys: 3,
        noNullPrototype: true,
      },
    )
    .map((answers) => ({
      kind: 'the version-0 prototype',
      raw: JSON.stringify({ v: 0, answers }),
      whole: false,
    })),
);

/** Where the JSON value starting at `at` ends. */
function endOfValue(text: string, at: number): number {
  let depth = 0;
  let inString = false;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === ',' && depth === 0) return i;
  }
  return text.length;
}
