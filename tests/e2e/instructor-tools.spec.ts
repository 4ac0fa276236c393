/**
 * Issue 17, the builder's draft: what the instructor chose survives a reload (kept in this browser
 * until the link is shared or the draft discarded), and the summary with the way to the rules and
 * the link stays in view. Screenshots of /instructor/ and the builder, phone and desktop, go to the
 * test's output folder.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { BankData } from '../../src/lib/assign/bank-data.ts';

const bank = JSON.parse(readFileSync('dist/assignment/questions.json', 'utf8')) as BankData;
const [first, second] = bank.questions;

test('a builder draft survives a reload until it is discarded', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/instructor/assign/');
  await page.getByLabel('Title (students see it)').fill('Week 3 draft');
  await page.locator(`input[type="checkbox"][value="${first!.id}"]`).check();
  await page.locator(`input[type="checkbox"][value="${second!.id}"]`).check();
  await page.locator('input[type="radio"][value="never"]').check();
  const summary = page.locator('.b-summary');
  await expect(summary).toContainText('2 questions chosen');
  await expect(summary).toBeInViewport();

  await page.reload();
  await expect(page.getByText('Restored your draft')).toBeVisible();
  await expect(page.getByLabel('Title (students see it)')).toHaveValue('Week 3 draft');
  await expect(page.locator(`input[type="checkbox"][value="${first!.id}"]`)).toBeChecked();
  await expect(page.locator(`input[type="checkbox"][value="${second!.id}"]`)).toBeChecked();
  await expect(page.locator('input[type="radio"][value="never"]')).toBeChecked();
  await expect(page.locator('.b-summary')).toContainText('2 questions chosen');
  await page.screenshot({ path: test.info().outputPath('builder-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('.b-summary')).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('builder-phone.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByLabel('Title (students see it)')).toHaveValue('');
  await page.reload();
  await expect(page.getByText('Restored your draft')).toHaveCount(0);
  await expect(page.locator(`input[type="checkbox"][value="${first!.id}"]`)).not.toBeChecked();
});

test('screenshots of /instructor/', async ({ page }) => {
  await page.goto('/instructor/');
  await expect(page.getByRole('heading', { name: /Assessment pool/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('instructor-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('instructor-phone.png') });
});
