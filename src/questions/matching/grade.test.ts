import { describe, expect, it } from 'vitest';
import { describeMatching, gradeMatching, keyMatching } from './grade.ts';
import { matchingSchema, rightOptions } from './schema.ts';
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

describe('gradeMatching', () => {
  it.each([
    ['all right', { tg: 'tg', tw: 'tw', yt: 'yt' }, 1, true],
    ['two right, one to a distractor', { tg: 'tg', tw: 'tw', yt: 'd1' }, 2 / 3, false],
    ['two swapped', { tg: 'tw', tw: 'tg', yt: 'yt' }, 1 / 3, false],
    ['one right, others missing', { tw: 'tw' }, 1 / 3, false],
    ['nothing', {}, 0, false],
    ['every left to the same option', { tg: 'tg', tw: 'tg', yt: 'tg' }, 1 / 3, false],
  ])('grades %s', (_label, response, score, correct) => {
    const result = gradeMatching(question, response);
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.correct).toBe(correct);
  });

  it('gives one part per pair, flagging unmatched ones', () => {
    expect(gradeMatching(question, { tg: 'tg', tw: 'd2' }).parts).toEqual([
      { id: 'tg', correct: true },
      { id: 'tw', correct: false },
      { id: 'yt', correct: false, feedback: 'Not matched' },
    ]);
  });

  it.each([
    ['an extra key', { tg: 'tg', tw: 'tw', yt: 'yt', fb: 'tg' }],
    ['an unknown option id', { tg: 'tg', tw: 'tw', yt: 'd3' }],
    ['right-hand text instead of id', { tg: 'Coordination', tw: 'tw', yt: 'yt' }],
    ['a non-string value', { tg: 1, tw: 'tw', yt: 'yt' }],
    ['an array', ['tg', 'tw', 'yt']],
    ['a Map', new Map([['tg', 'tg']])],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'tg'],
  ])('scores a malformed response (%s) 0', (_label, response) => {
    const result = gradeMatching(question, response);
    expect(result).toMatchObject({ score: 0, correct: false, parts: [{ id: 'response', correct: false }] });
    expect(result.parts).toHaveLength(1);
  });

  it('accepts a null-prototype object', () => {
    const response = Object.assign(Object.create(null) as Record<string, string>, {
      tg: 'tg',
      tw: 'tw',
      yt: 'yt',
    });
    expect(gradeMatching(question, response).correct).toBe(true);
  });

  it('lists right options as pair ids then d1, d2…', () => {
    expect(rightOptions(question).map((option) => option.id)).toEqual(['tg', 'tw', 'yt', 'd1', 'd2']);
  });

  it('keys and describes', () => {
    expect(keyMatching(question)).toEqual({ tg: 'tg', tw: 'tw', yt: 'yt' });
    expect(describeMatching(question)).toBe(
      'Telegram → Coordination; Twitter → Reach; YouTube → Video archive',
    );
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
