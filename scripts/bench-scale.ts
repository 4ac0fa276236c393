/**
 * `npm run bench:scale`: does the build keep up at 1,100 articles? Writes the seed pages 100 times
 * over (distinct titles) into a temporary copy of the project and builds it cold; then builds a
 * stock Starlight site, installed into a temporary folder, from the same articles as clean Markdown,
 * in the same run. Prints both times, their ratio, peak memory and where the time goes. Measures
 * only: nothing here asserts a budget (see docs/performance.md for the figures and the goal).
 *
 * Options (environment): SCALE_COPIES (default 100), SCALE_TITLES=prefix (rename as `Copy k: Title`,
 * for code older than the distinguishing slug suffix), SCALE_ONLY=ours|starlight, SCALE_KEEP=1 (keep
 * the temporary folders), STARLIGHT_FRESH=1 (reinstall Starlight instead of reusing the cached one).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestPage, ingestPages } from '../src/lib/ingest/index.ts';
import { articleMarkdown, renameTitles } from './scale-set.ts';

const root = resolve(import.meta.dirname, '..');
const copies = Number(process.env.SCALE_COPIES ?? 100);
const titleStyle = process.env.SCALE_TITLES === 'prefix' ? 'prefix' : 'suffix';
const only = process.env.SCALE_ONLY;
const keep = process.env.SCALE_KEEP === '1';
const astroVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
).version;
const made: string[] = [];

/** node_modules of `from`, linked entry by entry so Astro's and Vite's caches stay in the copy. */
function linkNodeModules(from: string, to: string): void {
  mkdirSync(join(to, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(from, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(from, 'node_modules', name), join(to, 'node_modules', name));
  }
}

/** The seed pages, copy 0 as they are and copies 1…n−1 with every title renamed. */
function scaleSet(): { file: string; text: string }[] {
  const seeds = readdirSync(join(root, 'seeds'))
    .filter((n) => !n.startsWith('.'))
    .sort();
  const pages: { file: string; text: string }[] = [];
  for (const file of seeds) {
    const text = readFileSync(join(root, 'seeds', file), 'utf8');
    const titles = ingestPage(text, file).map((a) => a.title);
    for (let k = 0; k < copies; k++) {
      const name = k === 0 ? file : `c${String(k).padStart(3, '0')}_${file}`;
      pages.push({ file: name, text: k === 0 ? text : renameTitles(text, titles, k, titleStyle) });
    }
  }
  return pages;
}

interface Run {
  seconds: number;
  /** Largest single process (GNU time's maximum resident set size). */
  maxRssMb: number;
  /** Sum over the build's process tree, sampled every 200 ms. */
  treeRssMb: number;
  /** CPU seconds (user + system) of the build and the processes it waited for: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  lines: { t: number; text: string }[];
  ok: boolean;
}

/** Resident memory of `pid` and all its descendants, in MB, read from /proc. */
function treeRss(pid: number): number {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  let pages = 0;
  for (const candidate of parent.keys()) {
    let p: number | undefined = candidate;
    while (p !== undefined && p > 1 && p !== pid) p = parent.get(p);
    if (p !== pid) continue;
    try {
      pages += Number(readFileSync(`/proc/${candidate}/statm`, 'utf8').split(' ')[1]);
    } catch {
      // Gone.
    }
  }
  return (pages * 4096) / 1e6;
}

/** `astro build` in `dir`, timed, its output lines stamped with their arrival time. */
function build(dir: string): Promise<Run> {
  return new Promise((done) => {
    const start = performance.now();
    const child = spawn(
      '/usr/bin/time',
      ['-f', 'EOC_MAXRSS %M %U %S', process.execPath, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'],
      { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' } },
    );
    const lines: { t: number; text: string }[] = [];
    let peakTree = 0;
    const sampler = setInterval(() => {
      if (child.pid) peakTree = Math.max(peakTree, treeRss(child.pid));
    }, 200);
    // Each stream's lines are stamped when their end arrives; a chunk may end mid-line.
    const collector = () => {
      let partial = '';
      return (chunk: Buffer) => {
        const t = (performance.now() - start) / 1000;
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) if (text.trim()) lines.push({ t, text });
      };
    };
    const stdout = collector();
    child.stdout.on('data', stdout);
    child.stdout.on('end', () => stdout(Buffer.from('\n')));
    const stderr = collector();
    child.stderr.on('data', stderr);
    child.stderr.on('end', () => stderr(Buffer.from('\n')));
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - start) / 1000;
      const usage = lines.map((l) => /EOC_MAXRSS (\d+) ([\d.]+) ([\d.]+)/.exec(l.text)).find(Boolean);
      done({
        seconds,
        maxRssMb: Number(usage?.[1] ?? 0) / 1000,
        cpuSeconds: Number(usage?.[2] ?? 0) + Number(usage?.[3] ?? 0),
        treeRssMb: peakTree,
        lines: lines.filter((l) => !l.text.startsWith('EOC_MAXRSS')),
        ok: code === 0,
      });
    });
  });
}

