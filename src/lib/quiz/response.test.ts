import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { coerceResponse, effectiveResponse, isAnswered, moveItem, toggleOption } from './response.ts';

const base = {
  lesson: 'l',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'P',
  explanation: 'E',
  evidence: { paragraph: 'p1', quote: 'some quote here' },
} as const;
const ordering: Question = {
  ...base,
  type: 'ordering',
  id: 'o',
  items: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
};
const matching: Question = {
  ...base,
  type: 'matching',
  id: 'm',
  pairs: [
    { id: 'x', left: 'X', right: '1' },
    { id: 'y', left: 'Y', right: '2' },
  ],
};

describe('coerceResponse (drafts read back from storage)', () => {
  it.each([
    [ordering, ['b', 'a'], ['b', 'a']],
    [ordering, ['a'], undefined],
    [ordering, ['a', 'a'], undefined],
    [matching, { x: 'y' }, { x: 'y' }],
    [matching, { z: 'y' }, undefined],
    [matching, ['x'], undefined],
    [{ ...base, type: 'truefalse', id: 't', answer: true } as Question, 'true', undefined],
  ])('%#', (question, value, expected) => expect(coerceResponse(question, value)).toEqual(expected));
});

it('an untouched ordering question is answered by its display order', () => {
  expect(effectiveResponse(ordering, undefined, ['b', 'a'])).toEqual(['b', 'a']);
  expect(isAnswered(ordering, undefined)).toBe(true);
  expect(isAnswered(matching, {})).toBe(false);
  expect(isAnswered(matching, { x: 'y' })).toBe(true);
});

it('moveItem moves one entry and clamps at the ends', () => {
  expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
  expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
});

it('toggleOption keeps ticked ids in display order', () => {
  expect(toggleOption(['c', 'a', 'b'], ['b'], 'a', true)).toEqual(['a', 'b']);
  expect(toggleOption(['c', 'a', 'b'], ['a', 'b'], 'a', false)).toEqual(['b']);
});
