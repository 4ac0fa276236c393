/**
 * The zod-free side of assignments: `decodeSpecLite` agrees with the zod-backed `decodeSpec` on
 * every input (valid specs, damaged ones, arbitrary JSON), and the modules the student's page
 * loads import no zod at runtime.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import fc from 'fast-check';
import { specArb } from './arbitraries.ts';
import { describe, expect, it } from 'vitest';
import { packJson } from './pack.ts';
import { decodeSpecLite } from './core.ts';
import { decodeSpec, withId, type AssignmentSpec } from './spec.ts';

const specs = specArb({ valid: false });

/** A field changed to something plausible but maybe invalid, with the id recomputed (so only the check decides). */
const mutationArb = fc.record({
  key: fc.constantFrom(
    'title',
    'questions',
    'seed',
    'attempts',
    'timeLimit',
    'opensAt',
    'due',
    'shuffleQuestions',
    'review',
    'studentId',
    'extra',
    'v',
  ),
  value: fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      0,
      101,
      1.5,
      -1,
      10_081,
      'x'.repeat(201),
      '2026-05-01T08:00Z',
      '2026-02-30T08:00:00Z',
      '2026-05-01T08:00:00+02:00',
      '2026-05-01T08:00:00.5Z',
      ['a', 'a'],
      ['A'],
      [],
      'sometimes',
      'email',
      'passport',
      null,
      true,
    ),
    fc.jsonValue({ maxDepth: 1 }),
  ),
});

const agree = (fragment: string) => {
  const full = decodeSpec(fragment);
  const lite = decodeSpecLite(fragment);
  expect(lite.ok).toBe(full.ok);
  if (full.ok && lite.ok) expect(lite.spec).toEqual(full.spec);
};

describe('decodeSpecLite', () => {
  it('property: accepts exactly what decodeSpec accepts, for valid specs', () => {
    fc.assert(fc.property(specs, (spec) => agree(packJson(spec))));
  });

  it('property: refuses exactly what decodeSpec refuses, for mutated specs', () => {
    fc.assert(
      fc.property(specs, mutationArb, (spec, { key, value }) => {
        const { id: _id, ...content } = spec as AssignmentSpec & Record<string, unknown>;
        const mutated = { ...content, [key]: value } as Record<string, unknown>;
        const body = { ...mutated, id: withId(mutated as Omit<AssignmentSpec, 'id'>).id };
        agree(packJson(body));
      }),
      { numRuns: 500 },
    );
  });

  it('property: agrees on arbitrary text and arbitrary packed JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.jsonValue().map(packJson)), agree));
  });

  it.each([
    ['after-due without a due date', { review: 'after-due' }, /"after-due" review needs a due date/],
    [
      'due before opening',
      { opensAt: '2026-05-02T00:00:00Z', due: '2026-05-01T00:00:00Z' },
      /after the opening/,
    ],
    ['duplicate question', { questions: ['a', 'a'] }, /questions\[1\]: "a" is listed twice/],
    ['unknown field', { extra: 1 }, /"extra"/],
    [
      'an unknown kind of student id',
      { studentId: 'passport' },
      /studentId: Expected one of "number", "email"/,
    ],
  ])('explains %s', (_label, change, message) => {
    const body = withId({
      v: 1,
      title: 'T',
      questions: ['a'],
      seed: 's',
      attempts: 1,
      shuffleQuestions: true,
      shuffleOptions: true,
      review: 'immediate',
      ...change,
    } as Omit<AssignmentSpec, 'id'>);
    const result = decodeSpecLite(packJson(body));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/gm;

function runtimeGraph(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const specifiers = [...readFileSync(entry, 'utf8').matchAll(RUNTIME_IMPORT)].map((m) => m[1] ?? '');
  seen.set(entry, specifiers);
  for (const spec of specifiers) if (spec.startsWith('.')) runtimeGraph(resolve(dirname(entry), spec), seen);
  return seen;
}

describe("the student's modules load no zod", () => {
  it.each([
    'src/lib/assign/core.ts',
    'src/lib/assign/session.ts',
    'src/lib/assign/bank-data.ts',
    'src/lib/assign/bank-split.ts',
    'src/stores/load-bank.ts',
    'src/lib/assign/builder.ts',
    'src/lib/assign/worksheet.ts',
    'src/lib/submission/core.ts',
    'src/lib/assign/timing.ts',
    'src/lib/gradebook/result.ts',
    'src/stores/assignment.ts',
    'src/lib/assign/answers.ts',
  ])('%s', (entry) => {
    const graph = runtimeGraph(resolve(entry));
    const offenders = [...graph].flatMap(([file, specs]) =>
      specs
        .filter((spec) => /zod|spec\.ts$|submission\.ts$|questions\/index\.ts$/.test(spec))
        .map((s) => `${file} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('control: the check sees zod where it is (spec.ts)', () => {
    const graph = runtimeGraph(resolve('src/lib/assign/spec.ts'));
    expect([...graph.values()].flat()).toContain('astro/zod');
  });
});
