import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyMarking,
  parseMarking,
  withChoice,
  withComment,
  withLatePolicy,
  withOverride,
} from './marking.ts';

const A = 'aaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbb';

describe('marking', () => {
  it('records overrides, comments, choices and the late policy, and reads them back unchanged', () => {
    let marking = emptyMarking('week1');
    marking = withOverride(marking, A, 'q1', { attempt: 1, score: 0.5, comment: 'Half.' });
    marking = withComment(marking, A, 'Good work.');
    marking = withChoice(withChoice(marking, A), B);
    marking = withLatePolicy(marking, 'zero');
    expect(parseMarking(JSON.parse(JSON.stringify(marking)), 'week1')).toEqual(marking);
    expect(marking.chosen).toEqual([A, B]);
    // Choosing again moves the choice to the end: the latest wins.
    expect(withChoice(marking, A).chosen).toEqual([B, A]);
  });

  it('removing the last override or a blank comment leaves no empty entry', () => {
    let marking = withOverride(emptyMarking('w'), A, 'q1', { attempt: 1, score: 2, comment: '' });
    expect(marking.submissions[A]?.questions?.['q1']?.score).toBe(1);
    marking = withOverride(marking, A, 'q1', null);
    marking = withComment(withComment(marking, A, 'x'), A, '  ');
    expect(marking.submissions).toEqual({});
  });

  it('keeps what makes sense in a damaged or hand-edited file, and drops the rest', () => {
    const parsed = parseMarking(
      {
        assignment: 'w',
        chosen: [A, 'nope', 3],
        latePolicy: 'sometimes',
        submissions: {
          [A]: {
            comment: 'ok',
            questions: {
              q1: { attempt: 1, score: 0.5, comment: 'x' },
              q2: { attempt: 0, score: 1 },
              Q3: { attempt: 1, score: 1 },
            },
          },
          short: { comment: 'lost' },
          [B]: { questions: { q1: { attempt: 2, score: -1 } } },
        },
      },
      'w',
    );
    expect(parsed).toEqual({
      kind: 'eoc-marking',
      v: 1,
      assignment: 'w',
      chosen: [A],
      latePolicy: 'flag',
      submissions: { [A]: { comment: 'ok', questions: { q1: { attempt: 1, score: 0.5, comment: 'x' } } } },
    });
  });

  it('a marking for another assignment is not applied', () => {
    const other = withComment(emptyMarking('week2'), A, 'For week 2');
    expect(parseMarking(other, 'week1')).toEqual(emptyMarking('week1'));
  });

  it('property: never throws, whatever it reads', () => {
    fc.assert(fc.property(fc.anything(), (value) => void parseMarking(value, 'w')));
  });
});
