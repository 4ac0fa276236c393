/**
 * The instructor's tools as an instructor uses them: the question bank browser (/instructor/) —
 * filters labelled in words that each narrow the list, a search that finds, lessons collapsed,
 * a question's key shown only when asked — and the assignment builder's draft, which survives a
 * reload until it is shared or discarded, with the link and rules kept in view.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { bank, pool } from './bank.ts';
import { expectNoAxeViolations, pickInBuilder } from './helpers.ts';

const count = (page: Page) => page.locator('#count');

/** The number of questions the count sentence reports as shown. */
async function shown(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await count(page).textContent()) ?? '';
  const all = /^Showing all ([\d,]+) questions/.exec(text);
  const some = /^Showing ([\d,]+) of ([\d,]+) questions/.exec(text);
  const none = /^No questions match \(of ([\d,]+)\)/.exec(text);
  const n = (s: string) => Number(s.replace(/,/g, ''));
  if (all) return { shown: n(all[1]!), total: n(all[1]!) };
  if (some) return { shown: n(some[1]!), total: n(some[2]!) };
  if (none) return { shown: 0, total: n(none[1]!) };
  throw new Error(`unexpected count: ${text}`);
}

/** Choose the option labelled `label` (or the first real option) and return the new count. */
async function narrowBy(page: Page, select: Locator, label?: string): Promise<number> {
  const before = await count(page).textContent();
  if (label) await select.selectOption({ label });
  else await select.selectOption({ index: 1 });
  await expect(count(page)).not.toHaveText(before ?? '');
  return (await shown(page)).shown;
}

test('the bank browser: filters in words each narrow, the search finds, keys open on demand', async ({
  page,
}) => {
  await page.goto('/instructor/');
  await expect(count(page)).toHaveText(/^Showing all/);
  await expect(count(page)).toHaveAttribute('role', 'status');
  const { total } = await shown(page);
  expect(total).toBe(bank.length); // the lesson banks (every lesson has one, so no drafts)

  // The assessment pool is not in the browser's files: its keys stay in the lockbox (issue 12).
  await expect(page.getByLabel('Practice or assessment')).toHaveCount(0);
  for (const path of ['/instructor/bank.json', '/instructor/bank-search.json']) {
    const text = await (await page.request.get(path)).text();
    for (const item of pool) expect(text, path).not.toContain(`"${item.id}"`);
  }
  await expect(page.getByRole('heading', { name: /Assessment pool/ })).toBeVisible();

  // Collapsed, and no key on the page until asked for.
  await expect(page.locator('#bank details.lesson')).not.toHaveCount(0);
  await expect(page.locator('#bank details.lesson[open]')).toHaveCount(0);
  await expect(page.locator('.detail')).toHaveCount(0);
  await expect(page.getByText('✓ Key')).toHaveCount(0);

  // Every filter choice reads as words, never a raw value.
  for (const name of ['Question type', 'Bloom level']) {
    const options = await page
      .getByLabel(name)
      .locator('option')
      .evaluateAll((os) =>
        os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
      );
    for (const o of options.filter((o) => o.value)) {
      expect(o.text, name).not.toBe(o.value);
      expect(o.text, name).toMatch(/^[A-Z]/);
    }
  }
  await expect(page.getByLabel('Question type').locator('option', { hasText: 'True or false' })).toHaveCount(
    1,
  );
  await expect(page.getByLabel('Bloom level').locator('option', { hasText: 'Analyse' })).toHaveCount(1);

  // Each filter narrows on its own.
  const filters: [string, string | undefined][] = [
    ['Module', undefined],
    ['Lesson', undefined],
    ['Question type', 'True or false'],
    ['Bloom level', 'Analyse'],
  ];
  for (const [name, label] of filters) {
    const n = await narrowBy(page, page.getByLabel(name, { exact: true }), label);
    expect(n, name).toBeGreaterThan(0);
    expect(n, name).toBeLessThan(total);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(count(page)).toHaveText(/^Showing all/);
  }

  // The objective belongs to a lesson: it narrows that lesson's questions.
  const lesson = page.getByLabel('Lesson', { exact: true });
  await expect(page.getByLabel('Objective')).toBeDisabled();
  const lessonTitle = (await lesson.locator(`option[value="${bank[0]!.lesson}"]`).textContent())!;
  const inLesson = await narrowBy(page, lesson, lessonTitle);
  await expect(page.getByLabel('Objective')).toBeEnabled();
  expect(await narrowBy(page, page.getByLabel('Objective'))).toBeLessThan(inLesson);

  // A type filter keeps only that type: open the first lesson and read the tags.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Question type').selectOption({ label: 'True or false' });
  const first = page.locator('#bank details.lesson').first();
  await first.locator('summary').click();
  const tags = await first.locator('.qkey .meta .tag:first-child').allTextContents();
  expect(tags.length).toBeGreaterThan(0);
  expect(new Set(tags)).toEqual(new Set(['True or false']));

  // The search finds a question by words of its prompt and opens its lesson.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const q = bank.find((b) => b.type === 'single')!;
  await page.getByRole('searchbox', { name: 'Search' }).fill(q.prompt.split(/\s+/).slice(0, 8).join(' '));
  await expect(page.locator(`[id="${q.id}"]`)).toBeVisible();
  const found = await shown(page);
  expect(found.shown).toBeGreaterThan(0);
  expect(found.shown).toBeLessThan(total);

  // The key, feedback and evidence open on demand, from the keyboard.
  const show = page.locator(`[id="${q.id}"]`).getByRole('button', { name: 'Show key and evidence' });
  await show.focus();
  await page.keyboard.press('Enter');
  const detail = page.locator(`[id="${q.id}-detail"]`);
  await expect(detail.getByText('✓ Key')).toHaveCount(1);
  await expect(detail.getByRole('link', { name: /^source ¶\d+/ }).first()).toHaveAttribute(
    'href',
    /\/sources\//,
  );
  await expect(
    page.locator(`[id="${q.id}"]`).getByRole('button', { name: 'Hide key and evidence' }),
  ).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);

  await page.getByRole('searchbox', { name: 'Search' }).fill('zzzz-no-such-words');
  await expect(count(page)).toHaveText(/^No questions match/);
  await expect(page.locator('#bank details')).toHaveCount(0);
});

