/**
 * The learner's daily pages and the edges a new user meets: the progress summary, the 404 page,
 * search that opens at the match, the phone navigation and the printed lesson.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ReviewData } from '../../src/lib/study/data.ts';
import { expectNoAxeViolations } from './helpers.ts';

const review = JSON.parse(readFileSync('dist/review/questions.json', 'utf8')) as ReviewData;
const DAY = 86_400_000;

/**
 * A learner four days in: the first lesson of each of two modules read, their questions answered
 * three days ago, and two of them answered again today (two reviews: a one-day streak).
 */
function seededProgress(at: number): { doc: string; lessons: string[]; answered: number } {
  const lessons = review.modules
    .slice(0, 2)
    .map((m) => review.questions.find((q) => q.module === m.id)!.lesson);
  const questions: Record<string, unknown> = {};
  const mine = review.questions.filter((q) => lessons.includes(q.lesson));
  mine.forEach((q, i) => {
    const first = { at: at - 3 * DAY, response: null, score: i % 2, hash: q.hash };
    const again = { at: at - 60_000, response: null, score: 1, hash: q.hash };
    questions[q.question.id] = { hash: q.hash, attempts: i < 2 ? [first, again] : [first] };
  });
  const lessonMarks = Object.fromEntries(
    lessons.map((id, i) => [id, { visitedAt: at - (4 - i) * DAY, readAt: at - (4 - i) * DAY }]),
  );
  const doc = {
    kind: 'eoc-progress',
    version: 1,
    lessons: lessonMarks,
    questions,
    reviews: {},
    updatedAt: at,
  };
  return { doc: JSON.stringify(doc), lessons, answered: mine.length };
}

async function seed(page: Page, doc: string): Promise<void> {
  await page.addInitScript((value) => {
    if (!localStorage.getItem('eoc:progress')) localStorage.setItem('eoc:progress', value);
  }, doc);
}

