/**
 * A twelfth seed of a shape the seeds do not have (a Substack post, ≥ 500 words) becomes a lesson
 * with a draft quiz: an instructor copies its questions as YAML from /instructor/drafts/, and a
 * learner answers them on the lesson page. This spec builds its own copy of the project with the
 * page added to seeds/ and serves it on E2E_PORT + 100, so the main site stays at eleven lessons.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { answerWithKeyboard, type BankQuestion } from './bank.ts';
import { expectNoAxeViolations } from './helpers.ts';
import { build, copyProject, removeProjects, root } from '../integration/project.ts';

const port = Number(process.env.E2E_PORT ?? 4391) + 100;
const origin = `http://localhost:${port}`;
const LESSON = 'how-the-2020-seizure-of-crypto-wallets-changed-terrorist-fundraising';

let dir = '';
let server: ChildProcess | undefined;
/** The draft questions as the instructor copied them. */
let copied: BankQuestion[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(400_000);
  dir = copyProject();
  cpSync(join(root, 'tests/fixtures/pages/substack-post.txt'), join(dir, 'seeds/005_substack.txt'));
  const built = build(dir);
  expect(built.status, built.stderr + built.stdout).toBe(0);
  // The build log names the new draft lesson.
  expect(built.stdout).toContain(
    `1 draft lesson (no content/quizzes/<id>.yaml; practice questions are generated): ${LESSON}`,
  );
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  server = spawn(process.execPath, [astro, 'preview', '--port', String(port), '--host', 'localhost'], {
    cwd: dir,
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro preview did not start on ${origin}`);
});

test.afterAll(() => {
  server?.kill();
  removeProjects();
});

function practice(page: Page) {
  return page.getByRole('region', { name: 'Practice (draft)' });
}

test('the new page is a draft lesson titled by its headline, listed on the home page', async ({ page }) => {
  await page.goto(`${origin}/`);
  await expect(page.locator(`main a[href="/lessons/${LESSON}/"]`)).toHaveText(
    'How the 2020 seizure of crypto wallets changed terrorist fundraising',
  );
  await page.goto(`${origin}/lessons/${LESSON}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'How the 2020 seizure of crypto wallets changed terrorist fundraising',
  );
  await expect(page.getByText('Draft lesson.')).toBeVisible();
  await expect(practice(page).getByText('Draft questions.')).toBeVisible();
  await expect(practice(page).locator('fieldset[data-qid]')).toHaveCount(7);
  await expectNoAxeViolations(page);
});

test('the bank browser lists the draft questions, marked, and filters them', async ({ page }) => {
  await page.goto(`${origin}/instructor/`);
  await expect(page.locator('#count')).toHaveText(/^Showing all/);
  await page.getByLabel('Draft or final').selectOption({ label: 'Drafts: generated, not reviewed' });
  await expect(page.locator('#count')).toHaveText(/^Showing 7 of [\d,]+ questions, in 1 lesson\.$/);
  const group = page.locator('#bank details.lesson');
  await expect(group.locator('summary')).toContainText('How the 2020 seizure of crypto wallets');
  await group.locator('summary').click();
  await expect(group.locator('.qkey .tag', { hasText: 'Draft' })).toHaveCount(7);
  await group.getByRole('button', { name: 'Show all keys' }).click();
  await expect(group.locator('.detail')).toHaveCount(7);
  await expectNoAxeViolations(page);
});

test('an instructor copies the draft questions as YAML', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(`${origin}/instructor/drafts/`);
  const lesson = page.getByRole('region', {
    name: 'How the 2020 seizure of crypto wallets changed terrorist fundraising',
  });
  await expect(lesson.locator('.qkey')).toHaveCount(7);
  await lesson.getByRole('button', { name: 'Copy as YAML' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
    'Copied 7 questions as YAML.',
  );
  const yaml = await page.evaluate(() => navigator.clipboard.readText());
  expect(yaml).toMatch(/^# Draft questions for “How the 2020 seizure/);
  copied = parse(yaml) as BankQuestion[];
  expect(copied.map((q) => q.id)).toEqual(Array.from({ length: 7 }, (_v, i) => `${LESSON}-d${i + 1}`));
  expect(new Set(copied.map((q) => q.type))).toEqual(new Set(['cloze', 'ordering', 'single']));
  for (const q of copied) expect(q.lesson).toBe(LESSON);
  await expectNoAxeViolations(page);
});

test('a learner answers the draft questions and gets feedback that points to the source', async ({
  page,
}) => {
  expect(copied.length).toBeGreaterThan(0);
  await page.goto(`${origin}/lessons/${LESSON}/`);
  const section = practice(page);
  for (const type of ['cloze', 'ordering', 'single'] as const) {
    const q = copied.find((x) => x.type === type);
    if (!q) throw new Error(`no ${type} draft question`);
    const card = section.locator(`fieldset[data-qid="${q.id}"]`);
    await card.scrollIntoViewIfNeeded();
    await answerWithKeyboard(page, card, q);
    const status = card.getByRole('status');
    await expect(status.locator('.q-verdict')).toHaveText(/Correct$/);
    await expect(status.getByRole('link', { name: 'See in source' })).toHaveAttribute(
      'href',
      new RegExp(`^/sources/${LESSON}/#${q.evidence.paragraph}:~:text=`),
    );
  }
  await expect(section.getByText(/^3 of 7 answered$/)).toBeVisible();
});
