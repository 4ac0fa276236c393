/**
 * Classroom assignments end to end, in the built site: build an assignment in the builder, take it
 * as two students in two browser contexts, hand in the downloaded files, and grade them on the
 * review page (expected scores from the pure grader); a tampered file is refused with "checksum"
 * while the good ones load; a student name full of HTML stays text; a timer extension (with
 * Playwright's fake clock) is recorded in the submission; axe on all three pages. The student's page
 * fetches only the lesson files its questions come from, and the whole bank when they fail.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Question } from '../../src/questions/index.ts';
import { assignmentPath, buildSpec, specFingerprint, withId } from '../../src/lib/assign/spec.ts';
import type { BankData } from '../../src/lib/assign/bank-data.ts';
import { gradeSubmissions } from '../../src/lib/gradebook/grade.ts';
import { parseSubmission, type Submission } from '../../src/lib/submission/submission.ts';
import { expectNoAxeViolations, pickInBuilder } from './helpers.ts';

const bank = JSON.parse(readFileSync('dist/assignment/questions.json', 'utf8')) as BankData;
const byId = new Map(bank.questions.map((e) => [e.id, e.question]));

/** Three single-choice and two true/false questions from the first two lessons that have both. */
function pickQuestions(): Question[] {
  const chosen: Question[] = [];
  for (const lesson of bank.lessons) {
    const qs = bank.questions.map((e) => e.question).filter((q) => q.lesson === lesson.id);
    const singles = qs.filter((q) => q.type === 'single');
    const tfs = qs.filter((q) => q.type === 'truefalse');
    if (singles.length >= 2 && tfs.length >= 1) chosen.push(...singles.slice(0, 2), ...tfs.slice(0, 1));
    if (chosen.length >= 6) break;
  }
  if (chosen.length < 6) throw new Error('the bank has too few single-choice and true/false questions');
  return chosen.slice(0, 5);
}
const picked = pickQuestions();
const XSS = '<img src=x onerror=window.__pwned=1>';

/** Paths under `/assignment/questions` that `page` requests, appended as they happen. */
function bankRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/assignment/questions')) paths.push(path);
  });
  return paths;
}

/** The per-lesson bank files that hold `questions`, each once. */
function lessonFiles(questions: readonly Question[]): string[] {
  return [...new Set(questions.map((q) => `/assignment/questions/${q.lesson}.json`))];
}

/** The label a student clicks for the right (or a wrong) answer. */
function answerLabel(q: Question, right: boolean): string {
  if (q.type === 'truefalse') return right === q.answer ? 'True' : 'False';
  if (q.type !== 'single') throw new Error(`unexpected type ${q.type}`);
  const option = right ? q.options.find((o) => o.id === q.answer) : q.options.find((o) => o.id !== q.answer);
  if (!option) throw new Error(`no option in ${q.id}`);
  return option.text;
}

async function buildLink(page: Page): Promise<string> {
  await page.goto('/instructor/assign/');
  await expect(page.getByRole('heading', { name: '1. Questions' })).toBeVisible();
  await pickInBuilder(
    page,
    picked.map((q) => q.id),
  );
  await expect(page.getByText(`${picked.length} questions picked.`)).toBeVisible();
  await page.getByLabel('Title (students see it)').fill('Week 1 check');

  // "After the due date" without a due date is explained next to the choice.
  await page.getByRole('radio', { name: /After the due date/ }).check();
  await expect(page.locator('#b-review-error')).toHaveText(/needs a due date/);
  await page.getByRole('radio', { name: /Immediately/ }).check();
  await expect(page.locator('#b-review-error')).toHaveCount(0);

  const link = await page.locator('#b-link').inputValue();
  expect(link).toContain('/assignment/#');
  await expect(page.locator('#b-link-length')).toHaveText(`${link.length.toLocaleString('en')} characters.`);

  await page.getByRole('button', { name: 'Print answer key' }).evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'Print answer key' }).click();
  await expect(page.locator('.sheet-key')).toHaveCount(picked.length);
  await page.getByRole('button', { name: 'Close preview' }).click();
  return link;
}

