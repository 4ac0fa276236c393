/**
 * QuestionCard in jsdom: the fieldset/legend, checking (feedback in the card's status region,
 * attempt recorded), the "nothing chosen" message, "Try again", hints one at a time, drafts, and
 * the ordering view's Move up / Move down with its live announcement.
 */
import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import QuestionCard from './QuestionCard.svelte';
import type { Question } from '../../questions/index.ts';
import { displayOrder } from '../../lib/quiz/shuffle.ts';
import { $progress as progress, recordAttempt, saveDraft } from '../../stores/progress.ts';

let n = 0;
/** A fresh question id per test: the progress store is shared across tests in this file. */
function singleQuestion(): Extract<Question, { type: 'single' }> {
  n++;
  return {
    type: 'single',
    id: `test-q${n}`,
    lesson: 'test-lesson',
    objective: 'lo1',
    bloom: 'remember',
    prompt: 'Where did the *group* move?',
    explanation: 'Paragraph 3 says they moved to Telegram.',
    evidence: { paragraph: 'p3', quote: 'they moved to Telegram' },
    hints: ['Think of encrypted apps.', 'It starts with T.'],
    options: [
      { id: 'a', text: 'Facebook', feedback: 'Facebook banned them.' },
      { id: 'b', text: 'Telegram', feedback: 'Yes, its channels.' },
      { id: 'c', text: 'Myspace' },
    ],
    answer: 'b',
  };
}

const ordering: Question = {
  type: 'ordering',
  id: 'test-order',
  lesson: 'test-lesson',
  objective: 'lo2',
  bloom: 'analyze',
  prompt: 'Put the stages in order.',
  explanation: 'Production, then distribution, then archiving.',
  evidence: { paragraph: 'p9', quote: 'first produced, then pushed out and archived' },
  items: [
    { id: 'a', text: 'Production' },
    { id: 'b', text: 'Distribution' },
    { id: 'c', text: 'Archiving' },
  ],
};

const source = '/sources/test-lesson/#p3:~:text=they%20moved%20to%20Telegram';

/** The verdict line's words (the icon is decorative). */
const verdictOf = (status: HTMLElement) =>
  status.querySelector('.q-verdict')?.textContent?.replace(/[✓✗◐]/g, '').trim();

function renderCard(question: Question) {
  render(QuestionCard, { question, hash: 'h1', source });
  const group = screen.getByRole('group', { name: /./ });
  return { group, status: within(group).getByRole('status') };
}

