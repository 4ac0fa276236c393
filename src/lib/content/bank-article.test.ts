/** Questions that quote another lesson's article (the opening unit's): `evidence.article`. */
import { describe, expect, it } from 'vitest';
import { validateBank } from './bank.ts';

const articles = new Map([
  ['mali', { id: 'mali', paragraphs: [{ id: 'p1', text: 'Yesterday in Lille, the forum ended.' }] }],
]);
const question = (evidence: Record<string, string>) => ({
  id: 'unit-q01',
  type: 'truefalse',
  lesson: 'unit',
  objective: 'lo1',
  bloom: 'apply',
  prompt: 'True or false: the post dates itself by a forum.',
  answer: true,
  explanation: 'It says the forum ended yesterday.',
  evidence,
});

describe('validateBank with evidence.article', () => {
  it('checks the quote against the article the evidence names', () => {
    const ok = validateBank(
      'unit.yaml',
      'unit',
      [question({ article: 'mali', paragraph: 'p1', quote: 'the forum ended' })],
      articles,
    );
    expect(ok.errors).toEqual([]);
    const misquoted = validateBank(
      'unit.yaml',
      'unit',
      [question({ article: 'mali', paragraph: 'p1', quote: 'the forum began' })],
      articles,
    );
    expect(misquoted.errors).toEqual([
      'unit.yaml: question "unit-q01": evidence: the quote is not verbatim in p1: “the forum began”',
    ]);
  });

  it('says what to do when a unit question names no article, or an unknown one', () => {
    expect(
      validateBank('unit.yaml', 'unit', [question({ paragraph: 'p1', quote: 'the forum ended' })], articles)
        .errors,
    ).toEqual([
      'unit.yaml: question "unit-q01": evidence: no article has the id "unit" (the file name must be an article id, or the question must name its article in evidence.article)',
    ]);
    expect(
      validateBank(
        'unit.yaml',
        'unit',
        [question({ article: 'nope', paragraph: 'p1', quote: 'the forum ended' })],
        articles,
      ).errors,
    ).toEqual(['unit.yaml: question "unit-q01": evidence.article: no article has the id "nope"']);
  });
});
