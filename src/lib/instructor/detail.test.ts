import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { FIXTURES } from '../export/fixtures.ts';
import { questionDetail } from './detail.ts';

const cloze = FIXTURES.find((q) => q.id === 'fx-cloze') as Extract<Question, { type: 'cloze' }>;
const context = { objective: 'lo1', evidence: [] };

describe('a cloze question in the instructor detail', () => {
  it('names its blanks by number in reading order, as the key and the learner page do, never by id', () => {
    // Ids out of reading order, a rejected answer on the second blank.
    const q: typeof cloze = {
      ...cloze,
      text: 'First {{zz}} then {{ aa }}.',
      blanks: [
        { id: 'aa', accept: ['two'], reject: [{ answer: 'deux', feedback: 'English, please.' }] },
        { id: 'zz', accept: ['one'] },
      ],
    };
    const detail = questionDetail(q, context);
    expect(detail.blocks).toEqual([{ kind: 'passage', text: 'First [Blank 1] then [Blank 2].' }]);
    expect(detail.answer).toBe('Blank 1: one; Blank 2: two');
    expect(detail.feedback).toEqual(['Blank 2: “deux” is wrong: English, please.']);
  });
});
