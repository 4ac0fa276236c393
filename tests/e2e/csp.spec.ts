/**
 * The Content-Security-Policy every built page carries (src/integrations/csp.ts), enforced by the
 * browser as the pages are served from dist/: a learner answers a question, searches, a student
 * takes an assignment and the instructor loads the submission for review, and the browser reports
 * no violation. An inline script slipped into the page does not run, which shows the policy is in
 * force and not merely present.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { assignmentPath, buildSpec } from '../../src/lib/assign/spec.ts';
import type { BankData } from '../../src/lib/assign/bank-data.ts';
import { answerWithKeyboard, bank as lessonBank } from './bank.ts';

const bank = JSON.parse(readFileSync('dist/assignment/questions.json', 'utf8')) as BankData;

/** Every violation the page reports, from before its first script runs. */
async function watchViolations(
  page: Page,
): Promise<{ list: () => Promise<string[]>; clear: () => Promise<void> }> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  return {
    list: async () => [
      ...console,
      ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
    ],
    clear: async () => {
      console.length = 0;
      await page.evaluate(() => ((window as unknown as { __csp: string[] }).__csp.length = 0));
    },
  };
}

test('with the policy enforced: answer, search, take an assignment, review it — no violation', async ({
  page,
}, testInfo) => {
  const violations = await watchViolations(page);

  // A lesson: the policy is there, enforced, and the quiz works under it.
  const single = lessonBank.find((q) => q.type === 'single')!;
  await page.goto(`/lessons/${single.lesson}/`);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'sha256-");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("form-action 'self'");
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran, 'an inline script without a hash must not run').toBe(false);
  // Reported as a violation (the event, and the console message): that one, and only that one.
  await expect
    .poll(violations.list)
    .toEqual([expect.stringMatching(/inline script/), expect.stringMatching(/^script-src-elem inline/)]);
  await violations.clear();

  const card = page.locator(`section.lesson-quiz fieldset[data-qid="${single.id}"]`);
  await card.scrollIntoViewIfNeeded();
  await answerWithKeyboard(page, card, single);
  await expect(card.locator('.q-verdict')).toHaveText(/Correct$/);

  // Search: Pagefind compiles its WebAssembly.
  await page.getByRole('button', { name: /Search/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await dialog.getByLabel('Lessons, sources and glossary').fill('hawala');
  await expect(dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
  expect(await violations.list()).toEqual([]);

  // A student takes an assignment and submits it.
  const questions = bank.questions.filter((e) => e.question.type === 'single').slice(0, 2);
  const built = buildSpec(
    {
      title: 'Policy check',
      seed: 'csp',
      questions: questions.map((e) => e.id),
      shuffleQuestions: false,
      review: 'immediate',
    },
    { questions: bank.questions, modules: bank.modules },
  );
  if (!built.ok) throw new Error(built.error);
  await page.goto(assignmentPath(built.spec));
  await page.getByLabel('Your name (required)').fill('Policy Student');
  await page.getByRole('button', { name: 'Start the assignment' }).click();
  for (const { id, question } of questions) {
    if (question.type !== 'single') continue;
    const option = question.options.find((o) => o.id === question.answer)!;
    await page
      .locator(`fieldset[data-qid="${id}"]`)
      .getByRole('radio', { name: option.text, exact: true })
      .check();
  }
  await page.getByRole('button', { name: 'Submit…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Submit now' }).click(),
  ]);
  await expect(page.getByRole('heading', { name: 'Submitted' })).toBeVisible();
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(await violations.list()).toEqual([]);

  // The instructor loads it for review.
  await page.goto('/instructor/review/');
  await page.locator('#r-files').setInputFiles(file);
  await expect(page.locator('table.r-gradebook tbody tr')).toHaveCount(1);
  await expect(page.locator('table.r-gradebook tbody tr td').nth(2)).toHaveText('100.0%');
  expect(await violations.list()).toEqual([]);
});

test('every built page carries the policy, and WebAssembly is allowed only where search runs', () => {
  const pages = [
    'index.html',
    'about/index.html',
    'instructor/index.html',
    'assignment/index.html',
    'offline/index.html',
  ];
  for (const path of pages) {
    const html = readFileSync(`dist/${path}`, 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    expect(policy, path).toMatch(/^default-src 'self'; script-src 'self'/);
    expect(policy.includes("'wasm-unsafe-eval'"), path).toBe(html.includes('data-search-dialog'));
    // First in <head> after the charset: nothing it governs comes before it.
    expect(html.indexOf('Content-Security-Policy'), path).toBeLessThan(html.search(/<script|<style|<link/));
  }
});
