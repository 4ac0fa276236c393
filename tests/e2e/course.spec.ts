/**
 * The course as a learner walks it: every lesson renders its teaching sections and links, one
 * question on each is answered correctly with the keyboard, and the final assessment, glossary and
 * timeline work.
 */
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { answerWithKeyboard, bank, pool } from './bank.ts';
import { expectNoAxeViolations } from './helpers.ts';

const lessons = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();

test('every article has a written lesson, and the opening unit is written too', () => {
  expect(lessons).toHaveLength(12);
  expect(lessons).toContain('reading-sources-about-extremism');
});

for (const id of lessons) {
  test(`lesson ${id}: teaching sections, and one inline question answered right`, async ({ page }) => {
    await page.goto(`/lessons/${id}/`);
    for (const heading of ['Learning objectives', 'Overview', 'Key terms', 'Guided reading', 'Summary']) {
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    }
    await expect(page.locator('a[href="/glossary/"]').first()).toBeVisible();
    await expect(page.locator('main a[href="/timeline/"]')).toBeVisible();

    const card = page.locator('.lesson-body fieldset[data-qid]').first();
    await card.scrollIntoViewIfNeeded();
    const qid = await card.getAttribute('data-qid');
    const question = bank.find((q) => q.id === qid);
    expect(question, `inline question ${qid} is in the bank`).toBeDefined();
    // No waiting for the island: answering starts it, and nothing typed meanwhile is lost.
    await answerWithKeyboard(page, card, question!);
    await expect(card.getByRole('status')).toContainText(/Correct/);
  });
}

test('a key term shows its definition on focus and links to the glossary', async ({ page }) => {
  await page.goto(`/lessons/${lessons[0]}/`);
  // In the running text (the Key terms list prints its definitions, so its terms have no tooltip).
  const withTip = page.locator('.lesson-body .term:has([role="tooltip"])').first();
  const term = withTip.locator('a');
  await term.focus();
  const tip = withTip.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(term).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
  await term.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/#[a-z0-9-]+$/);
});

test('the glossary lists 60+ terms with links to the sources, and passes axe', async ({ page }) => {
  test.slow(); // axe over a long page (70 entries) is slow on a 2-core machine
  await page.goto('/glossary/');
  expect(await page.locator('.entry').count()).toBeGreaterThanOrEqual(60);
  await page.locator('.entry a[href^="/sources/"]').first().click();
  await expect(page).toHaveURL(/\/sources\/[a-z0-9-]+\/#p\d+$/);
  await page.goto('/glossary/');
  await expectNoAxeViolations(page);
});

test('the timeline lists 20+ dated events in order, and passes axe', async ({ page }) => {
  await page.goto('/timeline/');
  const dates = await page
    .locator('.timeline time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(dates.length).toBeGreaterThanOrEqual(20);
  expect([...dates].sort()).toEqual(dates);
  await expectNoAxeViolations(page);
});

test('the final assessment shows its own pool, none of it from the lessons, in five parts, without keys', async ({
  page,
}) => {
  test.slow(); // axe over a long page (46 questions) is slow on a 2-core machine
  await page.goto('/assessment/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(5);
  const ids = await page
    .locator('[data-qid]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-qid')));
  expect(ids.length).toBeGreaterThanOrEqual(40);
  expect([...ids].sort()).toEqual(pool.map((q) => q.id).sort());
  const bankIds = new Set(bank.map((q) => q.id));
  expect(ids.filter((id) => bankIds.has(id!))).toEqual([]);
  // The pool is secret (issue 12): prompts and options only, answered in an assignment, graded by the instructor.
  const first = pool.find((q) => q.id === ids[0])!;
  await expect(page.locator(`[data-qid="${first.id}"]`)).toContainText(first.prompt);
  await expect(page.getByText(first.explanation)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
  await expect(page.getByText(/This is a graded assessment/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the instructor bank lists every question of the lesson banks, filters them, and offers the exports', async ({
  page,
}) => {
  await page.goto('/instructor/');
  const count = page.locator('#count');
  await expect(count).toHaveText(/^Showing all [\d,]+ questions/);
  // The lesson banks alone (every lesson of the course has one, so there are no drafts).
  await expect(page.getByLabel('Draft or final')).toHaveCount(0);
  await expect(count).toHaveText(new RegExp(`^Showing all ${bank.length} questions`));
  await page.getByLabel('Question type').selectOption('cloze');
  await expect(count).toHaveText(new RegExp(`^Showing ${bank.filter((q) => q.type === 'cloze').length} of `));
  await page.getByRole('searchbox', { name: 'Search' }).fill('zzzz-no-such-words');
  await expect(count).toHaveText(/^No questions match/);
  for (const name of [
    'QTI 1.2 package (Canvas)',
    'Moodle XML',
    'GIFT',
    'CSV spreadsheet',
    'QTI 2.1 package',
  ]) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status(), name).toBe(200);
    expect((await response.body()).length, name).toBeGreaterThan(1000);
  }
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(/^Showing all /);
  await expectNoAxeViolations(page);
});

test('opening a lesson is enough for "continue where you left off", without scrolling to the quiz', async ({
  page,
}) => {
  const id = lessons[3]!;
  await page.goto(`/lessons/${id}/`);
  // Reading only: no quiz island has loaded, yet the visit is noted.
  await expect(page.locator('.lesson astro-island[ssr]').first()).toBeAttached();
  await page.goto('/progress/');
  const resume = page.getByRole('region', { name: 'Continue where you left off' }).getByRole('link');
  await expect(resume).toHaveAttribute('href', `/lessons/${id}/`);
});
