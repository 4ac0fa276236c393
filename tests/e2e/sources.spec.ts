/**
 * Reading sources critically, on the built site: About this source with a date on every lesson
 * and source page; addresses, handles and hashtags removed from source pages and the search index;
 * the opening unit first in the course, with its exercise; the disputed Gwadar date on the
 * timeline; the two accounts of the 2020 seizure linked.
 */
import { expect, test } from '@playwright/test';
import { answerWithKeyboard, bank } from './bank.ts';
import { builtIds, expectNoAxeViolations } from './helpers.ts';

const lessons = builtIds('lessons');
const sources = builtIds('sources');
const UNIT = 'reading-sources-about-extremism';
const BITCOIN = 'central-asian-jihadists-use-of-cryptocurrencies-in-bitcoin';
// The two addresses the source prints in paragraphs 27 and 28 (as stored in seeds/, never shown).
const ADDRESSES = ['3HoWzYwaBbTg7sKGtHz3pAZxdHZoXUJRvG', '12SxsxvrE8zrtRveSeFJYA6sgbJZbyHDGk'];

test('every lesson and source page shows About this source with a date', async ({ page }) => {
  // Twenty-odd pages, or axe over a long lesson: slow on a busy machine.
  test.slow();
  const missing: string[] = [];
  for (const path of [...lessons.map((id) => `/lessons/${id}/`), ...sources.map((id) => `/sources/${id}/`)]) {
    await page.goto(path);
    const about = page.getByRole('region', { name: 'About this source' });
    const date = about.locator('dd[data-date] time[datetime]');
    if (!(await about.isVisible()) || (await date.count()) !== 1) {
      missing.push(path);
      continue;
    }
    await expect(about.getByText(/estimated|as the page gives it/).first()).toBeVisible();
    await expect(
      about.getByRole('heading', { name: /How we estimated the date|Where the date comes from/ }),
    ).toBeVisible();
  }
  expect(missing).toEqual([]);
});

