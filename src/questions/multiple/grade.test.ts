import { describe, expect, it } from 'vitest';
import { describeMultiple, gradeMultiple, keyMultiple } from './grade.ts';
import { multipleSchema } from './schema.ts';
import type { MultipleQuestionInput } from './schema.ts';

const input: MultipleQuestionInput = {
  type: 'multiple',
  id: 'mali-q02',
  lesson: 'mali-jihadists-support-their-struggle-online',
  objective: 'lo2',
  bloom: 'understand',
  prompt: 'Which platforms does the article name?',
  explanation: 'Telegram, Facebook and WhatsApp are named.',
  evidence: { paragraph: 'p4', quote: 'Telegram, Facebook and WhatsApp groups' },
  options: [
    { id: 'tg', text: 'Telegram', feedback: 'Named in p4.' },
    { id: 'fb', text: 'Facebook' },
    { id: 'wa', text: 'WhatsApp' },
    { id: 'tt', text: 'TikTok', feedback: 'Not mentioned.' },
    { id: 'sn', text: 'Snapchat' },
  ],
  answers: ['tg', 'fb', 'wa'],
};
const question = multipleSchema.parse(input);

describe('gradeMultiple', () => {
  it.each([
    ['exactly the key', ['tg', 'fb', 'wa'], 1, true],
    ['the key in another order', ['wa', 'tg', 'fb'], 1, true],
    ['the key with a repeat', ['wa', 'tg', 'fb', 'tg'], 1, true],
    ['two of three', ['tg', 'fb'], 2 / 3, false],
    ['one of three', ['wa'], 1 / 3, false],
    ['all right plus one wrong', ['tg', 'fb', 'wa', 'tt'], 2 / 3, false],
    ['one right one wrong', ['tg', 'tt'], 0, false],
    ['one right two wrong (floored)', ['tg', 'tt', 'sn'], 0, false],
    ['everything', ['tg', 'fb', 'wa', 'tt', 'sn'], 1 / 3, false],
    ['nothing', [], 0, false],
  ])('grades %s', (_label, response, score, correct) => {
    const result = gradeMultiple(question, response);
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.correct).toBe(correct);
  });

  it('gives one part per option picked or in the key, with its feedback', () => {
    expect(gradeMultiple(question, ['tg', 'tt']).parts).toEqual([
      { id: 'tg', correct: true, feedback: 'Named in p4.' },
      { id: 'fb', correct: false },
      { id: 'wa', correct: false },
      { id: 'tt', correct: false, feedback: 'Not mentioned.' },
    ]);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'tg'],
    ['an array with a number', ['tg', 1]],
    ['an unknown id', ['tg', 'zz']],
    ['an object', { 0: 'tg', length: 1 }],
  ])('scores a malformed response (%s) 0', (_label, response) => {
    const result = gradeMultiple(question, response);
    expect(result).toMatchObject({ score: 0, correct: false, parts: [{ id: 'response', correct: false }] });
  });

  it('keys and describes', () => {
    expect(keyMultiple(question)).toEqual(['tg', 'fb', 'wa']);
    expect(describeMultiple(question)).toBe('A. Telegram; B. Facebook; C. WhatsApp');
    expect(describeMultiple(question, ['sn', 'wa', 'tt', 'fb', 'tg'])).toBe(
      'B. WhatsApp; D. Facebook; E. Telegram',
    );
  });
});

describe('multipleSchema', () => {
  it.each([
    ['an answer not among option ids', { answers: ['tg', 'zz'] }, ['answers', 1]],
    ['no answers', { answers: [] }, ['answers']],
    ['a repeated answer', { answers: ['tg', 'tg'] }, ['answers', 1]],
    [
      'nine options',
      { options: 'abcdefghi'.split('').map((id) => ({ id, text: id })), answers: ['a'] },
      ['options'],
    ],
  ])('rejects %s', (_label, patch, path) => {
    const result = multipleSchema.safeParse({ ...input, ...patch });
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
