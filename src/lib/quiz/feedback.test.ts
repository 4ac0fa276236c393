import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeResponse } from '../../questions/client.ts';
import type { Question } from '../../questions/index.ts';
import {
  emphasisRuns,
  lastTimeText,
  marked,
  partViews,
  scoreWords,
  timeAgo,
  verdict,
  withoutVerdict,
} from './feedback.ts';

const base = {
  lesson: 'l',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'P',
  explanation: 'E',
  evidence: { paragraph: 'p1', quote: 'some quote here' },
} as const;

describe('verdict', () => {
  it.each([
    [{ score: 1, correct: true }, 'Correct'],
    [{ score: 0.6, correct: false }, 'Partly correct 60%'],
    [{ score: 0, correct: false }, 'Not quite'],
  ])('%o → %s', (result, text) => expect(verdict(result).text).toBe(text));
});

describe('partViews', () => {
  it('labels multiple-choice options picked, wrongly picked and missed', () => {
    const q: Question = {
      ...base,
      type: 'multiple',
      id: 'q',
      options: [
        { id: 'a', text: 'A text' },
        { id: 'b', text: 'B text', feedback: 'B note' },
        { id: 'c', text: 'C text' },
      ],
      answers: ['a', 'b'],
    };
    const views = partViews(q, gradeResponse(q, ['a', 'c']), ['a', 'c']);
    expect(views.map((v) => [v.label, v.correct, v.status, v.feedback, marked(v)])).toEqual([
      ['A text', true, 'Correct', undefined, '✓ Correct'],
      // A right answer the learner missed: not a point for them, but marked as right.
      ['B text', false, 'Missed: this is also right', 'B note', '✓ Missed: this is also right'],
      ['C text', false, 'Should not be selected', undefined, '✗ Should not be selected'],
    ]);
  });

  it('numbers cloze blanks in reading order', () => {
    const q: Question = {
      ...base,
      type: 'cloze',
      id: 'c',
      text: '{{y}} then {{x}}',
      blanks: [
        { id: 'x', accept: ['two'] },
        { id: 'y', accept: ['one'] },
      ],
    };
    const views = partViews(q, gradeResponse(q, { x: 'two', y: 'nope' }), undefined);
    expect(views.map((v) => `${v.label}: ${v.status}`)).toEqual(['Blank 2: Correct', 'Blank 1: Incorrect']);
  });

  it('explains a response that could not be graded', () => {
    const q: Question = { ...base, type: 'numeric', id: 'n', answer: 75, unit: '%' };
    expect(partViews(q, gradeResponse(q, 'lots'), 'lots')).toEqual([
      {
        id: 'response',
        label: 'Your answer',
        correct: false,
        status: 'Could not be graded',
        feedback: 'Not a number',
      },
    ]);
  });
});

describe('withoutVerdict', () => {
  // "✓ Correct: Right: …" on true/false and numeric feedback: the status already gives the verdict.
  it.each([
    ['Right: paragraph 10 separates them.', 'Paragraph 10 separates them.'],
    ['Correct. Only an overall figure is given.', 'Only an overall figure is given.'],
    ['Wrong – the article says the opposite.', 'The article says the opposite.'],
    ['Not quite: see paragraph 4.', 'See paragraph 4.'],
    ['Rightly or not, the author claims it.', 'Rightly or not, the author claims it.'],
    ['Correct', 'Correct'],
    ['Paragraph 2 says so.', 'Paragraph 2 says so.'],
  ])('%s → %s', (text, expected) => {
    expect(withoutVerdict(text)).toBe(expected);
  });

  it('is applied to what a part shows', () => {
    const question: Question = {
      type: 'truefalse',
      id: 'tf',
      lesson: 'l',
      objective: 'lo1',
      bloom: 'understand',
      prompt: 'The author calls it cyberterrorism.',
      explanation: 'Paragraph 10 says it is not.',
      evidence: { paragraph: 'p10', quote: 'not truly cyberterrorism' },
      answer: false,
      feedbackFalse: 'Right: paragraph 10 separates them.',
    };
    const [part] = partViews(question, gradeResponse(question, false), false);
    expect(part?.feedback).toBe('Paragraph 10 separates them.');
  });
});

describe('times and words', () => {
  const day = 86_400_000;
  it.each([
    [0, 'just now'],
    [5 * 60_000, '5 minutes ago'],
    [day, 'yesterday'],
    [2 * day + 5, '2 days ago'],
  ])('timeAgo(%i ms) is %s', (elapsed, text) =>
    expect(timeAgo(1_000_000_000, 1_000_000_000 + elapsed)).toBe(text),
  );

  it('timeAgo reads as Intl.RelativeTimeFormat writes it, without Intl', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const units = [
      ['year', 365 * day],
      ['month', 30 * day],
      ['week', 7 * day],
      ['day', day],
      ['hour', 3_600_000],
      ['minute', 60_000],
    ] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 365 * day }), (elapsed) => {
        const found = units.find(([, ms]) => elapsed >= ms);
        const expected = found ? intl.format(-Math.floor(elapsed / found[1]), found[0]) : 'just now';
        expect(timeAgo(0, elapsed)).toBe(expected);
      }),
    );
    // Exactly one unit: the words Intl uses for it ("yesterday", "last week", "1 hour ago").
    for (const [unit, ms] of units) expect(timeAgo(0, ms)).toBe(intl.format(-1, unit));
  });

  it('says how a past attempt went', () => {
    expect(scoreWords(0.5)).toBe('partly correct (50%)');
    expect(lastTimeText({ score: 1, at: 0 }, 2 * day)).toBe('Last time: correct, 2 days ago');
  });

  it('splits *emphasis* in prompts', () => {
    expect(emphasisRuns('Which is *not* true?').map((r) => [r.text, r.em])).toEqual([
      ['Which is ', false],
      ['not', true],
      [' true?', false],
    ]);
  });
});
