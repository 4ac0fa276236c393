/** Shared e2e helpers: the course's expected shape, and an axe check that reports what failed. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';

/** Article ids of the built course, read from the built site's folders so the tests follow the seeds. */
export function builtIds(kind: 'lessons' | 'sources'): string[] {
  return readdirSync(`dist/${kind}`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n  ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export function readBuilt(path: string): string {
  return readFileSync(`dist/${path}`, 'utf8');
}

/**
 * Picks questions in the assignment builder (/instructor/assign/) as an instructor finds them: the
 * search for each id opens the lesson holding it, then the box is cleared again.
 */
export async function pickInBuilder(page: Page, ids: readonly string[]): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const id of ids) {
    await search.fill(id);
    await page.locator(`input[type="checkbox"][value="${id}"]`).check();
  }
  await search.fill('');
}