test.describe('progress', () => {
  test('opens with export, import and a course summary; the detail is in collapsed modules', async ({
    page,
  }) => {
    const { doc, lessons, answered } = seededProgress(Date.now());
    await seed(page, doc);
    await page.goto('/progress/');
    const main = page.getByRole('main');
    const h2 = main.getByRole('heading', { level: 2 });
    await expect(h2).toHaveText(['Summary', 'Lessons in detail']);

    const summary = page.getByRole('region', { name: 'Summary' });
    const total = Object.keys(review.lessons).length;
    await expect(summary.getByTestId('lessons-read')).toHaveText(`2 of ${total}`);
    await expect(summary.getByTestId('questions-answered')).toHaveText(
      `${answered} of ${review.questions.length}`,
    );
    await expect(summary.getByTestId('streak')).toHaveText('1 day');
    await expect(summary.getByTestId('due-reviews')).toBeVisible();
    // One line per module, each a link to its detail.
    await expect(summary.getByRole('listitem')).toHaveCount(review.modules.length);

    // Export and import are in view at the top, where people look for them.
    await expect(page.getByRole('button', { name: 'Export progress' })).toBeInViewport();
    await expect(page.getByLabel('Import a progress file')).toBeInViewport();
    const detail = page.getByRole('region', { name: 'Lessons in detail' });
    // The module of the lesson last opened starts open; the others are closed.
    await expect(detail.locator('details[open]')).toHaveCount(1);
    await expect(detail.getByRole('link', { name: review.lessons[lessons[1]!]!.title })).toBeVisible();
    await expect(detail.getByRole('link', { name: review.lessons[lessons[0]!]!.title })).toBeHidden();

    // A module's line in the summary opens its section.
    await summary.getByRole('link', { name: review.modules[0]!.title }).click();
    await expect(detail.getByRole('link', { name: review.lessons[lessons[0]!]!.title })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('the daily pages hold still while they load', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  /**
   * The layout shifts of the page's life so far (entries are buffered) that moved something inside
   * `within`, with what moved.
   */
  async function shifts(page: Page, within: string): Promise<{ value: number; moved: string[] }[]> {
    return page.evaluate(
      (selector) =>
        new Promise((resolve) => {
          const scope = document.querySelector(selector);
          const seen = (list: PerformanceEntryList) =>
            (list as (PerformanceEntry & { value: number; sources: { node?: Node | null }[] })[])
              .map((entry) => ({
                value: entry.value,
                moved: entry.sources
                  .map((source) => source.node)
                  .filter((node): node is Element => node instanceof Element && !!scope?.contains(node))
                  .map((node) => node.outerHTML.slice(0, 60)),
              }))
              .filter((entry) => entry.moved.length > 0);
          new PerformanceObserver((list, observer) => {
            observer.disconnect();
            resolve(seen(list.getEntries()));
          }).observe({ type: 'layout-shift', buffered: true });
          // No shift at all: the observer is never called.
          setTimeout(() => resolve([]), 500);
        }),
      within,
    );
  }

  // A new learner's pages (what Lighthouse measures) hold still from top to bottom. For a returning
  // learner the navigation's "Review (3)" badge can appear after the first paint (the site script
  // runs after it); the page's own content must still not move.
  for (const [who, within] of [
    ['a new learner', 'body'],
    ['a returning learner', 'main'],
  ] as const) {
    test(`review and progress, ${who}: nothing moves`, async ({ page }) => {
      if (who === 'a returning learner') await seed(page, seededProgress(Date.now()).doc);
      await page.goto('/review/');
      await expect(page.getByRole('heading', { name: 'Keep reviewing in Anki' })).toBeVisible();
      expect(await shifts(page, within)).toEqual([]);

      await page.goto('/progress/');
      const detail = page.getByRole('region', { name: 'Lessons in detail' });
      await expect(detail.locator('details')).toHaveCount(review.modules.length);
      expect(await shifts(page, within)).toEqual([]);
    });
  }
});

test.describe('search', () => {
  test('a result opens at the match, highlighted and scrolled into view', async ({ page }) => {
    // A word that appears once in the whole course, in paragraph 25 of one source.
    const source = '/sources/the-relations-between-malta-and-libya-and-economic-crimes-inside-libya/';
    await page.goto('/');
    await page.getByRole('button', { name: /Search/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Search the course' });
    await dialog.getByLabel('Lessons, sources and glossary').fill('catania');
    const result = dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first();
    await expect(result).toHaveAttribute('href', `${source}#p25`);
    await result.click();
    await expect(page).toHaveURL(`${source}#p25`);
    const hit = page.locator('mark.search-hit');
    await expect(hit).toHaveCount(1);
    await expect(hit).toHaveText(/^catania$/i);
    await expect(hit).toBeInViewport();
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
    // The note is used once: reloading shows the page without the highlight.
    await page.reload();
    await expect(page.locator('mark.search-hit')).toHaveCount(0);
  });

  test('snippets leave out the glossary definitions shown on hover', async ({ page }) => {
    // "hawala" is a glossary term used in lessons; the hover definition used to fill their snippets.
    await page.goto('/');
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the course' });
    await dialog.getByLabel('Lessons, sources and glossary').fill('hawala');
    const lessons = dialog.locator('[data-search-results] a[href^="/lessons/"]');
    await expect(lessons.first()).toBeVisible();
    // The lesson's hover definition follows the term; its words must not be in the lesson's snippet.
    for (const text of await lessons.locator('.search-excerpt').allInnerTexts())
      expect(text).not.toMatch(/settle balances among themselves/);
  });
});

test.describe('the 404 page', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('says the page is missing, searches for the words of the address and links home', async ({ page }) => {
    const response = await page.goto('/lessons/cyber-caliphat/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main').getByRole('link', { name: 'Course home' })).toHaveAttribute(
      'href',
      '/',
    );
    const field = page.getByRole('main').getByLabel('Search lessons, sources and the glossary');
    await expect(field).toHaveValue('cyber caliphat');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search the course' });
    await expect(dialog.getByLabel('Lessons, sources and glossary')).toHaveValue('cyber caliphat');
    await expect(dialog.getByRole('link', { name: /Cyber Caliphate/i }).first()).toBeVisible();
  });
});

test.describe('printing a lesson', () => {
  const lesson = '/lessons/mali-jihadists-support-their-struggle-online/';

  test('prints a handout: text and questions, no controls, no relative addresses, a key only when asked', async ({
    page,
  }) => {
    await page.goto(lesson);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: /Search/ })).toBeHidden();
    // Quiz controls ("Check answer", "Show a hint", Move up/down) do not print.
    const controls = page.locator('.q-card button');
    expect(await controls.count()).toBeGreaterThan(10);
    for (const button of await controls.all()) await expect(button).toBeHidden();
    const quiz = page.locator('section.lesson-quiz');
    await expect(quiz.locator('.q-prompt').first()).toBeVisible();
    // Words about buttons give way to words for paper (this lesson has an ordering question).
    await expect(quiz.getByText('Use the Move up and Move down buttons')).toBeHidden();
    await expect(quiz.getByText('On paper: write each item')).toBeVisible();
    // Links inside the lesson print no address: a relative one means nothing on paper.
    const after = await page
      .locator('.lesson-body a[href^="/"]')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toMatch(/^(none|normal)$/);
    // The answer key: not printed unless asked for.
    const key = page.getByRole('heading', { name: 'Answer key' });
    await expect(key).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('Include the answer key when printing this lesson').check();
    await page.emulateMedia({ media: 'print' });
    await expect(key).toBeVisible();
    await expect(page.locator('.answer-key li')).toHaveCount(await quiz.locator('.q-card').count());
  });

  test('the longest lessons print on far fewer A4 pages than the 14 they took', async ({ page }) => {
    for (const id of [
      'isis-and-the-militant-jihad-on-instagram',
      'cyber-caliphate-what-apps-are-the-islamic-state-using',
    ]) {
      await page.goto(`/lessons/${id}/`);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages, id).toBeGreaterThan(0);
      expect(pages, id).toBeLessThanOrEqual(9);
    }
  });
});

test.describe('phone navigation', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('every section link is on screen, none cut off at the edge', async ({ page }) => {
    await page.goto('/');
    const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    await expect(links).toHaveCount(6);
    for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });
  });
});

test('the Key terms list links its terms to the glossary without repeating the definition on hover', async ({
  page,
}) => {
  await page.goto('/lessons/mali-jihadists-support-their-struggle-online/');
  const list = page.locator('#key-terms + ul');
  await expect(list.locator('a[href^="/glossary/#"]').first()).toBeVisible();
  await expect(list.getByRole('tooltip', { includeHidden: true })).toHaveCount(0);
  await expect(list.locator('a[aria-describedby]')).toHaveCount(0);
  // The running text keeps its tooltips.
  await expect(page.locator('.lesson-body .term [role="tooltip"]').first()).toBeAttached();
});

test('the disclosures show their marker', async ({ page }) => {
  await page.goto('/review/');
  const summary = page.locator('summary', { hasText: 'How review and first tries work' });
  expect(await summary.evaluate((el) => getComputedStyle(el).display)).toBe('list-item');
  await page.goto('/lessons/mali-jihadists-support-their-struggle-online/');
  const rule = page.locator('summary', { hasText: 'How mastery is judged' });
  expect(await rule.evaluate((el) => getComputedStyle(el).display)).toBe('list-item');
});
