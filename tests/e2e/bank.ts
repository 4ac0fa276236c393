/**
 * The question banks and the final assessment's pool as the e2e tests read them (straight from
 * content/, so keys never need to be exposed by the site), and answering a question correctly with the
 * keyboard alone. Options are found by their text, as a learner finds them: their ids on the page are
 * opaque hashes, not the authored handles (src/questions/ids.ts).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

export type Type =
  'single' | 'multiple' | 'truefalse' | 'numeric' | 'text' | 'ordering' | 'matching' | 'cloze';
export interface BankQuestion {
  id: string;
  type: Type;
  lesson: string;
  objective: string;
  prompt: string;
  explanation: string;
  /** `article` only when the quote is not from the lesson's own article (the opening unit). */
  evidence: { article?: string; paragraph: string; quote: string };
  hints?: string[];
  answer?: string | boolean | number;
  answers?: string[];
  options?: { id: string; text: string }[];
  accept?: string[];
  items?: { id: string; text: string }[];
  pairs?: { id: string; left: string; right: string }[];
  text?: string;
  blanks?: { id: string; accept: string[] }[];
}

/** Every question of every bank that parses (a writer may be mid-edit), in bank order. */
export const bank: BankQuestion[] = readdirSync('content/quizzes')
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .flatMap((name) => {
    try {
      const data: unknown = parse(readFileSync(`content/quizzes/${name}`, 'utf8'));
      return Array.isArray(data) ? (data as BankQuestion[]) : [];
    } catch {
      return [];
    }
  });
/** The final assessment's own pool (content/assessment/pool/), read the same way. */
export const pool: BankQuestion[] = readdirSync('content/assessment/pool')
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .flatMap((name) => {
    const data: unknown = parse(readFileSync(`content/assessment/pool/${name}`, 'utf8'));
    return Array.isArray(data) ? (data as BankQuestion[]) : [];
  });

/** The texts of the options `ids` name (authored handles), in that order. */
export function optionTexts(q: BankQuestion, ids: readonly string[]): string[] {
  return ids.map((id) => q.options?.find((option) => option.id === id)?.text ?? `(no option ${id})`);
}

/** The key of a single-choice, multiple-response or true/false question, as the texts of its options. */
export function keyTexts(q: BankQuestion): string[] {
  if (q.type === 'truefalse') return [q.answer ? 'True' : 'False'];
  if (q.type === 'single') return optionTexts(q, [String(q.answer)]);
  return optionTexts(q, q.answers ?? []);
}

/** The visible text of each choice input in `card` (its label without the letter), in page order. */
export function choiceLabels(inputs: Locator): Promise<string[]> {
  return inputs.evaluateAll((els) =>
    els.map((el) => (el.closest('label')?.textContent ?? '').replace(/^\s*[A-Z]\.\s*/, '').trim()),
  );
}

/** Answer `q` correctly using only the keyboard, then press "Check answer" by Tab + Enter. */
export async function answerWithKeyboard(page: Page, card: Locator, q: BankQuestion): Promise<void> {
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  };
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const radios = card.getByRole('radio');
      const index = (await choiceLabels(radios)).indexOf(keyTexts(q)[0] ?? '');
      await radios.first().focus();
      if (index === 0) await press('Space');
      else await press('ArrowDown', index);
      await expect(radios.nth(index)).toBeChecked();
      break;
    }
    case 'multiple': {
      const boxes = card.getByRole('checkbox');
      const labels = await choiceLabels(boxes);
      const key = keyTexts(q);
      await boxes.first().focus();
      for (const [i, label] of labels.entries()) {
        if (key.includes(label)) await press('Space');
        if (i < labels.length - 1) await press('Tab');
      }
      break;
    }
    case 'numeric':
    case 'text': {
      await card.getByRole('textbox').focus();
      await page.keyboard.type(q.type === 'numeric' ? String(q.answer) : (q.accept?.[0] ?? ''));
      break;
    }
    case 'ordering': {
      const items = q.items ?? [];
      const live = card.locator('[aria-live="polite"]');
      for (const [i, item] of items.entries()) {
        const texts = await card.locator('.q-order-text').allInnerTexts();
        const at = texts.indexOf(item.text);
        if (at > i) {
          const up = card.getByRole('button', { name: `Move up: ${item.text}` });
          await up.focus();
          await press('Enter', at - i);
          await expect(live).toHaveText(`Moved ‘${item.text}’ to position ${i + 1} of ${items.length}`);
        }
      }
      await expect(card.locator('.q-order-text')).toHaveText(items.map((item) => item.text));
      // The last item's "Move down" is disabled, so its "Move up" is the list's last tab stop.
      await card.getByRole('button', { name: `Move up: ${items.at(-1)?.text}` }).focus();
      break;
    }
    case 'matching': {
      for (const pair of q.pairs ?? []) {
        const select = card.getByRole('combobox', { name: pair.left, exact: true });
        const labels = await select.locator('option').allTextContents();
        await select.focus();
        await press('ArrowDown', labels.indexOf(pair.right));
        await expect(select.locator('option:checked')).toHaveText(pair.right);
      }
      break;
    }
    case 'cloze': {
      const order = [...(q.text ?? '').matchAll(/\{\{\s*([^{}\s]*)\s*\}\}/g)].map((m) => m[1]);
      const blanks = q.blanks ?? [];
      for (const [i, id] of order.entries()) {
        const box = card.getByRole('textbox', { name: `Blank ${i + 1} of ${order.length}` });
        if (i === 0) await box.focus();
        else await press('Tab');
        await expect(box).toBeFocused();
        await page.keyboard.type(blanks.find((b) => b.id === id)?.accept[0] ?? '');
      }
      break;
    }
  }
  await press('Tab');
  const check = card.getByRole('button', { name: 'Check answer', exact: true });
  await expect(check).toBeFocused();
  await press('Enter');
}
