import fc from 'fast-check';
import { specArb } from './arbitraries.ts';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { questionHash } from '../quiz/hash.ts';
import { deflateSync, strToU8 } from 'fflate';
import { packJson, toBase64Url, unpackJson } from './pack.ts';
import {
  LINK_WARN_LENGTH,
  REVIEW_POLICIES,
  assignmentPath,
  buildSpec,
  decodeSpec,
  encodeSpec,
  linkLengthWarning,
  questionOrder,
  specFingerprint,
  specId,
  withId,
  type AssignmentSpec,
  type SpecBank,
} from './spec.ts';

function question(id: string, lesson: string, type: 'single' | 'truefalse' = 'single'): Question {
  const base = {
    id,
    lesson,
    objective: 'lo1',
    bloom: 'remember' as const,
    prompt: `Prompt ${id}`,
    explanation: 'Because.',
    evidence: { paragraph: 'p1', quote: 'a verbatim quote' },
  };
  return type === 'single'
    ? {
        type,
        ...base,
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        answer: 'a',
      }
    : { type, ...base, answer: true };
}

// Two modules: m1 = lessons l1, l2; m2 = lesson l3; lesson l4 is in no module.
const questions: Question[] = [
  ...['l1-q1', 'l1-q2', 'l1-q3', 'l1-q4'].map((id, i) => question(id, 'l1', i % 2 ? 'truefalse' : 'single')),
  ...['l2-q1', 'l2-q2'].map((id) => question(id, 'l2')),
  ...['l3-q1', 'l3-q2', 'l3-q3'].map((id) => question(id, 'l3', 'truefalse')),
  question('l4-q1', 'l4'),
];
const bank: SpecBank = {
  questions: questions.map((q) => ({ question: q, hash: questionHash(q) })),
  modules: [
    { id: 'm1', lessons: ['l1', 'l2'] },
    { id: 'm2', lessons: ['l3'] },
  ],
};

const sample: AssignmentSpec = withId({
  v: 1,
  title: 'Week 1',
  questions: ['l1-q1', 'l2-q1'],
  seed: 'abc',
  attempts: 2,
  timeLimit: 30,
  opensAt: '2026-05-01T08:00:00Z',
  due: '2026-05-08T17:00:00Z',
  shuffleQuestions: true,
  shuffleOptions: false,
  review: 'after-due',
});

const specs = specArb({ valid: true });

