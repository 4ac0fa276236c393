import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeProgress } from './codec.ts';
import { MAX_IMPORT_BYTES, parseProgressFile } from './import.ts';
import { UNKNOWN_HASH, type Progress } from './schema.ts';

const state: Progress = {
  kind: 'eoc-progress',
  version: 1,
  lessons: { intro: { visitedAt: 1, readAt: 2 } },
  questions: {
    'mali-q03': {
      hash: 'h',
      attempts: [
        { at: 3, response: 'a', score: 0, hash: 'h' },
        { at: 4, response: 'b', score: 0.5, hash: 'h' },
        { at: 5, response: 'c', score: 1, hash: 'h' },
      ],
    },
  },
  reviews: {},
  updatedAt: 5,
};

function errorOf(text: string): string {
  const result = parseProgressFile(text, 'my-progress.json');
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseProgressFile', () => {
  it('accepts an export (compact or pretty)', () => {
    expect(parseProgressFile(encodeProgress(state))).toEqual({ ok: true, state });
    expect(parseProgressFile(encodeProgress(state, { pretty: true }))).toEqual({ ok: true, state });
  });

  it('accepts and migrates a version-0 file', () => {
    const result = parseProgressFile('{"v":0,"answers":{"q":{"score":1,"at":9,"response":"x"}}}');
    expect(result.ok && result.state.questions['q']?.attempts[0]?.hash).toBe(UNKNOWN_HASH);
  });

  it('points at the line and column of a JSON syntax error', () => {
    const text = '{\n  "kind": "eoc-progress",\n  "version": 1,,\n}';
    expect(errorOf(text)).toMatch(/^my-progress\.json: Not valid JSON( at line 3, column \d+)?\.$/);
    // V8 (Node, Chrome) reports a position, so here the location must be present
    expect(errorOf(text)).toContain('line 3');
    expect(errorOf('')).toBe('my-progress.json: Empty: there is no JSON in it.');
  });

  it('rejects files of another kind', () => {
    expect(errorOf('{"theme":"dark"}')).toMatch(/Not a progress file: "kind" is missing/);
    expect(errorOf('{"kind":"eoc-settings","version":1}')).toMatch(/"kind" is "eoc-settings"/);
    expect(errorOf('[1,2]')).toMatch(/the top level is not a JSON object/);
  });

  it('rejects unsupported and future versions', () => {
    expect(errorOf(JSON.stringify({ ...state, version: 2 }))).toMatch(/newer version of the course/);
    expect(errorOf(JSON.stringify({ ...state, version: 'one' }))).toMatch(
      /Unsupported progress version "one"/,
    );
  });

  it('names the path of each schema error', () => {
    const broken = structuredClone(state) as unknown as {
      questions: Record<string, { attempts: unknown[] }>;
    };
    const attempts = broken.questions['mali-q03']?.attempts as Record<string, unknown>[];
    attempts[2]!['score'] = 'full marks';
    attempts[1]!['at'] = -1;
    const error = errorOf(JSON.stringify({ ...broken, lessons: { intro: { readAt: 'today' } } }));
    expect(error).toContain('questions["mali-q03"].attempts[2].score: expected a number');
    expect(error).toContain('questions["mali-q03"].attempts[1].at:');
    expect(error).toContain('lessons["intro"].readAt: expected a number');
  });

  it('lists at most ten errors', () => {
    const attempts = Array.from({ length: 30 }, (_, i) => ({ at: i, response: null, score: 2, hash: 'h' }));
    const error = errorOf(JSON.stringify({ ...state, questions: { q: { hash: 'h', attempts } } }));
    expect(error.split('\n')).toHaveLength(12); // heading + 10 + "…and 20 more"
    expect(error).toContain('…and 20 more');
  });

  it('rejects files over 5 MB before parsing', () => {
    const big = JSON.stringify({ ...state, padding: 'x'.repeat(MAX_IMPORT_BYTES) });
    expect(errorOf(big)).toMatch(/too large/);
    // multi-byte characters count as bytes, not as UTF-16 units
    const wide = JSON.stringify({ ...state, padding: 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1) });
    expect(errorOf(wide)).toMatch(/too large/);
  });

  it('names the file in every error, and the field where there is one', () => {
    expect(errorOf('{"kind":"quiz"}')).toBe(
      'my-progress.json: Not a progress file: "kind" is "quiz" (expected "eoc-progress").',
    );
    const deep = `{"kind":"eoc-progress","version":1,"lessons":{},"reviews":{},"updatedAt":0,"questions":{"q":{"hash":"h","attempts":[{"at":1,"score":1,"hash":"h","response":${'['.repeat(40)}${']'.repeat(40)}}]}}}`;
    expect(errorOf(deep)).toBe(
      `my-progress.json: questions["q"].attempts[0].response${'[0]'.repeat(27)}: nested more than 32 levels deep.`,
    );
    expect(parseProgressFile('nope')).toEqual({
      ok: false,
      error: expect.stringMatching(/^This file: Not valid JSON/),
    });
  });

  it('refuses a key written twice, naming it, rather than import half of it', () => {
    const text = JSON.stringify(state).replace('"lessons":', '"lessons":{},"lessons":');
    expect(errorOf(text)).toBe(
      'my-progress.json: has keys that cannot be read as written:\n(top level): the key "lessons" appears more than once',
    );
  });

  it('carries fields this version does not know', () => {
    const newer = {
      ...state,
      badges: ['first-try'],
      questions: {
        q: {
          hash: 'h',
          pinned: true,
          attempts: [{ at: 1, score: 1, hash: 'h', response: 'a', confidence: 0.8 }],
        },
      },
    };
    const result = parseProgressFile(JSON.stringify(newer));
    expect(result).toMatchObject({ ok: true, state: newer });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          expect(typeof parseProgressFile(text).ok).toBe('boolean');
        },
      ),
    );
  });
});
