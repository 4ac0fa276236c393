/**
 * Honest grading in the built site: a first wrong answer teaches without giving the key away, a
 * right answer after the key leaves mastery where it was, the lesson quiz picks up where the
 * learner left it after a reload, and nothing in a lesson page's HTML tells the key apart without
 * reading the question.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { answerKey } from '../../src/questions/client.ts';
import type { BankData } from '../../src/lib/assign/bank-data.ts';
import { opaqueIds } from '../../src/questions/ids.ts';
import { bank, choiceLabels, keyTexts, optionTexts, pool, type BankQuestion } from './bank.ts';
import { expectNoAxeViolations } from './helpers.ts';

const built = readdirSync('dist/lessons');
const builtLessons = new Set(built);
/** A single-choice question with at least two wrong options, in a built lesson. */
const single = bank.find(
  (q) => q.type === 'single' && builtLessons.has(q.lesson) && (q.options?.length ?? 0) >= 3,
) as BankQuestion;
const lessonPath = `/lessons/${single.lesson}/`;

function cardOf(page: Page, id: string): Locator {
  return page.locator('section.lesson-quiz').locator(`fieldset[data-qid="${id}"]`);
}

/** Tick the option with this label (any option but the key when `label` is null). */
async function pick(card: Locator, label: string | null): Promise<void> {
  const radios = card.getByRole('radio');
  const labels = await choiceLabels(radios);
  const key = keyTexts(single)[0];
  const index = label === null ? labels.findIndex((l) => l !== key) : labels.indexOf(label);
  await radios.nth(index).check();
}

/** Stored progress the page starts with on its first load only (later loads keep what it saved). */
async function seedOnce(page: Page, progress: unknown): Promise<void> {
  await page.addInitScript((doc) => {
    if (!localStorage.getItem('eoc:seeded')) {
      localStorage.setItem('eoc:progress', doc);
      localStorage.setItem('eoc:seeded', '1');
    }
  }, JSON.stringify(progress));
}

