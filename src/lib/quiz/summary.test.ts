import { describe, expect, it } from 'vitest';
import { addAttempt } from '../progress/merge.ts';
import { emptyProgress } from '../progress/schema.ts';
import { quizStatus } from './summary.ts';

const refs = [
  { id: 'q1', hash: 'h1', objective: 'lo1' },
  { id: 'q2', hash: 'h2', objective: 'lo1' },
  { id: 'q3', hash: 'h3', objective: 'lo2' },
];

describe('quizStatus', () => {
  it('counts answers under the current hash, scores first answers, lists missed and weak', () => {
    let state = emptyProgress();
    state = addAttempt(state, { qid: 'q1', hash: 'h1', response: 'a', score: 1, at: 1 });
    state = addAttempt(state, { qid: 'q2', hash: 'h2', response: 'a', score: 0.5, at: 2 });
    state = addAttempt(state, { qid: 'q3', hash: 'old', response: 'a', score: 1, at: 3 });
    let status = quizStatus(state, refs);
    expect(status).toMatchObject({
      answered: 2,
      total: 3,
      complete: false,
      right: 1,
      missed: ['q2'],
      weak: ['lo1'],
    });
    state = addAttempt(state, { qid: 'q3', hash: 'h3', response: 'b', score: 1, at: 4 });
    status = quizStatus(state, refs);
    expect(status.complete).toBe(true);
    expect(status.score).toBeCloseTo(2.5 / 3);
  });

  it('a retry does not raise the score, but takes the question off the list to retry', () => {
    let state = emptyProgress();
    for (const [i, ref] of refs.entries()) {
      state = addAttempt(state, {
        qid: ref.id,
        hash: ref.hash,
        response: 'x',
        score: i === 0 ? 0 : 1,
        at: 10,
      });
    }
    state = addAttempt(state, { qid: 'q1', hash: 'h1', response: 'k', score: 1, at: 20 });
    expect(quizStatus(state, refs)).toMatchObject({ right: 2, missed: [], complete: true });
    expect(quizStatus(state, refs).score).toBeCloseTo(2 / 3);
  });

  it('after "Start again" counts only newer answers', () => {
    let state = emptyProgress();
    for (const ref of refs)
      state = addAttempt(state, { qid: ref.id, hash: ref.hash, response: 'x', score: 1, at: 10 });
    expect(quizStatus(state, refs, 11)).toMatchObject({ answered: 0, complete: false, score: 0, missed: [] });
    state = addAttempt(state, { qid: 'q2', hash: 'h2', response: 'y', score: 0, at: 12 });
    expect(quizStatus(state, refs, 11)).toMatchObject({ answered: 1, right: 0, missed: ['q2'] });
  });
});
