/**
 * The gradebook against the attacks a security review reproduced in the browser (issue 13): a file
 * nested 5,000 deep must not stop the review page, and an answer checked in "immediate" review stays
 * locked whatever the student writes into storage.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Question } from '../../src/questions/index.ts';
import { answerKey } from '../../src/questions/index.ts';
import { assignmentPath, specFingerprint, withId, type AssignmentSpec } from '../../src/lib/assign/spec.ts';
import type { BankData } from '../../src/lib/assign/bank-data.ts';
import { createSubmission, submissionToJson } from '../../src/lib/submission/submission.ts';

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
