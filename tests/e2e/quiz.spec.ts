/**
 * Quiz islands and the Progress page, in the built site: every question type answered with the
 * keyboard, feedback and "See in source", persistence across reloads and tabs, unreadable storage,
 * export/import, no-JS rendering and axe. Keys come from the bank YAML (the page never exposes them
 * beyond the island's props).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { parseProgressFile } from '../../src/lib/progress/import.ts';
import { answerWithKeyboard, bank, choiceLabels, keyTexts, type BankQuestion, type Type } from './bank.ts';
import { expectNoAxeViolations } from './helpers.ts';

const builtLessons = new Set(readdirSync('dist/lessons'));
const TYPES: Type[] = ['single', 'multiple', 'truefalse', 'numeric', 'text', 'ordering', 'matching', 'cloze'];

function firstOfType(type: Type): BankQuestion {
  const question = bank.find((q) => q.type === type && builtLessons.has(q.lesson));
  if (!question) throw new Error(`no ${type} question in content/quizzes`);
  return question;
}

/** A lesson whose bank has a single-choice question with hints, and a text question. */
const single = firstOfType('single');
const lesson = single.lesson;
const lessonPath = `/lessons/${lesson}/`;

/** Open a lesson and scroll to its quiz (not waiting for the island: answering starts it). */
async function openQuiz(page: Page, path = lessonPath): Promise<Locator> {
  await page.goto(path);
  const section = page.locator('section.lesson-quiz');
  await section.scrollIntoViewIfNeeded();
  return section;
}

function cardIn(section: Locator, id: string): Locator {
  return section.locator(`fieldset[data-qid="${id}"]`);
}

test.describe('answering every question type with the keyboard', () => {
  for (const type of TYPES) {
    test(`${type}: correct answer, feedback in the status region, source link`, async ({ page }) => {
      const q = firstOfType(type);
      const section = await openQuiz(page, `/lessons/${q.lesson}/`);
      const card = cardIn(section, q.id);
      await expect(card).toHaveAttribute('data-type', type);
      await answerWithKeyboard(page, card, q);
      const status = card.getByRole('status');
      await expect(status.locator('.q-verdict')).toHaveText(/Correct$/);
      await expect(status).toContainText(q.explanation);
      const source = status.getByRole('link', { name: 'See in source' });
      await expect(source).toHaveAttribute(
        'href',
        new RegExp(`^/sources/${q.evidence.article ?? q.lesson}/#${q.evidence.paragraph}:~:text=`),
      );
      // Focus moves to the verdict, so a second Enter cannot press "Try again".
      await expect(status.locator('.q-verdict')).toBeFocused();
      await expect(section.getByText(/^1 of \d+ answered$/)).toBeVisible();
    });
  }
});

/** Pixels in `locator` painted with Chromium's ::target-text highlight (light purple). */
async function targetTextPixels(page: Page, locator: Locator): Promise<number> {
  const png = (await locator.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return -1;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
      if (b > 200 && r > 180 && b - g > 25 && r - g > 10) n++;
    }
    return n;
  }, png);
}