test('About this source: statements link to their paragraphs, and the panel passes axe', async ({ page }) => {
  // Twenty-odd pages, or axe over a long lesson: slow on a busy machine.
  test.slow();
  await page.goto(`/lessons/${BITCOIN}/`);
  const about = page.getByRole('region', { name: 'About this source' });
  await expect(about.getByText('Uran Botobekov')).toBeVisible();
  await expect(about.getByText('between 13 August and September 2020')).toBeVisible();
  await about.getByText('Who is behind it').click();
  await expect(about.getByRole('heading', { name: 'What the article does not tell us' })).toBeVisible();
  await expect(about.getByRole('heading', { name: 'Disputed or unsupported claims' })).toBeVisible();
  await expect(about.getByText('outside the article').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await about.getByRole('link', { name: 'Paragraph 29' }).click();
  await expect(page).toHaveURL(`/sources/${BITCOIN}/#p29`);
  await expect(page.locator('#p29')).toBeInViewport();
});

test.describe('the Central Asian bitcoin source page', () => {
  test('shows [address removed] in place of both addresses, and the note says so', async ({ page }) => {
    await page.goto(`/sources/${BITCOIN}/`);
    await expect(page.locator('#p27')).toContainText('– [address removed];');
    await expect(page.locator('#p28')).toContainText('– [address removed].');
    const html = await page.content();
    for (const address of ADDRESSES) expect(html).not.toContain(address);
    await expect(page.getByRole('complementary', { name: 'Content note' })).toContainText(
      'This copy shows “[address removed]” in place of 2 cryptocurrency addresses (paragraphs 27 and 28).',
    );
    await expectNoAxeViolations(page);
  });

  test('search finds the page but never the addresses', async ({ page }) => {
    await page.goto('/');
    const hits = await page.evaluate(
      async (queries) => {
        const url = '/pagefind/pagefind.js';
        const pagefind = await import(/* @vite-ignore */ url);
        const out: Record<string, string[]> = {};
        for (const q of queries) {
          const search = await pagefind.search(q);
          const data = await Promise.all(
            search.results.map((r: { data: () => Promise<{ url: string; content: string }> }) => r.data()),
          );
          out[q] = data.map((d) => `${d.url} ${d.content}`);
        }
        return out;
      },
      [...ADDRESSES, 'virtual wallet addresses'],
    );
    // Pagefind matches loosely, so searching an address may find other pages; none may show it.
    const shown = Object.values(hits)
      .flat()
      .filter((hit) => ADDRESSES.some((address) => hit.includes(address)));
    expect(shown).toEqual([]);
    const source = hits['virtual wallet addresses']!.find((h) => h.startsWith(`/sources/${BITCOIN}/`));
    expect(source).toContain('[address removed]');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

    test('does not scroll sideways', async ({ page }) => {
      await page.goto(`/sources/${BITCOIN}/#p27`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
    });
  });
});

test('the Instagram source page shows no handle or hashtag, and says what it removed', async ({ page }) => {
  await page.goto('/sources/isis-and-the-militant-jihad-on-instagram/');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/(^|\s)[@#][A-Za-z]/m);
  await expect(page.locator('#p35')).toContainText(
    '[hashtag removed], [hashtag removed], and [hashtag removed]',
  );
  await expect(page.getByRole('complementary', { name: 'Content note' })).toContainText('[handle removed]');
});

test('the opening unit comes first in the course, and its exercise can be answered', async ({ page }) => {
  // Twenty-odd pages, or axe over a long lesson: slow on a busy machine.
  test.slow();
  await page.goto('/');
  const first = page.locator('main a[href^="/lessons/"]').first();
  await expect(first).toHaveAttribute('href', `/lessons/${UNIT}/`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
    /Opening unit\.\s+Reading sources about extremism/,
  );

  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reading sources about extremism');
  for (const heading of ['Guided reading', 'Exercise: the Mali post', 'Lesson quiz']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.locator('.lesson-quiz fieldset[data-qid]')).toHaveCount(
    bank.filter((q) => q.lesson === UNIT).length,
  );
  await expect(page.getByRole('link', { name: /Next/ })).toHaveAttribute(
    'href',
    '/lessons/mali-jihadists-support-their-struggle-online/',
  );

  // The exercise's first inline question quotes the Mali post, and its source link goes there.
  const card = page.locator('.lesson-body fieldset[data-qid="read-q01"]');
  await card.scrollIntoViewIfNeeded();
  await answerWithKeyboard(
    page,
    card,
    bank.find((q) => q.id === 'read-q01')!,
  );
  await expect(card.getByRole('status')).toContainText(/Correct/);
  await expect(card.getByRole('link', { name: /See in source/ })).toHaveAttribute(
    'href',
    /^\/sources\/mali-jihadists-support-their-struggle-online\/#p1:~:text=/,
  );
  await expectNoAxeViolations(page);
});

test('the timeline shows the disputed Gwadar date and the sources at their estimated dates', async ({
  page,
}) => {
  await page.goto('/timeline/');
  const gwadar = page.locator('#pakistan-hotel-attack-2010');
  await expect(gwadar.getByText('date disputed')).toBeVisible();
  await expect(gwadar).toContainText('Other reporting gives 11 May 2019.');
  const published = page.locator('li.published');
  await expect(published).toHaveCount(11);
  await expect(published.filter({ hasText: 'estimated' })).toHaveCount(11);
});

test('the two lessons on the August 2020 seizure link to each other', async ({ page }) => {
  const pair = ['isis-al-qaeda-reel-after-largest-ever-seizure-of-cryptocurrency-accounts', BITCOIN];
  for (const [from, to] of [pair, [...pair].reverse()]) {
    await page.goto(`/lessons/${from}/`);
    const compare = page.getByText('Compare the two accounts.');
    await expect(compare).toBeVisible();
    await expect(page.locator(`.lesson-body a[href="/lessons/${to}/"]`)).toBeVisible();
    await expect(page.locator(`.lesson-body figcaption a[href="/sources/${to}/#p1"]`)).toBeVisible();
  }
});