interface Breakdown {
  startup: number;
  contentSync: number;
  bundling: number;
  rendering: number;
  pagefind: number;
  serviceWorker: number;
  other: number;
}

/** Where the time went, from the stamped log lines (seconds). */
function breakdown(run: Run): Breakdown {
  const at = (re: RegExp, after = 0): number =>
    run.lines.find((l) => l.t >= after && re.test(l.text))?.t ?? NaN;
  const syncStart = at(/\[content\] Syncing content/);
  const syncEnd = at(/\[content\] Synced content/);
  const routes = at(/generating static routes/);
  const rendered = at(/✓ Completed in/, routes);
  const logged = (re: RegExp): number => {
    const m = run.lines.map((l) => re.exec(l.text)).find(Boolean);
    return m ? Number(m[1]) : NaN;
  };
  // Our integration logs its own times; Starlight's Pagefind step is what follows rendering.
  let pagefind = logged(/Pagefind indexed \d+ pages in ([\d.]+) s/);
  if (Number.isNaN(pagefind)) {
    const m = run.lines
      .map((l) => /Finished building search index in ([\d.]+)\s*(ms|s)\b/.exec(l.text))
      .find(Boolean);
    if (m) pagefind = Number(m[1]) / (m[2] === 'ms' ? 1000 : 1);
  }
  const serviceWorker = logged(/sw\.js .* written in ([\d.]+) s/);
  const after = run.seconds - rendered;
  if (Number.isNaN(pagefind)) pagefind = after;
  const parts = {
    startup: syncStart,
    contentSync: syncEnd - syncStart,
    bundling: routes - syncEnd,
    rendering: rendered - routes,
    pagefind,
    serviceWorker: Number.isNaN(serviceWorker) ? 0 : serviceWorker,
  };
  return { ...parts, other: after - parts.pagefind - parts.serviceWorker };
}

function ourSite(pages: { file: string; text: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'eoc-scale-ours-'));
  made.push(dir);
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  mkdirSync(join(dir, 'seeds'));
  for (const page of pages) writeFileSync(join(dir, 'seeds', page.file), page.text);
  linkNodeModules(root, dir);
  return dir;
}

/** Starlight and the same Astro as ours, installed once into a cache folder and reused. */
function starlightInstall(): string {
  const dir = join(tmpdir(), `eoc-bench-starlight-astro-${astroVersion}`);
  if (process.env.STARLIGHT_FRESH === '1') rmSync(dir, { recursive: true, force: true });
  if (existsSync(join(dir, 'node_modules/@astrojs/starlight/package.json'))) return dir;
  mkdirSync(dir, { recursive: true });
  // What the Starlight template depends on: Starlight, Astro, sharp.
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'scale-bench-starlight',
      private: true,
      type: 'module',
      dependencies: { '@astrojs/starlight': 'latest', astro: astroVersion, sharp: 'latest' },
    }),
  );
  console.log(`Installing Starlight with astro@${astroVersion} into ${dir} …`);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (npm.status !== 0) throw new Error('bench:scale: npm install of Starlight failed');
  return dir;
}

/**
 * The Starlight site is written into its install folder (symlinked packages outside the project
 * break Starlight's virtual modules), with every cache removed so the build is cold.
 */
