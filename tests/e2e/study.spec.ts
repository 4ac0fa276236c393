/**
 * Self-paced study in the built site: spaced review driven by the page clock, objective mastery and
 * practice, search with Pagefind, offline reading through the service worker, and the update
 * prompt. Keys come from the bank YAML.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { choiceLabels } from './bank.ts';
import { expectNoAxeViolations } from './helpers.ts';

interface BankQuestion {
  id: string;
  type: string;
  lesson: string;
  objective: string;
  answer?: string | boolean | number;
  options?: { id: string; text: string }[];
}

const bank: BankQuestion[] = readdirSync('content/quizzes')
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
const built = new Set(readdirSync('dist/lessons'));
const single = bank.find((q) => q.type === 'single' && built.has(q.lesson));
if (!single) throw new Error('no single-choice question in content/quizzes');
const lessonPath = `/lessons/${single.lesson}/`;
const START = new Date('2025-03-03T09:00:00Z');
const modules = parse(readFileSync('content/modules.yaml', 'utf8')) as {
  id: string;
  title: string;
  lessons: string[];
}[];
const moduleOf = (lesson: string): string => modules.find((m) => m.lessons.includes(lesson))?.id ?? 'other';

/** The question's card in the lesson quiz (not waiting for the island: answering starts it). */
async function quizCard(page: Page, id: string) {
  const section = page.locator('section.lesson-quiz');
  await section.scrollIntoViewIfNeeded();
  return section.locator(`fieldset[data-qid="${id}"]`);
}

async function choose(card: ReturnType<Page['locator']>, right: boolean): Promise<void> {
  // After a reload the card shows the last answer again; "Try again" clears it.
  const again = card.getByRole('button', { name: 'Try again' });
  if (await again.isVisible()) await again.click();
  const radios = card.getByRole('radio');
  const key = single!.options?.find((o) => o.id === single!.answer)?.text;
  const index = (await choiceLabels(radios)).findIndex((label) => (label === key) === right);
  await radios.nth(index).check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  // As a learner would, wait for the feedback (the quiz code may still be loading when they click).
  await expect(card.locator('.q-verdict')).toBeVisible();
}

test('a question missed in a lesson is due in Review a day later, and leaves once answered right', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await page.goto('/review/');
  await expect(page.getByTestId('empty')).toContainText('Answer some questions first');

  await page.goto(lessonPath);
  const card = await quizCard(page, single.id);
  await choose(card, false);
  await expect(card.locator('.q-verdict')).toBeVisible();

  await page.goto('/review/');
  await expect(page.getByTestId('due-count')).toHaveText('0');
  await expect(page.getByTestId('empty')).toContainText('Nothing due. Next review: tomorrow.');
  await expect(page.locator('[data-due-badge]')).toBeHidden();

  await page.clock.fastForward('25:00:00');
  await page.goto('/review/');
  await expect(page.getByTestId('due-count')).toHaveText('1');
  // The navigation badge follows the summary the review page wrote.
  await expect(page.getByRole('link', { name: 'Review (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Review: question 1 of 1' })).toBeVisible();
  const reviewCard = page.locator(`fieldset[data-qid="${single.id}"]`);
  await choose(reviewCard, true);
  await expect(reviewCard.locator('.q-verdict')).toContainText(/correct/i);
  await expect(page.getByTestId('due-count')).toHaveText('0');
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByTestId('empty')).toContainText('Nothing due.');
  await expect(page.locator('[data-due-badge]')).toBeHidden();
  // The review counts towards today's goal.
  await expect(page.getByText('Reviewed today')).toBeVisible();
  await expect(page.locator('.r-counts')).toContainText('1 of 10');
});

test('the module filter, the daily goal setting and axe on the review page', async ({ page }) => {
  await page.clock.install({ time: START });
  await page.goto(lessonPath);
  await choose(await quizCard(page, single.id), false);
  await page.clock.fastForward('25:00:00');
  await page.goto('/review/');
  await expect(page.getByTestId('due-count')).toHaveText('1');
  await expectNoAxeViolations(page);

  const select = page.getByLabel('Questions from');
  await select.selectOption(moduleOf(single.lesson));
  await expect(page.getByTestId('due-count')).toHaveText('1');
  await expect(page).toHaveURL(/\?module=/);
  const otherModule = modules.find((m) => !m.lessons.includes(single.lesson));
  if (otherModule) {
    await select.selectOption(otherModule.id);
    await expect(page.getByTestId('due-count')).toHaveText('0');
    await expect(page.getByTestId('empty')).toContainText(
      new RegExp(`Nothing (due|to review) in (Module \\d+|Opening unit): ${otherModule.title}`),
    );
  }
  await select.selectOption('');
  await expect(page.getByTestId('due-count')).toHaveText('1');

  const goal = page.getByLabel('Daily goal (reviews)');
  await goal.fill('3');
  await goal.press('Tab');
  await expect(page.locator('.r-counts')).toContainText('0 of 3');
  await page.reload();
  await expect(page.getByLabel('Daily goal (reviews)')).toHaveValue('3');
  await expectNoAxeViolations(page);
});

