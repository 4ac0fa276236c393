import { describe, expect, it } from 'vitest';
import type { QuestionType } from '../../questions/index.ts';
import { decodeProgress, encodeProgress } from '../progress/codec.ts';
import { addAttempt, mergeProgress } from '../progress/merge.ts';
import { emptyProgress, type Progress } from '../progress/schema.ts';
import {
  DAY_MS,
  RATING_THRESHOLDS,
  RETRY_WINDOW_MS,
  Rating,
  cardFor,
  parseCard,
  ratingFor,
  scheduleAttempt,
  type StoredCard,
} from './card.ts';
import { reviewCardSchema } from './card-schema.ts';

const T0 = Date.UTC(2025, 2, 10, 9, 0);

function answer(state: Progress, qid: string, score: number, at: number, hash = 'h1'): Progress {
  return addAttempt(state, { qid, hash, response: `r${at}`, score, at });
}

describe('ratingFor', () => {
  it.each<[string, number, number | undefined, number | undefined, QuestionType, Rating]>([
    ['wrong', 0, 5_000, 0, 'single', Rating.Again],
    ['partly right below 0.8', 0.79, 5_000, 0, 'multiple', Rating.Again],
    ['right at exactly 0.8, fast: partial credit is never Easy', 0.8, 1_000, 0, 'multiple', Rating.Good],
    ['right, choice type, just under 30 s', 1, 29_999, 0, 'single', Rating.Good],
    ['right, choice type, over 30 s', 1, 30_001, 0, 'truefalse', Rating.Hard],
    ['right, text type, 45 s is not slow', 1, 45_000, 0, 'text', Rating.Good],
    ['right, text type, over 60 s', 1, 61_000, 0, 'cloze', Rating.Hard],
    ['right, numeric, over 45 s', 1, 46_000, 0, 'numeric', Rating.Hard],
    ['right after a hint', 1, 2_000, 1, 'single', Rating.Hard],
    ['right, fast (under 10 s), no hints', 1, 9_999, 0, 'single', Rating.Easy],
    ['right, 10 s is not under a third of 30 s', 1, 10_000, 0, 'single', Rating.Good],
    ['right, ordering under 20 s', 1, 19_000, undefined, 'ordering', Rating.Easy],
    ['right, no timing data', 1, undefined, undefined, 'matching', Rating.Good],
    ['wrong after hints is still Again', 0, 90_000, 3, 'text', Rating.Again],
  ])('%s', (_name, score, ms, hintsUsed, type, expected) => {
    expect(ratingFor({ score, ms, hintsUsed }, { type })).toBe(expected);
  });

  it('without a type uses the lenient 60 s row', () => {
    expect(ratingFor({ score: 1, ms: 45_000 }, {})).toBe(Rating.Good);
    expect(ratingFor({ score: 1, ms: 61_000 }, {})).toBe(Rating.Hard);
  });

  it('every type has Easy at a third of its Hard limit', () => {
    for (const row of Object.values(RATING_THRESHOLDS)) expect(row.fastMs * 3).toBe(row.slowMs);
  });
});

