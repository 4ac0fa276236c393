/**
 * A learner's progress in the real page, against the failures a reliability test found: the first
 * answer recorded as another option after a storage notice appeared, attempts lost between two
 * tabs and during an import, an export from memory mode missing the latest answer, and 30 sampled
 * stored states (tests/fuzz/progress-states.ts) loaded without error or silent loss.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { decodeProgress, needsNotice } from '../../src/lib/progress/codec.ts';
import type { Progress } from '../../src/lib/progress/schema.ts';
import { storedCaseArb } from '../fuzz/progress-states.ts';
import { answerWithKeyboard, bank, choiceLabels, keyTexts, type BankQuestion, type Type } from './bank.ts';

const built = new Set(readdirSync('dist/lessons'));
const TYPES: Type[] = ['single', 'multiple', 'truefalse', 'numeric', 'text', 'ordering', 'matching', 'cloze'];
const ofType = (type: Type): BankQuestion => bank.find((q) => q.type === type && built.has(q.lesson))!;
const card = (page: Page, id: string) => page.locator(`section.lesson-quiz fieldset[data-qid="${id}"]`);

async function stored(page: Page): Promise<Progress> {
  return decodeProgress(await page.evaluate(() => localStorage.getItem('eoc:progress'))).state;
}
const scores = (state: Progress, id: string) => state.questions[id]?.attempts.map((a) => a.score) ?? [];

/** Progress set before the page loads: as found on arrival, written from a page without the store. */
async function arrive(page: Page, path: string, raw: string | null): Promise<void> {
  await page.goto('/about/');
  await page.evaluate((value) => {
    localStorage.clear();
    if (value !== null) localStorage.setItem('eoc:progress', value);
  }, raw);
  await page.goto(path);
}

const valid = readFileSync('tests/fixtures/progress-valid.json', 'utf8');
const STATES: [name: string, raw: string | 'cannot save' | null][] = [
  ['nothing stored', null],
  ['the right kind and version, but not valid', '{"kind":"eoc-progress","version":1,"lessons":[]}'],
  ['not JSON', '{"kind":"eoc-progress",'],
  ['a newer version', valid.replace('"version": 1', '"version": 2')],
  ['one invalid attempt among valid ones', valid.replace('"score": 0.5', '"score": "half"')],
  ['a key written twice', valid.replace('"lessons": {', '"lessons": {}, "lessons": {')],
  [
    'a response nested far too deep',
    valid.replace('"response": "b"', `"response": ${'['.repeat(3000)}${']'.repeat(3000)}`),
  ],
  ['storage that cannot save', 'cannot save'],
];

test.describe('the first answer is recorded exactly as chosen', () => {
  // Page requests only: a service worker would fetch the island code itself, out of page.route's reach.
  test.use({ serviceWorkers: 'block' });
  for (const [name, raw] of STATES) {
    test(`with ${name}, for every question type`, async ({ page }) => {
      test.setTimeout(180_000);
      if (raw === 'cannot save') {
        await page.addInitScript(() => {
          Storage.prototype.setItem = () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        });
      }
      // The quiz code arrives late, so the learner chooses before the island is live.
      await page.route(/\/_astro\/.+\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await route.continue();
      });
      for (const type of TYPES) {
        const question = ofType(type);
        await arrive(page, `/lessons/${question.lesson}/`, raw === 'cannot save' ? null : raw);
        const fieldset = card(page, question.id);
        await fieldset.scrollIntoViewIfNeeded();
        await answerWithKeyboard(page, fieldset, question);
        await expect(fieldset.locator('.q-verdict'), `${type} with ${name}`).toHaveText(/Correct$/, {
          timeout: 15_000,
        });
        if (raw !== 'cannot save') expect(scores(await stored(page), question.id), type).toEqual([1]);
      }
    });
  }
});

/** Both tabs press "Check answer" within 0–10 ms of each other, by their own clocks. */
async function checkTogether(pages: [Page, string][], at = Date.now() + 250): Promise<void> {
  await Promise.all(
    pages.map(([page, id], i) =>
      page.evaluate(
        ({ id, when }) => {
          const button = document.querySelector<HTMLButtonElement>(
            `section.lesson-quiz fieldset[data-qid="${id}"] .q-actions button.q-primary, section.lesson-quiz fieldset[data-qid="${id}"] button.q-primary`,
          );
          setTimeout(() => button?.click(), when - Date.now());
        },
        { id, when: at + (i === 0 ? 0 : Math.floor(Math.random() * 11)) },
      ),
    ),
  );
}

/** Choose the right answer of a single-choice question, after "Try again" if it was answered. */
async function choose(page: Page, q: BankQuestion): Promise<void> {
  const fieldset = card(page, q.id);
  const again = fieldset.getByRole('button', { name: 'Try again' });
  if (await again.isVisible()) await again.click();
  // By the key's text: option values are opaque (src/questions/ids.ts).
  const radios = fieldset.getByRole('radio');
  await radios.nth((await choiceLabels(radios)).indexOf(keyTexts(q)[0] ?? '')).check();
  await expect(fieldset.getByRole('button', { name: 'Check answer' })).toBeVisible();
}

async function settled(page: Page, q: BankQuestion): Promise<void> {
  await expect(card(page, q.id).getByRole('button', { name: 'Try again' })).toBeVisible();
}

