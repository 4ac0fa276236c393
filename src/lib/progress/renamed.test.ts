import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, type Attempt, type Progress } from './schema.ts';
import { holdsAnswers, readRenamedIds, renameDrafts, renameProgressIds, type RenamedIds } from './renamed.ts';

const table: RenamedIds = {
  v: 1,
  questions: {
    'mali-q01': { hash: 'h1', renamed: { a: 'k3f9x2', b: 'q81zz0' } },
    'mali-q05': { hash: 'h5', renamed: { p1: 'r0aa11', d1: 'r0bb22' } },
  },
};

function withAttempts(): Progress {
  return {
    ...emptyProgress(),
    questions: {
      'mali-q01': {
        hash: 'h1',
        attempts: [
          { at: 1, hash: 'h0', response: 'a', score: 0 },
          { at: 2, hash: 'h1', response: 'a', score: 1 },
          { at: 3, hash: 'h1', response: 'k3f9x2', score: 1 },
        ],
      },
      'mali-q05': {
        hash: 'h5',
        attempts: [{ at: 4, hash: 'h5', response: { p1: 'p1', p2: 'd1' }, score: 0.5 }],
      },
      'mali-q09': { hash: 'h9', attempts: [{ at: 5, hash: 'h9', response: 'a', score: 0 }] },
    },
    updatedAt: 5,
  };
}

describe('renameProgressIds', () => {
  it('renames handles in attempts under the current hash only, and keeps everything else', () => {
    const state = withAttempts();
    const out = renameProgressIds(state, table);
    expect(out.questions['mali-q01']?.attempts.map((a) => a.response)).toEqual(['a', 'k3f9x2', 'k3f9x2']);
    expect(out.questions['mali-q05']?.attempts[0]?.response).toEqual({ p1: 'r0aa11', p2: 'r0bb22' });
    expect(out.questions['mali-q09']).toBe(state.questions['mali-q09']);
    // Scores, times and hashes are the learner's record: untouched.
    expect(out.questions['mali-q01']?.attempts.map((a) => [a.at, a.hash, a.score])).toEqual([
      [1, 'h0', 0],
      [2, 'h1', 1],
      [3, 'h1', 1],
    ]);
  });

  it('returns the same document when there is nothing to rename, so a second run writes nothing', () => {
    const once = renameProgressIds(withAttempts(), table);
    expect(renameProgressIds(once, table)).toBe(once);
    const empty = emptyProgress();
    expect(renameProgressIds(empty, table)).toBe(empty);
  });

  it('(property) never loses an attempt nor changes its score', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(),
            response: fc.jsonValue(),
            score: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
        ),
        (attempts) => {
          const state: Progress = {
            ...emptyProgress(),
            questions: {
              'mali-q01': {
                hash: 'h1',
                attempts: attempts.map((a) => ({
                  ...a,
                  response: a.response as Attempt['response'],
                  hash: 'h1',
                })),
              },
            },
          };
          const out = renameProgressIds(state, table).questions['mali-q01']?.attempts ?? [];
          expect(out).toHaveLength(attempts.length);
          expect(out.map((a) => a.score)).toEqual(attempts.map((a) => a.score));
        },
      ),
    );
  });
});

describe('drafts and the file', () => {
  it('renames drafts that hold handles, and lists only those', () => {
    expect(
      renameDrafts({ 'mali-q01': ['a', 'b'], 'mali-q05': { p1: 'r0aa11' }, 'mali-q09': 'a' }, table),
    ).toEqual({
      'mali-q01': ['k3f9x2', 'q81zz0'],
    });
  });

  it('knows when a browser holds no answers at all', () => {
    expect(holdsAnswers(emptyProgress(), {})).toBe(false);
    expect(holdsAnswers(emptyProgress(), { 'mali-q01': 'a' })).toBe(true);
    expect(holdsAnswers(withAttempts(), {})).toBe(true);
  });

  it.each([
    ['a good file', table, true],
    ['another version', { ...table, v: 2 }, false],
    ['a non-string id', { v: 1, questions: { q: { hash: 'h', renamed: { a: 1 } } } }, false],
    ['no hash', { v: 1, questions: { q: { renamed: {} } } }, false],
    ['null', null, false],
  ])('reads %s', (_label, value, ok) => {
    expect(readRenamedIds(value) !== undefined).toBe(ok);
  });
});
