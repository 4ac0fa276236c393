/**
 * `npm run bench:instructor [dist]`: how heavy and how quick the question bank browser (/instructor/)
 * is, on any build — the scale set of `npm run bench:scale` (SCALE_KEEP=1 keeps its dist/) or the
 * course. dist/ is served gzipped by the static server of the other browser figures; Chromium is
 * /usr/bin/chromium unless CHROMIUM_PATH is set. Prints, asserts nothing:
 * - bytes over the wire (gzip) by kind, until the page is idle;
 * - in Chromium without throttling (median of 5 loads): the time from navigation to the filters
 *   being usable (the count is shown and the document parsed), and from changing the type filter
 *   to the new count; the page's height at 1280 and 390 px and its element count;
 * - the main thread's long tasks (over 50 ms, from a PerformanceObserver registered before the page's
 *   own scripts): their number and the longest, while the page loads (until the network is idle) and
 *   while a filter changes, without throttling (median of the 5 loads); and, from a Chromium trace of
 *   3 more loads at 390 px, each main-thread task's CPU time (thread time, which a busy machine does
 *   not inflate as it does wall time): how many would pass 50 ms on a CPU 4× slower (Lighthouse's
 *   mobile profile), the longest, and the blocking time they would add (worst run). The load average
 *   is printed too: on a shared machine every wall-clock time swings with it;
 * - Lighthouse (mobile: simulated slow 4G, 4× CPU slowdown), one run unless LIGHTHOUSE_RUNS is set (0 skips it):
 *   time to interactive, total blocking time, largest contentful paint, byte weight.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
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

/** What held the main thread in one step: long tasks (ms), and the scripts that ran longest in them. */
interface Blocking {
  tasks: number[];
  /** Script runs of 20 ms or more inside long animation frames: ms, and what ran (file, entry point). */
  scripts: { ms: number; what: string }[];
}

declare global {
  interface Window {
    /** Since the page began or it was last taken. */
    __blocking?: Blocking;
  }
}

/**
 * Before any script of the page runs: keep every long task, and from the long animation frames
 * (Chromium's attribution of a slow frame to the scripts that ran in it) every long script run.
 */
function observeBlocking(): void {
  window.__blocking = { tasks: [], scripts: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__blocking?.tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  type ScriptTiming = { duration: number; sourceURL: string; invoker: string; invokerType: string };
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries() as unknown as { scripts: ScriptTiming[] }[]) {
      for (const script of frame.scripts) {
        if (script.duration < 20) continue;
        const file = script.sourceURL.split('/').pop() || script.invoker;
        window.__blocking?.scripts.push({ ms: script.duration, what: `${file}, ${script.invokerType}` });
      }
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** What blocked so far, emptied for the next step. */
const takeBlocking = (page: Page): Promise<Blocking> =>
  page.evaluate(() => {
    const blocking = window.__blocking ?? { tasks: [], scripts: [] };
    window.__blocking = { tasks: [], scripts: [] };
    return blocking;
  });

/** Lets tasks that began just now end and reach the observers. */
const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 300)));

function describeBlocking({ tasks, scripts }: Blocking): string {
  if (tasks.length === 0) return 'none';
  const longest = [...scripts].sort((a, b) => b.ms - a.ms)[0];
  return (
    `${tasks.length} (longest ${Math.round(Math.max(...tasks))} ms, ${Math.round(tasks.reduce((a, b) => a + b, 0))} ms in all` +
    `; longest script ${longest ? `${Math.round(longest.ms)} ms: ${longest.what}` : 'under 20 ms'})`
  );
}
/** CPU milliseconds of each main-thread task of the page: those of the loading, those of the filter change. */
type TaskTimes = number[];

