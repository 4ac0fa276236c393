/**
 * The SCORM 1.2 package under a real SCORM runtime. The builder downloads the package; Playwright
 * then plays the LMS: a host page on its own origin (http://lms.test) runs scorm-again's Scorm12API
 * as `window.API` and opens the unzipped package in an iframe, and every request is answered from
 * the zip or recorded as going outside it. The command line gives the same bytes for the same link. A student answers part of the work and leaves; the
 * relaunch from suspend_data brings the answers back; handing in reports status, score, session
 * time and one interaction per question, checked against the pure grader. Without an LMS the same
 * launch page is a practice copy.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Question } from '../../src/questions/index.ts';
import { answerKey, gradeResponse } from '../../src/questions/index.ts';
import type { BankData } from '../../src/lib/assign/bank-data.ts';
import { SUSPEND_DATA_LIMIT } from '../../src/lib/scorm/suspend.ts';
import { gradeWork } from '../../src/lib/scorm/interactions.ts';
import { expectNoAxeViolations, pickInBuilder } from './helpers.ts';

const bank = JSON.parse(readFileSync('dist/assignment/questions.json', 'utf8')) as BankData;
const all = bank.questions.map((e) => e.question);
const ofType = (type: Question['type'], n: number): Question[] =>
  all.filter((q) => q.type === type).slice(0, n);
/** Two single-choice, one true/false and one short-text question. */
const picked = [...ofType('single', 2), ...ofType('truefalse', 1), ...ofType('text', 1)];
const LMS = 'http://lms.test';
const SCORM_AGAIN = readFileSync('node_modules/scorm-again/dist/scorm12.min.js', 'utf8');

type Cmi = {
  suspend_data: string;
  core: Record<string, string> & { score: Record<string, string> };
  interactions: Record<string, Record<string, unknown>>;
};

function hostPage(initial: unknown): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title></head><body>
<script src="/scorm-again.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.API.loadFromJSON(${JSON.stringify(initial)}, '');
  window.commits = 0;
  window.API.on('LMSCommit', () => { window.commits++; });
  window.cmi = () => JSON.parse(JSON.stringify(window.API.renderCommitCMI(true).cmi));
  window.leave = () => document.querySelector('iframe').remove();
