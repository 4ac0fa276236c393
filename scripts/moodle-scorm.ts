/**
 * By hand, not in CI: take a SCORM package of this course in a real Moodle and read the grade back.
 * Needs the Moodle of ../shared/lms-check (setup.sh), served by its serve.sh, and the package added
 * as an activity with its scorm_add.php (see docs/lms.md for the whole sequence):
 *
 *   node scripts/moodle-scorm.ts <package.zip> <base url> <student> <password> <activity path> <course id> <shots dir>
 *
 * In Chromium: log in as the student, open the activity, press Enter, answer two questions, leave
 * and come back (the answers must be back, from suspend_data), answer the rest with the key except
 * the second question (a wrong option, or left empty), hand in, leave the player, and read the
 * activity's grade from the student's gradebook (grade/report/user). Prints the expected score (the
 * course's own grader) beside what Moodle shows; exit 0 when they agree and nothing was requested
 * from outside Moodle.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type Frame, type Page } from '@playwright/test';
import { answerKey, gradeResponse, type Question } from '../src/questions/index.ts';
import type { PackagedAssignment } from '../src/lib/scorm/package.ts';

const args = process.argv.slice(2);
if (args.length !== 7) {
  console.error(
    'usage: node scripts/moodle-scorm.ts PACKAGE.zip BASE USER PASS ACTIVITY_PATH COURSE_ID SHOTS_DIR',
  );
  process.exit(2);
}
const [zip, base, user, pass, activity, courseId, shots] = args as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
mkdirSync(shots, { recursive: true });

const files = unzipSync(readFileSync(zip));
const context: { globalThis?: unknown; scormAssignment?: PackagedAssignment } = {};
context.globalThis = context;
runInNewContext(strFromU8(files['assignment.js'] as Uint8Array), context);
const data = context.scormAssignment as PackagedAssignment;

/** What the script answers: the key, except a wrong option (or nothing) for the second question. */
function responseFor(q: Question, index: number): unknown {
  if (index !== 1) return q.type === 'numeric' ? String(answerKey(q)) : answerKey(q);
  if (q.type === 'single') return q.options.find((o) => o.id !== q.answer)?.id;
  if (q.type === 'truefalse') return !q.answer;
  return undefined;
}

async function answer(frame: Frame, q: Question, response: unknown): Promise<void> {
  const card = frame.locator(`fieldset[data-qid="${q.id}"]`);
  if (response === undefined) return;
  switch (q.type) {
    case 'single':
      return card.locator(`input[value="${String(response)}"]`).check();
    case 'truefalse':
      return card.locator(`input[value="${String(response)}"]`).check();
    case 'multiple':
      for (const id of response as string[]) await card.locator(`input[value="${id}"]`).check();
      return;
    case 'numeric':
    case 'text':
      return card.locator('input[type="text"]').fill(String(response));
    default:
      throw new Error(`${q.id}: this script answers single, multiple, truefalse, numeric and text only`);
  }
}

const step = async <T>(name: string, fn: () => Promise<T>, page: Page): Promise<T> => {
  try {
    const result = await fn();
    console.log(`ok   ${name}${typeof result === 'string' ? `: ${result}` : ''}`);
    return result;
  } catch (error) {
    console.log(`FAIL ${name}: ${(error as Error).message.split('\n')[0]}`);
    await page.screenshot({ path: `${shots}/fail.png`, fullPage: true }).catch(() => undefined);
    process.exit(1);
  }
};

const questions = data.questions.map((entry) => entry.question);
const responses = questions.map((q, i) => responseFor(q, i));
const points = questions.reduce(
  (sum, q, i) => sum + (responses[i] === undefined ? 0 : gradeResponse(q, responses[i]).score),
  0,
);
const expected = Math.round((points / questions.length) * 10_000) / 100;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
const outside: string[] = [];
page.on('request', (request) => {
  if (!request.url().startsWith(base)) outside.push(request.url());
});

await step(
  'log in',
  async () => {
    await page.goto(`${base}/login/index.php`);
    await page.fill('#username', user);
    await page.fill('#password', pass);
    await Promise.all([page.waitForLoadState('load'), page.click('#loginbtn')]);
    if (page.url().includes('/login/')) throw new Error(`still on ${page.url()}`);
    return page.url();
  },
  page,
);
/** Opens the activity, presses Enter and waits for the package to say it found the LMS. */
async function enter(): Promise<Frame> {
  await page.goto(`${base}${activity}`);
  await Promise.all([
    page.waitForURL(/player\.php/),
    page.locator('#scormviewform [type=submit]').first().click(),
  ]);
  await page
    .frameLocator('#scorm_object')
    .getByText('Your answers are saved there as you go')
    .waitFor({ timeout: 30_000 });
  const found = page.frames().find((f) => f.url().includes('/mod_scorm/content/'));
  if (!found) throw new Error('no SCO frame');
  return found;
}
let frame = await step('enter the activity: the package finds the SCORM API', enter, page);
await step(
  'answer two questions, leave, come back: the answers are back (suspend_data)',
  async () => {
    for (const i of [0, 2]) await answer(frame, questions[i] as Question, responses[i]);
    await page.waitForTimeout(1500); // the player saves 0.4 s after a change; Moodle commits over HTTP
    await page.goto(`${base}/course/view.php?id=${courseId}`);
    frame = await enter();
    return await frame.getByText(/earlier answers are back/).innerText();
  },
  page,
);
await step(
  `answer ${questions.length} questions and hand in`,
  async () => {
    for (const [i, q] of questions.entries()) if (i !== 0 && i !== 2) await answer(frame, q, responses[i]);
    await frame.getByRole('button', { name: 'Hand in' }).click();
    if (responses.includes(undefined)) await frame.getByRole('button', { name: 'Yes, hand in' }).click();
    await frame.getByText('Your LMS has recorded your work.').waitFor();
    await page.screenshot({ path: `${shots}/1-handed-in.png`, fullPage: true });
    return await frame.getByText(/^Score: /).innerText();
  },
  page,
);
await step(
  'leave the player (LMSFinish)',
  async () => {
    await page.goto(`${base}/course/view.php?id=${courseId}`);
    return page.url();
  },
  page,
);
const shown = await step(
  'read the grade from the gradebook',
  async () => {
    await page.goto(`${base}/grade/report/user/index.php?id=${courseId}`);
    await page.screenshot({ path: `${shots}/2-gradebook.png`, fullPage: true });
    // The activity's row: the one linking to its view page.
    const cmid = new URL(activity, base).searchParams.get('id');
    const row = page
      .locator('tr', { has: page.locator(`a[href*="/mod/scorm/view.php?id=${cmid}"]`) })
      .first();
    return (await row.locator('td.column-grade').innerText()).trim().split('\n')[0] as string;
  },
  page,
);
await browser.close();

console.log(
  `expected ${expected.toFixed(2)} (the course's grader: ${points} of ${questions.length}), Moodle's gradebook shows ${shown}`,
);
console.log(`requests outside Moodle: ${outside.length === 0 ? 'none' : outside.join(', ')}`);
process.exit(Number.parseFloat(shown) === expected && outside.length === 0 ? 0 : 1);
