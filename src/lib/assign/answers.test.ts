import { describe, expect, it } from 'vitest';
import { answerKey } from '../../questions/client.ts';
import type { Question } from '../../questions/index.ts';
import { publicQuestion } from '../../questions/publics.ts';
import { FIXTURES } from '../export/fixtures.ts';
import { withId, type AssignmentSpec } from './spec.ts';
import { attemptScore, pageReview, responseTo, unanswered, untouchedAnswers } from './answers.ts';

const byId = (id: string) => FIXTURES.find((q) => q.id === id) as Question;
const entries = ['fx-single', 'fx-truefalse', 'fx-ordering', 'fx-text'].map((id) => ({ question: byId(id) }));
const ordering = byId('fx-ordering');

describe('the student’s answers on the assignment page', () => {
  it('lists what is still unanswered; an ordering question always answers, a damaged answer does not', () => {
    const responses = { 'fx-single': 'a', 'fx-truefalse': 'not a boolean' };
    expect(unanswered(entries, responses).map((e) => e.question.id)).toEqual(['fx-truefalse', 'fx-text']);
    expect(unanswered(entries, undefined).map((e) => e.question.id)).toEqual([
      'fx-single',
      'fx-truefalse',
      'fx-text',
    ]);
  });

  it('hands in an untouched ordering question in the order on screen, and nothing for the rest', () => {
    const orders = new Map([['fx-ordering', ['z', 'x', 'y']]]);
    expect(untouchedAnswers(entries, {}, orders)).toEqual({ 'fx-ordering': ['z', 'x', 'y'] });
    expect(untouchedAnswers(entries, { 'fx-ordering': ['x', 'y', 'z'] }, orders)).toEqual({});
  });

  it('scores a reviewed attempt, each question 0 to 1', () => {
    const right = Object.fromEntries(entries.map((e) => [e.question.id, answerKey(e.question)]));
    expect(attemptScore(entries, right)).toEqual({ points: 4, max: 4 });
    expect(attemptScore(entries, { 'fx-single': 'b' })).toEqual({ points: 0, max: 4 });
  });

  it('reads an answer given on a keyless page as one to the full question once released', () => {
    const pub = publicQuestion(ordering) as unknown as { items: { id: string; text: string }[] };
    const spoken = (ordering.type === 'ordering' ? ordering.items : []).map(
      (item) => pub.items.find((p) => p.text === item.text)?.id,
    );
    expect(responseTo(ordering, { 'fx-ordering': spoken }, true)).toEqual(['x', 'y', 'z']);
    expect(attemptScore([{ question: ordering }], { 'fx-ordering': spoken }, true).points).toBe(1);
    expect(responseTo(ordering, { 'fx-ordering': spoken }, false)).toBeUndefined();
  });
});

describe('pageReview: whether the answers show now', () => {
  const spec = (review: AssignmentSpec['review']): AssignmentSpec =>
    withId({
      v: 1,
      title: 'W',
      questions: ['fx-single'],
      seed: 's',
      attempts: 1,
      due: '2026-03-02T11:00:00.000Z',
      shuffleQuestions: false,
      shuffleOptions: false,
      review,
    });
  const after = Date.parse('2026-03-03T00:00:00Z');
  const before = Date.parse('2026-03-01T00:00:00Z');
  it.each([
    ['a page with keys, immediate review', spec('immediate'), false, false, before, 'show'],
    ['a page with keys, after the due date', spec('after-due'), false, false, after, 'show'],
    ['a page with keys, before the due date', spec('after-due'), false, false, before, 'wait'],
    [
      'a keyless page after the due date, without the release link',
      spec('after-due'),
      true,
      false,
      after,
      'wait',
    ],
    ['a keyless page with the release link', spec('after-due'), true, true, after, 'show'],
    ['a keyless page, review never', spec('never'), true, false, after, 'never'],
    ['no assignment', null, false, false, after, 'never'],
  ] as const)('%s', (_, s, keyless, released, now, expected) => {
    expect(pageReview(s, { keyless, released }, now)).toBe(expected);
  });
});