</script>
<main><iframe src="/pkg/index.html" title="Assignment" style="width:100%;height:90vh;border:0"></iframe></main>
</body></html>`;
}

/** Serves the LMS origin from memory; returns the URLs requested outside the package and the host. */
async function serveLms(page: Page, files: Record<string, Uint8Array>, initial: unknown): Promise<string[]> {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    const inside =
      url === `${LMS}/lms.html` || url === `${LMS}/scorm-again.js` || url.startsWith(`${LMS}/pkg/`);
    if (!inside) outside.push(url);
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== LMS) return route.abort();
    if (url.pathname === '/lms.html')
      return route.fulfill({ contentType: 'text/html', body: hostPage(initial) });
    if (url.pathname === '/scorm-again.js')
      return route.fulfill({ contentType: 'text/javascript', body: SCORM_AGAIN });
    const file = files[url.pathname.replace(/^\/pkg\//, '')];
    if (!url.pathname.startsWith('/pkg/') || !file) return route.fulfill({ status: 404, body: '' });
    const type = { html: 'text/html', js: 'text/javascript', css: 'text/css' }[
      url.pathname.split('.').pop() ?? ''
    ];
    return route.fulfill({ contentType: type ?? 'application/octet-stream', body: Buffer.from(file) });
  });
  return outside;
}

async function downloadPackage(
  page: Page,
): Promise<{ files: Record<string, Uint8Array>; zip: Buffer; link: string }> {
  await page.goto('/instructor/assign/');
  await expect(page.getByRole('heading', { name: '1. Questions' })).toBeVisible();
  await pickInBuilder(
    page,
    picked.map((q) => q.id),
  );
  await page.getByLabel('Title (students see it)').fill('Week 3 check');
  await page.getByRole('radio', { name: /Immediately/ }).check();
  await expect(page.getByText('a determined student can read them')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SCORM package (.zip)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^week-3-check-[0-9a-f]{14}-scorm12\.zip$/);
  await expect(page.getByText(/^Downloaded week-3-check-.*\.zip \(\d+ KB\)\.$/)).toBeVisible();
  const zip = readFileSync(await download.path());
  return { files: unzipSync(zip), zip, link: await page.locator('#b-link').inputValue() };
}

/** The radio label for the right (or a wrong) answer. */
function label(q: Question, right: boolean): string {
  if (q.type === 'truefalse') return right === q.answer ? 'True' : 'False';
  if (q.type !== 'single') throw new Error(q.type);
  const option = q.options.find((o) => (o.id === q.answer) === right);
  if (!option) throw new Error(q.id);
  return option.text;
}

test('the SCORM package under scorm-again: save, leave, resume from suspend_data, hand in, report', async ({
  page,
  browser,
}) => {
  const { files, zip, link } = await downloadPackage(page);
  expect(Object.keys(files)).toContain('imsmanifest.xml');
  // The command line writes the very same bytes for the same link.
  const out = test.info().outputPath('cli.zip');
  const cli = spawnSync(
    process.execPath,
    ['src/cli/export.ts', '--format', 'scorm', '--assignment', link, '--out', out],
    {
      encoding: 'utf8',
    },
  );
  expect(cli.status, cli.stderr).toBe(0);
  expect(readFileSync(out).equals(zip)).toBe(true);
  const [single1, single2, tf, text] = picked as [Question, Question, Question, Question];
  const typed = text.type === 'text' ? (text.accept[0] as string) : '';
  const student = { core: { student_id: 'stu-1', student_name: 'Doe, Jo', entry: 'ab-initio' } };

  // First launch: two answers, then the student leaves.
  const first = await browser.newContext();
  const lms1 = await first.newPage();
  const outside1 = await serveLms(lms1, files, student);
  await lms1.goto(`${LMS}/lms.html`);
  const sco1 = lms1.frameLocator('iframe');
  await expect(sco1.getByRole('heading', { name: 'Week 3 check', level: 1 })).toBeVisible();
  await expect(sco1.getByText('Signed in to your LMS as Doe, Jo.')).toBeVisible();
  await sco1
    .locator(`fieldset[data-qid="${single1.id}"]`)
    .getByRole('radio', { name: label(single1, true), exact: true })
    .check();
  await sco1.locator(`fieldset[data-qid="${text.id}"]`).getByLabel('Your answer').fill(typed);
  await expect
    .poll(() => lms1.evaluate(() => (window as unknown as { commits: number }).commits))
    .toBeGreaterThan(0);
  await lms1.evaluate(() => (window as unknown as { leave: () => void }).leave());
  const left = (await lms1.evaluate(() => (window as unknown as { cmi: () => unknown }).cmi())) as Cmi;
  expect(left.core).toMatchObject({ lesson_status: 'incomplete', exit: 'suspend' });
  expect(left.suspend_data.length).toBeGreaterThan(10);
  expect(left.suspend_data.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
  expect(outside1).toEqual([]);
  await first.close();

  // Relaunch: the LMS hands back suspend_data; the answers are there.
  const second = await browser.newContext();
  const lms2 = await second.newPage();
  const outside2 = await serveLms(lms2, files, {
    core: { ...student.core, entry: 'resume', lesson_status: 'incomplete' },
    suspend_data: left.suspend_data,
  });
  await lms2.goto(`${LMS}/lms.html`);
  const sco2 = lms2.frameLocator('iframe');
  await expect(sco2.getByText('Your 2 earlier answers are back.')).toBeVisible();
  await expect(
    sco2
      .locator(`fieldset[data-qid="${single1.id}"]`)
      .getByRole('radio', { name: label(single1, true), exact: true }),
  ).toBeChecked();
  await expect(sco2.locator(`fieldset[data-qid="${text.id}"]`).getByLabel('Your answer')).toHaveValue(typed);

  await sco2
    .locator(`fieldset[data-qid="${single2.id}"]`)
    .getByRole('radio', { name: label(single2, false), exact: true })
    .check();
  await sco2.getByRole('button', { name: 'Hand in' }).click();
  await expect(sco2.getByText('1 question is not answered yet. Hand in anyway?')).toBeVisible();
  await sco2.getByRole('button', { name: 'Keep working' }).click();
  await sco2
    .locator(`fieldset[data-qid="${tf.id}"]`)
    .getByRole('radio', { name: label(tf, true), exact: true })
    .check();
  await sco2.getByRole('button', { name: 'Hand in' }).click();
  await expect(sco2.getByRole('heading', { name: 'Handed in' })).toBeFocused();
  await expect(sco2.getByText('Your LMS has recorded your work.')).toBeVisible();
  await expect(sco2.getByText('Score: 3 of 4 (75%).')).toBeVisible();

  const cmi = (await lms2.evaluate(() => (window as unknown as { cmi: () => unknown }).cmi())) as Cmi;
  expect(cmi.core).toMatchObject({
    lesson_status: 'completed',
    exit: '',
    score: { raw: '75', min: '0', max: '100' },
  });
  expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  expect(cmi.suspend_data.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
  // One interaction per question, in assignment order, graded as the course grades.
  const responses: Record<string, unknown> = {
    [single1.id]: single1.type === 'single' ? single1.answer : null,
    [single2.id]: single2.type === 'single' ? single2.options.find((o) => o.id !== single2.answer)?.id : null,
    [tf.id]: answerKey(tf),
    [text.id]: typed,
  };
  const interactions = Object.values(cmi.interactions);
  expect(interactions.map((i) => i.id)).toEqual(picked.map((q) => q.id));
  const expected = gradeWork(picked, responses, {}).interactions;
  for (const [n, q] of picked.entries()) {
    const want = expected[n];
    expect(want?.result).toBe(gradeResponse(q, responses[q.id]).correct ? 'correct' : 'wrong');
    expect(interactions[n]).toMatchObject({
      type: want?.type,
      student_response: want?.studentResponse,
      result: want?.result,
      correct_responses: Object.fromEntries(
        want?.correctPatterns.map((pattern, k) => [k, { pattern }]) ?? [],
      ),
    });
    expect(interactions[n]?.latency).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  }
  expect(outside2).toEqual([]);
  await second.close();
});

test('without an LMS the launch page is a practice copy that grades and says it records nothing', async ({
  page,
  browser,
}) => {
  const { files } = await downloadPackage(page);
  const context = await browser.newContext();
  const alone = await context.newPage();
  const outside = await serveLms(alone, files, {});
  await alone.goto(`${LMS}/pkg/index.html`);
  await expect(alone.getByText(/^Practice copy\. No LMS was found/)).toBeVisible();
  await expectNoAxeViolations(alone);
  const q = picked[0] as Question;
  await alone
    .locator(`fieldset[data-qid="${q.id}"]`)
    .getByRole('radio', { name: label(q, true), exact: true })
    .check();
  await alone.getByRole('button', { name: 'Hand in' }).click();
  await alone.getByRole('button', { name: 'Yes, hand in' }).click();
  await expect(alone.getByRole('heading', { name: 'Handed in' })).toBeVisible();
  await expect(alone.getByText('Your LMS has recorded your work.')).toHaveCount(0);
  await expect(alone.getByText(/^Score: 1 of 4 \(25%\)\.$/)).toBeVisible();
  expect(outside).toEqual([]);
  await context.close();
});
