import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packJson } from '../assign/pack.ts';
import { withId, type AssignmentSpec } from '../assign/spec.ts';
import {
  CODE_PREFIX,
  createSubmission,
  parseSubmission,
  submissionChecksum,
  submissionFileName,
  submissionToCode,
  submissionToJson,
  type Submission,
} from './submission.ts';

const spec: AssignmentSpec = withId({
  v: 1,
  title: 'Week 1',
  questions: ['q1', 'q2', 'q3'],
  seed: 's',
  attempts: 2,
  due: '2026-05-08T17:00:00.000Z',
  shuffleQuestions: true,
  shuffleOptions: true,
  review: 'after-due',
});
const fingerprint = 'f00dfeedf00dfe';

function make(overrides: Partial<Parameters<typeof createSubmission>[0]> = {}): Submission {
  return createSubmission({
    spec,
    fingerprint,
    student: { name: '  Alice Smith ', id: 's1' },
    attempts: [
      {
        startedAt: '2026-05-08T16:00:00.000Z',
        submittedAt: '2026-05-08T16:20:00.000Z',
        responses: { q1: 'a', q2: true },
      },
      {
        startedAt: '2026-05-08T16:30:00.000Z',
        submittedAt: '2026-05-08T16:50:00.000Z',
        responses: { q1: 'b', q3: ['x'] },
      },
    ],
    ...overrides,
  });
}

const alice = make();

describe('createSubmission', () => {
  it('takes its times from the attempts, trims the name and seals the rest', () => {
    expect(alice).toMatchObject({
      kind: 'eoc-submission',
      v: 1,
      assignment: { id: spec.id, fingerprint, title: 'Week 1', questions: ['q1', 'q2', 'q3'] },
      student: { name: 'Alice Smith', id: 's1' },
      startedAt: '2026-05-08T16:00:00.000Z',
      submittedAt: '2026-05-08T16:50:00.000Z',
      late: false,
      extensions: [],
    });
    expect(alice.checksum).toBe(submissionChecksum(alice));
    expect(submissionFileName(alice)).toBe(`alice-smith-${spec.id}.json`);
  });

  const timed = withId({ ...spec, timeLimit: 60 });
  it.each([
    ['on time', spec, '2026-05-08T17:00:00.000Z', [], false],
    ['a minute late', spec, '2026-05-08T17:01:00.000Z', [], true],
    [
      'late, but within the extra time granted during the attempt',
      timed,
      '2026-05-08T17:08:00.000Z',
      [{ at: '2026-05-08T16:58:00.000Z', minutes: 10 }],
      false,
    ],
    [
      'late after two extensions (10 + 10)',
      timed,
      '2026-05-08T17:21:00.000Z',
      [
        { at: '2026-05-08T16:58:00.000Z', minutes: 10 },
        { at: '2026-05-08T17:09:00.000Z', minutes: 10 },
      ],
      true,
    ],
    [
      'an extension the page could not have granted counts nothing (before the attempt)',
      timed,
      '2026-05-08T17:25:00.000Z',
      [{ at: '2026-05-08T12:00:00.000Z', minutes: 30 }],
      true,
    ],
    [
      'an extension the page could not have granted counts nothing (no time limit)',
      spec,
      '2026-05-08T17:05:00.000Z',
      [{ at: '2026-05-08T16:58:00.000Z', minutes: 10 }],
      true,
    ],
    [
      'an edited 525,600-minute extension counts as the 10 minutes the page grants',
      timed,
      '2026-05-08T17:30:00.000Z',
      [{ at: '2026-05-08T16:58:00.000Z', minutes: 525_600 }],
      true,
    ],
  ] as const)('late: %s', (_label, s, submittedAt, extensions, late) => {
    const sub = make({
      spec: s,
      attempts: [{ startedAt: '2026-05-08T16:00:00.000Z', submittedAt, responses: {} }],
      extensions: [...extensions],
    });
    expect(sub.late).toBe(late);
  });

  it('is never late without a due date, and refuses zero attempts', () => {
    const { due: _due, ...rest } = spec;
    expect(
      make({
        spec: withId({ ...rest, review: 'immediate' }),
        attempts: [{ startedAt: '2030-01-01T00:00:00Z', submittedAt: '2030-01-02T00:00:00Z', responses: {} }],
      }).late,
    ).toBe(false);
    expect(() => make({ attempts: [] })).toThrow(RangeError);
  });
});