function mainThreadTasks(trace: Buffer): [TaskTimes, TaskTimes] {
  type TraceEvent = {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    ts: number;
    dur?: number;
    tdur?: number;
    args?: { data?: { type?: string }; beginData?: { url?: string } };
  };
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  // The renderer's main thread is the one that parsed the page.
  const parser = events.find(
    (e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.includes('/instructor/'),
  );
  const main = events.filter((e) => e.pid === parser?.pid && e.tid === parser.tid && e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.tdur !== undefined);
  // The filter change begins with the task that dispatches the select's input event.
  const input = main.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
  const changeTask = input
    ? tasks.find((t) => t.ts <= input.ts && input.ts <= t.ts + (t.dur ?? 0))
    : undefined;
  const from = changeTask?.ts ?? Infinity;
  const ms = (t: TraceEvent) => (t.tdur ?? 0) / 1000;
  return [tasks.filter((t) => t.ts < from).map(ms), tasks.filter((t) => t.ts >= from).map(ms)];
}

/**
 * "2 over 12.5 ms, longest 64 ms; ≈ 330 ms blocking at 4×": tasks whose CPU time would exceed 50 ms on a
 * CPU 4× slower (Lighthouse's mobile profile), and the blocking time they would add (each beyond 50 ms).
 */
function describeCpu(tasks: TaskTimes): string {
  const long = tasks.filter((t) => t * 4 > 50);
  const blocking = long.reduce((sum, t) => sum + t * 4 - 50, 0);
  return `${long.length} over 12.5 ms (longest ${Math.max(0, ...tasks).toFixed(1)} ms; ≈ ${Math.round(blocking)} ms blocking at 4×)`;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

const { server, origin } = await serve(dist);
const url = `${origin}/instructor/`;
try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const weights: Record<string, number> = {};
    const ready: number[] = [];
    const filtering: number[] = [];
    const loadTasks: Blocking[] = [];
    const filterTasks: Blocking[] = [];
    const loadAtStart = load();
    let shape = { height1280: 0, height390: 0, elements: 0 };
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(observeBlocking);
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
      await settle(page);
      loadTasks.push(await takeBlocking(page));
      filtering.push(await filterTime(page));
      await settle(page);
      filterTasks.push(await takeBlocking(page));
      await context.close();
    }
    // As on a mid-range phone, without the noise of a busy machine: each main-thread task's CPU time.
    const cpuLoad: TaskTimes[] = [];
    const cpuFilter: TaskTimes[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto('about:blank');
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
      });
      await page.goto(url, { waitUntil: 'commit' });
      await readyAt(page);
      await page.waitForLoadState('networkidle');
      await settle(page);
      await filterTime(page);
      await settle(page);
      const [load, change] = mainThreadTasks(await browser.stopTracing());
      cpuLoad.push(load);
      cpuFilter.push(change);
      await context.close();
    }
    const blocked = (b: Blocking) => b.tasks.reduce((x, y) => x + y, 0);
    const medianRun = (runs: Blocking[]) =>
      [...runs].sort((a, b) => blocked(a) - blocked(b))[Math.floor(runs.length / 2)]!;
    const worstCpu = (runs: TaskTimes[]) =>
      [...runs].sort((a, b) => Math.max(0, ...b) - Math.max(0, ...a))[0]!;
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
      `  long tasks, no throttling (median run of 5): loading ${describeBlocking(medianRun(loadTasks))} · filter change ${describeBlocking(medianRun(filterTasks))}`,
    );
    console.log(
      `  main-thread CPU time per task, 390 px (worst of 3): loading ${describeCpu(worstCpu(cpuLoad))} · filter change ${describeCpu(worstCpu(cpuFilter))}`,
    );
    console.log(`  load average (1, 5, 15 min): ${loadAtStart} at the start, ${load()} at the end`);
    console.log(
      `  page height ${shape.height1280.toLocaleString('en')} px at 1280 · ${shape.height390.toLocaleString('en')} px at 390 · ${shape.elements.toLocaleString('en')} elements`,
    );
  } finally {
    await browser.close();
  }
  const runs = Math.max(0, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
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
