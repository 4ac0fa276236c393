import { describe, expect, it } from 'vitest';
import { gradeResultSchema } from '../common.ts';
import { describeSingle, gradeSingle, keySingle } from './grade.ts';
import { singleSchema } from './schema.ts';
import type { SingleQuestionInput } from './schema.ts';

const input: SingleQuestionInput = {
  type: 'single',
  id: 'mali-q01',
  lesson: 'mali-jihadists-support-their-struggle-online',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'Which app did the group use for *encrypted* chat?',
  explanation: 'The article names Telegram.',
  evidence: { paragraph: 'p3', quote: 'they moved to Telegram channels' },
  options: [
    { id: 'a', text: 'Facebook', feedback: 'Facebook is mentioned for recruitment, not chat.' },
    { id: 'b', text: 'Telegram', feedback: 'Yes — its channels.' },
    { id: 'c', text: 'TikTok' },
  ],
  answer: 'b',
};
const question = singleSchema.parse(input);

describe('gradeSingle', () => {
  it.each([
    ['the key', 'b', 1, true, [{ id: 'b', correct: true, feedback: 'Yes — its channels.' }]],
    [
      'a wrong option with feedback',
      'a',
      0,
      false,
      [
        { id: 'a', correct: false, feedback: 'Facebook is mentioned for recruitment, not chat.' },
        { id: 'b', correct: false, feedback: 'Yes — its channels.' },
      ],
    ],
    [
      'a wrong option without feedback',
      'c',
      0,
      false,
      [
        { id: 'b', correct: false, feedback: 'Yes — its channels.' },
        { id: 'c', correct: false },
      ],
    ],
  ])('grades %s', (_label, response, score, correct, parts) => {
    const result = gradeSingle(question, response);
    expect(result).toEqual({ score, correct, parts });
    expect(gradeResultSchema.safeParse(result).success).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 1],
    ['an array', ['b']],
    ['an object', { b: true }],
    ['an unknown id', 'z'],
    ['the option text', 'Telegram'],
  ])('scores a malformed response (%s) 0 with an explaining part', (_label, response) => {
    const result = gradeSingle(question, response);
    expect(result.score).toBe(0);
    expect(result.correct).toBe(false);
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]?.id).toBe('response');
    expect(result.parts[0]?.feedback).toBeTruthy();
  });

  it('keys and describes', () => {
    expect(keySingle(question)).toBe('b');
    expect(describeSingle(question)).toBe('B. Telegram');
    expect(describeSingle(question, ['c', 'a', 'b'])).toBe('C. Telegram');
  });
});

describe('singleSchema', () => {
  it('accepts the fixture', () => {
    expect(singleSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['answer not among option ids', { answer: 'z' }, ['answer']],
    [
      'duplicate option ids',
      { options: [...input.options, { id: 'a', text: 'Again' }] },
      ['options', 3, 'id'],
    ],
    ['too few options', { options: [{ id: 'b', text: 'Telegram' }] }, ['options']],
    ['a bad question id', { id: 'Mali Q1' }, ['id']],
    [
      'a bad evidence paragraph',
      { evidence: { paragraph: '3', quote: 'they moved to Telegram' } },
      ['evidence', 'paragraph'],
    ],
    ['a short quote', { evidence: { paragraph: 'p3', quote: 'short' } }, ['evidence', 'quote']],
    ['a bad bloom level', { bloom: 'create' }, ['bloom']],
    ['a blank prompt', { prompt: '   ' }, ['prompt']],
    ['an unknown field', { explaination: 'typo' }, []],
  ])('rejects %s at the field path', (_label, patch, path) => {
    const result = singleSchema.safeParse({ ...input, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('names the option ids when the answer is missing', () => {
    const result = singleSchema.safeParse({ ...input, answer: 'z' });
    expect(result.error?.issues[0]?.message).toMatch(/"z".*a, b, c/);
  });
});
