import { describe, expect, it } from 'vitest';
import { describeMatching, gradeMatching, keyMatching } from './grade.ts';
import { matchingSchema, publishMatching, rightOptions } from './schema.ts';
import type { MatchingQuestionInput } from './schema.ts';

const input: MatchingQuestionInput = {
  type: 'matching',
  id: 'platforms-q06',
  lesson: 'platform-migration',
  objective: 'lo1',
  bloom: 'understand',
  prompt: 'Match each platform to how the groups used it.',
  explanation: 'Each platform served a different role.',
  evidence: { paragraph: 'p11', quote: 'Telegram for coordination, Twitter for reach' },
  pairs: [
    { id: 'tg', left: 'Telegram', right: 'Coordination' },
    { id: 'tw', left: 'Twitter', right: 'Reach' },
    { id: 'yt', left: 'YouTube', right: 'Video archive' },
  ],
  distractors: ['Payments', 'Dating'],
};
const question = matchingSchema.parse(input);

/** The id of the right-hand option with this text. */
const right = (text: string): string =>
  rightOptions(question).find((option) => option.text === text)?.id ?? '';
const R = {
  tg: right('Coordination'),
  tw: right('Reach'),
  yt: right('Video archive'),
  d1: right('Payments'),
  d2: right('Dating'),
};

describe('gradeMatching', () => {
  it.each([
    ['all right', { tg: R.tg, tw: R.tw, yt: R.yt }, 1, true],
    ['two right, one to a distractor', { tg: R.tg, tw: R.tw, yt: R.d1 }, 2 / 3, false],
    ['two swapped', { tg: R.tw, tw: R.tg, yt: R.yt }, 1 / 3, false],
    ['one right, others missing', { tw: R.tw }, 1 / 3, false],
    ['nothing', {}, 0, false],
    ['every left to the same option', { tg: R.tg, tw: R.tg, yt: R.tg }, 1 / 3, false],
  ])('grades %s', (_label, response, score, correct) => {
    const result = gradeMatching(question, response);
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.correct).toBe(correct);
  });

  it('gives one part per pair, flagging unmatched ones', () => {
    expect(gradeMatching(question, { tg: R.tg, tw: R.d2 }).parts).toEqual([
      { id: 'tg', correct: true },
      { id: 'tw', correct: false },
      { id: 'yt', correct: false, feedback: 'Not matched' },
    ]);
  });

  it.each([
    ['an extra key', { tg: R.tg, tw: R.tw, yt: R.yt, fb: R.tg }],
    ['an unknown option id', { tg: R.tg, tw: R.tw, yt: 'zzzzzz' }],
    ['a handle from before ids were opaque', { tg: 'tg', tw: R.tw, yt: R.yt }],
    ['right-hand text instead of id', { tg: 'Coordination', tw: R.tw, yt: R.yt }],
    ['a non-string value', { tg: 1, tw: R.tw, yt: R.yt }],
    ['an array', [R.tg, R.tw, R.yt]],
    ['a Map', new Map([['tg', R.tg]])],
    ['null', null],
    ['undefined', undefined],
    ['a string', R.tg],
  ])('scores a malformed response (%s) 0', (_label, response) => {
    const result = gradeMatching(question, response);
    expect(result).toMatchObject({ score: 0, correct: false, parts: [{ id: 'response', correct: false }] });
    expect(result.parts).toHaveLength(1);
  });

  it('accepts a null-prototype object', () => {
    const response = Object.assign(Object.create(null) as Record<string, string>, {
      tg: R.tg,
      tw: R.tw,
      yt: R.yt,
    });
    expect(gradeMatching(question, response).correct).toBe(true);
  });

  it('gives right-hand options ids from their text: not a pair id, the same for the same text', () => {
    const ids = rightOptions(question).map((option) => option.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-z]{6}$/);
      expect(['tg', 'tw', 'yt', 'd1', 'd2']).not.toContain(id);
    }
    const reordered = matchingSchema.parse({ ...input, pairs: [...input.pairs].reverse() });
    expect(right('Reach')).toBe(rightOptions(reordered).find((o) => o.text === 'Reach')?.id);
  });

  it('keys and describes', () => {
    expect(keyMatching(question)).toEqual({ tg: R.tg, tw: R.tw, yt: R.yt });
    expect(describeMatching(question)).toBe(
      'Telegram → Coordination; Twitter → Reach; YouTube → Video archive',
    );
  });

  it('publishes the renames of the old right-hand ids (pair ids, d1, d2…)', () => {
    expect(publishMatching(question)).toEqual({
      question,
      renamed: { tg: R.tg, tw: R.tw, yt: R.yt, d1: R.d1, d2: R.d2 },
    });
  });
});

describe('matchingSchema', () => {
  it.each([
    ['one pair', { pairs: [{ id: 'tg', left: 'Telegram', right: 'Coordination' }] }, ['pairs']],
    [
      'duplicate pair ids',
      { pairs: [...input.pairs, { id: 'tg', left: 'X', right: 'Y' }] },
      ['pairs', 3, 'id'],
    ],
    [
      'a pair id reserved for distractors',
      { pairs: [...input.pairs, { id: 'd1', left: 'X', right: 'Y' }] },
      ['pairs', 3, 'id'],
    ],
    [
      'two identical rights',
      { pairs: [...input.pairs, { id: 'fb', left: 'Facebook', right: 'reach' }] },
      ['pairs', 3, 'right'],
    ],
    ['a distractor equal to a right', { distractors: ['Payments', 'Reach'] }, ['distractors', 1]],
  ])('rejects %s', (_label, patch, path) => {
    const result = matchingSchema.safeParse({ ...input, ...patch });
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