describe('parseSubmission', () => {
  it.each([
    ['the JSON file', submissionToJson(alice)],
    ['the code', submissionToCode(alice)],
    [
      'the code wrapped by a mail client, in lower case prefix',
      `  eoc1-${submissionToCode(alice)
        .slice(5)
        .replace(/(.{60})/g, '$1\n')}  `,
    ],
    ['the file with a byte-order mark', `\uFEFF${submissionToJson(alice)}`],
  ])('reads %s', (_label, text) => {
    expect(parseSubmission(text, { expect: { id: spec.id, fingerprint } })).toEqual({
      ok: true,
      submission: alice,
    });
  });

  it('refuses a file or code nested thousands deep before anything recursive reads it, naming where', () => {
    const deep = submissionToJson(alice).replace(
      /"responses": \{/,
      `"responses":{"q0":${'['.repeat(3000)}${']'.repeat(3000)},`,
    );
    const file = parseSubmission(deep, { source: 'alice.json' });
    expect(file).toMatchObject({ ok: false, problem: 'too-deep' });
    expect(file.ok ? '' : file.message).toMatch(
      /^alice\.json: it is nested more than 32 levels deep \(at attempts\[0\]\.responses\.q0(\[0\])+\)/,
    );
    const deepCode = packJson(
      JSON.parse(deep.replace(/\[{3000}\]{3000}/, '['.repeat(100) + ']'.repeat(100))),
    );
    const code = parseSubmission(`${CODE_PREFIX}${deepCode}`, { source: 'pasted code' });
    expect(code.ok ? '' : code.message).toMatch(
      /^pasted code: the submission code cannot be read: it unpacks to data nested far deeper/,
    );
  });

  it('the code is compact and prefixed', () => {
    const code = submissionToCode(alice);
    expect(code.startsWith(CODE_PREFIX)).toBe(true);
    expect(code).toMatch(/^EOC1-[A-Za-z0-9_-]+$/);
  });

  const json = (value: unknown): string => JSON.stringify(value);
  const edited = (change: (s: Record<string, unknown>) => void): string => {
    const copy = JSON.parse(submissionToJson(alice)) as Record<string, unknown>;
    change(copy);
    return json(copy);
  };
  const resealed = (change: (s: Record<string, unknown>) => void): string => {
    const copy = JSON.parse(submissionToJson(alice)) as Submission & Record<string, unknown>;
    change(copy);
    copy.checksum = submissionChecksum(copy);
    return json(copy);
  };
  const other = make({ spec: withId({ ...spec, title: 'Week 2' }) });

  it.each([
    ['empty text', '   ', 'malformed', /alice\.json: it is empty/],
    ['plain text', 'hello teacher', 'malformed', /neither a submission file \(JSON\) nor a submission code/],
    ['truncated JSON', submissionToJson(alice).slice(0, 200), 'malformed', /not valid JSON .*cut short/],
    ['an array', '[1]', 'malformed', /expected a JSON object/],
    [
      'another kind of file',
      json({ kind: 'eoc-progress', version: 1 }),
      'malformed',
      /its "kind" is "eoc-progress", expected "eoc-submission"/,
    ],
    ['a damaged code', `${CODE_PREFIX}@@@`, 'malformed', /submission code cannot be read/],
    ['a missing field', resealed((s) => delete s['late']), 'malformed', /late: /],
    [
      'a bad date',
      resealed((s) => (s['submittedAt'] = 'yesterday')),
      'malformed',
      /submittedAt: Use an ISO date-time/,
    ],
    [
      'an answer to a foreign question',
      resealed((s) => ((s as Submission).attempts[0]!.responses['zz'] = 1)),
      'malformed',
      /attempts\[0\]\.responses\.zz: is not a question of this assignment/,
    ],
    [
      'time running backwards',
      resealed((s) => (s['startedAt'] = '2026-05-09T00:00:00.000Z')),
      'malformed',
      /submittedAt: is before startedAt/,
    ],
    [
      'an edited answer',
      edited((s) => ((s as Submission).attempts[0]!.responses['q1'] = 'c')),
      'checksum',
      /alice\.json: the checksum does not match — the file was changed after it was submitted/,
    ],
    ['an edited late flag', edited((s) => (s['late'] = true)), 'checksum', /checksum does not match/],
    ['a newer format', json({ ...alice, v: 2 }), 'version', /newer version of the course \(format 2/],
    ['a newer code', 'EOC2-abc', 'version', /code was made by a newer version/],
    ['an unknown version', json({ ...alice, v: 'one' }), 'version', /unknown format version \("one"\)/],
    [
      'another assignment',
      submissionToJson(other),
      'other-assignment',
      /another assignment \("Week 2", id [0-9a-f]{14}\), not id/,
    ],
    [
      'another version of the questions',
      submissionToJson(make({ fingerprint: 'aaaaaaaaaaaaaa' })),
      'other-assignment',
      /different version of "Week 1"/,
    ],
    [
      'text over the limit',
      `{${' '.repeat(2000)}}`,
      'oversized',
      /2,002 characters long; a submission is at most 1,000/,
    ],
    [
      'a code that unpacks past the limit',
      `${CODE_PREFIX}${packJson({ pad: 'x'.repeat(5000) })}`,
      'oversized',
      /unpacks to more than 1,000 bytes/,
    ],
  ])('refuses %s', (_label, text, problem, message) => {
    const result = parseSubmission(text, {
      source: 'alice.json',
      maxBytes: 1000,
      expect: { id: spec.id, fingerprint },
    });
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('without `expect`, accepts any assignment', () => {
    expect(parseSubmission(submissionToJson(other)).ok).toBe(true);
  });

  it.each(['malformed.json', 'not-a-submission.json', 'newer-version.json'])(
    'refuses the fixture %s',
    (name) => {
      const text = readFileSync(
        new URL(`../../../tests/fixtures/submissions/${name}`, import.meta.url),
        'utf8',
      );
      const result = parseSubmission(text, { source: name });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.startsWith(`${name}: `)).toBe(true);
    },
  );

  it('property: never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.jsonValue().map((v) => CODE_PREFIX + packJson(v)),
          fc
            .dictionary(fc.constantFrom(...Object.keys(alice)), fc.jsonValue())
            .map((d) => JSON.stringify({ ...alice, ...d })),
        ),
        (text) => {
          const result = parseSubmission(text);
          if (!result.ok) expect(result.message).toMatch(/^this submission: .{10,}/);
        },
      ),
    );
  });

  it('property: any raw responses survive the code round trip', () => {
    // No "__proto__" key: such a key is never read as data (src/lib/read-json.ts), and no widget writes one.
    const response = fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"__proto__":'));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q1', 'q2', 'q3'), response), (responses) => {
        const sub = make({
          attempts: [
            { startedAt: '2026-05-08T16:00:00.000Z', submittedAt: '2026-05-08T16:10:00.000Z', responses },
          ],
        });
        const parsed = parseSubmission(submissionToCode(sub));
        expect(parsed.ok).toBe(true);
        // JSON drops -0 and undefined the same way on both sides.
        if (parsed.ok) expect(parsed.submission).toEqual(JSON.parse(JSON.stringify(sub)));
      }),
    );
  });
});

