import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAttempt } from '../progress/merge.ts';
import { emptyProgress, type Progress } from '../progress/schema.ts';
import { DAY_MS, cardFor } from './card.ts';
import { practiceObjective, reviewQueue, type ReviewRef } from './queue.ts';

const T0 = Date.UTC(2025, 2, 10, 9, 0);

function ref(id: string, extra: Partial<ReviewRef> = {}): ReviewRef {
  return { id, hash: 'h1', lesson: 'L1', module: 'm1', objective: 'lo1', type: 'single', ...extra };
}

function answer(state: Progress, qid: string, score: number, at: number, hash = 'h1'): Progress {
  return addAttempt(state, { qid, hash, response: `r${at}`, score, at });
}

/** What the store does after each answer: record it, then save the card. */
function answerAndSchedule(state: Progress, r: ReviewRef, score: number, at: number): Progress {
  const next = answer(state, r.id, score, at, r.hash);
  return { ...next, reviews: { ...next.reviews, [r.id]: cardFor(next, r)! } };
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('reviewQueue', () => {
  const q = ref('q');

  it('a wrong answer is upcoming today and due tomorrow', () => {
    const state = answerAndSchedule(emptyProgress(), q, 0, T0);
    const now = reviewQueue(state, [q], T0);
    expect(ids(now.due)).toEqual([]);
    expect(ids(now.upcoming)).toEqual(['q']);
    expect(now.upcoming[0]?.due).toBeLessThanOrEqual(T0 + DAY_MS);
    expect(ids(reviewQueue(state, [q], T0 + DAY_MS).due)).toEqual(['q']);
  });

  it('a right answer is not due tomorrow, but is due within two weeks', () => {
    const state = answerAndSchedule(emptyProgress(), q, 1, T0);
    expect(reviewQueue(state, [q], T0 + DAY_MS).counts.due).toBe(0);
    expect(ids(reviewQueue(state, [q], T0 + 14 * DAY_MS).due)).toEqual(['q']);
  });

  it('answering right in review moves the question out of due', () => {
    let state = answerAndSchedule(emptyProgress(), q, 0, T0);
    const reviewAt = T0 + DAY_MS;
    expect(reviewQueue(state, [q], reviewAt).counts.due).toBe(1);
    state = answerAndSchedule(state, q, 1, reviewAt);
    const after = reviewQueue(state, [q], reviewAt);
    expect(after.counts).toEqual({ due: 0, upcoming: 1, learned: 1 });
    expect(reviewQueue(state, [q], reviewAt + DAY_MS).counts.due).toBe(0);
  });

  it('works from attempts alone, without stored cards (history from before review existed)', () => {
    const state = answer(emptyProgress(), 'q', 0, T0);
    expect(ids(reviewQueue(state, [q], T0 + DAY_MS).due)).toEqual(['q']);
  });

  it('leaves out unanswered questions and questions edited since they were answered', () => {
    const state = answer(answer(emptyProgress(), 'a', 0, T0), 'b', 0, T0);
    const refs = [ref('a'), ref('b', { hash: 'h2' }), ref('c')];
    const queue = reviewQueue(state, refs, T0 + 2 * DAY_MS);
    expect(ids(queue.due)).toEqual(['a']);
    expect(queue.counts.learned).toBe(1);
  });

  it('orders due items most overdue first, whatever the input order', () => {
    let state = answer(emptyProgress(), 'recent', 0, T0); // due T0 + 1 day
    state = answer(state, 'oldest', 0, T0 - 2 * DAY_MS); // due T0 − 1 day
    state = answer(state, 'middle', 0, T0 - DAY_MS); // due T0
    const queue = reviewQueue(
      state,
      ['recent', 'oldest', 'middle'].map((id) => ref(id)),
      T0 + 5 * DAY_MS,
    );
    expect(ids(queue.due)).toEqual(['oldest', 'middle', 'recent']);
  });

  it('breaks due-time ties by lower stability', () => {
    // Same due time: a wrong answer at T0 (Again, 1 day) vs a slow right answer the day before (Hard, 2 days).
    let state = answer(emptyProgress(), 'b-again', 0, T0);
    state = addAttempt(state, {
      qid: 'a-hard',
      hash: 'h1',
      response: 'x',
      score: 1,
      at: T0 - DAY_MS,
      hintsUsed: 1,
    });
    const cards = ['b-again', 'a-hard'].map((id) => cardFor(state, ref(id))!);
    expect(cards[0]?.due).toBe(cards[1]?.due);
    expect(cards[0]!.stability).toBeLessThan(cards[1]!.stability);
    const queue = reviewQueue(state, [ref('a-hard'), ref('b-again')], T0 + 5 * DAY_MS);
    expect(ids(queue.due)).toEqual(['b-again', 'a-hard']);
  });

  it('filters by module and caps due at limit, counting all', () => {
    let state = emptyProgress();
    for (const id of ['a', 'b', 'c']) state = answer(state, id, 0, T0);
    const refs = [ref('a'), ref('b'), ref('c', { module: 'm2' })];
    const at = T0 + 2 * DAY_MS;
    expect(ids(reviewQueue(state, refs, at, { module: 'm2' }).due)).toEqual(['c']);
    const limited = reviewQueue(state, refs, at, { limit: 1 });
    expect(limited.due).toHaveLength(1);
    expect(limited.counts).toEqual({ due: 3, upcoming: 0, learned: 3 });
  });

  it('lists as upcoming only what falls due within 7 days', () => {
    const state = answer(emptyProgress(), 'easy', 1, T0); // Good: 3 days
    expect(ids(reviewQueue(state, [ref('easy')], T0).upcoming)).toEqual(['easy']);
    const far = addAttempt(emptyProgress(), {
      qid: 'e',
      hash: 'h1',
      response: 'x',
      score: 1,
      at: T0,
      ms: 1000,
    });
    const second = addAttempt(far, {
      qid: 'e',
      hash: 'h1',
      response: 'x',
      score: 1,
      at: T0 + 8 * DAY_MS,
      ms: 1000,
    });
    const queue = reviewQueue(second, [ref('e')], T0 + 8 * DAY_MS);
    expect(queue.counts).toEqual({ due: 0, upcoming: 0, learned: 1 });
  });

  it.each([-1, 1.5, NaN])('refuses limit %s', (limit) => {
    expect(() => reviewQueue(emptyProgress(), [], T0, { limit })).toThrow(/limit must be a whole number/);
  });

  it('property: due is sorted, within limit, and counts add up', () => {
    const attempt = fc.record({
      qid: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      score: fc.constantFrom(0, 0.5, 0.8, 1),
      at: fc.integer({ min: T0, max: T0 + 30 * DAY_MS }),
      ms: fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(attempt, { maxLength: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.nat(5),
        (list, day, limit) => {
          let state = emptyProgress();
          for (const a of list) state = addAttempt(state, { ...a, hash: 'h1', response: null });
          const refs = ['a', 'b', 'c', 'd', 'e'].map((id) => ref(id));
          const at = T0 + day * DAY_MS;
          const queue = reviewQueue(state, refs, at, { limit });
          expect(queue.due.length).toBe(Math.min(limit, queue.counts.due));
          for (let i = 1; i < queue.due.length; i++) {
            expect(queue.due[i - 1]!.due).toBeLessThanOrEqual(queue.due[i]!.due);
          }
          for (const item of queue.due) expect(item.due).toBeLessThanOrEqual(at);
          for (const item of queue.upcoming) expect(item.due).toBeGreaterThan(at);
          expect(queue.counts.due + queue.counts.upcoming).toBeLessThanOrEqual(queue.counts.learned);
          const answered = new Set(list.filter((a) => a.at <= at).map((a) => a.qid));
          expect(queue.counts.learned).toBe(answered.size);
        },
      ),
    );
  });
});

describe('practiceObjective', () => {
  const refs = [
    ref('right-strong'),
    ref('unanswered-1'),
    ref('wrong'),
    ref('right-weak'),
    ref('other-objective', { objective: 'lo2' }),
    ref('unanswered-2'),
    ref('other-lesson', { lesson: 'L2' }),
  ];
  let state = emptyProgress();
  state = addAttempt(state, { qid: 'right-strong', hash: 'h1', response: 'x', score: 1, at: T0, ms: 1000 }); // Easy
  state = addAttempt(state, { qid: 'right-weak', hash: 'h1', response: 'x', score: 1, at: T0, hintsUsed: 2 }); // Hard
  state = answer(state, 'wrong', 1, T0 - 5 * DAY_MS);
  state = answer(state, 'wrong', 0, T0);

  it('gives unanswered first (authored order), then wrong-latest, then lowest stability', () => {
    expect(practiceObjective(state, refs, 'L1', 'lo1', T0 + DAY_MS, 10)).toEqual([
      'unanswered-1',
      'unanswered-2',
      'wrong',
      'right-weak',
      'right-strong',
    ]);
  });

  it('takes at most n', () => {
    expect(practiceObjective(state, refs, 'L1', 'lo1', T0 + DAY_MS, 3)).toEqual([
      'unanswered-1',
      'unanswered-2',
      'wrong',
    ]);
    expect(practiceObjective(state, refs, 'L1', 'lo1', T0 + DAY_MS, 0)).toEqual([]);
  });

  it('judges as of `at`: before the wrong answer, that question was answered right', () => {
    const ids = practiceObjective(state, refs, 'L1', 'lo1', T0 - DAY_MS, 10);
    // right-weak and right-strong were not yet answered at T0 − 1 day.
    expect(ids).toEqual(['right-strong', 'unanswered-1', 'right-weak', 'unanswered-2', 'wrong']);
  });

  it('refuses a negative n', () => {
    expect(() => practiceObjective(state, refs, 'L1', 'lo1', T0, -1)).toThrow(/n must be a whole number/);
  });
});
