/**
 * Issue 12 in Chromium, on the built site (built without an instructor key, as `npm test` builds it):
 * - a student takes an "after due" assignment of pool and practice items, and NOTHING the browser
 *   downloads (pages, scripts, JSON, service-worker fetches) holds a key, accepted answer,
 *   explanation or feedback of any of its questions; the raw responses are graded on import;
 * - after the due date the release link (key in the fragment) shows the review with the pool items'
 *   explanations and refuses a new attempt; used before the due date it says when it opens; a
 *   damaged release key says so;
 * - the instructor unlocks /instructor/ with the passphrase, and a wrong one gets a clear message.
 *   The lockbox is made here with the real pool and the real `createLockbox` and served in place of
 *   /instructor/pool/locked.json, so that no build with a known passphrase is ever made;
 *   tests/integration/secret-pool.test.ts checks the lockbox a real build writes.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { publishQuestion, type Question } from '../../src/questions/index.ts';
import { answerKey, gradeResponse } from '../../src/questions/client.ts';
import { assignmentPath, withId, type AssignmentSpec } from '../../src/lib/assign/spec.ts';
import type { BankData } from '../../src/lib/assign/bank-data.ts';
import { createLockbox, newAssignmentKey } from '../../src/lib/secret/crypto.ts';
import { sealAssignment } from '../../src/lib/secret/release.ts';
import { withFullResponses } from '../../src/lib/secret/grading.ts';
import { parseSubmission } from '../../src/lib/submission/submission.ts';
import { pool } from './bank.ts';
import { expectNoAxeViolations } from './helpers.ts';

const practice = (JSON.parse(readFileSync('dist/assignment/questions.json', 'utf8')) as BankData).questions;
// As the site publishes them: option ids from their text, as the pool loader assigns them.
const poolQuestions = (pool as unknown as Question[]).map((q) => publishQuestion(q).question);
const entries = poolQuestions.map((q) => ({
  id: q.id,
  hash: 'h',
  source: `/sources/${q.lesson}/`,
  question: q,
}));

const secretItems = [
  ...poolQuestions.filter((q) => q.type === 'single').slice(0, 2),
  ...poolQuestions.filter((q) => q.type === 'truefalse').slice(0, 1),
];
const practiceItems = practice
  .map((e) => e.question)
  .filter((q) => q.type === 'single')
  .slice(0, 2);
const chosen: Question[] = [...secretItems, ...practiceItems];
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const DUE = '2026-03-03T17:00:00Z';

/** Texts that would give an answer away: explanations, feedback, hints, accepted answers. */
function secretsOf(q: Question): string[] {
  const out: string[] = [q.explanation, ...(q.hints ?? [])];
  const walk = (v: unknown, k = ''): void => {
    if (typeof v === 'string' && /^(correct|incorrect|feedback|feedbackTrue|feedbackFalse|accept)$/.test(k))
      out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, k));
    else if (typeof v === 'object' && v !== null) for (const [key, x] of Object.entries(v)) walk(x, key);
  };
  walk(q);
  return out.filter((t) => t.length >= 12);
}

async function keylessLink(
  review: 'after-due' | 'never',
  attempts = 2,
): Promise<{ spec: AssignmentSpec; link: string; release: string }> {
  const spec = withId({
    v: 1,
    title: 'Graded check',
    questions: chosen.map((q) => q.id),
    seed: 'secret-e2e',
    attempts,
    due: DUE,
    shuffleQuestions: false,
    shuffleOptions: false,
    review,
  });
  const key = newAssignmentKey();
  const sealed = await sealAssignment(
    spec,
    key,
    entries.filter((e) => secretItems.some((q) => q.id === e.id)),
  );
  const path = assignmentPath(spec);
  return { spec, link: `${path}.${sealed}`, release: `${path}.${sealed}.${key}` };
}

/** Every response body the page's context receives (the service worker's fetches included). */
function recordDownloads(page: Page): { url: string; body: Promise<string> }[] {
  const seen: { url: string; body: Promise<string> }[] = [];
  page.context().on('response', (response) => {
    seen.push({
      url: response.url(),
      body: response.body().then(
        (b) => b.toString('utf8'),
        () => '',
      ),
    });
  });
  return seen;
}

/** The option text of `q`'s key (single) or True/False. */
function rightLabel(q: Question): string {
  if (q.type === 'truefalse') return q.answer ? 'True' : 'False';
  if (q.type !== 'single') throw new Error(q.type);
  return q.options.find((o) => o.id === q.answer)?.text ?? '';
}

async function takeAndSubmit(page: Page, link: string): Promise<string> {
  await page.goto(link);
  await page.getByLabel('Your name (required)').fill('Ada Student');
  await page.getByRole('button', { name: 'Start the assignment' }).click();
  for (const q of chosen) {
    const card = page.locator(`fieldset[data-qid="${q.id}"]`);
    await card.getByRole('radio', { name: rightLabel(q), exact: true }).check();
    // No key, no checking: the page can grade nothing.
    await expect(card.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Submit…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Submit now' }).click(),
  ]);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByRole('heading', { name: 'Submitted' })).toBeVisible();
  return file;
}