describe('files that cannot break grading', () => {
  const deep = (levels: number, leaf = '1') => `${'['.repeat(levels)}${leaf}${']'.repeat(levels)}`;
  const withResponse = (raw: string) => submissionToJson(make()).replace('"q1": "a"', `"q1": ${raw}`);

  it.each([5_000, 100_000])(
    'a file nested %i deep is refused as too deep, before it is validated or hashed',
    (levels) => {
      const result = parseSubmission(withResponse(deep(levels)), { source: 'deep.json' });
      expect(result).toMatchObject({ ok: false, problem: 'too-deep' });
      expect(!result.ok && result.message).toMatch(/^deep\.json: it is nested more than 32 levels deep/);
    },
  );

  it('a code that unpacks to something nested too deep is refused the same way', () => {
    const code = CODE_PREFIX + packJson({ kind: 'eoc-submission', v: 1, x: JSON.parse(deep(40)) as unknown });
    expect(parseSubmission(code)).toMatchObject({ ok: false, problem: 'too-deep' });
  });

  it('a file holding far too many values is refused as oversized', () => {
    const many = `[${'0,'.repeat(250_000)}0]`;
    expect(parseSubmission(withResponse(many), { maxBytes: 2_000_000 })).toMatchObject({
      ok: false,
      problem: 'oversized',
    });
  });

  it('with the expected list, a file with the same id but another list is refused as an edited list', () => {
    const sub = make();
    const result = parseSubmission(submissionToJson(sub), {
      expect: { id: spec.id, fingerprint, questions: ['q1', 'q2'] },
    });
    expect(result).toMatchObject({ ok: false, problem: 'question-list' });
    expect(!result.ok && result.message).toMatch(/1 extra \(q3\) and 0 missing/);
    const reordered = parseSubmission(submissionToJson(sub), {
      expect: { id: spec.id, questions: ['q3', 'q2', 'q1'] },
    });
    expect(!reordered.ok && reordered.message).toMatch(/the same questions in another order/);
  });

  it('property: never throws, whatever is nested how deep', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.jsonValue({ maxDepth: 4 }), (levels, leaf) => {
        void parseSubmission(withResponse(deep(levels, JSON.stringify(leaf))));
      }),
      { numRuns: 60 },
    );
  });
});
