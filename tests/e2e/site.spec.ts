/** Foundation: the course home, every lesson and source page, anchors, landmarks and axe. */
import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { builtIds, expectNoAxeViolations, readBuilt } from './helpers.ts';

const lessons = builtIds('lessons');
const sources = builtIds('sources');

test('the home page lists every lesson, grouped in modules', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Extremism Online');
  const links = page.locator('main a[href^="/lessons/"]');
  // Eleven lessons and the opening unit.
  await expect(links).toHaveCount(12);
  await expect(page.getByRole('heading', { level: 2, name: /Module 1/ })).toBeVisible();
  await expect(page.getByText(/min read/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the build has one lesson and one source page per article, and the opening unit', () => {
  expect(sources).toHaveLength(11);
  expect(lessons).toEqual([...sources, 'reading-sources-about-extremism'].sort());
});

for (const id of lessons) {
  test(`lesson ${id} renders with attribution and passes axe`, async ({ page }) => {
    const response = await page.goto(`/lessons/${id}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Source and attribution' })).toBeVisible();
    // A lesson links to its own source; the opening unit to the source of its worked example.
    const source = sources.includes(id) ? `/sources/${id}/` : '/sources/al-qaeda-turns-to-organised-crime/';
    await expect(page.locator(`main a[href="${source}"]`).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

for (const id of sources) {
  test(`source ${id} renders paragraphs, attribution and a content note`, async ({ page }) => {
    await page.goto(`/sources/${id}/`);
    await expect(page.getByRole('complementary', { name: 'Content note' })).toBeVisible();
    await expect(page.getByText("A copy of the publisher's web page saved for this course")).toBeVisible();
    await expect(page.locator('#p1')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('a paragraph anchor scrolls to and highlights that paragraph', async ({ page }) => {
  const id = sources[0]!;
  await page.goto(`/sources/${id}/#p5`);
  const p5 = page.locator('#p5');
  await expect(p5).toBeInViewport();
  const bg = await p5.evaluate((el) => getComputedStyle(el).backgroundColor);
  const bg4 = await page.locator('#p4').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe(bg4);
  // The paragraph number is itself a link to the anchor, so readers can copy it.
  await page.locator('#p7 .para-link').click();
  await expect(page).toHaveURL(new RegExp(`/sources/${id}/#p7$`));
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('pages have banner, navigation, main and contentinfo landmarks', async ({ page }) => {
  await page.goto(`/lessons/${lessons[0]}/`);
  for (const role of ['banner', 'main', 'contentinfo'] as const)
    await expect(page.getByRole(role)).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('lesson pages ship one small site script, plus their islands', () => {
  // Since the study features, every page loads one shared module script (Review badge, Search
  // button, service worker registration; search itself loads on open). Islands bring their own.
  const shell = new Set<string>();
  for (const id of lessons) {
    const html = readBuilt(`lessons/${id}/index.html`);
    const modules = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]);
    expect(modules, id).toHaveLength(1);
    shell.add(modules[0]!);
    if (!html.includes('<astro-island')) expect(html.match(/<script/g), id).toHaveLength(1);
  }
  expect(shell.size).toBe(1);
  const [src] = [...shell];
  expect(gzipSync(readBuilt(src!.replace(/^\//, ''))).length).toBeLessThan(1536);
});

test('the about page explains how to use the course and passes axe', async ({ page }) => {
  await page.goto('/about/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How to use this course');
  await expectNoAxeViolations(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('no page scrolls sideways', async ({ page }) => {
    const paths = [
      '/',
      `/lessons/${lessons[0]}/`,
      `/sources/${sources[0]}/`,
      '/modules/secure-communications/',
      '/glossary/',
      '/timeline/',
      '/about/',
      '/assessment/',
      '/progress/',
      '/review/',
      '/instructor/',
      '/instructor/assign/',
      '/instructor/review/',
      '/assignment/result/',
    ];
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      // clientWidth, not innerWidth: with a mobile viewport, content wider than the screen widens
      // innerWidth too (the page is zoomed out), which would hide the overflow.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) wide.push(`${path} (+${overflow}px)`);
    }
    expect(wide).toEqual([]);
  });
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the page switches to dark colours and stays accessible', async ({ page }) => {
    await page.goto(`/sources/${sources[1]}/`);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(21, 23, 26)');
    await expectNoAxeViolations(page);
  });
});

test('the print stylesheet hides navigation', async ({ page }) => {
  await page.goto(`/lessons/${lessons[0]}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('prose keeps the space between a word and the link that follows it', async ({ page }) => {
  await page.goto('/about/');
  await expect(page.locator('main')).toContainText('The question bank shows every question');
  await page.goto('/sources/al-qaeda-turns-to-organised-crime/');
  await expect(page.getByRole('complementary', { name: 'Content note' })).toContainText('Content note. This');
});
