import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { GAP, worksheetItem } from './worksheet.ts';

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
      {
        kind: 'choices',
        multiple: false,
        options: [
          { label: 'A', text: 'Xylo' },
          { label: 'B', text: 'Yak' },
          { label: 'C', text: 'Zebu' },
        ],
      },
      'B. Yak',
    ],
    [{ ...common, id: 't', type: 'truefalse', answer: false }, { kind: 'truefalse' }, 'False'],
    [{ ...common, id: 'n', type: 'numeric', answer: 75, unit: '%' }, { kind: 'line', unit: '%' }, /75/],
    [{ ...common, id: 'x', type: 'text', accept: ['Telegram'] }, { kind: 'line' }, /Telegram/],
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
      { kind: 'cloze', text: `Moved to ${GAP} in ${GAP}.` },
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
    expect(item.body).toEqual({ kind: 'ordering', items: ['Alpha', 'Mu', 'Zeta'] });
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
    expect(item.body).toEqual({
      kind: 'matching',
      left: [
        { label: '1', text: 'Telegram' },
        { label: '2', text: 'Instagram' },
      ],
      right: [
        { label: 'A', text: 'Blogs' },
        { label: 'B', text: 'Channels' },
        { label: 'C', text: 'Photos' },
      ],
    });
  });
});