test('"See in source" opens the paragraph with the quoted words highlighted', async ({ page }) => {
  const section = await openQuiz(page);
  const card = cardIn(section, single.id);
  await answerWithKeyboard(page, card, single);
  const link = card.getByRole('link', { name: 'See in source' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/sources/${lesson}/`));
  const paragraph = page.locator(`#${single.evidence.paragraph}`);
  await expect(paragraph).toBeInViewport();
  // Chromium highlights the text fragment (the element fragment then does not get :target).
  await expect.poll(() => targetTextPixels(page, paragraph)).toBeGreaterThan(200);
  // Control: the same paragraph without the text directive has no such highlight (a fresh load,
  // since a same-document jump to the same fragment would not re-target).
  await page.goto('about:blank');
  await page.goto(`/sources/${lesson}/#${single.evidence.paragraph}`);
  await expect(paragraph).toHaveCSS('background-color', 'rgb(255, 240, 168)');
  expect(await targetTextPixels(page, paragraph)).toBe(0);
});

test('hints are revealed one at a time', async ({ page }) => {
  const q = bank.find((b) => b.lesson === lesson && (b.hints?.length ?? 0) > 0);
  test.skip(!q, 'no question with hints in this lesson');
  const card = cardIn(await openQuiz(page), q?.id ?? '');
  const total = q?.hints?.length ?? 0;
  for (let n = 1; n <= total; n++) {
    await card.getByRole('button', { name: 'Show a hint' }).click();
    await expect(card.locator('.q-hints li')).toHaveCount(n);
    await expect(card.locator('.q-hints li').last()).toContainText(`Hint ${n} of ${total}:`);
  }
  await expect(card.getByRole('button', { name: 'Show a hint' })).toHaveCount(0);
  await expect(card.locator('.q-hints li').last()).toBeFocused();
});

test('the last answer and a half-typed draft survive a reload; "Try again" keeps history', async ({
  page,
}) => {
  const text = bank.find((b) => b.lesson === lesson && b.type === 'text') ?? firstOfType('text');
  let section = await openQuiz(page, `/lessons/${text.lesson}/`);
  const first = bank.find((b) => b.lesson === text.lesson && b.type === 'single') ?? single;
  await answerWithKeyboard(page, cardIn(section, first.id), first);
  await expect(cardIn(section, first.id).locator('.q-verdict')).toHaveText(/Correct$/);
  await cardIn(section, text.id).getByRole('textbox').fill('half an ans');

  await page.reload();
  section = await openQuiz(page, `/lessons/${text.lesson}/`);
  const card = cardIn(section, first.id);
  await expect(card.locator('.q-last')).toHaveText(/^Last time: correct, (just now|\d+ seconds? ago)$/);
  await expect(card.locator('.q-verdict')).toHaveText(/Correct$/);
  await expect(card.getByRole('radio', { name: keyTexts(first)[0], exact: true })).toBeChecked();
  await expect(cardIn(section, text.id).getByRole('textbox')).toHaveValue('half an ans');
  await expect(section.getByText(/^1 of \d+ answered$/)).toBeVisible();

  // Try again resets the inputs but not the history.
  await card.getByRole('button', { name: 'Try again' }).click();
  await expect(card.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Check answer' })).toBeFocused();
  await card.getByRole('radio').first().check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.locator('.q-verdict')).toBeVisible();
  const attempts = await page.evaluate(
    (id) =>
      (
        JSON.parse(localStorage.getItem('eoc:progress') ?? '{}') as {
          questions: Record<string, { attempts: unknown[] }>;
        }
      ).questions[id]?.attempts.length,
    first.id,
  );
  expect(attempts).toBe(2);
});

test('two tabs stay consistent', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const sectionA = await openQuiz(a);
  const sectionB = await openQuiz(b);
  await answerWithKeyboard(a, cardIn(sectionA, single.id), single);
  await expect(cardIn(sectionB, single.id).locator('.q-last')).toHaveText(/^Last time: correct/);
  await expect(sectionB.getByText(/^1 of \d+ answered$/)).toBeVisible();
});

test.describe('before the quiz code has loaded', () => {
  // Page requests only: a service worker would fetch the island code itself, out of page.route's reach.
  test.use({ serviceWorkers: 'block' });
  test('a reader loads no quiz code; answering before it arrives loses nothing', async ({ page }) => {
    const text = bank.find((b) => b.lesson === lesson && b.type === 'text');
    const matching = bank.find((b) => b.lesson === lesson && b.type === 'matching');
    test.skip(!text || !matching, 'no text or matching question in this lesson');
    // Scripts after the page shell arrive 1.5 s late, like a slow phone network.
    let slow = false;
    const scripts: string[] = [];
    await page.route(/\/_astro\/.+\.js$/, async (route) => {
      scripts.push(new URL(route.request().url()).pathname);
      if (slow) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(lessonPath);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    const islands = page.locator('astro-island');
    expect(await islands.count()).toBeGreaterThan(1);
    await expect(page.locator('astro-island:not([ssr])')).toHaveCount(0);
    const islandCode = await islands.evaluateAll((els) =>
      els.flatMap((el) => [el.getAttribute('component-url'), el.getAttribute('renderer-url')]),
    );
    expect(islandCode.length).toBeGreaterThan(0);
    expect(scripts.filter((path) => islandCode.includes(path))).toEqual([]);

    slow = true;
    const section = page.locator('section.lesson-quiz');
    const card = cardIn(section, single.id);
    const key = (await choiceLabels(card.getByRole('radio'))).indexOf(keyTexts(single)[0] ?? '');
    await card.getByRole('radio').nth(key).check();
    await cardIn(section, text!.id)
      .getByRole('textbox')
      .fill(text!.accept?.[0] ?? '');
    // Selects keep the learner's choice through hydration while the island's state is still empty.
    for (const pair of matching!.pairs ?? []) {
      await cardIn(section, matching!.id)
        .getByRole('combobox', { name: pair.left, exact: true })
        .selectOption({ label: pair.right });
    }
    await card.getByRole('button', { name: 'Check answer' }).click();
    await expect(section.locator('astro-island')).toHaveAttribute('ssr');
    // The code arrives; the choice, the typed answer and the click are all taken up.
    await expect(card.locator('.q-verdict')).toHaveText(/Correct$/, { timeout: 15_000 });
    await cardIn(section, text!.id).getByRole('button', { name: 'Check answer' }).click();
    await expect(cardIn(section, text!.id).locator('.q-verdict')).toHaveText(/Correct$/);
    await cardIn(section, matching!.id).getByRole('button', { name: 'Check answer' }).click();
    await expect(cardIn(section, matching!.id).locator('.q-verdict')).toHaveText(/Correct$/);
    await expect(section.getByText(/^3 of \d+ answered$/)).toBeVisible();
  });
});

test('unreadable saved progress: the page works, says so, and keeps a backup', async ({ page }) => {
  // Corrupt the storage from a page that does not load the progress store, as it would be found on
  // arrival; a lesson page's islands may already have read and rewritten it.
  await page.goto('/about/');
  await page.evaluate(() => localStorage.setItem('eoc:progress', '{not json'));
  const section = await openQuiz(page);
  const notice = page.getByText(
    "We couldn't read your saved progress, so we kept a backup copy and started fresh.",
  );
  await expect(notice).toBeVisible();
  await expect(notice).toHaveCount(1);
  await answerWithKeyboard(page, cardIn(section, single.id), single);
  await expect(cardIn(section, single.id).locator('.q-verdict')).toHaveText(/Correct$/);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('eoc:progress:backup:'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(backups).toEqual(['{not json']);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('when the browser cannot save, the quiz still works and says to export', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const section = await openQuiz(page);
  await expect(
    page.getByText(
      'Your browser is not saving progress (storage is unavailable or full). Export your progress to keep what you have done in this tab.',
    ),
  ).toHaveCount(1);
  await answerWithKeyboard(page, cardIn(section, single.id), single);
  await expect(section.getByText(/^1 of \d+ answered$/)).toBeVisible();
});

test('export, reset a lesson, import: the scores come back', async ({ page }, testInfo) => {
  const section = await openQuiz(page);
  const others = bank.filter((b) => b.lesson === lesson && b.type === 'truefalse').slice(0, 1);
  for (const q of [single, ...others]) await answerWithKeyboard(page, cardIn(section, q.id), q);

  await page.goto('/progress/');
  const row = page.getByRole('article').filter({ has: page.locator(`a[href="/lessons/${lesson}/"]`) });
  const score = row.getByTestId('score');
  await expect(score).toHaveText(/^Best \d+% · Last \d+%$/);
  const before = await score.innerText();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^extremism-online-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('export.json');
  await download.saveAs(file);

  // A bad file changes nothing and shows the exact error.
  const bad =
    '{"kind":"eoc-progress","version":1,"lessons":{},"questions":{"x":{"hash":"h","attempts":[{"at":-1}]}},"reviews":{},"updatedAt":0}';
  const expected = parseProgressFile(bad, 'bad.json');
  expect(expected.ok).toBe(false);
  const input = page.getByLabel('Import a progress file');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(page.locator('.d-error')).toHaveText(`✗ ${expected.ok ? '' : expected.error}`);
  await expect(score).toHaveText(before);

  // Reset, with a confirmation dialog that can be cancelled.
  const reset = row.getByRole('button', { name: /^Reset this lesson/ });
  await reset.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(score).toHaveText(before);
  await reset.click();
  await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(score).toHaveText('No answers yet');
  await expect(reset).toBeFocused();

  await input.setInputFiles(file);
  const n = 1 + others.length;
  await expect(
    page.getByText(`Added ${n} attempt${n === 1 ? '' : 's'} across ${n} question${n === 1 ? '' : 's'}`),
  ).toBeVisible();
  await expect(score).toHaveText(before);
  await expectNoAxeViolations(page);
});

test('the progress page links to where the learner left off', async ({ page }) => {
  await openQuiz(page);
  await page.goto('/progress/');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }),
  ).toHaveAttribute('aria-current', 'page');
  const resume = page.getByRole('region', { name: 'Continue where you left off' }).getByRole('link');
  await expect(resume).toHaveAttribute('href', lessonPath);
});

test('a lesson with a quiz passes axe, before and after answering', async ({ page }) => {
  const section = await openQuiz(page);
  await expectNoAxeViolations(page);
  await answerWithKeyboard(page, cardIn(section, single.id), single);
  const ordering = bank.find((b) => b.lesson === lesson && b.type === 'ordering');
  if (ordering) await answerWithKeyboard(page, cardIn(section, ordering.id), ordering);
  const multiple = bank.find((b) => b.lesson === lesson && b.type === 'multiple');
  if (multiple) {
    // A wrong answer too, so per-option ✗ feedback is on the page.
    const card = cardIn(section, multiple.id);
    await card.getByRole('checkbox').first().check();
    await card.getByRole('button', { name: 'Check answer' }).click();
  }
  await expectNoAxeViolations(page);
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('answered questions and the progress page stay accessible', async ({ page }) => {
    const section = await openQuiz(page);
    await answerWithKeyboard(page, cardIn(section, single.id), single);
    await expectNoAxeViolations(page);
    await page.goto('/progress/');
    await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  test('quiz, progress and review pages do not scroll sideways', async ({ page }) => {
    const section = await openQuiz(page);
    await answerWithKeyboard(page, cardIn(section, single.id), single);
    await expect(cardIn(section, single.id).locator('.q-verdict')).toBeVisible();
    for (const path of [lessonPath, '/progress/', '/review/']) {
      if (path !== lessonPath) await page.goto(path);
      if (path === '/review/') await expect(page.getByLabel('Questions from')).toBeVisible();
      // clientWidth, not innerWidth: with a mobile viewport, content wider than the screen widens
      // innerWidth too (the page is zoomed out), which would hide the overflow.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      // Nor is a control past the right edge (a container that clips would hide the overflow above).
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll('main input, main select, main textarea, main button')]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(cut, path).toEqual([]);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('questions and options are readable, in the same order as when hydrated', async ({
    page,
    browser,
  }) => {
    await page.goto(lessonPath);
    const card = page.locator(`section.lesson-quiz fieldset[data-qid="${single.id}"]`);
    await expect(card.locator('legend')).toHaveText(single.prompt.replace(/\*/g, ''));
    const labels = await card.locator('label').allInnerTexts();
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) expect(label.trim()).not.toBe('');

    const withJs = await browser.newContext({ javaScriptEnabled: true });
    const js = await withJs.newPage();
    const section = await openQuiz(js);
    await cardIn(section, single.id).getByRole('radio').first().focus();
    await expect(section.locator('astro-island')).not.toHaveAttribute('ssr');
    expect(await cardIn(section, single.id).locator('label').allInnerTexts()).toEqual(labels);
    await withJs.close();

    await page.goto('/progress/');
    await expect(page.getByText('showing it needs JavaScript')).toBeVisible();
  });
});
