/**
 * Item-analysis speed in Chromium for `npm run bench`: bundles the pure statistics code
 * (src/lib/stats: `syntheticCohort`, `gradeSubmissions`, `itemAnalysis`) with esbuild (astro's own
 * dependency) into one script, runs it in a blank Chromium page, and times — with
 * performance.now() inside the page — regrading 1,000 submissions × 60 items and the item analysis
 * of the resulting score matrix, which is what /instructor/review/ does after an import. Median
 * of several runs after a warm-up. Budget for the item analysis: 200 ms. Prints; asserts nothing.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ENTRY = `
import { syntheticCohort } from './src/lib/stats/bench.ts';
import { gradeSubmissions } from './src/lib/gradebook/grade.ts';
import { itemAnalysis } from './src/lib/stats/items.ts';
globalThis.benchStats = (students, items, runs) => {
  const cohort = syntheticCohort(students, items, 'bench');
  const byId = new Map(cohort.questions.map((q) => [q.id, q]));
  const grade = [];
  const analyse = [];
  let check = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    // With the link's rules, as the review page grades once the instructor pastes the link.
    const graded = gradeSubmissions(cohort.submissions, byId, { spec: cohort.spec });
    const t1 = performance.now();
    const analysis = itemAnalysis(graded.matrix);
    const t2 = performance.now();
    check += analysis.items.length + (analysis.test.cic ?? 0);
    // The first run warms the JIT up and is not counted.
    if (i > 0) {
      grade.push(t1 - t0);
      analyse.push(t2 - t1);
    }
  }
  return { grade, analyse, check };
};
`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Print the item-analysis figures (Chromium at CHROMIUM_PATH or /usr/bin/chromium). */
export async function statsBench(students = 1000, items = 60, runs = 7): Promise<void> {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'bench-stats-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: code });
    const result = await page.evaluate(
      ([s, i, r]) =>
        (
          globalThis as unknown as {
            benchStats: (s: number, i: number, r: number) => { grade: number[]; analyse: number[] };
          }
        ).benchStats(s, i, r),
      [students, items, runs] as const,
    );
    const fmt = (xs: number[]) =>
      `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, ${xs.length} runs)`;
    console.log(
      `\nIn Chromium, ${students.toLocaleString('en')} submissions × ${items} items (synthetic cohort):`,
    );
    console.log(`  itemAnalysis: ${fmt(result.analyse)} (budget 200 ms)`);
    console.log(
      `  gradeSubmissions (regrade every response, check the link's rules, flag): ${fmt(result.grade)}`,
    );
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await statsBench();
