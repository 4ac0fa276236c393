/**
 * /instructor/ with the assessment pool's section (issue 12) beside the bank browser (issue 17; the
 * builder's draft is tested in instructor.spec.ts). Screenshots, phone and desktop, go to the test's
 * output folder.
 */
import { expect, test } from '@playwright/test';

test('screenshots of /instructor/', async ({ page }) => {
  await page.goto('/instructor/');
  await expect(page.getByRole('heading', { name: /Assessment pool/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('instructor-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('instructor-phone.png') });
});
