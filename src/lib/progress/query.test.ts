import { describe, expect, it } from 'vitest';
import { addAttempt, readLesson, visitLesson } from './merge.ts';
import {
  attemptsFor,
  bestScore,
  lastActivity,
  lastScore,
  firstTries,
  isRetryAt,
  lessonSummary,
  objectiveMastery,
  SITTING_MS,
  type QuestionRef,
} from './query.ts';
import { emptyProgress, type Progress } from './schema.ts';

const DAY = 86_400_000;
/** Later than a sitting: each answer this far apart is a first try. */
const H = SITTING_MS;

function answer(state: Progress, qid: string, hash: string, score: number, at: number): Progress {
  return addAttempt(state, { qid, hash, response: `r${at}`, score, at });
}

describe('per-question selectors', () => {
  let state = answer(emptyProgress(), 'q1', 'v1', 0.5, 10);
  state = answer(state, 'q1', 'v1', 1, 10 + H);
  state = answer(state, 'q1', 'v1', 0.2, 10 + 2 * H);
  state = answer(state, 'q2', 'v1', 1, 40);

  it('bestScore and lastScore look at the current hash only', () => {
    expect(bestScore(state, 'q1', 'v1')).toBe(1);
    expect(lastScore(state, 'q1', 'v1')).toBe(0.2);
    expect(attemptsFor(state, 'q1', 'v1')).toHaveLength(3);
  });

  it('editing one question (new hash) resets only that question, and keeps its old attempts', () => {
    expect(attemptsFor(state, 'q1', 'v2')).toEqual([]);
    expect(bestScore(state, 'q1', 'v2')).toBeUndefined();
    expect(lastScore(state, 'q1', 'v2')).toBeUndefined();
    expect(bestScore(state, 'q2', 'v1')).toBe(1);
    const after = answer(state, 'q1', 'v2', 0, 10 + 3 * H);
    expect(attemptsFor(after, 'q1', 'v2')).toHaveLength(1);
    expect(after.questions['q1']?.attempts).toHaveLength(4);
  });

  it('unknown questions have no attempts', () => {
    expect(attemptsFor(state, 'nope', 'v1')).toEqual([]);
    expect(attemptsFor(state, 'constructor', 'v1')).toEqual([]);
  });
});

describe('first tries and retries', () => {
  const at = (...times: number[]) => times.map((t, i) => ({ at: t, hash: 'h', response: i, score: 1 }));

  it.each([
    ['one answer', [0], [0]],
    ['answers within half an hour of the first are retries', [0, 60_000, H - 1], [0]],
    ['a sitting is counted from its first try, not from the last retry', [0, H - 1, H, H + 60_000], [0, H]],
    ['in any order', [H, 0, 2 * H + 5], [0, H, 2 * H + 5]],
  ])('%s', (_label, times, expected) => {
    expect(firstTries(at(...times)).map((a) => a.at)).toEqual(expected);
  });

  it('tells whether an answer now would be a retry', () => {
    expect(isRetryAt([], 0)).toBe(false);
    expect(isRetryAt(at(0), H - 1)).toBe(true);
    expect(isRetryAt(at(0), H)).toBe(false);
    expect(isRetryAt(at(0, H - 1), H + 1)).toBe(false);
  });
});

describe('lessonSummary', () => {
  const questions = [
    { id: 'a', hash: 'h', objective: 'o' },
    { id: 'b', hash: 'h', objective: 'o' },
    { id: 'c', hash: 'h', objective: 'o' },
    { id: 'd', hash: 'h', objective: 'o' },
  ];

  it('summarises visits, reads and scores over all the lesson questions', () => {
    let state = visitLesson(emptyProgress(), 'L', 100);
    state = readLesson(state, 'L', 150);
    state = answer(state, 'a', 'h', 1, 200);
    state = answer(state, 'a', 'h', 0, 200 + H);
    state = answer(state, 'b', 'h', 0.5, 220);
    state = answer(state, 'b', 'h', 1, 230); // a retry: not counted
    state = answer(state, 'c', 'old-hash', 1, 200 + 2 * H);
    expect(lessonSummary(state, 'L', questions)).toEqual({
      visitedAt: 100,
      readAt: 150,
      answered: 2,
      total: 4,
      best: (1 + 0.5) / 4,
      last: (0 + 0.5) / 4,
      lastActivity: 200 + 2 * H,
    });
  });

  it('is all zeros for an untouched lesson', () => {
    expect(lessonSummary(emptyProgress(), 'L', questions)).toEqual({
      answered: 0,
      total: 4,
      best: 0,
      last: 0,
    });
    expect(lessonSummary(emptyProgress(), 'L', [])).toEqual({ answered: 0, total: 0, best: 0, last: 0 });
  });
});