test('lesson objectives show mastery and open practice for one objective', async ({ page }) => {
  await page.goto(lessonPath);
  const objective = page.locator(`#objective-${single.objective}`);
  await expect(objective.getByTestId('mastery')).toHaveText('Not started');
  await choose(await quizCard(page, single.id), true);
  await page.reload();
  await page.locator(`#objective-${single.objective}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#objective-${single.objective}`).getByTestId('mastery')).not.toHaveText(
    'Not started',
  );
  await page
    .locator(`#objective-${single.objective}`)
    .getByRole('link', { name: /Practise this objective/ })
    .click();
  await expect(page).toHaveURL(/\/review\/\?objective=/);
  await expect(page.getByRole('heading', { name: 'Practise one objective' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Practice: question 1 of \d+/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the Anki download holds the missed question', async ({ page }) => {
  await page.goto(lessonPath);
  await choose(await quizCard(page, single.id), false);
  await page.goto('/review/');
  const button = page.getByRole('button', { name: 'Download missed and weak questions for Anki' });
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.split('\n').slice(0, 3)).toEqual([
    '#separator:tab',
    '#html:true',
    '#columns:Front\tBack\tSource',
  ]);
  expect(text.trim().split('\n')).toHaveLength(4);
  expect(text).toContain(`/sources/${single.lesson}/#`);
});

test.describe('search', () => {
  test('finds a glossary term and a lesson; keyboard in and out; axe with the dialog open', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) scripts.push(request.url());
    });
    await page.goto('/about/');
    await page.waitForLoadState('networkidle');
    expect(scripts, 'Pagefind must not load before search is opened').toEqual([]);

    const button = page.getByRole('button', { name: /Search/ });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Search the course' });
    await expect(dialog).toBeVisible();
    const input = dialog.getByLabel('Lessons, sources and glossary');
    await expect(input).toBeFocused();
    await input.fill('hawala');
    const results = dialog.getByRole('list', { name: 'Search results' }).getByRole('link');
    await expect(results.first()).toBeVisible();
    await expect(dialog.getByRole('link', { name: /Glossary/ })).toBeVisible();
    await expect(dialog.getByRole('link', { name: /bitcoin|cryptocurrenc/i }).first()).toBeVisible();
    await expect(dialog.locator('mark').first()).toHaveText(/hawala/i);
    expect(scripts.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await expectNoAxeViolations(page);

    await page.keyboard.press('ArrowDown');
    await expect(results.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    // "/" opens it again; Enter opens the first result.
    await page.locator('main').click();
    await page.keyboard.press('/');
    await expect(dialog).toBeVisible();
    await input.fill('hawala');
    await expect(results.first()).toBeVisible();
    const href = await results.first().getAttribute('href');
    await input.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });

  test('typing straight after Ctrl+K loses no letter while the search code loads', async ({ page }) => {
    // The search code arrives late, as on a slow phone: the letters typed meanwhile are kept.
    await page.route(/\/_astro\/search\.[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('hawala');
    const dialog = page.getByRole('dialog', { name: 'Search the course' });
    await expect(dialog.getByLabel('Lessons, sources and glossary')).toHaveValue('hawala');
    await expect(
      dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first(),
    ).toBeVisible();
  });

  test('Ctrl+K opens search, and answer keys and instructor pages are not indexed', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search the course' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Lessons, sources and glossary').fill('instructor');
    await expect(dialog.locator('[data-search-status]')).not.toBeEmpty();
    const hrefs = await dialog
      .locator('[data-search-results] a')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => href.startsWith('/instructor/'))).toEqual([]);
    for (const href of hrefs) expect(href).toMatch(/^\/(lessons|sources|glossary)\//);
  });
});

