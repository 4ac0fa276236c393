/**
 * The gradebook in the built site: the attacks a security review reproduced in the browser (a file
 * nested 5,000 deep must not stop the review page; an answer checked in "immediate" review stays
 * locked whatever the student writes into storage), and the instructor's whole round: import
 * several files against the link, see the flags, open one student's attempt with every kind of
 * answer beside the key, override a score with a comment, export the gradebook and the Moodle and
 * Canvas grade CSVs, and hand the student a result link that shows their attempt and nobody else's.
 */
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Question } from '../../src/questions/index.ts';
import { answerKey } from '../../src/questions/index.ts';
import { assignmentPath, specFingerprint, withId, type AssignmentSpec } from '../../src/lib/assign/spec.ts';
import type { BankData } from '../../src/lib/assign/bank-data.ts';
import {
  createSubmission,
  submissionChecksum,
  submissionToJson,
  type Submission,
} from '../../src/lib/submission/submission.ts';
import { attemptDetail } from '../../src/lib/gradebook/attempt.ts';
import { gradeSubmissions } from '../../src/lib/gradebook/grade.ts';
import { buildResult, resultToCode } from '../../src/lib/gradebook/result.ts';
import { expectNoAxeViolations } from './helpers.ts';

const bank = JSON.parse(readFileSync('dist/assignment/questions.json', 'utf8')) as BankData;
const hashes = Object.fromEntries(bank.questions.map((e) => [e.id, e.hash]));
/** The first `n` single-choice questions of the bank. */
const singles = (n: number): Extract<Question, { type: 'single' }>[] =>
  bank.questions
    .map((e) => e.question)
    .filter((q): q is Extract<Question, { type: 'single' }> => q.type === 'single')
    .slice(0, n);

const picked = singles(3);
const spec: AssignmentSpec = withId({
  v: 1,
  title: 'Gradebook check',
  questions: picked.map((q) => q.id),
  seed: 'gradebook',
  attempts: 1,
  shuffleQuestions: false,
  shuffleOptions: false,
  review: 'immediate',
});
const fingerprint = specFingerprint(spec, hashes);
const T = '2026-03-02T10:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000).toISOString();

function submissionFile(name: string, responses: Record<string, unknown>, minute = 0): string {
  return submissionToJson(
    createSubmission({
      spec,
      fingerprint,
      student: { name },
      attempts: [{ startedAt: later(minute), submittedAt: later(minute + 10), responses }],
    }),
  );
}
const allRight = Object.fromEntries(picked.map((q) => [q.id, answerKey(q)]));