test('a wrong first answer shows no key but a hint; "Show answer" shows it; a double Enter keeps the answer', async ({
  page,
}) => {
  await page.goto(lessonPath);
  const card = cardOf(page, single.id);
  await card.scrollIntoViewIfNeeded();
  const key = keyTexts(single)[0] ?? '';
  await pick(card, null);
  const chosen = card.getByRole('radio', { checked: true });
  await card.getByRole('button', { name: 'Check answer' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  const status = card.getByRole('status');
  await expect(status.locator('.q-verdict')).toHaveText(/Not quite$/);
  await expect(status.locator('.q-verdict')).toBeFocused();
  // The second Enter changed nothing: the answer and its feedback are still there.
  await expect(chosen).toHaveCount(1);
  await expect(status.locator('.q-key')).toHaveCount(0);
  await expect(status).not.toContainText('This is the answer');
  await expect(status).not.toContainText(key);
  await expect(status).toContainText('Hint:');
  const reread = status.getByRole('link', { name: /^paragraph \d+ of the source$/ });
  await expect(reread).toHaveAttribute('href', `/sources/${single.lesson}/#${single.evidence.paragraph}`);
  await expect(card.getByRole('button', { name: 'Try again' })).toBeVisible();

  await card.getByRole('button', { name: 'Show answer' }).click();
  await expect(status.locator('.q-key')).toContainText(key);
  await expect(status.locator('.q-key')).toBeFocused();
  await expect(status).toContainText(single.explanation);
  await expect(card.getByRole('button', { name: 'Show answer' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a second wrong answer shows the key without asking', async ({ page }) => {
  await page.goto(lessonPath);
  const card = cardOf(page, single.id);
  await card.scrollIntoViewIfNeeded();
  const key = keyTexts(single)[0] ?? '';
  const wrong = optionTexts(
    single,
    (single.options ?? []).map((o) => o.id),
  ).filter((t) => t !== key);
  await pick(card, wrong[0] ?? '');
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.locator('.q-key')).toHaveCount(0);
  await card.getByRole('button', { name: 'Try again' }).click();
  await pick(card, wrong[1] ?? '');
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.locator('.q-key')).toContainText(key);
});

test('a right answer after the key was shown leaves mastery where it was', async ({ page }) => {
  // The objective's other questions were answered right two days ago: this one decides the level.
  const data = JSON.parse(readFileSync('dist/review/questions.json', 'utf8')) as {
    questions: { question: { id: string; lesson: string; objective: string }; hash: string }[];
  };
  const others = data.questions.filter(
    (q) =>
      q.question.lesson === single.lesson &&
      q.question.objective === single.objective &&
      q.question.id !== single.id,
  );
  expect(others.length).toBeGreaterThan(0);
  const at = Date.now() - 2 * 86_400_000;
  const progress = {
    kind: 'eoc-progress',
    version: 1,
    lessons: {},
    questions: Object.fromEntries(
      others.map((q) => [
        q.question.id,
        { hash: q.hash, attempts: [{ at, hash: q.hash, response: null, score: 1 }] },
      ]),
    ),
    reviews: {},
    updatedAt: at,
  };
  await seedOnce(page, progress);

  await page.goto(lessonPath);
  const mastery = page.locator(`#objective-${single.objective}`).getByTestId('mastery');
  await expect(mastery).toHaveText('Familiar');
  const card = cardOf(page, single.id);
  await card.scrollIntoViewIfNeeded();
  await pick(card, null);
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.locator('.q-verdict')).toHaveText(/Not quite$/);
  await expect(mastery).toHaveText('Familiar');

  await card.getByRole('button', { name: 'Show answer' }).click();
  await card.getByRole('button', { name: 'Try again' }).click();
  await pick(card, keyTexts(single)[0] ?? '');
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.locator('.q-verdict')).toHaveText(/Correct$/);
  // Answering the other questions right first time made it Familiar; a first try right here would
  // make it Proficient. The answer after the key is practice.
  await expect(mastery).toHaveText('Familiar');
  await page.reload();
  await expect(page.locator(`#objective-${single.objective}`).getByTestId('mastery')).toHaveText('Familiar');
  const attempts = await page.evaluate(
    (id) =>
      (
        JSON.parse(localStorage.getItem('eoc:progress') ?? '{}') as {
          questions: Record<string, { attempts: { score: number }[] }>;
        }
      ).questions[id]?.attempts.map((a) => a.score),
    single.id,
  );
  expect(attempts).toEqual([0, 1]);
});

test('after a reload the lesson quiz shows the last answers, their feedback and the result; "Start again" clears them', async ({
  page,
}) => {
  const lessonBank = JSON.parse(
    readFileSync(`dist/assignment/questions/${single.lesson}.json`, 'utf8'),
  ) as BankData;
  const entries = lessonBank.questions.filter((e) => e.question.lesson === single.lesson);
  const wrongOption = (single.options ?? []).find((o) => o.text !== keyTexts(single)[0])?.text;
  const published = entries.find((e) => e.id === single.id)?.question;
  const wrongId =
    published && 'options' in published
      ? published.options.find((o) => o.text === wrongOption)?.id
      : undefined;
  const at = Date.now() - 60 * 60_000;
  const progress = {
    kind: 'eoc-progress',
    version: 1,
    lessons: {},
    questions: Object.fromEntries(
      entries.map((e) => {
        const wrong = e.id === single.id;
        const response = wrong ? wrongId : answerKey(e.question);
        return [e.id, { hash: e.hash, attempts: [{ at, hash: e.hash, response, score: wrong ? 0 : 1 }] }];
      }),
    ),
    reviews: {},
    updatedAt: at,
  };
  await seedOnce(page, progress);
  await page.goto(lessonPath);
  const quiz = page.locator('section.lesson-quiz');
  await quiz.scrollIntoViewIfNeeded();
  const n = entries.length;
  await expect(quiz.getByText(`${n} of ${n} answered`)).toBeVisible();
  await expect(quiz.locator('.q-verdict')).toHaveCount(n);
  const card = cardOf(page, single.id);
  await expect(card.locator('.q-verdict')).toHaveText(/Not quite$/);
  await expect(card.getByRole('radio', { name: wrongOption, exact: true })).toBeChecked();
  await expect(card.getByRole('button', { name: 'Show answer' })).toBeVisible();
  await expect(card.locator('.q-key')).toHaveCount(0);
  await expect(quiz.locator('.q-verdict', { hasText: /Correct$/ })).toHaveCount(n - 1);
  const text = bank.find((q) => q.lesson === single.lesson && q.type === 'text');
  if (text) await expect(cardOf(page, text.id).getByRole('textbox')).toHaveValue(text.accept?.[0] ?? '');
  const result = quiz.getByRole('region', { name: 'Your result' });
  await expect(result).toContainText(`Score: ${Math.round(((n - 1) / n) * 100)}%`);
  await expectNoAxeViolations(page);

  await quiz.getByRole('button', { name: 'Start again' }).click();
  await expect(quiz.getByText(`0 of ${n} answered`)).toBeVisible();
  await expect(quiz.locator('.q-verdict')).toHaveCount(0);
  await expect(result).toHaveCount(0);
  await expect(card.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.reload();
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.getByText(`0 of ${n} answered`)).toBeVisible();
  await expect(quiz.locator('.q-verdict')).toHaveCount(0);
});

test.describe('before any script runs', () => {
  test.use({ javaScriptEnabled: false });

  /** What a lesson page shows of one question card, read in one pass over the page. */
  interface CardSeen {
    qid: string;
    /** Every attribute of the card and everything in it, as `name=value`. */
    attributes: string[];
    /** Choice inputs in page order: value and label (without the letter). */
    choices: { value: string; label: string }[];
    /** Ordering items as shown. */
    items: string[];
    /** Matching: per select, its label, its id and its option values and texts. */
    selects: { label: string; id: string; options: { value: string; text: string }[] }[];
  }

  test('no input value, id or attribute on a lesson page or the final assessment lets you pick out the key', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const keyPositions: number[] = [];
    const questions = [...bank, ...pool];
    for (const path of [...built.map((lesson) => `/lessons/${lesson}/`), '/assessment/']) {
      await page.goto(path);
      const cards: CardSeen[] = await page.locator('fieldset[data-qid]').evaluateAll((fieldsets) =>
        fieldsets.map((card) => ({
          qid: card.getAttribute('data-qid') ?? '',
          attributes: [card, ...card.querySelectorAll('*')].flatMap((node) =>
            [...node.attributes].map((a) => `${a.name}=${a.value}`),
          ),
          choices: [...card.querySelectorAll('input[type=radio], input[type=checkbox]')].map((el) => ({
            value: (el as HTMLInputElement).value,
            label: (el.closest('label')?.textContent ?? '').replace(/^\s*[A-Z]\.\s*/, '').trim(),
          })),
          items: [...card.querySelectorAll('.q-order-text')].map((el) => el.textContent?.trim() ?? ''),
          selects: [...card.querySelectorAll('select')].map((el) => ({
            label: card.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() ?? '',
            id: el.id,
            options: [...el.querySelectorAll('option')].map((o) => ({
              value: o.value,
              text: o.textContent ?? '',
            })),
          })),
        })),
      );
      for (const card of cards) {
        const q = questions.find((b) => b.id === card.qid);
        if (!q) continue;
        // Nothing in any attribute of the card names a right answer.
        expect(
          card.attributes.filter((a) => /correct|right|answer|key/i.test(a)),
          q.id,
        ).toEqual([]);
        if (q.type === 'single' || q.type === 'multiple') {
          const handles = (q.options ?? []).map((o) => o.id);
          const texts = (q.options ?? []).map((o) => o.text);
          const ids = opaqueIds(texts, handles);
          // Each value is a hash of its option's text alone: not its position, not its correctness.
          const expected = new Map(texts.map((t, i) => [t, ids[i]]));
          expect(
            card.choices.map((c) => c.value),
            q.id,
          ).toEqual(card.choices.map((c) => expected.get(c.label)));
          for (const c of card.choices) expect(handles).not.toContain(c.value);
          if (q.type === 'single')
            keyPositions.push(card.choices.findIndex((c) => c.label === keyTexts(q)[0]));
        }
        if (q.type === 'ordering') {
          expect(card.items, q.id).not.toEqual((q.items ?? []).map((item) => item.text));
        }
        if (q.type === 'matching') {
          for (const select of card.selects) {
            const pair = (q.pairs ?? []).find((p) => p.left === select.label);
            expect(pair, `${q.id}: ${select.label}`).toBeDefined();
            expect(select.id).not.toContain(pair?.id ?? '');
            const values = select.options.map((o) => o.value).filter(Boolean);
            expect(values).not.toContain(pair?.id);
            for (const value of values) expect(value).toMatch(/^[0-9a-z]{6}$/);
          }
        }
      }
    }
    // Where the key sits in the page's option order varies from question to question.
    expect(keyPositions.length).toBeGreaterThan(10);
    expect(keyPositions).not.toContain(-1);
    const first = keyPositions.filter((p) => p === 0).length;
    expect(first / keyPositions.length).toBeLessThan(0.5);
  });
});
