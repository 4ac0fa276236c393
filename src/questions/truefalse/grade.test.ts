import { describe, expect, it } from 'vitest';
import { describeTruefalse, gradeTruefalse, keyTruefalse } from './grade.ts';
import { truefalseSchema } from './schema.ts';
import type { TruefalseQuestionInput } from './schema.ts';

const input: TruefalseQuestionInput = {
  type: 'truefalse',
  id: 'mali-q03',
  lesson: 'mali-jihadists-support-their-struggle-online',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'The group only posted in French.',
  explanation: 'Posts were in Arabic, French and local languages.',
  evidence: { paragraph: 'p5', quote: 'in Arabic, French, Fulfulde and Bambara' },
  answer: false,
  feedbackTrue: 'No: several languages were used.',
  feedbackFalse: 'Right: Arabic and local languages too.',
};
const question = truefalseSchema.parse(input);

describe('gradeTruefalse', () => {
  it.each([
    [false, 1, true, { id: 'false', correct: true, feedback: 'Right: Arabic and local languages too.' }],
    [true, 0, false, { id: 'true', correct: false, feedback: 'No: several languages were used.' }],
  ])('grades %s', (response, score, correct, part) => {
    expect(gradeTruefalse(question, response)).toEqual({ score, correct, parts: [part] });
  });

  it('omits feedback when none is authored', () => {
    const plain = truefalseSchema.parse({
      ...input,
      answer: true,
      feedbackTrue: undefined,
      feedbackFalse: undefined,
    });
    expect(gradeTruefalse(plain, true)).toEqual({
      score: 1,
      correct: true,
      parts: [{ id: 'true', correct: true }],
    });
  });

  it.each([undefined, null, 'false', 0, 1, [], {}])('scores malformed %j 0', (response) => {
    expect(gradeTruefalse(question, response)).toMatchObject({
      score: 0,
      correct: false,
      parts: [{ id: 'response' }],
    });
  });

  it('keys and describes', () => {
    expect(keyTruefalse(question)).toBe(false);
    expect(describeTruefalse(question)).toBe('False');
  });

  it('rejects a non-boolean answer at ["answer"]', () => {
    const result = truefalseSchema.safeParse({ ...input, answer: 'false' });
    expect(result.error?.issues[0]?.path).toEqual(['answer']);
  });
});
