import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { FIXTURES } from '../export/fixtures.ts';
import { rightOptions } from '../../questions/matching/grade.ts';
import type { MatchingQuestion } from '../../questions/matching/schema.ts';
import { NO_ANSWER, describeResponse } from './response-text.ts';

const q = (id: string) => FIXTURES.find((f) => f.id === id) as Question;
// Matching answers name right-hand options by their opaque ids (src/questions/ids.ts): R3, then the distractor.
const [, , right3, distractor] = rightOptions(q('fx-matching') as MatchingQuestion).map((o) => o.id);

describe('describeResponse: every response as the student gave it', () => {
  it.each([
    ['fx-truefalse', true, undefined, 'True'],
    ['fx-numeric-abs', '10,2 %', undefined, '“10,2 %”'],
    ['fx-numeric-exact', 2010, undefined, '2010'],
    ['fx-text', '  at & t ', undefined, '“  at & t ”'],
    [
      'fx-ordering',
      ['z', 'x', 'y'],
      undefined,
      `Order: Third → ${(q('fx-ordering') as Extract<Question, { type: 'ordering' }>).items[0]?.text} → Second`,
    ],
    [
      'fx-matching',
      { p2: right3, p3: distractor },
      undefined,
      `${(q('fx-matching') as Extract<Question, { type: 'matching' }>).pairs[0]?.left} → (not matched); L2 → R3; L3 → Nothing`,
    ],
    ['fx-cloze', { b1: 'One', b2: ' ' }, undefined, 'Blank 1: “One”; Blank 2: (blank)'],
  ])('%s: %j → %s', (id, response, order, text) => {
    expect(describeResponse(q(id), response, order)).toBe(text);
  });

  it('letters options as the student saw them', () => {
    const single = q('fx-single') as Extract<Question, { type: 'single' }>;
    const [first, second] = single.options;
    const order = single.options.map((o) => o.id).reverse();
    expect(describeResponse(single, first?.id, order)).toBe(
      `${String.fromCharCode(64 + order.length)}. ${first?.text}`,
    );
    expect(describeResponse(q('fx-multiple'), ['b'], undefined)).toMatch(/^B\. R2$/);
    expect(second).toBeDefined();
  });

  it.each([undefined, null, '', '  ', [], {}])('%j is "No answer"', (response) => {
    expect(describeResponse(q('fx-text'), response)).toBe(NO_ANSWER);
  });

  it('shows a response of the wrong shape literally, so an edited file is visible as such', () => {
    expect(describeResponse(q('fx-single'), 'zz')).toBe('Unreadable answer: "zz"');
    expect(describeResponse(q('fx-truefalse'), 'true')).toBe('Unreadable answer: "true"');
    expect(describeResponse(q('fx-ordering'), ['x', 'nope'])).toBe('Unreadable answer: ["x","nope"]');
    const long = describeResponse(q('fx-single'), 'x'.repeat(500));
    expect(long).toHaveLength('Unreadable answer: '.length + 120);
    expect(long.endsWith('…')).toBe(true);
  });

  it('property: never throws, whatever the response', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.anything(), (question, response) => {
        expect(typeof describeResponse(question, response)).toBe('string');
      }),
    );
  });
});
