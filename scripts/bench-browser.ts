/**
 * Browser figures for `npm run bench` (Chromium through playwright-core; /usr/bin/chromium unless
 * CHROMIUM_PATH is set), against dist/ served by a tiny static server that gzips like a real host:
 * - the gzipped JS a lesson page loads before any interaction: on load, and after scrolling to the
 *   bottom and waiting for idle (scrolling is not an interaction; anything hydrated on
 *   `client:visible` / `client:idle` counts), from the page's own network requests, plus the
 *   scripts inlined in the HTML;
 * - the first answer on a fresh page: the quiz code loads when the learner first touches a
 *   question (`client:intent`), so this is the JS that loads then, and the time from clicking
 *   "Check answer" (right after choosing an option, without waiting) to the feedback;
 * - the time from clicking "Check answer" to the feedback appearing in the status region once the
 *   island is live, measured in the page with performance.now() and a MutationObserver (median of
 *   20 runs).
 * Prints figures; asserts nothing.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serve `dir` on a free port; text responses are gzipped (level 9), as the page-weight figures assume. */
export function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (/^(text|application\/(json|xml)|image\/svg)/.test(type)) {
      const body = gzipSync(readFileSync(file), { level: 9 });
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    } else {
      res.writeHead(200, { 'content-type': type });
      createReadStream(file).pipe(res);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

/** Transferred (encoded) bytes of every script the page has requested so far. */
function trackScripts(page: Page): () => Promise<number> {
  const scripts = new Set<import('playwright-core').Request>();
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.add(request);
  });
  return async () => {
    let total = 0;
    for (const request of scripts) total += (await request.sizes()).responseBodySize;
    return total;
  };
}

async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await page.waitForLoadState('networkidle');
  // Let client:idle islands run too.
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 2000 })));
  await page.waitForLoadState('networkidle');
}

/** Gzipped bytes of the inline <script> elements in the page's HTML (island loader, directives). */
async function inlineScriptBytes(page: Page): Promise<number> {
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
  );
  return texts.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
}

/**
 * A learner's first answer on a fresh page: choose an option and click "Check answer" at once.
 * Returns ms from that click to the verdict (the quiz code loads and hydrates in between).
 */
async function firstAnswer(page: Page): Promise<number> {
  const card = page.locator('section.lesson-quiz fieldset[data-type="single"]').first();
  await card.scrollIntoViewIfNeeded();
  const qid = await card.getAttribute('data-qid');
  await page.evaluate((id) => {
    const w = window as unknown as { benchStart?: number; benchEnd?: number };
    document.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element).closest('button');
        if (button?.textContent?.trim() === 'Check answer') w.benchStart ??= performance.now();
      },
      true,
    );
    const section = document.querySelector('section.lesson-quiz');
    if (!section) throw new Error('no lesson quiz');
    const observer = new MutationObserver(() => {
      if (section.querySelector(`fieldset[data-qid="${id}"] .q-verdict`)) {
        w.benchEnd = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(section, { childList: true, subtree: true, characterData: true });
  }, qid);
  await card.getByRole('radio').first().click();
  await card.getByRole('button', { name: 'Check answer' }).click();
  await page.waitForFunction(() => (window as unknown as { benchEnd?: number }).benchEnd !== undefined);
  const ms = await page.evaluate(() => {
    const w = window as unknown as { benchStart?: number; benchEnd?: number };
    return (w.benchEnd ?? 0) - (w.benchStart ?? 0);
  });
  await card.getByRole('button', { name: 'Try again' }).click();
  return ms;
}

/** Median ms from clicking "Check answer" to the status region showing the verdict. */
async function checkToFeedback(page: Page, runs: number): Promise<{ median: number; all: number[] }> {
  const card = page.locator('section.lesson-quiz fieldset[data-type="single"]').first();
  await card.scrollIntoViewIfNeeded();
  await page.locator('section.lesson-quiz astro-island:not([ssr])').waitFor();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    await card.getByRole('radio').first().check();
    const ms = await card.evaluate(
      (fieldset) =>
        new Promise<number>((resolve) => {
          const status = fieldset.querySelector('[role="status"]');
          const button = [...fieldset.querySelectorAll('button')].find(
            (b) => b.textContent?.trim() === 'Check answer',
          );
          if (!status || !button) throw new Error('no status region or Check answer button');
          const observer = new MutationObserver(() => {
            if (status.querySelector('.q-verdict')) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(status, { childList: true, subtree: true, characterData: true });
          const start = performance.now();
          button.click();
        }),
    );
    all.push(ms);
    await card.getByRole('button', { name: 'Try again' }).click();
  }
  const sorted = [...all].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, all };
}

/** Print the browser figures for `page` (a path under dist/, e.g. `lessons/x/index.html`). */
export async function browserBench(dist: string, page: string): Promise<void> {
  const { server, origin } = await serve(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const url = `${origin}/${page.replace(/index\.html$/, '')}`;
    // Service workers blocked: once the site's worker controls the page, it precaches in the
    // background and answers the page's requests itself, and those no longer count here.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    });
    const tab = await context.newPage();
    const scripts = trackScripts(tab);
    await tab.goto(url, { waitUntil: 'networkidle' });
    const onLoad = await scripts();
    await scrollToBottom(tab);
    const afterScroll = await scripts();
    const inline = await inlineScriptBytes(tab);
    console.log(`\nIn Chromium (${page}):`);
    console.log(`  JS transferred (gzip) on load, before scrolling: ${kb(onLoad)}`);
    console.log(
      `  JS before any interaction (gzip; scrolled to the bottom, idle): ${kb(afterScroll)} in files + ${kb(inline)} inline in the HTML = ${kb(afterScroll + inline)} (budget 25 KB)`,
    );
    const first = await firstAnswer(tab);
    await tab.waitForLoadState('networkidle');
    const afterFirst = await scripts();
    console.log(
      `  First answer on a fresh page: the quiz code loads (${kb(afterFirst - afterScroll)} more JS, ${kb(afterFirst)} in files in all); "Check answer" → feedback ${first.toFixed(0)} ms including that load (local server)`,
    );
    // The same first answer on a slow phone link (DevTools' "Slow 4G": 1.6 Mbit/s down, 150 ms RTT).
    const slow = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const slowTab = await slow.newPage();
    const cdp = await slow.newCDPSession(slowTab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await slowTab.goto(url, { waitUntil: 'networkidle' });
    const slowFirst = await firstAnswer(slowTab);
    await slow.close();
    console.log(
      `  The same on a slow phone link (1.6 Mbit/s, 150 ms RTT): "Check answer" → feedback ${slowFirst.toFixed(0)} ms, the quiz code loading meanwhile (it starts loading when the learner touches the question)`,
    );
    const { median, all } = await checkToFeedback(tab, 20);
    console.log(
      `  "Check answer" → feedback shown: median ${median.toFixed(1)} ms over ${all.length} runs (budget 50 ms; min ${Math.min(...all).toFixed(1)}, max ${Math.max(...all).toFixed(1)})`,
    );
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}