describe('encodeSpec / decodeSpec', () => {
  it('round-trips a full spec, and the id is the content hash', () => {
    const decoded = decodeSpec(encodeSpec(sample));
    expect(decoded).toEqual({ ok: true, spec: sample });
    expect(sample.id).toMatch(/^[0-9a-f]{14}$/);
    expect(specId(sample)).toBe(sample.id);
  });

  it('is stable: the same spec always gives the same link, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(sample).reverse()) as AssignmentSpec;
    expect(encodeSpec(reordered)).toBe(encodeSpec(sample));
    expect(encodeSpec(sample)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('accepts a whole URL or a fragment with its "#"', () => {
    const path = assignmentPath(sample);
    expect(path.startsWith('/assignment/#')).toBe(true);
    expect(decodeSpec(`https://example.org${path}`)).toEqual({ ok: true, spec: sample });
    expect(decodeSpec(path.slice(path.indexOf('#')))).toEqual({ ok: true, spec: sample });
  });

  it('property: decode(encode(spec)) = spec', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        expect(decodeSpec(encodeSpec(spec))).toEqual({ ok: true, spec });
      }),
    );
  });

  it('property: never throws on arbitrary strings or packed JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.jsonValue().map(packJson)), (text) => {
        const result = decodeSpec(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
      }),
    );
  });

  const { id: _id, ...noId } = sample;
  it.each([
    ['empty', '', /nothing follows/],
    ['only a hash', '#', /nothing follows/],
    ['not base64url', 'abc$%^', /cannot be read.*characters/],
    ['cut short (impossible length)', 'A', /cannot be read/],
    ['not deflate', 'SGVsbG8gd29ybGQ', /damaged/],
    ['not JSON', toBase64Url(deflateSync(strToU8('not json {'))), /not valid data \(not JSON\)/],
    ['JSON but not an object', packJson([1, 2]), /does not hold an assignment/],
    ['newer version', packJson({ ...sample, v: 2 }), /newer version of the course/],
    ['no version', packJson({ title: 'x' }), /version missing/],
    ['missing title', packJson({ ...noId, title: undefined, id: 'aaaaaaaaaaaaaa' }), /title/],
    ['bad attempts', packJson({ ...sample, attempts: 0 }), /attempts/],
    ['bad due date', packJson({ ...sample, due: 'tomorrow' }), /due: Use an ISO date-time/],
    ['unknown field', packJson({ ...sample, extra: 1 }), /extra/],
    [
      'duplicate question',
      packJson({ ...sample, questions: ['a', 'a'] }),
      /questions\[1\]: "a" is listed twice/,
    ],
    ['altered (id no longer matches)', packJson({ ...sample, attempts: 99 }), /altered/],
  ])('refuses %s with a clear message', (_label, fragment, message) => {
    const result = decodeSpec(fragment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('unpackJson', () => {
  it('refuses to inflate past the limit (a decompression bomb)', () => {
    const bomb = packJson('x'.repeat(50_000));
    expect(bomb.length).toBeLessThan(1000);
    expect(unpackJson(bomb, 10_000)).toMatchObject({ ok: false, problem: 'oversized' });
    expect(unpackJson(bomb, 60_000)).toEqual({ ok: true, value: 'x'.repeat(50_000) });
  });
});

describe('linkLengthWarning', () => {
  it.each([
    [LINK_WARN_LENGTH, false],
    [LINK_WARN_LENGTH + 1, true],
  ])('a %i-character link warns: %s', (length, warns) => {
    const warning = linkLengthWarning('x'.repeat(length));
    expect(warning !== null).toBe(warns);
    if (warning) expect(warning).toContain('2,001 characters');
  });
});

describe('specFingerprint', () => {
  const hashes = Object.fromEntries(bank.questions.map((e) => [e.question.id, e.hash]));
  it('changes when a question of the spec changes, not when another does', () => {
    const base = specFingerprint(sample, hashes);
    expect(specFingerprint(sample, { ...hashes, 'l1-q1': 'edited' })).not.toBe(base);
    expect(specFingerprint(sample, { ...hashes, 'l3-q1': 'edited' })).toBe(base);
    expect(specFingerprint({ ...sample, title: 'Other' }, hashes)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{14}$/);
  });
});

describe('buildSpec', () => {
  const build = (options: Partial<Parameters<typeof buildSpec>[0]>) =>
    buildSpec({ title: 'T', seed: 's', ...options }, bank);
  const ids = (options: Partial<Parameters<typeof buildSpec>[0]>): string[] => {
    const result = build(options);
    if (!result.ok) throw new Error(result.error);
    return result.spec.questions;
  };

  it.each([
    ['explicit ids, in the given order', { questions: ['l3-q2', 'l1-q1'] }, ['l3-q2', 'l1-q1']],
    [
      'whole lessons, in course order',
      { lessons: ['l3', 'l2'] },
      ['l2-q1', 'l2-q2', 'l3-q1', 'l3-q2', 'l3-q3'],
    ],
    [
      'lessons plus ids, in course order',
      { lessons: ['l2'], questions: ['l4-q1', 'l1-q1'] },
      ['l1-q1', 'l2-q1', 'l2-q2', 'l4-q1'],
    ],
    ['a type filter', { lessons: ['l1'], types: ['truefalse'] }, ['l1-q2', 'l1-q4']],
    ['the whole bank by default', {}, questions.map((q) => q.id)],
  ])('selects %s', (_label, options, expected) => {
    expect(ids(options)).toEqual(expected);
  });

  it('draws N per module with the seed: deterministic, and orphans form their own group', () => {
    const drawn = ids({ count: 2 });
    expect(ids({ count: 2 })).toEqual(drawn);
    const lessonOf = (id: string) => id.slice(0, 2);
    const perModule = { m1: 0, m2: 0, none: 0 };
    for (const id of drawn) {
      const lesson = lessonOf(id);
      perModule[lesson === 'l3' ? 'm2' : lesson === 'l4' ? 'none' : 'm1']++;
    }
    expect(perModule).toEqual({ m1: 2, m2: 2, none: 1 });
    const seeds = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => ids({ count: 2, seed }).join()));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('defaults: one attempt, shuffled, review after the due date when there is one', () => {
    const withDue = build({ due: '2026-05-08T17:00:00Z' });
    const noDue = build({});
    expect(withDue.ok && withDue.spec).toMatchObject({
      attempts: 1,
      shuffleQuestions: true,
      shuffleOptions: true,
      review: 'after-due',
    });
    expect(noDue.ok && noDue.spec.review).toBe('immediate');
  });

  it.each([
    ['unknown ids', { questions: ['l1-q1', 'nope', 'zip'] }, /No question has the id "nope", "zip"/],
    ['unknown lessons', { lessons: ['l9'] }, /No lesson with questions has the id "l9"/],
    [
      'unknown types',
      { types: ['essay'] },
      /Unknown question type "essay"\. Types in the bank: single, truefalse/,
    ],
    ['an empty selection', { lessons: ['l2'], types: ['truefalse'] }, /No question matches/],
    ['a bad count', { count: 0 }, /count must be a whole number/],
    [
      'a due date before opening',
      { opensAt: '2026-05-09T00:00:00Z', due: '2026-05-08T00:00:00Z' },
      /due: The due date must be after/,
    ],
    [
      'after-due review without a due date',
      { review: 'after-due' as const },
      /review: "after-due" review needs a due date/,
    ],
  ])('refuses %s', (_label, options, message) => {
    const result = build(options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('covers every review policy', () => {
    for (const review of REVIEW_POLICIES) {
      expect(build({ review, due: '2026-05-08T17:00:00Z' }).ok).toBe(true);
    }
  });
});

describe('questionOrder', () => {
  const spec = withId({ ...sample, questions: questions.map((q) => q.id) });
  it('is a deterministic per-student permutation', () => {
    const alice = questionOrder(spec, 'alice');
    expect(questionOrder(spec, 'alice')).toEqual(alice);
    expect([...alice].sort()).toEqual([...spec.questions].sort());
    const orders = new Set(['alice', 'bob', 'carol', 'dan'].map((s) => questionOrder(spec, s).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps the authored order when shuffling is off', () => {
    expect(questionOrder({ ...spec, shuffleQuestions: false }, 'alice')).toEqual(spec.questions);
  });
});