describe('lastActivity', () => {
  it('is undefined for a new learner', () => {
    expect(lastActivity(emptyProgress())).toBeUndefined();
  });

  it('finds the lesson visited most recently, even if first visited long ago', () => {
    let state = visitLesson(emptyProgress(), 'one', 100);
    state = visitLesson(state, 'two', 200);
    state = visitLesson(state, 'one', 300);
    expect(lastActivity(state)).toEqual({ lessonId: 'one', at: 300 });
    state = readLesson(state, 'two', 400);
    expect(lastActivity(state)).toEqual({ lessonId: 'two', at: 400 });
  });
});

describe('objectiveMastery', () => {
  const refs: QuestionRef[] = [
    { id: 'q1', hash: 'h', objective: 'obj' },
    { id: 'q2', hash: 'h', objective: 'obj' },
    { id: 'q3', hash: 'h', objective: 'obj' },
    { id: 'q4', hash: 'h', objective: 'obj' },
    { id: 'x1', hash: 'h', objective: 'other' },
  ];
  const level = (state: Progress) => objectiveMastery(state, refs)['obj']?.level;

  it('not-started without attempts', () => {
    expect(objectiveMastery(emptyProgress(), refs)).toEqual({
      obj: { share: 0, level: 'not-started', answered: 0, total: 4 },
      other: { share: 0, level: 'not-started', answered: 0, total: 1 },
    });
  });

  it('attempted after any attempt, even wrong', () => {
    expect(level(answer(emptyProgress(), 'q1', 'h', 0, 1))).toBe('attempted');
  });

  it('attempts under an old hash do not count', () => {
    expect(level(answer(emptyProgress(), 'q1', 'stale', 1, 1))).toBe('not-started');
  });

  it('familiar when half the questions were answered right once', () => {
    let state = answer(emptyProgress(), 'q1', 'h', 1, 1);
    expect(level(state)).toBe('attempted');
    state = answer(state, 'q2', 'h', 0.8, 2);
    expect(level(state)).toBe('familiar');
  });

  it('proficient when all were right once, even if a latest attempt is wrong', () => {
    let state = emptyProgress();
    for (const [i, q] of ['q1', 'q2', 'q3', 'q4'].entries()) state = answer(state, q, 'h', 1, i);
    state = answer(state, 'q1', 'h', 0, H);
    const result = objectiveMastery(state, refs)['obj'];
    expect(result).toEqual({ share: 0.75, level: 'proficient', answered: 4, total: 4 });
  });

  it('all right on the same day is proficient; right again another day is mastered', () => {
    let state = emptyProgress();
    for (const [i, q] of ['q1', 'q2', 'q3', 'q4'].entries()) state = answer(state, q, 'h', 1, i);
    expect(level(state)).toBe('proficient');
    state = answer(state, 'q3', 'h', 0.9, 2 * DAY);
    expect(objectiveMastery(state, refs)['obj']).toEqual({
      share: 1,
      level: 'mastered',
      answered: 4,
      total: 4,
    });
    // a wrong latest attempt drops it back
    state = answer(state, 'q4', 'h', 0.1, 3 * DAY);
    expect(level(state)).toBe('proficient');
  });

  it('accepts a custom notion of "day"', () => {
    let state = emptyProgress();
    for (const q of ['q1', 'q2', 'q3', 'q4']) state = answer(state, q, 'h', 1, 1000);
    state = answer(state, 'q1', 'h', 1, 1000 + H);
    expect(objectiveMastery(state, refs, { dayOf: (ms) => Math.floor(ms / H) })['obj']?.level).toBe(
      'mastered',
    );
  });

  it('counts first tries only: a right retry after a wrong answer or the key never raises mastery', () => {
    let state = emptyProgress();
    for (const q of ['q2', 'q3', 'q4']) state = answer(state, q, 'h', 1, 0);
    state = answer(state, 'q1', 'h', 0, 0);
    const before = objectiveMastery(state, refs)['obj'];
    expect(before).toEqual({ share: 0.75, level: 'familiar', answered: 4, total: 4 });
    for (const minutes of [1, 5, 29]) state = answer(state, 'q1', 'h', 1, minutes * 60_000);
    expect(objectiveMastery(state, refs)['obj']).toEqual(before);
    // A new sitting, half an hour after the first try, counts again.
    state = answer(state, 'q1', 'h', 1, H);
    expect(objectiveMastery(state, refs)['obj']).toMatchObject({ share: 1, level: 'proficient' });
  });
});
