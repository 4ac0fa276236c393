/**
 * The question banks and the final assessment's pool as the e2e tests read them (straight from
 * content/, so keys never need to be exposed by the site), and answering a question correctly with the
 * keyboard alone.
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
  prompt: string;
  explanation: string;
  /** `article` only when the quote is not from the lesson's own article (the opening unit). */
  evidence: { article?: string; paragraph: string; quote: string };
  hints?: string[];
  answer?: string | boolean | number;
  answers?: string[];
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

/** Answer `q` correctly using only the keyboard, then press "Check answer" by Tab + Enter. */
export async function answerWithKeyboard(page: Page, card: Locator, q: BankQuestion): Promise<void> {
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  };
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const radios = card.getByRole('radio');
      const values = await radios.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
      const index = values.indexOf(String(q.answer));
      await radios.first().focus();
      if (index === 0) await press('Space');
      else await press('ArrowDown', index);
      await expect(radios.nth(index)).toBeChecked();
      break;
    }
    case 'multiple': {
      const boxes = card.getByRole('checkbox');
      const values = await boxes.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
      await boxes.first().focus();
      for (const [i, value] of values.entries()) {
        if (q.answers?.includes(value)) await press('Space');
        if (i < values.length - 1) await press('Tab');
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
        const values = await select
          .locator('option')
          .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
        await select.focus();
        await press('ArrowDown', values.indexOf(pair.id));
        await expect(select).toHaveValue(pair.id);
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
