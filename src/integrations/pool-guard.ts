/**
 * Build check (Astro integration, `astro:build:done`): no item of the final assessment's pool appears
 * on a built page other than the assessment itself. Lesson pages, source pages and every other page
 * are read as HTML and searched for each item's id and prompt (src/lib/content/pool-guard.ts); a hit
 * fails the build, naming the page and the items. Only /assessment/ (where the pool belongs) and the
 * instructor pages (which show instructors what they may assign) are exempt.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { poolItemsOnPage, type GuardedItem } from '../lib/content/pool-guard.ts';
import { readAssessmentPool } from '../loaders/pool.ts';

/** Pages where pool items may appear, as path prefixes within the build output. */
export const POOL_PAGES = ['assessment/', 'instructor/'];

function htmlFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(root, path);
    return entry.name.endsWith('.html') ? [relative(root, path).split(sep).join('/')] : [];
  });
}

/** One problem per page outside `allowed` that shows pool items: `<page>: <ids>`. */
export function pagesShowingPool(
  outDir: string,
  items: readonly GuardedItem[],
  allowed: readonly string[] = POOL_PAGES,
): string[] {
  return htmlFiles(outDir)
    .filter((page) => !allowed.some((prefix) => page.startsWith(prefix)))
    .flatMap((page) => {
      const found = poolItemsOnPage(readFileSync(join(outDir, page), 'utf8'), items);
      return found.length > 0 ? [`${page}: ${found.join(', ')}`] : [];
    });
}

export default function poolGuard(): AstroIntegration {
  let root = '';
  return {
    name: 'eoc-pool-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const { items } = readAssessmentPool(root);
        const guarded = items.map((i) => ({ id: i.question.id, prompt: i.question.prompt }));
        const problems = pagesShowingPool(fileURLToPath(dir), guarded);
        if (problems.length > 0) {
          throw new Error(
            `Final-assessment items appear outside /assessment/ (content/assessment/pool/ is for the assessment only):\n  ${problems.join('\n  ')}`,
          );
        }
        logger.info(`no page outside /assessment/ shows any of the ${guarded.length} pool items`);
      },
    },
  };
}
