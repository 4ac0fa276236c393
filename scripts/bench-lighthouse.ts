/**
 * Lighthouse (mobile: its default Moto G Power profile, simulated slow 4G and 4× CPU slowdown) over
 * the pages a learner opens most, for `npm run bench` and `npm run bench:lighthouse`. dist/ is served
 * gzipped by the same static server as the other browser figures; Chromium is /usr/bin/chromium
 * unless CHROMIUM_PATH is set.
 *
 * Lighthouse is not a dependency of the project (it brings some 200 packages that nothing else
 * needs): `npm exec` fetches the pinned version below into npm's cache on first use. Each page runs
 * LIGHTHOUSE_RUNS times (default 3) and the median run is shown, because Total Blocking Time on a
 * shared machine varies from run to run (each run's performance score and TBT are listed too: on a busy
 * machine the best run is the closer to what a phone sees). Prints figures; asserts nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync } from 'node:fs';
import { serve } from './bench-browser.ts';

const LIGHTHOUSE = 'lighthouse@13.5.0';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  tbt: number;
  cls: number;
  lcp: number;
  failing: string[];
}

export interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; title: string }>;
}

/** Lighthouse's full JSON report for `url` (mobile defaults), `categories` as asked. */
export async function lighthouseReport(
  url: string,
  categories: readonly string[] = CATEGORIES,
): Promise<LighthouseReport> {
  // Asynchronous: the static server answering Lighthouse runs in this process.
  const { stdout } = await promisify(execFile)(
    'npm',
    [
      'exec',
      '--yes',
      `--package=${LIGHTHOUSE}`,
      '--',
      'lighthouse',
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      `--only-categories=${categories.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    {
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    },
  );
  return JSON.parse(stdout) as LighthouseReport;
}

async function lighthouse(url: string): Promise<Run> {
  const report = await lighthouseReport(url);
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  // The audits that cost points: weighted, scored and below full marks.
  const failing = CATEGORIES.flatMap((c) =>
    (report.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  );
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Run['scores'],
    tbt: report.audits['total-blocking-time']?.numericValue ?? NaN,
    cls: report.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    lcp: report.audits['largest-contentful-paint']?.numericValue ?? NaN,
    failing,
  };
}

/** The run with the median performance score (ties: the median TBT). */
function medianRun(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance || b.tbt - a.tbt);
  return sorted[Math.floor(sorted.length / 2)] as Run;
}

export async function lighthouseBench(dist: string, pages: string[]): Promise<void> {
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
  const { server, origin } = await serve(dist);
  try {
    console.log(
      `\nLighthouse ${LIGHTHOUSE.split('@')[1]}, mobile (median of ${runs} run${runs === 1 ? '' : 's'}): performance · accessibility · best practices · SEO, then TBT, CLS, LCP`,
    );
    for (const page of pages) {
      const all: Run[] = [];
      for (let i = 0; i < runs; i++) all.push(await lighthouse(`${origin}/${page}`));
      const run = medianRun(all);
      const s = run.scores;
      console.log(
        `  /${page.padEnd(62)} ${[s.performance, s.accessibility, s['best-practices'], s.seo].join(' · ').padEnd(20)} TBT ${Math.round(run.tbt)} ms (runs: ${all.map((r) => `${r.scores.performance}/${Math.round(r.tbt)} ms`).join(', ')}) · CLS ${run.cls.toFixed(3)} · LCP ${(run.lcp / 1000).toFixed(1)} s${run.failing.length ? ` · short of full marks: ${run.failing.join(', ')}` : ''}`,
      );
    }
  } finally {
    server.close();
  }
}

/** Home, the learner's daily pages, a lesson (the heaviest, when known) and a source. */
export function lighthousePages(dist: string, lesson?: string): string[] {
  const first = (dir: string) => readdirSync(`${dist}/${dir}`).sort()[0] ?? '';
  return [
    '',
    'review/',
    'progress/',
    lesson ?? `lessons/${first('lessons')}/`,
    `sources/${first('sources')}/`,
  ];
}

// `npm run bench:lighthouse [page …]`: just these figures (default: the pages above).
if (import.meta.main) {
  if (!existsSync('dist/index.html')) {
    console.error('bench: no dist/ build found; run `npm run build` first');
    process.exit(1);
  }
  const pages = process.argv.slice(2);
  await lighthouseBench('dist', pages.length > 0 ? pages : lighthousePages('dist'));
}