function starlightSite(markdown: Map<string, string>): { dir: string; version: string } {
  const dir = starlightInstall();
  for (const stale of ['dist', '.astro', 'src', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(dir, stale), { recursive: true, force: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({ integrations: [starlight({ title: 'Scale bench' })] });
`,
  );
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(join(dir, 'src/content/docs/index.md'), '---\ntitle: Articles\n---\n\nThe scale set.\n');
  for (const [id, text] of markdown) writeFileSync(join(dir, 'src/content/docs', `${id}.md`), text);
  const version = (
    JSON.parse(readFileSync(join(dir, 'node_modules/@astrojs/starlight/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return { dir, version };
}

/** Ingest of the whole set in this process, best of three: wall and CPU seconds, MB of UTF-8 text per second. */
function ingestSpeed(pages: { file: string; text: string }[]): {
  mb: number;
  seconds: number;
  rate: number;
  cpuRate: number;
} {
  const bytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p.text), 0);
  let best = Infinity;
  let bestCpu = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    ingestPages(pages);
    const used = process.cpuUsage(cpu);
    best = Math.min(best, (performance.now() - start) / 1000);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
  }
  return { mb: bytes / 1e6, seconds: best, rate: bytes / 1e6 / best, cpuRate: bytes / 1e6 / bestCpu };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');

function report(name: string, run: Run): void {
  const b = breakdown(run);
  console.log(
    `${name}: ${f1(run.seconds)} s (CPU ${f1(run.cpuSeconds)} s), peak memory ${f2(run.maxRssMb / 1000)} GB (largest process), ${f2(run.treeRssMb / 1000)} GB (process tree)${run.ok ? '' : '  BUILD FAILED'}`,
  );
  console.log(
    `  startup ${f1(b.startup)} · content sync ${f1(b.contentSync)} · bundling ${f1(b.bundling)} · rendering ${f1(b.rendering)} · Pagefind ${f1(b.pagefind)} · service worker ${f2(b.serviceWorker)} · other ${f1(b.other)} (s)`,
  );
  const indexed = run.lines
    .map((l) => /Pagefind indexed (\d+) pages|Found (\d+) HTML files/.exec(l.text))
    .find(Boolean);
  if (indexed) console.log(`  Pagefind indexed ${indexed[1] ?? indexed[2]} pages`);
  // Astro prints each page it renders with its time: `├─ /lessons/x/index.html (+12ms)`.
  const byRoute = new Map<string, { pages: number; ms: number }>();
  for (const l of run.lines) {
    const m = /[├└]─ \/([^/ ]*)[^ ]* \(\+(\d+)ms\)/.exec(l.text);
    if (!m) continue;
    const route = `/${m[1] ?? ''}`;
    const r = byRoute.get(route) ?? { pages: 0, ms: 0 };
    r.pages++;
    r.ms += Number(m[2]);
    byRoute.set(route, r);
  }
  const routes = [...byRoute].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6);
  if (routes.length > 0)
    console.log(
      `  rendering by route: ${routes.map(([route, r]) => `${route} ${r.pages} pages ${f1(r.ms / 1000)} s`).join(' · ')}`,
    );
  if (!run.ok)
    console.log(
      run.lines
        .slice(-30)
        .map((l) => `    ${l.text}`)
        .join('\n'),
    );
}

try {
  const pages = scaleSet();
  const articles = ingestPages(pages);
  const ids = new Set(articles.map((a) => a.id));
  const mb = pages.reduce((sum, p) => sum + Buffer.byteLength(p.text), 0) / 1e6;
  console.log(
    `Scale set: ${pages.length} pages, ${articles.length} articles (${ids.size} distinct ids), ${mb.toFixed(1)} MB of text; astro@${astroVersion}`,
  );
  const speed = ingestSpeed(pages);
  console.log(
    `Ingest in process (best of 3): ${f2(speed.seconds)} s for ${f1(speed.mb)} MB = ${f1(speed.rate)} MB/s (${f1(speed.cpuRate)} MB/s of CPU time)\n`,
  );

  let ours: Run | undefined;
  let theirs: Run | undefined;
  if (only !== 'starlight') {
    const dir = ourSite(pages);
    ours = await build(dir);
    const built = ours.lines.find((l) => /page\(s\) built/.test(l.text))?.text.trim() ?? '';
    report(`Ours (${built.replace(/^.*\] /, '')})`, ours);
  }
  if (only !== 'ours') {
    const { dir, version } = starlightSite(new Map(articles.map((a) => [a.id, articleMarkdown(a)])));
    theirs = await build(dir);
    const built = theirs.lines.find((l) => /page\(s\) built/.test(l.text))?.text.trim() ?? '';
    report(`Starlight ${version} (${built.replace(/^.*\] /, '')})`, theirs);
  }
  if (ours && theirs) {
    console.log(
      `\nRatio ours / Starlight: time ${f2(ours.seconds / theirs.seconds)}× (CPU ${f2(ours.cpuSeconds / theirs.cpuSeconds)}×) · peak memory ${f2(ours.maxRssMb / theirs.maxRssMb)}× (largest process), ${f2(ours.treeRssMb / theirs.treeRssMb)}× (process tree)`,
    );
  }
} finally {
  if (!keep) for (const dir of made) rmSync(dir, { recursive: true, force: true });
  else console.log(`Kept: ${made.join(' ')}`);
}