describe('QuestionCard: single', () => {
  it('renders a fieldset whose legend is the prompt, options in display order', () => {
    const question = singleQuestion();
    const { group } = renderCard(question);
    expect(screen.getByRole('group', { name: 'Where did the group move?' })).toBe(group);
    expect(group.dataset.type).toBe('single');
    const values = within(group)
      .getAllByRole('radio')
      .map((radio) => (radio as HTMLInputElement).value);
    expect(values).toEqual(displayOrder(question, question.id));
  });

  it('asks for an answer when nothing is chosen, and records nothing', async () => {
    const question = singleQuestion();
    const { group, status } = renderCard(question);
    await fireEvent.click(within(group).getByRole('button', { name: 'Check answer' }));
    expect(status.textContent).toContain('Choose an answer first.');
    expect(progress.get().questions[question.id]).toBeUndefined();
  });

  it('a first wrong answer teaches: feedback for the choice and a hint, not the key; "Show answer" gives it', async () => {
    const question = singleQuestion();
    const { group, status } = renderCard(question);
    await fireEvent.click(within(group).getByRole('radio', { name: /Facebook/ }));
    await fireEvent.click(within(group).getByRole('button', { name: 'Check answer' }));

    expect(verdictOf(status)).toBe('Not quite');
    expect(document.activeElement).toBe(status.querySelector('.q-verdict'));
    const items = within(status)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['Facebook — ✗ Incorrect: Facebook banned them.']);
    expect(status.textContent).not.toContain('Telegram');
    expect(status.textContent).not.toContain(question.explanation);
    expect(status.textContent).toContain('Hint: Think of encrypted apps.');
    // The paragraph to reread, without the text fragment that would highlight the answer.
    expect(within(status).getByRole('link', { name: 'paragraph 3 of the source' }).getAttribute('href')).toBe(
      '/sources/test-lesson/#p3',
    );
    expect(within(group).queryByRole('button', { name: 'Check answer' })).toBeNull();
    // Next to the option too, with words, and the inputs are locked.
    expect(
      within(group)
        .getByRole('radio', { name: /Facebook/ })
        .getAttribute('aria-describedby'),
    ).toBeTruthy();
    expect(
      within(group)
        .getByRole('radio', { name: /Telegram/ })
        .getAttribute('aria-describedby'),
    ).toBeNull();
    expect((within(group).getByRole('radio', { name: /Telegram/ }) as HTMLInputElement).disabled).toBe(true);

    const attempts = progress.get().questions[question.id]?.attempts ?? [];
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      response: question.options[0]?.id,
      score: 0,
      hash: 'h1',
      hintsUsed: 0,
    });

    await fireEvent.click(within(group).getByRole('button', { name: 'Show answer' }));
    await tick();
    const key = status.querySelector('.q-key');
    expect(key?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Answer: [A-C]\. Telegram$/);
    expect(document.activeElement).toBe(key);
    expect(
      within(status)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      'Facebook — ✗ Incorrect: Facebook banned them.',
      'Telegram — ✓ This is the answer: Its channels.',
    ]);
    expect(status.textContent).toContain(question.explanation);
    expect(within(status).getByRole('link', { name: 'See in source' }).getAttribute('href')).toBe(source);
    expect(within(group).queryByRole('button', { name: 'Show answer' })).toBeNull();
  });

  it('a second wrong answer shows the key; a right one after it is recorded as a retry', async () => {
    const question = singleQuestion();
    const { group, status } = renderCard(question);
    const answer = async (name: RegExp) => {
      await fireEvent.click(within(group).getByRole('radio', { name }));
      await fireEvent.click(within(group).getByRole('button', { name: 'Check answer' }));
    };
    await answer(/Facebook/);
    expect(status.querySelector('.q-key')).toBeNull();
    await fireEvent.click(within(group).getByRole('button', { name: 'Try again' }));
    await answer(/Myspace/);
    expect(status.querySelector('.q-key')?.textContent).toContain('Telegram');
    expect(within(group).queryByRole('button', { name: 'Show answer' })).toBeNull();
    await fireEvent.click(within(group).getByRole('button', { name: 'Try again' }));
    await answer(/Telegram/);
    expect(verdictOf(status)).toBe('Correct');
    expect(progress.get().questions[question.id]?.attempts.map((a) => a.score)).toEqual([0, 0, 1]);
  });

  it('"Try again" is another button, after the feedback; it clears the inputs and keeps the attempt', async () => {
    const question = singleQuestion();
    const { group, status } = renderCard(question);
    await fireEvent.click(within(group).getByRole('radio', { name: /Telegram/ }));
    const check = within(group).getByRole('button', { name: 'Check answer' });
    await fireEvent.click(check);
    expect(verdictOf(status)).toBe('Correct');
    expect(check.isConnected).toBe(false);
    const again = within(group).getByRole('button', { name: 'Try again' });
    expect(status.compareDocumentPosition(again) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await fireEvent.click(again);
    await tick();
    expect(document.activeElement).toBe(within(group).getByRole('button', { name: 'Check answer' }));
    expect(status.textContent?.trim()).toBe('');
    expect(
      within(group)
        .getAllByRole('radio')
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);
    expect(progress.get().questions[question.id]?.attempts).toHaveLength(1);
    expect(within(group).getByText(/^Last time: correct, just now$/)).toBeTruthy();
  });

  it('after a reload shows the last answer with its feedback, the key only if it was a wrong retry', async () => {
    const question = singleQuestion();
    const [wrong, right] = [question.options[0]?.id ?? '', question.options[1]?.id ?? ''];
    recordAttempt(question.id, 'h1', wrong, 0);
    const { group, status } = renderCard(question);
    await tick();
    expect((within(group).getByRole('radio', { name: /Facebook/ }) as HTMLInputElement).checked).toBe(true);
    expect(verdictOf(status)).toBe('Not quite');
    expect(status.querySelector('.q-key')).toBeNull();
    expect(within(group).getByRole('button', { name: 'Show answer' })).toBeTruthy();
    expect(within(group).getByText(/^Last time: not quite, just now$/)).toBeTruthy();

    recordAttempt(question.id, 'h1', 'c', 0);
    cleanup();
    const again = renderCard(question);
    await tick();
    expect(again.status.querySelector('.q-key')?.textContent).toContain('Telegram');

    recordAttempt(question.id, 'h1', right, 1);
    await tick();
    expect(verdictOf(again.status)).toBe('Correct');
  });

  it('reveals hints one at a time, then moves focus to the last one', async () => {
    const question = singleQuestion();
    const { group } = renderCard(question);
    await fireEvent.click(within(group).getByRole('button', { name: 'Show a hint' }));
    expect(
      within(group)
        .getAllByText(/^Hint \d of 2:/)
        .map((el) => el.textContent),
    ).toEqual(['Hint 1 of 2:']);
    await fireEvent.click(within(group).getByRole('button', { name: 'Show a hint' }));
    await tick();
    await Promise.resolve();
    expect(within(group).getAllByText(/^Hint \d of 2:/)).toHaveLength(2);
    expect(within(group).queryByRole('button', { name: 'Show a hint' })).toBeNull();
    expect(document.activeElement?.textContent).toContain('It starts with T.');

    await fireEvent.click(within(group).getByRole('radio', { name: /Telegram/ }));
    await fireEvent.click(within(group).getByRole('button', { name: 'Check answer' }));
    expect(progress.get().questions[question.id]?.attempts[0]?.hintsUsed).toBe(2);
  });

  it('restores a saved draft after mount, and saves changes as a draft', async () => {
    const question = singleQuestion();
    saveDraft(question.id, 'c');
    const { group } = renderCard(question);
    await tick();
    expect((within(group).getByRole('radio', { name: /Myspace/ }) as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(within(group).getByRole('radio', { name: /Facebook/ }));
    expect(JSON.parse(localStorage.getItem(`eoc:drafts:${question.id}`) ?? 'null')).toBe('a');
  });

  it('shows the last result for the current hash only', async () => {
    const question = singleQuestion();
    recordAttempt(question.id, 'old-hash', 'b', 1);
    const { group } = renderCard(question);
    await tick();
    expect(within(group).queryByText(/^Last time/)).toBeNull();
    recordAttempt(question.id, 'h1', 'a', 0);
    await tick();
    expect(within(group).getByText(/^Last time: not quite, just now$/)).toBeTruthy();
  });
});

describe('QuestionCard: ordering', () => {
  const texts = (group: HTMLElement) =>
    within(group)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.q-order-text')?.textContent);

  it('moves items up and down, announcing the new position, then grades the order', async () => {
    const { group, status } = renderCard(ordering);
    const start = displayOrder(ordering, ordering.id).map(
      (id) => ordering.items.find((i) => i.id === id)?.text,
    );
    expect(texts(group)).toEqual(start);
    expect(start).not.toEqual(['Production', 'Distribution', 'Archiving']);

    const live = group.querySelector('[aria-live="polite"]');
    // First and last positions cannot move further.
    expect(
      (within(group).getByRole('button', { name: `Move up: ${start[0]}` }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(
      (within(group).getByRole('button', { name: `Move down: ${start[2]}` }) as HTMLButtonElement).disabled,
    ).toBe(true);

    // Put it in order with the buttons.
    for (const [target, text] of ['Production', 'Distribution', 'Archiving'].entries()) {
      let at = texts(group).indexOf(text);
      while (at > target) {
        await fireEvent.click(within(group).getByRole('button', { name: `Move up: ${text}` }));
        at--;
        expect(live?.textContent).toBe(`Moved ‘${text}’ to position ${at + 1} of 3`);
      }
    }
    expect(texts(group)).toEqual(['Production', 'Distribution', 'Archiving']);

    await fireEvent.click(within(group).getByRole('button', { name: 'Move down: Production' }));
    expect(texts(group)).toEqual(['Distribution', 'Production', 'Archiving']);
    expect(live?.textContent).toBe('Moved ‘Production’ to position 2 of 3');
    await fireEvent.click(within(group).getByRole('button', { name: 'Move up: Production' }));

    await fireEvent.click(within(group).getByRole('button', { name: 'Check answer' }));
    expect(verdictOf(status)).toBe('Correct');
    expect(status.textContent).toContain('Production — ✓ In the right place');
    expect(progress.get().questions[ordering.id]?.attempts[0]?.response).toEqual(['a', 'b', 'c']);
  });

  it('grades the display order when nothing was moved', async () => {
    const { group, status } = renderCard({ ...ordering, id: 'test-order-2' });
    await fireEvent.click(within(group).getByRole('button', { name: 'Check answer' }));
    expect(status.textContent).toMatch(/Partly correct \d+%|Not quite/);
  });
});