interface Taken {
  file: string;
  submission: Submission;
  code: string;
}

async function takeAs(
  browser: Browser,
  link: string,
  name: string,
  rights: boolean[],
  outputPath: (name: string) => string,
  axe = false,
): Promise<Taken> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Week 1 check', level: 1 })).toBeVisible();
  await expect(page.getByText('You can check each answer as you go')).toBeVisible();
  await page.getByLabel('Your name (required)').fill(name);
  await page.getByRole('button', { name: 'Start the assignment' }).click();
  await expect(page.getByRole('heading', { name: 'Attempt 1 of 1' })).toBeVisible();

  for (const [i, q] of picked.entries()) {
    const card = page.locator(`fieldset[data-qid="${q.id}"]`);
    await card.getByRole('radio', { name: answerLabel(q, rights[i] ?? false), exact: true }).check();
    if (i === 0) {
      // Immediate review: checking shows feedback and locks the answer.
      await card.getByRole('button', { name: 'Check answer' }).click();
      await expect(card.locator('.q-verdict')).toContainText(rights[0] ? 'Correct' : 'Not quite');
      await expect(card.getByRole('radio').first()).toBeDisabled();
    }
  }
  // Everything is saved: a reload resumes.
  await page.reload();
  await expect(page.getByText('Resumed your saved answers.')).toBeVisible();
  const last = picked[picked.length - 1] as Question;
  await expect(
    page
      .locator(`fieldset[data-qid="${last.id}"]`)
      .getByRole('radio', { name: answerLabel(last, rights[picked.length - 1] ?? false), exact: true }),
  ).toBeChecked();
  if (axe) await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Submit…' }).click();
  await expect(page.getByText('You have answered every question.')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Submit now' }).click(),
  ]);
  const file = outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByRole('heading', { name: 'Submitted' })).toBeVisible();
  const code = await page.getByLabel('Submission code').inputValue();
  expect(code).toMatch(/^EOC1-/);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await context.close();
  const parsed = parseSubmission(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return { file, submission: parsed.submission, code };
}

