/** Questions that quote another lesson's article (the opening unit's): `evidence.article`. */
import { describe, expect, it } from 'vitest';
import { validateBank } from './bank.ts';

const articles = new Map([
  ['mali', { id: 'mali', paragraphs: [{ id: 'p1', text: 'Yesterday in Lille, the forum ended.' }] }],
]);

/** A bank that passes the item-writing rules (two source-evaluation items, one True, one False). */
function bank(evidence: Record<string, string>) {
  const common = {
    type: 'truefalse',
    lesson: 'unit',
    objective: 'lo1',
    bloom: 'apply',
    skill: 'source-evaluation',
    explanation: 'The first sentence says the forum ended yesterday.',
    evidence,
  };
  return [
    {
      ...common,
      id: 'unit-q01',
      prompt: 'True or false: the post dates itself by a forum.',
      answer: true,
      feedbackFalse: 'Read the first sentence again: what ended, and when?',
    },
    {
      ...common,
      id: 'unit-q02',
      prompt: 'True or false: the post gives its date in a byline.',
      answer: false,
      feedbackTrue: 'Look for a byline: is there one?',
    },
  ];
}
const errorsFor = (evidence: Record<string, string>) =>
  validateBank('unit.yaml', 'unit', bank(evidence), articles).errors.filter((e) => e.includes('unit-q01'));

describe('validateBank with evidence.article', () => {
  it('checks the quote against the article the evidence names', () => {
    expect(
      validateBank(
        'unit.yaml',
        'unit',
        bank({ article: 'mali', paragraph: 'p1', quote: 'the forum ended' }),
        articles,
      ).errors,
    ).toEqual([]);
    expect(errorsFor({ article: 'mali', paragraph: 'p1', quote: 'the forum began' })).toEqual([
      'unit.yaml: question "unit-q01": evidence: the quote is not verbatim in p1: “the forum began”',
    ]);
  });

  it('says what to do when a unit question names no article, or an unknown one', () => {
    expect(errorsFor({ paragraph: 'p1', quote: 'the forum ended' })).toEqual([
      'unit.yaml: question "unit-q01": evidence: no article has the id "unit" (the file name must be an article id, or the question must name its article in evidence.article)',
    ]);
    expect(errorsFor({ article: 'nope', paragraph: 'p1', quote: 'the forum ended' })).toEqual([
      'unit.yaml: question "unit-q01": evidence.article: no article has the id "nope"',
    ]);
  });
});
