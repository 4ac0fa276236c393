import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { GAP } from '../../questions/cloze/handout.ts';
import { worksheetItem } from './worksheet.ts';

const common = {
  lesson: 'l',
  objective: 'lo1',
  bloom: 'remember' as const,
  prompt: 'Prompt?',
  explanation: 'Because.',
  evidence: { paragraph: 'p1', quote: 'q' },
};
const options = [
  { id: 'x', text: 'Xylo' },
  { id: 'y', text: 'Yak' },
  { id: 'z', text: 'Zebu' },
];

describe('worksheetItem', () => {
  it.each([
    [
      { ...common, id: 's', type: 'single', options, answer: 'y' },
      [
        { kind: 'note', text: 'Tick one.' },
        { kind: 'list', entries: ['☐ A. Xylo', '☐ B. Yak', '☐ C. Zebu'] },
      ],
      'B. Yak',
    ],
    [
      { ...common, id: 't', type: 'truefalse', answer: false },
      [{ kind: 'para', text: '☐ True ☐ False' }],
      'False',
    ],
    [
      { ...common, id: 'n', type: 'numeric', answer: 75, unit: '%' },
      [{ kind: 'para', text: 'Answer: ______________________ %' }],
      /75/,
    ],
    [
      { ...common, id: 'x', type: 'text', accept: ['Telegram'] },
      [{ kind: 'para', text: 'Answer: ______________________ ' }],
      /Telegram/,
    ],
    [
      {
        ...common,
        id: 'c',
        type: 'cloze',
        text: 'Moved to {{b1}} in {{b2}}.',
        blanks: [
          { id: 'b1', accept: ['Telegram'] },
          { id: 'b2', accept: ['2015'] },
        ],
      },
      [{ kind: 'para', text: `Moved to ${GAP} in ${GAP}.` }],
      /Telegram/,
    ],
  ])('%#: body without the answer, and the key', (question, body, key) => {
    const item = worksheetItem(question as Question);
    expect(item.body).toEqual(body);
    expect(item.key).toMatch(key);
    expect(item.explanation).toBe('Because.');
  });

  it('ordering items are not printed in the (correct) authored order', () => {
    const item = worksheetItem({
      ...common,
      id: 'o',
      type: 'ordering',
      items: [
        { id: 'a', text: 'Zeta' },
        { id: 'b', text: 'Alpha' },
        { id: 'c', text: 'Mu' },
      ],
    });
    expect(item.body).toEqual([
      { kind: 'note', text: 'Number the items in order.' },
      { kind: 'list', entries: ['___ Alpha', '___ Mu', '___ Zeta'] },
    ]);
    expect(item.key).toMatch(/Zeta.*Alpha.*Mu/);
  });

  it('matching lists lefts numbered and rights (with distractors) lettered, sorted', () => {
    const item = worksheetItem({
      ...common,
      id: 'm',
      type: 'matching',
      pairs: [
        { id: 'p1', left: 'Telegram', right: 'Channels' },
        { id: 'p2', left: 'Instagram', right: 'Photos' },
      ],
      distractors: ['Blogs'],
    });
    expect(item.body).toEqual([
      { kind: 'note', text: 'Write the letter of the match next to each number.' },
      {
        kind: 'columns',
        columns: [
          ['1. Telegram → ___', '2. Instagram → ___'],
          ['A. Blogs', 'B. Channels', 'C. Photos'],
        ],
      },
    ]);
  });
});