test('build → two students → review: regraded rows, a tampered file refused, names inert', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const link = await buildLink(page);
  await expectNoAxeViolations(page);

  const ana = await takeAs(
    browser,
    link,
    'Ana Lopez',
    [true, true, true, true, true],
    (n) => testInfo.outputPath(n),
    true,
  );
  const evil = await takeAs(browser, link, XSS, [true, false, false, true, false], (n) =>
    testInfo.outputPath(n),
  );
  expect(ana.file.endsWith('.json')).toBe(true);

  // Expected scores from the pure grader.
  const expected = gradeSubmissions([ana.submission, evil.submission], byId).rows;
  const scoreOf = (name: string) => expected.find((r) => r.name === name)?.score ?? NaN;
  expect(scoreOf('Ana Lopez')).toBe(100);
  expect(scoreOf(XSS)).toBeCloseTo(40);

  // A tampered copy: one response changed by hand, checksum left as it was.
  const tampered = JSON.parse(readFileSync(ana.file, 'utf8')) as Submission;
  const firstId = picked[0]?.id as string;
  const attempt = tampered.attempts[0] as Submission['attempts'][number];
  attempt.responses[firstId] = picked[0]?.type === 'truefalse' ? !attempt.responses[firstId] : 'zz';
  const tamperedFile = testInfo.outputPath('tampered.json');
  writeFileSync(tamperedFile, JSON.stringify(tampered, null, 2));

  await page.goto('/instructor/review/');
  await expect(page.getByRole('heading', { name: 'Load submissions' })).toBeVisible();
  await page.locator('#r-files').setInputFiles([ana.file, evil.file, tamperedFile]);
  const table = page.locator('table.r-gradebook');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const rowOf = (name: string) => table.locator('tbody tr').filter({ hasText: name });
  await expect(rowOf('Ana Lopez').locator('td').nth(2)).toHaveText(`${scoreOf('Ana Lopez').toFixed(1)}%`);
  await expect(rowOf(XSS).locator('td').nth(2)).toHaveText(`${scoreOf(XSS).toFixed(1)}%`);
  await expect(page.locator('.r-problems li')).toHaveCount(1);
  await expect(page.locator('.r-problems li')).toContainText('checksum');
  await expect(page.locator('.r-problems li')).toContainText('tampered.json');
  // The name is shown literally and never ran.
  await expect(table.getByText(XSS, { exact: true })).toBeVisible();
  expect(await page.locator('table.r-gradebook img').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

  // Sorting by score puts the higher score first (descending), and says so.
  await table.getByRole('button', { name: /Score/ }).click();
  await expect(table.locator('th').nth(2)).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first()).toContainText('Ana Lopez');
  await table.getByRole('button', { name: /Score/ }).click();
  await expect(table.locator('th').nth(2)).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('tbody tr').first()).toContainText(XSS);

  // A pasted code from the same student: both rows show, the older one superseded.
  await page.getByLabel(/Or paste submission codes/).fill(ana.code);
  await page.getByRole('button', { name: 'Load codes' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(3);

  await expect(page.locator('table.r-items tbody tr')).toHaveCount(picked.length);
  await expect(page.getByRole('img', { name: 'Histogram of scores' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The question bank now shows each assigned question's statistics from these submissions.
  await page.goto('/instructor/');
  await expect(page.locator('#stats-note')).toContainText('Statistics from 2 submissions');
  for (const q of picked) await expect(page.locator(`[id="${q.id}"] .qstats`)).toContainText('facility');
  await expect(page.locator('.qstats')).toHaveCount(picked.length);
});

test('the time limit warns, "I need more time" is recorded, and time-out hands the work in', async ({
  browser,
}, testInfo) => {
  const built = buildSpec(
    {
      title: 'Timed check',
      seed: 'e2e',
      questions: picked.slice(0, 2).map((q) => q.id),
      timeLimit: 1,
      review: 'never',
    },
    { questions: bank.questions, modules: bank.modules },
  );
  if (!built.ok) throw new Error(built.error);
  const context = await browser.newContext();
  await context.clock.install({ time: new Date('2026-03-02T10:00:00Z') });
  const page = await context.newPage();
  await page.goto(assignmentPath(built.spec));
  await page.getByLabel('Your name (required)').fill('Timed Student');
  await page.getByRole('button', { name: 'Start the assignment' }).click();
  await expect(page.getByRole('timer')).toContainText('Time left: 1:00');
  await expectNoAxeViolations(page);

  const q = picked[0] as Question;
  await page
    .locator(`fieldset[data-qid="${q.id}"]`)
    .getByRole('radio', { name: answerLabel(q, true), exact: true })
    .check();

  await context.clock.fastForward(35_000);
  const dialog = page.getByRole('dialog', { name: 'Time is almost up' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /I need more time/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('timer')).toContainText(/Time left: 1:[0-2]\d/);

  await context.clock.fastForward(120_000);
  await expect(page.getByText('Time is up: your answers were handed in.')).toBeVisible();
  await expect(page.getByText('Answers are not shown')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the submission file' }).click(),
  ]);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const parsed = parseSubmission(readFileSync(file, 'utf8'));
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.submission.extensions).toEqual([{ at: expect.any(String), minutes: 1 }]);
  expect(parsed.submission.attempts[0]?.responses[q.id]).toBeDefined();
  await context.close();
});

test('a garbled or missing link says what is wrong', async ({ page }) => {
  await page.goto('/assignment/#not-a-real-code');
  await expect(page.getByRole('heading', { name: 'This assignment cannot be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('cannot be read');
  await page.goto('/assignment/');
  await expect(page.getByRole('alert')).toContainText('needs an assignment link');
});

test("a small assignment fetches only its lessons' files, not the whole bank, and works end to end", async ({
  page,
}, testInfo) => {
  const built = buildSpec(
    {
      title: 'Lesson files check',
      seed: 'split',
      questions: picked.map((q) => q.id),
      shuffleQuestions: false,
      review: 'immediate',
    },
    { questions: bank.questions, modules: bank.modules },
  );
  if (!built.ok) throw new Error(built.error);
  const requests = bankRequests(page);
  await page.goto(assignmentPath(built.spec));
  await expect(page.getByRole('heading', { name: 'Lesson files check', level: 1 })).toBeVisible();
  await page.getByLabel('Your name (required)').fill('Split Student');
  await page.getByRole('button', { name: 'Start the assignment' }).click();
  await expect(page.locator('fieldset[data-qid]')).toHaveCount(picked.length);
  for (const q of picked) {
    await page
      .locator(`fieldset[data-qid="${q.id}"]`)
      .getByRole('radio', { name: answerLabel(q, true), exact: true })
      .check();
  }
  await page.getByRole('button', { name: 'Submit…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Submit now' }).click(),
  ]);
  await expect(page.getByRole('heading', { name: 'Submitted' })).toBeVisible();

  // Two lesson files and the index: the whole bank was never asked for.
  expect(lessonFiles(picked)).toHaveLength(2);
  expect(requests.slice().sort()).toEqual(
    ['/assignment/questions/index.json', ...lessonFiles(picked)].sort(),
  );

  // The submission is the one the whole bank would give: same fingerprint, full marks.
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const parsed = parseSubmission(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  const hashes = Object.fromEntries(bank.questions.map((e) => [e.id, e.hash]));
  expect(parsed.submission.assignment.fingerprint).toBe(specFingerprint(built.spec, hashes));
  expect(gradeSubmissions([parsed.submission], byId).rows[0]?.score).toBe(100);
});

for (const [what, blocked] of [
  ['the index', '/assignment/questions/index.json'],
  ['a lesson file', lessonFiles(picked)[1] as string],
] as const) {
  test(`when ${what} cannot be fetched, the student's page reads the whole bank`, async ({ browser }) => {
    // No service worker: it could answer the request before the route below sees it.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route(`**${blocked}`, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const page = await context.newPage();
    const requests = bankRequests(page);
    const spec = withId({
      v: 1,
      title: 'Fallback check',
      questions: picked.map((q) => q.id),
      seed: 'fallback',
      attempts: 1,
      shuffleQuestions: false,
      shuffleOptions: false,
      review: 'immediate',
    });
    await page.goto(assignmentPath(spec));
    await page.getByLabel('Your name (required)').fill('Fallback Student');
    await page.getByRole('button', { name: 'Start the assignment' }).click();
    await expect(page.locator('fieldset[data-qid]')).toHaveCount(picked.length);
    expect(requests).toContain(blocked);
    expect(requests.at(-1)).toBe('/assignment/questions.json');
    await context.close();
  });
}

test('a link with a question the course no longer has still names it, after reading the whole bank', async ({
  page,
}) => {
  const requests = bankRequests(page);
  const spec = withId({
    v: 1,
    title: 'Stale link',
    questions: [(picked[0] as Question).id, 'gone-q99'],
    seed: 'stale',
    attempts: 1,
    shuffleQuestions: true,
    shuffleOptions: true,
    review: 'immediate',
  });
  await page.goto(assignmentPath(spec));
  await expect(page.getByRole('heading', { name: 'This assignment cannot be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('the course no longer has (gone-q99)');
  expect(requests).toEqual(['/assignment/questions/index.json', '/assignment/questions.json']);
});