test('attack: a file nested 5,000 deep is listed as not loaded, and files added before and after it still load', async ({
  page,
}, testInfo) => {
  const path = (name: string) => testInfo.outputPath(name);
  writeFileSync(path('ana.json'), submissionFile('Ana', allRight));
  writeFileSync(
    path('deep.json'),
    submissionFile('Deep', { [(picked[0] as Question).id]: 'DEEP' }).replace(
      '"DEEP"',
      `${'['.repeat(5_000)}"a"${']'.repeat(5_000)}`,
    ),
  );
  writeFileSync(path('ben.json'), submissionFile('Ben', allRight, 5));
  writeFileSync(path('cy.json'), submissionFile('Cy', {}, 7));

  await page.goto('/instructor/review/');
  await expect(page.getByRole('heading', { name: 'Load submissions' })).toBeVisible();
  await page.locator('#r-files').setInputFiles([path('ana.json'), path('deep.json'), path('ben.json')]);
  const rows = page.locator('table.r-gradebook tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.locator('.r-problems li')).toHaveCount(1);
  await expect(page.locator('.r-problems li')).toContainText('deep.json');
  await expect(page.locator('.r-problems li')).toContainText('nested more than');
  // The page keeps accepting files, and nothing loaded before is lost.
  await page.locator('#r-files').setInputFiles([path('cy.json')]);
  await expect(rows).toHaveCount(3);
  await expect(page.locator('.r-problems li')).toHaveCount(1);
});

test('attack: an answer checked in "immediate" review stays locked after the student edits storage', async ({
  page,
}) => {
  const q = picked[0] as Extract<Question, { type: 'single' }>;
  const option = q.options.find((o) => o.id !== q.answer) as { text: string };
  await page.goto(assignmentPath(spec));
  await page.getByLabel('Your name (required)').fill('Locked Student');
  await page.getByRole('button', { name: 'Start the assignment' }).click();
  const card = page.locator(`fieldset[data-qid="${q.id}"]`);
  await card.getByRole('radio', { name: option.text, exact: true }).check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.getByRole('radio').first()).toBeDisabled();

  // The student opens the developer tools and empties `checked`, then reloads.
  const edited = await page.evaluate((specId) => {
    const key = Object.keys(localStorage).find(
      (k) => k.startsWith(`eoc:assignment:${specId}:`) && !k.endsWith(':last') && !k.endsWith(':locks'),
    );
    if (!key) return false;
    const session = JSON.parse(localStorage.getItem(key) as string) as { attempts: { checked: string[] }[] };
    for (const attempt of session.attempts) attempt.checked = [];
    localStorage.setItem(key, JSON.stringify(session));
    return true;
  }, spec.id);
  expect(edited).toBe(true);
  await page.reload();
  await expect(page.getByText('Resumed your saved answers.')).toBeVisible();
  const reloaded = page.locator(`fieldset[data-qid="${q.id}"]`);
  await expect(reloaded.getByRole('radio', { name: option.text, exact: true })).toBeChecked();
  await expect(reloaded.getByRole('radio').first()).toBeDisabled();
  await expect(reloaded.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
});

/** The first question of each type the instructor's round shows. */
function oneOfEach(): Question[] {
  const all = bank.questions.map((e) => e.question);
  return (['single', 'text', 'numeric', 'ordering', 'matching', 'cloze'] as const).map((type) => {
    const q = all.find((x) => x.type === type);
    if (!q) throw new Error(`the bank has no ${type} question`);
    return q;
  });
}

test.describe("the instructor's round", () => {
  const questions = oneOfEach();
  const [single, text, numeric, ordering, matching, cloze] = questions as [
    Extract<Question, { type: 'single' }>,
    Extract<Question, { type: 'text' }>,
    Extract<Question, { type: 'numeric' }>,
    Extract<Question, { type: 'ordering' }>,
    Extract<Question, { type: 'matching' }>,
    Extract<Question, { type: 'cloze' }>,
  ];
  const DUE = '2026-03-02T12:00:00.000Z';
  const round = withId({
    v: 1,
    title: 'Week 3 check',
    questions: questions.map((q) => q.id),
    seed: 'round',
    attempts: 1,
    timeLimit: 30,
    due: DUE,
    shuffleQuestions: false,
    shuffleOptions: false,
    review: 'after-due',
    studentId: 'number',
  });
  const roundPrint = specFingerprint(round, hashes);
  const at = (minutes: number) => new Date(Date.parse(DUE) + minutes * 60_000).toISOString();
  const make = (name: string, id: string, from: number, to: number, responses: Record<string, unknown>) =>
    createSubmission({
      spec: round,
      fingerprint: roundPrint,
      student: { name, id },
      attempts: [{ startedAt: at(from), submittedAt: at(to), responses }],
    });
  const firstBlank = cloze.blanks[0] as { id: string; accept: string[] };
  const ana = make('Ana Lopez', 'S1', -40, -20, {
    [single.id]: single.answer,
    [text.id]: 'a guess',
    [numeric.id]: `${numeric.answer}`,
    [ordering.id]: ordering.items.map((i) => i.id).reverse(),
    [matching.id]: { [(matching.pairs[0] as { id: string }).id]: (matching.pairs[0] as { id: string }).id },
    [cloze.id]: { [firstBlank.id]: firstBlank.accept[0] },
  });
  const benOnTime = make(
    'Ben Ode',
    'S2',
    100,
    120,
    Object.fromEntries(questions.map((q) => [q.id, answerKey(q)])),
  );
  // Ben handed in two hours late, then edited `late` in the file and resealed it.
  const { checksum: _c, ...benBody } = benOnTime;
  const ben: Submission = {
    ...benBody,
    late: false,
    checksum: submissionChecksum({ ...benBody, late: false }),
  };
  const impostor = make('ana lopez', 's1', -10, -5, { [single.id]: 'zz' });
  const link = `http://localhost${assignmentPath(round)}`;
  /** Ana's result as the review page makes it (same pure code). */
  function resultCode(): string {
    const byId = new Map(questions.map((q) => [q.id, q]));
    const { rows, matrix } = gradeSubmissions([ana], byId, { spec: round });
    const row = rows[0];
    const detail = row && attemptDetail(ana, matrix.questions, row.countedAttempt, { spec: round });
    if (!row || !detail) throw new Error('no result');
    return resultToCode(buildResult(row, detail, { id: round.id, title: round.title }, true));
  }

  async function loadAll(page: Page, dir: (name: string) => string): Promise<void> {
    const files = { 'ana.json': ana, 'ben.json': ben, 'late-ana.json': impostor };
    for (const [name, sub] of Object.entries(files)) writeFileSync(dir(name), submissionToJson(sub));
    await page.goto('/instructor/review/');
    await page.getByLabel('Assignment link (the one you shared)').fill(link);
    await expect(page.getByText('Checking against “Week 3 check”.')).toBeVisible();
    await page.locator('#r-files').setInputFiles(Object.keys(files).map(dir));
    await expect(page.locator('table.r-gradebook tbody tr')).toHaveCount(3);
  }

  test('imports several files, opens one attempt, overrides a score with a comment, exports, and returns a result', async ({
    page,
    browser,
    context,
  }, testInfo) => {
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await loadAll(page, (n) => testInfo.outputPath(n));
    const rowOf = (name: string) =>
      page
        .locator('table.r-gradebook tbody tr')
        .filter({ has: page.getByRole('button', { name: `Open ${name}’s attempt`, exact: true }) });

    // Recomputed from the link: Ben's resealed file is late; the second "Ana" does not replace the first.
    await expect(rowOf('Ben Ode')).toContainText('Late');
    await expect(rowOf('Ben Ode')).toContainText('late');
    await expect(rowOf('Ana Lopez')).toContainText('same student');
    await expect(rowOf('ana lopez')).toContainText('not counted');
    await expect(page.locator('#r-clock-note')).toContainText('own computer clock');

    // One student's attempt in full, every kind of answer beside the key.
    await page.getByRole('button', { name: 'Open Ana Lopez’s attempt', exact: true }).click();
    const student = page.locator('section.r-student');
    await expect(student.getByRole('heading', { name: 'Ana Lopez (S1)' })).toBeFocused();
    await expect(student.locator('.r-flags')).toContainText('2 different files for one student');
    const answers = student.locator('.r-answers > li');
    await expect(answers).toHaveCount(questions.length);
    await expect(answers.nth(1)).toContainText('“a guess”');
    await expect(answers.nth(1)).toContainText(text.accept[0] as string);
    await expect(answers.nth(2)).toContainText(`“${numeric.answer}”`);
    await expect(answers.nth(3)).toContainText(
      `Order: ${ordering.items
        .map((i) => i.text)
        .reverse()
        .join(' → ')}`,
    );
    await expect(answers.nth(4)).toContainText('(not matched)');
    await expect(answers.nth(5)).toContainText(`Blank 1: “${firstBlank.accept[0]}”`);
    await expect(answers.nth(1)).toContainText('0 of 1');
    await expectNoAxeViolations(page);

    // Override the typed answer with a comment, and comment on the whole attempt.
    await answers.nth(1).getByText('Change the score of question 2').click();
    await answers.nth(1).getByLabel('Score, from 0 to 1').fill('0.5');
    await answers.nth(1).getByLabel('Comment to the student').fill('Close: name the organisation.');
    await answers.nth(1).getByRole('button', { name: 'Save the score' }).click();
    await expect(student.getByRole('status')).toHaveText('Question 2: score set to 0.5.');
    await expect(answers.nth(1)).toContainText('0.5 of 1 (you overrode it; the grader gave 0)');
    await student.getByLabel('Comment to the student on the whole attempt').fill('Good use of the source.');
    await student.getByRole('button', { name: 'Save the comment' }).click();
    await expect(student.getByRole('status')).toHaveText('Comment saved.');

    // Results back to the student: a link that opens their attempt only.
    await student.getByRole('button', { name: 'Copy Ana Lopez’s result link' }).click();
    await expect(student.getByRole('status')).toContainText('Result link copied');
    const resultLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(resultLink).toContain('/assignment/result/#EOCR1-');
    await student.getByRole('button', { name: 'Back to the gradebook' }).click();
    await expect(page.getByRole('button', { name: 'Open Ana Lopez’s attempt', exact: true })).toBeFocused();
    await expect(rowOf('Ana Lopez').locator('td').nth(2)).toContainText('*');

    // Exports include the override and the comment.
    const csvOf = async (button: string): Promise<string[][]> => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      const text = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
      return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    };
    const n = questions.length;
    const moodle = await csvOf('Grades for Moodle (CSV)');
    expect(moodle[0]).toEqual(['Full name', 'ID number', 'Email address', 'Week 3 check', 'Feedback']);
    const anaMoodle = moodle.find((r) => r[0] === 'Ana Lopez');
    expect(anaMoodle?.[1]).toBe('S1');
    expect(anaMoodle?.[4]).toBe('Good use of the source.');
    expect(moodle).toHaveLength(3); // the header, Ana and Ben: the second "Ana" does not count
    const canvas = await csvOf('Grades for Canvas (CSV)');
    expect(canvas[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Week 3 check']);
    expect(canvas[1]).toEqual(['Points Possible', '', '', '', '', '100']);
    expect(canvas.find((r) => r[0] === 'Ana Lopez')?.[5]).toBe(anaMoodle?.[3]);
    const gradebook = await csvOf('Download the gradebook (CSV)');
    const header = gradebook[0] as string[];
    const anaLine = gradebook.find((r) => r[0] === 'Ana Lopez') as string[];
    expect(anaLine[header.indexOf('overridden_questions')]).toBe('1');
    expect(anaLine[header.indexOf('comment')]).toBe('Good use of the source.');
    const benLine = gradebook.find((r) => r[0] === 'Ben Ode') as string[];
    expect(benLine[header.indexOf('flags')]).toMatch(/the file says it was on time/);
    expect(Number(benLine[header.indexOf('score_percent')])).toBe(100);
    expect(Number(anaLine[header.indexOf('points')])).toBeGreaterThan(0);
    expect(Number(anaLine[header.indexOf('max_points')])).toBe(n);

    // The overrides stay after a reload: they are kept in this browser for this assignment.
    await page.reload();
    await page.getByLabel('Assignment link (the one you shared)').fill(link);
    await page.locator('#r-files').setInputFiles([testInfo.outputPath('ana.json')]);
    await expect(page.locator('table.r-gradebook tbody tr').first().locator('td').nth(2)).toContainText('*');

    // The student opens the link in their own browser.
    const theirs = await browser.newContext();
    const studentPage = await theirs.newPage();
    await studentPage.goto(resultLink.replace(/^https?:\/\/[^/]+/, ''));
    await expect(
      studentPage.getByRole('heading', { name: 'Week 3 check: your result', level: 1 }),
    ).toBeVisible();
    await expect(studentPage.getByText('Ana Lopez')).toBeVisible();
    await expect(studentPage.getByText('Good use of the source.')).toBeVisible();
    await expect(studentPage.getByText('Close: name the organisation.')).toBeVisible();
    await expect(studentPage.locator('.res-answers > li')).toHaveCount(n);
    const body = await studentPage.locator('body').innerText();
    expect(body).not.toContain('Ben Ode');
    expect(body).not.toMatch(/ana lopez \(s1\)/);
    await expectNoAxeViolations(studentPage);
    // A damaged link says so, and shows nothing.
    await studentPage.goto(`/assignment/result/#${resultLink.split('#')[1]?.slice(0, -20)}`);
    await expect(studentPage.getByRole('alert')).toContainText('cannot be read');
    await theirs.close();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
    test('the review page with a gradebook and an open attempt does not scroll sideways', async ({
      page,
    }, testInfo) => {
      await loadAll(page, (n) => testInfo.outputPath(n));
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBe(0);
      await page.getByRole('button', { name: 'Open Ana Lopez’s attempt', exact: true }).click();
      await expect(page.locator('section.r-student')).toBeVisible();
      expect(await overflow()).toBe(0);
      // The student's result, on the student's phone.
      await page.goto(`/assignment/result/#${resultCode()}`);
      await expect(page.getByRole('heading', { name: 'Week 3 check: your result' })).toBeVisible();
      expect(await overflow()).toBe(0);
    });
  });
});