describe('scheduleAttempt', () => {
  it('a wrong answer on a new card comes back within a day', () => {
    const card = scheduleAttempt(undefined, { score: 0, hash: 'h1' }, { type: 'single' }, T0);
    expect(card.due).toBeGreaterThan(T0);
    expect(card.due).toBeLessThanOrEqual(T0 + DAY_MS);
  });

  it.each([
    ['Hard', { score: 1, hintsUsed: 1 }],
    ['Good', { score: 1 }],
    ['Easy', { score: 1, ms: 1_000 }],
  ])('a right answer (%s) is not due tomorrow but within two weeks', (_name, attempt) => {
    const card = scheduleAttempt(undefined, { ...attempt, hash: 'h1' }, { type: 'single' }, T0);
    expect(card.due).toBeGreaterThan(T0 + DAY_MS);
    expect(card.due).toBeLessThanOrEqual(T0 + 14 * DAY_MS);
  });

  it('Easy schedules further out than Good, Good than Hard', () => {
    const due = (attempt: { score: number; ms?: number; hintsUsed?: number }) =>
      scheduleAttempt(undefined, { ...attempt, hash: 'h1' }, { type: 'single' }, T0).due;
    expect(due({ score: 1, ms: 1_000 })).toBeGreaterThan(due({ score: 1 }));
    expect(due({ score: 1 })).toBeGreaterThan(due({ score: 1, hintsUsed: 1 }));
  });

  it('a retry right after feedback does not move the schedule, only `seen`', () => {
    const wrong = scheduleAttempt(undefined, { score: 0, hash: 'h1' }, {}, T0);
    const retry = scheduleAttempt(wrong, { score: 1, hash: 'h1' }, {}, T0 + 60_000);
    expect(retry).toEqual({ ...wrong, seen: T0 + 60_000 });
    const later = scheduleAttempt(wrong, { score: 1, hash: 'h1' }, {}, T0 + RETRY_WINDOW_MS);
    expect(later.reps).toBe(wrong.reps + 1);
  });

  it('right again when due pushes the next review further out', () => {
    const first = scheduleAttempt(undefined, { score: 1, hash: 'h1' }, {}, T0);
    const second = scheduleAttempt(first, { score: 1, hash: 'h1' }, {}, first.due);
    expect(second.due - first.due).toBeGreaterThan(first.due - T0);
    expect(second.stability).toBeGreaterThan(first.stability);
  });

  it('forgetting a known question is a lapse and brings it back within a day', () => {
    const known = scheduleAttempt(undefined, { score: 1, hash: 'h1' }, {}, T0);
    const lapse = scheduleAttempt(known, { score: 0, hash: 'h1' }, {}, known.due);
    expect(lapse.lapses).toBe(1);
    expect(lapse.due - known.due).toBeLessThanOrEqual(DAY_MS);
  });

  it('a card for another question version is ignored (the new version starts fresh)', () => {
    const old = scheduleAttempt(undefined, { score: 1, hash: 'h1' }, {}, T0);
    const fresh = scheduleAttempt(old, { score: 0, hash: 'h2' }, {}, T0 + 2 * DAY_MS);
    expect(fresh).toMatchObject({ hash: 'h2', reps: 1, lapses: 0 });
  });

  it('tolerates a clock that went backwards', () => {
    const card = scheduleAttempt(undefined, { score: 1, hash: 'h1' }, {}, T0);
    expect(() => scheduleAttempt(card, { score: 1, hash: 'h1' }, {}, T0 - DAY_MS)).not.toThrow();
  });

  it.each([NaN, -1, Infinity])('refuses time %s with a clear message', (at) => {
    expect(() => scheduleAttempt(undefined, { score: 1, hash: 'h1' }, {}, at)).toThrow(/at must be a time/);
  });

  it('produces cards that satisfy reviewCardSchema', () => {
    const card = scheduleAttempt(undefined, { score: 0.5, hash: 'h1' }, {}, T0);
    expect(reviewCardSchema.safeParse(card).success).toBe(true);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});

describe('cardFor', () => {
  it('is undefined for a question never answered under its current hash', () => {
    const state = answer(emptyProgress(), 'q', 1, T0, 'old');
    expect(cardFor(state, { id: 'q', hash: 'new' })).toBeUndefined();
    expect(cardFor(state, { id: 'other', hash: 'new' })).toBeUndefined();
  });

  it('replays attempts when no card is stored', () => {
    let state = answer(emptyProgress(), 'q', 0, T0);
    state = answer(state, 'q', 1, T0 + 2 * DAY_MS);
    let expected = scheduleAttempt(undefined, { score: 0, hash: 'h1' }, {}, T0);
    expected = scheduleAttempt(expected, { score: 1, hash: 'h1' }, {}, T0 + 2 * DAY_MS);
    expect(cardFor(state, { id: 'q', hash: 'h1' })).toEqual(expected);
  });

  it('uses a stored card that matches the newest attempt, and replays a stale or foreign one', () => {
    const state = answer(emptyProgress(), 'q', 1, T0);
    const replayed = cardFor(state, { id: 'q', hash: 'h1' });
    const custom: StoredCard = { ...replayed!, stability: 42 };
    expect(cardFor({ ...state, reviews: { q: custom } }, { id: 'q', hash: 'h1' })?.stability).toBe(42);
    const stale = { ...custom, seen: T0 - 1 };
    expect(cardFor({ ...state, reviews: { q: stale } }, { id: 'q', hash: 'h1' })).toEqual(replayed);
    const foreign = { ...custom, hash: 'h0' };
    expect(cardFor({ ...state, reviews: { q: foreign } }, { id: 'q', hash: 'h1' })).toEqual(replayed);
    expect(cardFor({ ...state, reviews: { q: 'garbage' } }, { id: 'q', hash: 'h1' })).toEqual(replayed);
  });

  it('ignores attempts after `asOf`', () => {
    let state = answer(emptyProgress(), 'q', 0, T0);
    state = answer(state, 'q', 1, T0 + 2 * DAY_MS);
    expect(cardFor(state, { id: 'q', hash: 'h1' }, T0 + DAY_MS)).toEqual(
      scheduleAttempt(undefined, { score: 0, hash: 'h1' }, {}, T0),
    );
  });
});

describe('stored cards in the progress document', () => {
  it('round-trip through encodeProgress / decodeProgress unchanged', () => {
    const state = answer(emptyProgress(), 'q', 0, T0);
    const card = cardFor(state, { id: 'q', hash: 'h1' });
    const withCard: Progress = { ...state, reviews: { q: card! } };
    const decoded = decodeProgress(encodeProgress(withCard));
    expect(decoded.problem).toBeUndefined();
    expect(decoded.state).toEqual(withCard);
    expect(parseCard(decoded.state.reviews['q'])).toEqual(card);
    expect(cardFor(decoded.state, { id: 'q', hash: 'h1' })).toEqual(card);
  });

  it('merge keeps the card with the later last_review', () => {
    const early = scheduleAttempt(undefined, { score: 1, hash: 'h1' }, {}, T0);
    const late = scheduleAttempt(early, { score: 0, hash: 'h1' }, {}, T0 + 3 * DAY_MS);
    const a: Progress = { ...emptyProgress(), reviews: { q: early } };
    const b: Progress = { ...emptyProgress(), reviews: { q: late } };
    expect(mergeProgress(a, b).reviews['q']).toEqual(late);
    expect(mergeProgress(b, a).reviews['q']).toEqual(late);
  });

  it('after merging two devices, the card reflects the union of their attempts', () => {
    const phone = answer(emptyProgress(), 'q', 1, T0);
    const laptop = answer(emptyProgress(), 'q', 0, T0 + 4 * DAY_MS);
    const phoneCard = cardFor(phone, { id: 'q', hash: 'h1' })!;
    const merged = mergeProgress({ ...phone, reviews: { q: phoneCard } }, laptop);
    const card = cardFor(merged, { id: 'q', hash: 'h1' })!;
    expect(card.reps).toBe(2);
    expect(card.lapses).toBe(1);
  });
});