test.describe('offline and updates', () => {
  test.describe.configure({ mode: 'serial' });

  async function controlled(page: Page): Promise<void> {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
    });
  }

  /** Whether this build's shell cache holds the whole app tier of the precache (the `APP` list in sw.js). */
  function quizCodeCached(page: Page): Promise<boolean> {
    return page.evaluate(async () => {
      const sw = await (await fetch('/sw.js')).text();
      const app = JSON.parse(/const APP = (\[[^\]]*\]);/.exec(sw)?.[1] ?? '[]') as string[];
      if (app.length === 0) throw new Error('sw.js lists no app files');
      for (const name of await caches.keys()) {
        if (!name.startsWith('eoc-shell-')) continue;
        const cached = new Set((await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname));
        return app.every((url) => cached.has(url));
      }
      return false;
    });
  }

  test('after one online visit a lesson opens with the network off; unknown pages get the offline page', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await controlled(page);
    await page.goto(lessonPath);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    // Using a quiz once online is what makes the quiz code available offline.
    await choose(await quizCard(page, single.id), false);
    await expect(page.locator(`fieldset[data-qid="${single.id}"] .q-verdict`)).toBeVisible();
    await expect.poll(() => quizCodeCached(page), { timeout: 15_000 }).toBe(true);

    await context.setOffline(true);
    try {
      await page.goto(lessonPath);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title ?? '');
      // Answering offline still works: progress lives in this browser.
      await choose(await quizCard(page, single.id), true);
      await expect(page.locator(`fieldset[data-qid="${single.id}"] .q-verdict`)).toBeVisible();
      // Review and Progress work offline though never opened online: their code came with the app tier.
      await page.goto('/review/');
      await expect(page.getByTestId('due-count')).toBeVisible();
      await page.goto('/progress/');
      await expect(page.getByRole('region', { name: 'Continue where you left off' })).toBeVisible();
      await page.goto('/glossary/');
      await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
      const other = [...built].find((id) => id !== single.lesson);
      await page.goto(`/sources/${other}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
    } finally {
      await context.setOffline(false);
    }
  });

  test('offline before any quiz was used online, a question says why it cannot load, and keeps the choice', async ({
    page,
    context,
  }) => {
    await page.goto(lessonPath);
    await controlled(page);
    await page.reload();
    expect(await quizCodeCached(page)).toBe(false);
    await context.setOffline(true);
    try {
      await page.reload();
      const card = await quizCard(page, single.id);
      await card.getByRole('radio').first().check();
      const note = page.getByRole('status').filter({ hasText: 'could not be loaded' });
      await expect(note).toBeInViewport();
      await expect(card.getByRole('radio').first()).toBeChecked();
      await expectNoAxeViolations(page);
      await note.getByRole('button', { name: 'Dismiss' }).click();
      await expect(note).toHaveCount(0);
    } finally {
      await context.setOffline(false);
    }
  });

  test('a new service worker shows the update prompt, and Reload switches to it', async ({ page }) => {
    await page.goto('/');
    await controlled(page);
    const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
    await expect(page.getByText('Update available')).toBeHidden();
    // A new worker for the same scope, as a deploy would bring. Registering the same script under
    // another URL makes the browser install it as an update (Playwright cannot route the browser's
    // own update check of /sw.js), and the page's registration watcher sees it like any update.
    const before = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await navigator.serviceWorker.register('/sw.js?update=1');
      return registration?.active?.scriptURL;
    });
    expect(before).toMatch(/\/sw\.js$/);
    await expect(prompt).toBeVisible();
    await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible();
    await expectNoAxeViolations(page);
    // After a real deploy the reloaded page registers the URL the new worker came from; here that is
    // /sw.js?update=1 (registering /sw.js again would install yet another "update").
    await page.addInitScript(() => {
      const container = navigator.serviceWorker;
      const register = container.register.bind(container);
      container.register = (url, options) =>
        register(String(url).endsWith('/sw.js') ? '/sw.js?update=1' : url, options);
    });
    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByText('Update available')).toBeHidden();
    const after = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(after).toMatch(/\/sw\.js\?update=1$/);
  });
});

test('a module page lists its lessons and shows mastery per objective, without recording visits', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Secure communications' }).click();
  await expect(page).toHaveURL(/\/modules\/secure-communications\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Secure communications');
  await expect(page.getByRole('link', { name: 'Practise this objective' }).first()).toBeVisible();
  await expect(page.getByTestId('mastery').first()).toHaveText('Not started');
  await expectNoAxeViolations(page);
  // Looking at a module is not opening its lessons.
  const stored = await page.evaluate(() => localStorage.getItem('eoc:progress'));
  expect(stored === null || !stored.includes('visitedAt')).toBe(true);
});
