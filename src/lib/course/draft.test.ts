import { describe, expect, it } from 'vitest';
import { firstSentence } from './draft.ts';

describe('firstSentence', () => {
  it.each([
    ['One sentence only', 'One sentence only'],
    ['The first sentence is here. The second one follows.', 'The first sentence is here.'],
    ['Dr. Mark Galeotti said so at length. Then more.', 'Dr. Mark Galeotti said so at length.'],
    ['“It is strictly business.” Galeotti said.', '“It is strictly business.”'],
    ['Is it a question at all? Yes.', 'Is it a question at all?'],
  ])('%s', (text, first) => {
    expect(firstSentence(text)).toBe(first);
  });

  it('shortens a long run-on at a word boundary', () => {
    const text = 'word '.repeat(100).trim();
    const out = firstSentence(text, 50);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(out).not.toMatch(/ …$/);
  });
});
