/**
 * QuestionCard in assignment mode: the caller's option order and response, no hints, nothing
 * written to the learner's progress or drafts, "Check answer" only when checkable (and it hands
 * the graded response to the caller instead of grading), and `revealed` shows the result locked.
 */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import QuestionCard from './QuestionCard.svelte';
import type { Question } from '../../questions/index.ts';
import { $progress as progress } from '../../stores/progress.ts';

const question: Question = {
  type: 'single',
  id: 'assign-q1',
  lesson: 'test-lesson',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'Where did the group move?',
  explanation: 'Paragraph 3 says they moved to Telegram.',
  evidence: { paragraph: 'p3', quote: 'they moved to Telegram' },
  hints: ['Think of encrypted apps.'],
  options: [
    { id: 'a', text: 'Facebook' },
    { id: 'b', text: 'Telegram' },
    { id: 'c', text: 'Myspace' },
  ],
  answer: 'b',
};
const source = '/sources/test-lesson/#p3';

function renderCard(props: Record<string, unknown>) {
  render(QuestionCard, {
    question,
    hash: 'h1',
    source,
    mode: 'assignment',
    order: ['c', 'a', 'b'],
    ...props,
  });
  const group = screen.getByRole('group', { name: /./ });
  return { group, status: within(group).getByRole('status') };
}

describe('QuestionCard: assignment mode', () => {
  it('shows the given order and response, no hints, no check button, and records nothing', async () => {
    const onresponse = vi.fn();
    const { group } = renderCard({ response: 'a', onresponse });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['c', 'a', 'b']);
    expect(radios.find((r) => r.value === 'a')?.checked).toBe(true);
    expect(within(group).queryByRole('button')).toBeNull();

    await fireEvent.click(within(group).getByRole('radio', { name: /Myspace/ }));
    expect(onresponse).toHaveBeenLastCalledWith('c');
    expect(progress.get().questions[question.id]).toBeUndefined();
    expect(localStorage.getItem(`eoc:drafts:${question.id}`)).toBeNull();
  });

  it('checkable: "Check answer" hands the response to the caller and does not grade by itself', async () => {
    const oncheck = vi.fn();
    const { group, status } = renderCard({ checkable: true, oncheck });
    await fireEvent.click(within(group).getByRole('button', { name: 'Check answer' }));
    expect(status.textContent).toContain('Choose an answer first.');
    expect(oncheck).not.toHaveBeenCalled();
    await fireEvent.click(within(group).getByRole('radio', { name: /Telegram/ }));
    await fireEvent.click(within(group).getByRole('button', { name: 'Check answer' }));
    expect(oncheck).toHaveBeenCalledWith('b');
    expect(status.querySelector('.q-verdict')).toBeNull();
    expect(progress.get().questions[question.id]).toBeUndefined();
  });

  it('revealed: the verdict, the key and the explanation, inputs locked, no "Try again"', () => {
    const { group, status } = renderCard({ response: 'a', revealed: true, checkable: true });
    expect(status.querySelector('.q-verdict')?.textContent).toContain('Not quite');
    expect(status.textContent).toContain('Telegram');
    expect(status.textContent).toContain(question.explanation);
    expect((within(group).getAllByRole('radio')[0] as HTMLInputElement).disabled).toBe(true);
    expect(within(group).queryByRole('button')).toBeNull();
  });
});

describe('after-due review of a cloze question', () => {
  const cloze: Question = {
    type: 'cloze',
    id: 'assign-cloze',
    lesson: 'test-lesson',
    objective: 'lo1',
    bloom: 'remember',
    prompt: 'Complete the sentence.',
    explanation: 'Paragraph 3 says so.',
    evidence: { paragraph: 'p3', quote: 'they moved to Telegram' },
    text: 'They moved to {{b1}} in {{b2}}.',
    blanks: [
      { id: 'b1', accept: ['Telegram'] },
      { id: 'b2', accept: ['2015'] },
    ],
  };

  it("says each blank's verdict once on screen, and names blanks as the learner sees them", () => {
    render(QuestionCard, {
      question: cloze,
      hash: 'h2',
      source,
      mode: 'assignment',
      response: { b1: 'WhatsApp', b2: '2015' },
      revealed: true,
    });
    const group = screen.getByRole('group', { name: /Complete the sentence/ });
    // The text a sighted reader sees: every text node outside visually hidden elements.
    const walker = document.createTreeWalker(group, NodeFilter.SHOW_TEXT);
    let text = '';
    while (walker.nextNode())
      if (!walker.currentNode.parentElement?.closest('.q-visually-hidden'))
        text += walker.currentNode.textContent;
    // Once beside the blank, not again in a list under the verdict.
    expect(text.match(/Incorrect/g)).toHaveLength(1);
    expect(group.textContent).toContain('Blank 1: Telegram');
    expect(group.textContent).not.toContain('b1:');
  });
});