test('an "after due" assignment downloads no key of any of its questions; grading happens on import', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: T0 });
  const downloads = recordDownloads(page);
  const { link } = await keylessLink('after-due');
  const file = await takeAndSubmit(page, link);
  await expect(page.getByText(/your teacher shares a release link/)).toBeVisible();
  await expectNoAxeViolations(page);

  const bodies = await Promise.all(downloads.map(async (d) => ({ url: d.url, body: await d.body })));
  expect(bodies.some((b) => b.url.includes('/assignment/public/'))).toBe(true);
  expect(
    bodies.filter((b) => /\/assignment\/questions|\/review\/questions/.test(b.url)).map((b) => b.url),
  ).toEqual([]);
  const leaks: string[] = [];
  for (const { url, body } of bodies) {
    for (const q of chosen) {
      for (const secret of secretsOf(q))
        if (body.includes(JSON.stringify(secret).slice(1, -1)) || body.includes(secret))
          leaks.push(`${url}: ${q.id}`);
      // The key itself, as a field of the question in any JSON.
      if (new RegExp(`"id":"${q.id}"[^{}]*"(answer|answers|accept)"`).test(body))
        leaks.push(`${url}: ${q.id} key field`);
    }
  }
  expect(leaks).toEqual([]);

  // The instructor grades the raw responses on import, with the keys from content/.
  const parsed = parseSubmission(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  const full = withFullResponses(parsed.submission, new Map(chosen.map((q) => [q.id, q])));
  const responses = full.attempts[0]?.responses ?? {};
  for (const q of chosen) {
    expect(responses[q.id]).toEqual(answerKey(q));
    expect(gradeResponse(q, responses[q.id]).score).toBe(1);
  }
});

test('the release link shows the review after the due date and refuses a new attempt', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: T0 });
  const { link, release } = await keylessLink('after-due', 2);
  await takeAndSubmit(page, link);

  // Before the due date, the release link says when it opens and shows no key.
  await page.goto(release);
  await expect(page.getByRole('alert')).toContainText('This release link opens after the due date');
  await expect(page.getByText(secretItems[0]!.explanation)).toHaveCount(0);

  // After it: the review, with the pool items' explanations, and no new attempt.
  await page.clock.setSystemTime(Date.parse(DUE) + DAY);
  await page.goto('about:blank');
  await page.goto(release);
  await expect(page.getByText('The review is released')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your answers (attempt 1)' })).toBeVisible();
  await expect(page.getByText(`Score: ${chosen.length} of ${chosen.length}`)).toBeVisible();
  for (const q of secretItems) await expect(page.getByText(q.explanation)).toBeVisible();
  await expect(page.getByRole('button', { name: /Start attempt/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The same assignment link (no key) still offers attempt 2 and shows no key.
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByRole('button', { name: 'Start attempt 2' })).toBeVisible();
  await expect(page.getByText(/your teacher shares a release link/)).toBeVisible();
  await expect(page.getByText(secretItems[0]!.explanation)).toHaveCount(0);

  // A damaged key, and a key of another assignment, say which.
  await page.goto('about:blank');
  await page.goto(`${release.slice(0, -5)}`);
  await expect(page.getByRole('alert')).toContainText('its key (after the last ".") is not a whole key');
  await page.goto('about:blank');
  await page.goto(`${link}.${newAssignmentKey()}`);
  await expect(page.getByRole('alert')).toContainText('does not open this assignment');
  await expect(page.getByText(secretItems[0]!.explanation)).toHaveCount(0);
});

test('the instructor unlocks the pool on /instructor/ with the passphrase; a wrong one is told so', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Without a lockbox (this build has no instructor key), the page says how to get one.
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/instructor/');
  await expect(page.getByText('This site was built without an instructor key')).toBeVisible();
  // Asking whether there is a lockbox requests no missing file (a 404 is a console error).
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);

  const box = JSON.stringify(
    await createLockbox({ v: 1, questions: entries }, { passphrase: 'open sesame, slowly' }),
  );
  // As a build with a key: the lockbox, and the status file that says it is there.
  await page.route('**/instructor/pool/locked.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: box }),
  );
  await page.route('**/instructor/pool/status.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"v":1,"lockbox":true}' }),
  );
  await page.goto('/instructor/');
  const unlock = page.getByRole('region', { name: /Assessment pool/ });
  await unlock.getByLabel('Instructor passphrase').fill('open sesame');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toHaveText(
    /^Wrong passphrase: it does not unlock the assessment pool/,
  );
  await expect(unlock.locator('.pool-item')).toHaveCount(0);

  await unlock.getByLabel('Instructor passphrase').fill('open sesame, slowly');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('status').first()).toHaveText(
    `Unlocked: ${entries.length} items of the assessment pool, with their keys.`,
  );
  await expect(unlock.locator('.pool-item')).toHaveCount(entries.length);
  const first = poolQuestions[0] as Question;
  const item = unlock.locator(`.pool-item[data-qid="${first.id}"]`);
  await expect(item).toContainText(first.explanation);
  await expect(item.locator('.pool-key')).not.toBeEmpty();
});
