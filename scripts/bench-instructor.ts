/**
 * `npm run bench:instructor [dist]`: how heavy and how quick the question bank browser (/instructor/)
 * is, on any build — the scale set of `npm run bench:scale` (SCALE_KEEP=1 keeps its dist/) or the
 * course. dist/ is served gzipped by the static server of the other browser figures; Chromium is
 * /usr/bin/chromium unless CHROMIUM_PATH is set. Prints, asserts nothing:
 * - bytes over the wire (gzip) by kind, until the page is idle;
 * - in Chromium without throttling (median of 5 loads): the time from navigation to the filters
 *   being usable (the count is shown and the document parsed), and from changing the type filter
 *   to the new count; the page's height at 1280 and 390 px and its element count;
 * - Lighthouse (mobile: simulated slow 4G, 4× CPU slowdown), one run unless LIGHTHOUSE_RUNS is set:
 *   time to interactive, total blocking time, largest contentful paint, byte weight.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { serve } from './bench-browser.ts';
import { lighthouseReport } from './bench-lighthouse.ts';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(`${dist}/instructor/index.html`)) {
  console.error(`bench:instructor: no ${dist}/instructor/index.html; build first`);
  process.exit(1);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** ms from navigation start until the count is shown and the document parsed. */
function readyAt(page: Page): Promise<number> {
  return page
    .waitForFunction(() =>
      document.readyState !== 'loading' &&
      /question/.test(document.querySelector('#count')?.textContent ?? '')
        ? performance.now()
        : false,
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** ms from choosing "cloze" in the type filter to the count changing. */
function filterTime(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const count = document.querySelector('#count')!;
        const select = [...document.querySelectorAll('select')].find((s) =>
          [...s.options].some((o) => o.value === 'cloze'),
        )!;
        const start = performance.now();
        new MutationObserver(() => resolve(performance.now() - start)).observe(count, {
          childList: true,
          characterData: true,
          subtree: true,
        });
        select.value = 'cloze';
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
  );
}

const { server, origin } = await serve(dist);
const url = `${origin}/instructor/`;
try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const weights: Record<string, number> = {};
    const ready: number[] = [];
    const filtering: number[] = [];
    let shape = { height1280: 0, height390: 0, elements: 0 };
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (run === 0) {
        page.on('response', (response) => {
          const bytes = Number(response.headers()['content-length'] ?? 0);
          const kind = (response.headers()['content-type'] ?? 'other').split(/[;/]/)[1] ?? 'other';
          weights[kind] = (weights[kind] ?? 0) + bytes;
        });
      }
      await page.goto(url, { waitUntil: 'commit' });
      ready.push(await readyAt(page));
      await page.waitForLoadState('networkidle');
      if (run === 0) {
        const height1280 = await page.evaluate(() => document.documentElement.scrollHeight);
        const elements = await page.evaluate(() => document.querySelectorAll('*').length);
        await page.setViewportSize({ width: 390, height: 844 });
        const height390 = await page.evaluate(() => document.documentElement.scrollHeight);
        shape = { height1280, height390, elements };
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      filtering.push(await filterTime(page));
      await context.close();
    }
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    console.log(`/instructor/ on ${dist}`);
    console.log(
      `  over the wire (gzip): ${kb(total)} — ${Object.entries(weights)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(' · ')}`,
    );
    console.log(
      `  Chromium, no throttling, median of 5: filters usable ${Math.round(median(ready))} ms after navigation · type filter → count ${median(filtering).toFixed(1)} ms`,
    );
    console.log(
      `  page height ${shape.height1280.toLocaleString('en')} px at 1280 · ${shape.height390.toLocaleString('en')} px at 390 · ${shape.elements.toLocaleString('en')} elements`,
    );
  } finally {
    await browser.close();
  }
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
  for (let run = 0; run < runs; run++) {
    const report = await lighthouseReport(url, ['performance']);
    const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
    console.log(
      `  Lighthouse mobile: performance ${Math.round((report.categories.performance?.score ?? 0) * 100)} · TTI ${(audit('interactive') / 1000).toFixed(1)} s · TBT ${Math.round(audit('total-blocking-time'))} ms · LCP ${(audit('largest-contentful-paint') / 1000).toFixed(1)} s · weight ${kb(audit('total-byte-weight'))}`,
    );
  }
} finally {
  server.close();
}
