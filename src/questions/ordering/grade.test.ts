import { describe, expect, it } from 'vitest';
import { describeOrdering, gradeOrdering, keyOrdering } from './grade.ts';
import { orderingSchema } from './schema.ts';
import type { OrderingQuestionInput } from './schema.ts';

const input: OrderingQuestionInput = {
  type: 'ordering',
  id: 'isis-q05',
  lesson: 'isis-propaganda-pipeline',
  objective: 'lo2',
  bloom: 'analyze',
  prompt: 'Put the stages of the propaganda pipeline in order.',
  explanation: 'Production, then distribution, then amplification, then archiving.',
  evidence: { paragraph: 'p9', quote: 'first produced, then pushed out, amplified and finally archived' },
  items: [
    { id: 'a', text: 'Production' },
    { id: 'b', text: 'Distribution' },
    { id: 'c', text: 'Amplification' },
    { id: 'd', text: 'Archiving' },
  ],
};
const question = orderingSchema.parse(input);

describe('gradeOrdering', () => {
  it.each([
    ['the key', ['a', 'b', 'c', 'd'], 1, true],
    ['one adjacent swap', ['b', 'a', 'c', 'd'], 5 / 6, false],
    ['first moved to last', ['b', 'c', 'd', 'a'], 3 / 6, false],
    ['ends swapped', ['d', 'b', 'c', 'a'], 1 / 6, false],
    ['reversed', ['d', 'c', 'b', 'a'], 0, false],
  ])('grades %s', (_label, response, score, correct) => {
    const result = gradeOrdering(question, response);
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.correct).toBe(correct);
  });

  it('gives one part per item, correct when in its exact position', () => {
    expect(gradeOrdering(question, ['a', 'c', 'b', 'd']).parts).toEqual([
      { id: 'a', correct: true },
      { id: 'b', correct: false },
      { id: 'c', correct: false },
      { id: 'd', correct: true },
    ]);
  });

  it.each([
    ['a missing item', ['a', 'b', 'c']],
    ['a repeated item', ['a', 'b', 'c', 'c']],
    ['an extra item', ['a', 'b', 'c', 'd', 'e']],
    ['an unknown item', ['a', 'b', 'c', 'z']],
    ['item texts', ['Production', 'Distribution', 'Amplification', 'Archiving']],
    ['empty', []],
    ['a string', 'abcd'],
    ['null', null],
    ['numbers', [0, 1, 2, 3]],
  ])('scores a non-permutation (%s) 0 with a clear message', (_label, response) => {
    const result = gradeOrdering(question, response);
    expect(result.score).toBe(0);
    expect(result.correct).toBe(false);
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]?.feedback).toMatch(/item/);
  });

  it('keys and describes', () => {
    expect(keyOrdering(question)).toEqual(['a', 'b', 'c', 'd']);
    expect(describeOrdering(question)).toBe('Order: Production → Distribution → Amplification → Archiving');
  });
});

describe('orderingSchema', () => {
  it.each([
    ['one item', { items: [{ id: 'a', text: 'Only' }] }, ['items']],
    ['eleven items', { items: 'abcdefghijk'.split('').map((id) => ({ id, text: id })) }, ['items']],
    ['duplicate item ids', { items: [...input.items, { id: 'b', text: 'Again' }] }, ['items', 4, 'id']],
    [
      'a bad item id',
      {
        items: [
          { id: 'a b', text: 'x' },
          { id: 'c', text: 'y' },
        ],
      },
      ['items', 0, 'id'],
    ],
  ])('rejects %s', (_label, patch, path) => {
    const result = orderingSchema.safeParse({ ...input, ...patch });
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
