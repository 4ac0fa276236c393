/**
 * `npm run bench`: prints measured figures. Nothing here asserts a budget; the README and closing
 * notes compare the figures with the budgets. Run after `npm run build`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { pageWeight, type PageWeight } from './page-weight.ts';

const dist = 'dist';
if (!existsSync(`${dist}/index.html`)) {
  console.error('bench: no dist/ build found; run `npm run build` first');
  process.exit(1);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const lessonPages = readdirSync(`${dist}/lessons`).map((id) => `lessons/${id}/index.html`);
const weights: PageWeight[] = lessonPages.map((p) => pageWeight(dist, p));
weights.sort((a, b) => b.js + b.css + b.html - (a.js + a.css + a.html));
const heaviest = weights[0];

console.log(
  'Page weight, gzipped (HTML with its inline scripts · CSS · JS files before interaction · JS on first quiz use)',
);
for (const w of weights) {
  console.log(
    `  ${w.page.padEnd(100)} ${kb(w.html).padStart(9)} ${kb(w.css).padStart(9)} ${kb(w.js).padStart(9)} ${kb(w.jsOnUse).padStart(9)}`,
  );
}
if (heaviest) {
  const { serviceWorkerWeight } = await import('./page-weight.ts');
  const sw = serviceWorkerWeight(dist);
  const before = heaviest.js + heaviest.inlineJs + sw.worker + sw.install.js;
  console.log(`\nHeaviest lesson page: ${heaviest.page}`);
  console.log(
    `  HTML ${kb(heaviest.html)} (of which inline scripts ${kb(heaviest.inlineJs)}) · CSS ${kb(heaviest.css)} · JS files ${kb(heaviest.js)}`,
  );
  console.log(
    `  JS before any interaction, counting the service worker: ${kb(heaviest.js)} files + ${kb(heaviest.inlineJs)} inline + sw.js ${kb(sw.worker)} + its install precache ${kb(sw.install.js)} (the same site script fetched again, at worst) = ${kb(before)} (budget 25 KB)`,
  );
  console.log(
    `  On first use of a quiz: ${kb(heaviest.jsOnUse)} more JS (Svelte runtime, progress store, quiz code)`,
  );
  for (const f of heaviest.files)
    console.log(`    ${f.kind} ${f.path} ${kb(f.gzip)}${f.onUse ? ' (on first use)' : ''}`);
  console.log(
    `\nService worker: at install (first visit) ${sw.install.files} files, ${kb(sw.install.js)} JS + ${kb(sw.install.other)} pages, CSS, icons; once a quiz is used (or the learner has progress), ${sw.app.files} more: ${kb(sw.app.js)} JS + ${kb(sw.app.other)} review data`,
  );
}

// Study features: the site script every page loads (counted in the JS above: Review badge, Search
// button, service worker registration), and what loads only when search is opened.
if (heaviest) {
  const { searchWeight } = await import('./page-weight.ts');
  // Everything a lesson loads before interaction is the site script and its imports.
  const shell = heaviest.files.filter((f) => f.kind === 'js' && !f.onUse);
  const search = searchWeight(dist);
  console.log(
    `\nSite script on every page (in the lesson JS above): ${kb(shell.reduce((s, f) => s + f.gzip, 0))}`,
  );
  console.log(
    `  On opening search only: dialog ${kb(search.dialog)} · Pagefind JS ${kb(search.pagefindJs)} · Pagefind WASM ${kb(search.wasm)} (index: ${kb(search.index)} in all, of which a query fetches a few chunks)`,
  );
}

if (heaviest) {
  const { browserBench } = await import('./bench-browser.ts');
  await browserBench(dist, heaviest.page);
}

// Item analysis of a large class in the browser (see scripts/bench-stats.ts).
{
  const { statsBench } = await import('./bench-stats.ts');
  await statsBench();
}

// Lighthouse (mobile) over home, review, progress, the heaviest lesson and a source.
{
  const { lighthouseBench, lighthousePages } = await import('./bench-lighthouse.ts');
  await lighthouseBench(dist, lighthousePages(dist, heaviest?.page.replace(/index\.html$/, '')));
}