const singles = bank.filter((q) => q.type === 'single' && built.has(q.lesson));
const lesson = singles.find((q) => singles.filter((s) => s.lesson === q.lesson).length >= 2)!.lesson;
const [left, right] = singles.filter((q) => q.lesson === lesson) as [BankQuestion, BankQuestion];

async function twoTabs(browser: Browser, paths: [string, string]): Promise<[Page, Page]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const pages = (await Promise.all(paths.map(() => context.newPage()))) as [Page, Page];
  await Promise.all(pages.map((page, i) => page.goto(paths[i]!)));
  return pages;
}

test('two tabs answering within 0–10 ms of each other, 50 times: no attempt lost', async ({ browser }) => {
  test.setTimeout(240_000);
  const [a, b] = await twoTabs(browser, [`/lessons/${lesson}/`, `/lessons/${lesson}/`]);
  for (let trial = 0; trial < 50; trial++) {
    await Promise.all([choose(a, left), choose(b, right)]);
    await checkTogether([
      [a, left.id],
      [b, right.id],
    ]);
    await Promise.all([settled(a, left), settled(b, right)]);
  }
  await expect
    .poll(async () => [scores(await stored(a), left.id).length, scores(await stored(a), right.id).length])
    .toEqual([50, 50]);
  expect(scores(await stored(b), left.id)).toHaveLength(50);
  await a.context().close();
});

test('an import on the Progress page while a lesson tab answers, 20 times: nothing lost', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const [progress, lessonTab] = await twoTabs(browser, ['/progress/', `/lessons/${lesson}/`]);
  await expect(progress.getByLabel('Import a progress file')).toBeVisible();
  for (let trial = 0; trial < 20; trial++) {
    const file: Progress = {
      kind: 'eoc-progress',
      version: 1,
      lessons: {},
      questions: {
        [right.id]: {
          hash: 'imported',
          attempts: [{ at: 1_000 + trial, response: 'x', score: 0, hash: 'imported' }],
        },
      },
      reviews: {},
      updatedAt: 1_000 + trial,
    };
    await choose(lessonTab, left);
    // The file is picked and "Check answer" pressed at the same moment, give or take 0–10 ms.
    const when = Date.now() + 250;
    await progress.evaluate(
      ({ text, name, when }) => {
        const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
        const files = new DataTransfer();
        files.items.add(new File([text], name, { type: 'application/json' }));
        input.files = files.files;
        setTimeout(() => input.dispatchEvent(new Event('change', { bubbles: true })), when - Date.now());
      },
      { text: JSON.stringify(file), name: `import-${trial}.json`, when },
    );
    await checkTogether([[lessonTab, left.id]], when + (trial % 11));
    await expect(progress.getByText('Added 1 attempt', { exact: false })).toBeVisible({ timeout: 15_000 });
    await settled(lessonTab, left);
  }
  await expect
    .poll(async () => {
      const state = await stored(lessonTab);
      return [scores(state, left.id).length, scores(state, right.id).length];
    })
    .toEqual([20, 20]);
  await progress.context().close();
});

test('when the browser cannot save, the notice exports progress from memory, with the answer just given', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const q = ofType('single');
  await page.goto(`/lessons/${q.lesson}/`);
  const fieldset = card(page, q.id);
  await fieldset.scrollIntoViewIfNeeded();
  await answerWithKeyboard(page, fieldset, q);
  await expect(fieldset.locator('.q-verdict')).toHaveText(/Correct$/);
  const notice = page.locator('.q-notice').filter({ hasText: 'Your browser is not saving progress' });
  await expect(notice).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Progress;
  expect(file.questions[q.id]?.attempts.map((a) => a.score)).toEqual([1]);
  // Still on the lesson: nothing navigated away from the answers held in memory.
  expect(new URL(page.url()).pathname).toBe(`/lessons/${q.lesson}/`);
});

test.describe('30 sampled stored states in the real page', () => {
  const cases = fc.sample(storedCaseArb, { numRuns: 30, seed: 20260516 });
  const q = ofType('single');
  for (let part = 0; part < 3; part++) {
    test(`states ${part * 10 + 1}–${part * 10 + 10}: the page loads, says what it must, and loses nothing`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      for (const c of cases.slice(part * 10, part * 10 + 10)) {
        await arrive(page, `/lessons/${q.lesson}/`, c.raw);
        const fieldset = card(page, q.id);
        await fieldset.scrollIntoViewIfNeeded();
        await answerWithKeyboard(page, fieldset, q);
        await expect(fieldset.locator('.q-verdict'), c.kind).toHaveText(/Correct$/);
        await expect(page.locator('#eoc-quiz-unavailable')).toHaveCount(0);
        const keys = await page.evaluate(() =>
          Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
        );
        if (needsNotice(c.raw)) {
          await expect(page.locator('.q-notice').first(), c.kind).toBeVisible();
          const kept = Object.entries(keys).some(
            ([key, value]) => key.startsWith('eoc:progress:backup:') && value === c.raw,
          );
          const offered = await page.getByRole('button', { name: 'Download the original' }).isVisible();
          expect(kept || offered, `${c.kind}: the original is kept`).toBe(true);
        }
        const after = decodeProgress(keys['eoc:progress']);
        expect(after.problem, c.kind).toBeUndefined();
        expect(scores(after.state, q.id).at(-1), c.kind).toBe(1);
      }
      expect(errors).toEqual([]);
    });
  }
});