test('a lesson opens from the keyboard and shows all its keys at once', async ({ page }) => {
  await page.goto('/instructor/');
  const summary = page.locator('#bank details.lesson summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#bank details.lesson').first()).toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show all keys' }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  const questions = page.locator('#bank details.lesson').first().locator('.qkey');
  await expect(page.locator('#bank details.lesson').first().locator('.detail')).toHaveCount(
    await questions.count(),
  );
});

test.describe('the assignment builder', () => {
  const picked = bank.filter((q) => q.type === 'single').slice(0, 2);

  test('keeps the draft through a reload until it is discarded', async ({ page }) => {
    await page.goto('/instructor/assign/');
    await expect(page.getByRole('heading', { name: '1. Questions' })).toBeVisible();
    await expect(page.getByText('Your choices are kept in this browser')).toBeVisible();
    await pickInBuilder(
      page,
      picked.map((q) => q.id),
    );
    await page.getByLabel('Title (students see it)').fill('Week 2 draft');
    await page.getByLabel('Attempts allowed').fill('2');
    await page.getByRole('radio', { name: /Never/ }).check();
    await page.getByLabel('Bloom level').selectOption({ index: 1 });
    await expect(page.getByText(/^Draft kept in this browser/)).toBeVisible();

    await page.reload();
    await expect(page.getByText(`${picked.length} questions picked.`)).toBeVisible();
    await expect(page.getByText(/^Your draft from .* is back\./)).toBeVisible();
    await expect(page.getByLabel('Title (students see it)')).toHaveValue('Week 2 draft');
    await expect(page.getByLabel('Attempts allowed')).toHaveValue('2');
    await expect(page.getByRole('radio', { name: /Never/ })).toBeChecked();
    await expect(page.getByLabel('Bloom level')).not.toHaveValue('');
    await expect(page.locator('#b-link')).toHaveValue(/\/assignment\/#/);

    // Discarding asks once more, then starts a blank draft that a reload keeps blank.
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(page.getByRole('button', { name: 'Yes, discard' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Draft discarded.')).toBeVisible();
    await expect(page.getByText('0 questions picked.')).toBeVisible();
    await expect(page.getByLabel('Title (students see it)')).toHaveValue('');
    await page.reload();
    await expect(page.getByText('0 questions picked.')).toBeVisible();
    await expect(page.getByLabel('Title (students see it)')).toHaveValue('');
    await expect(page.getByText(/is back\./)).toHaveCount(0);
  });

  test('stops keeping the draft once the link is shared', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/instructor/assign/');
    await pickInBuilder(page, [picked[0]!.id]);
    await page.getByLabel('Title (students see it)').fill('Shared quiz');
    await page.locator('.b-share').getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText(/^Link shared: this browser no longer keeps the draft/)).toBeVisible();
    await page.reload();
    await expect(page.getByText('0 questions picked.')).toBeVisible();
    await expect(page.getByLabel('Title (students see it)')).toHaveValue('');
  });

  test('keeps the link and rules beside the questions on a desktop', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/instructor/assign/');
    await pickInBuilder(page, [picked[0]!.id]);
    await page.getByLabel('Title (students see it)').fill('In view');
    // Open every lesson, then scroll to the end of the question list: the link is still in view.
    for (const summary of await page.locator('details.b-lesson summary').all()) await summary.click();
    await page.locator('details.b-lesson').last().scrollIntoViewIfNeeded();
    await expect(page.locator('#b-link')).toBeInViewport();
    await expect(page.getByRole('heading', { name: 'Rules', exact: true })).toBeInViewport();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('a sticky summary keeps the count, the title and the way to the link in view', async ({ page }) => {
      await page.goto('/instructor/assign/');
      await pickInBuilder(page, [picked[0]!.id]);
      await page.getByLabel('Title (students see it)').fill('Phone quiz');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('details.b-lesson').nth(2).scrollIntoViewIfNeeded();
      const summary = page.getByRole('region', { name: 'Summary' });
      await expect(summary).toBeInViewport();
      await expect(summary).toContainText('1 question · Phone quiz · link ready');
      await summary.getByRole('link', { name: 'Link' }).click();
      await expect(page.locator('#b-link')).toBeInViewport();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await expectNoAxeViolations(page);
    });
  });
});
