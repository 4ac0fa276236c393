/**
 * End-to-end tests drive the BUILT site (dist/, served by `astro preview`) in Chromium.
 * Debian's /usr/bin/chromium is the default because Playwright cannot download its own browsers
 * here; set CHROMIUM_PATH to use another (or PLAYWRIGHT_BUNDLED=1 for Playwright's own).
 */
import { defineConfig, devices } from '@playwright/test';

const executablePath = process.env.PLAYWRIGHT_BUNDLED
  ? undefined
  : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const port = Number(process.env.E2E_PORT ?? 4391);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Axe over the longest pages (the 169-question bank, the glossary) takes tens of seconds on 2 cores.
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npx astro preview --port ${port} --host localhost`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
