/**
 * Page weight of a built page: its HTML, the CSS it links, and the JavaScript it loads before any
 * interaction (scripts, island components and renderers, and every module they import statically),
 * each gzipped; islands on `client:intent` (src/client/intent.ts) load on the learner's first use
 * of a quiz, so their code is counted apart, as `jsOnUse`. Also the service worker's precache
 * (`serviceWorkerWeight`). Reads dist/ only; used by `npm run bench`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  /** JS loaded before any interaction (files; the inline scripts are in `html`, and in `inlineJs`). */
  js: number;
  /** Gzipped size of the inline scripts alone (Astro's island loader and directives). */
  inlineJs: number;
  /** JS that loads when the learner first uses a quiz (`client:intent` islands), beyond `js`. */
  jsOnUse: number;
  files: { path: string; kind: 'css' | 'js'; gzip: number; onUse?: true }[];
}

const gz = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;

function resolveAsset(dist: string, from: string, ref: string): string | null {
  if (/^(https?:)?\/\//.test(ref) || ref.startsWith('data:')) return null;
  const path = ref.startsWith('/') ? join(dist, ref) : normalize(join(dirname(from), ref));
  return existsSync(path) ? path : null;
}

/** Static imports only: `import x from "./a.js"`, `import "./b.js"`, `export … from "./c.js"`. Dynamic imports load later. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  // Vite leaves `/* empty css */` between imports where a component's CSS was, so an import may follow a comment.
  const re = /(?:^|[;\n}]|\*\/)\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) if (m[1]) out.push(m[1]);
  return out;
}

export function pageWeight(dist: string, page: string): PageWeight {
  const htmlPath = join(dist, page);
  const html = readFileSync(htmlPath, 'utf8');
  const files: PageWeight['files'] = [];
  const seen = new Set<string>();

  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const p = m[1] && resolveAsset(dist, htmlPath, m[1]);
    if (p && !seen.has(p)) {
      seen.add(p);
      files.push({ path: p.slice(dist.length), kind: 'css', gzip: gz(readFileSync(p)) });
    }
  }
  // Inline <style> is counted with the HTML (it is in it).
  const queue: string[] = [];
  const onUse: string[] = [];
  for (const m of html.matchAll(/<script[^>]*src="([^"]+)"/g)) if (m[1]) queue.push(m[1]);
  for (const island of html.matchAll(/<astro-island\b[^>]*>/g)) {
    const target = /\bclient="intent"/.test(island[0]) ? onUse : queue;
    for (const m of island[0].matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g))
      if (m[1]) target.push(m[1]);
  }
  let inlineJs = 0;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    inlineJs += gz(m[1] ?? '');
    for (const ref of staticImports(m[1] ?? '')) queue.push(ref);
  }
  const walk = (ref: string, from: string, later: boolean): void => {
    const p = resolveAsset(dist, from, ref);
    if (!p || seen.has(p)) return;
    seen.add(p);
    const code = readFileSync(p);
    files.push({ path: p.slice(dist.length), kind: 'js', gzip: gz(code), ...(later ? { onUse: true } : {}) });
    for (const next of staticImports(code.toString('utf8'))) walk(next, p, later);
  };
  for (const ref of queue) walk(ref, htmlPath, false);
  for (const ref of onUse) walk(ref, htmlPath, true);

  const sum = (kind: 'css' | 'js', later = false) =>
    files.filter((f) => f.kind === kind && !!f.onUse === later).reduce((s, f) => s + f.gzip, 0);
  return { page, html: gz(html), css: sum('css'), js: sum('js'), inlineJs, jsOnUse: sum('js', true), files };
}

/**
 * What the service worker (dist/sw.js) fetches by itself, gzipped: `install` on a first visit
 * (its shell precache) and `app` once a page posts PRECACHE_APP (see src/lib/offline/strategy.ts),
 * each as JS and everything else (pages, CSS, icons, data), plus sw.js itself.
 */
export function serviceWorkerWeight(dist: string): {
  worker: number;
  install: { js: number; other: number; files: number };
  app: { js: number; other: number; files: number };
} {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const list = (name: string): string[] => {
    const m = new RegExp(`const ${name} = (\\[[^\\]]*\\]);`).exec(sw);
    return m?.[1] ? (JSON.parse(m[1]) as string[]) : [];
  };
  const weigh = (urls: string[]) => {
    let js = 0;
    let other = 0;
    for (const url of urls) {
      const file = join(dist, url.endsWith('/') ? `${url}index.html` : url);
      if (!existsSync(file)) continue;
      const size = /\.(png|woff2?)$/.test(file) ? readFileSync(file).length : gz(readFileSync(file));
      if (url.endsWith('.js')) js += size;
      else other += size;
    }
    return { js, other, files: urls.length };
  };
  return { worker: gz(sw), install: weigh(list('PRECACHE')), app: weigh(list('APP')) };
}

/** Weight (gzip) of what opening the search dialog loads: its code chunk, Pagefind's JS and WASM, and the whole index. */
export function searchWeight(dist: string): {
  dialog: number;
  pagefindJs: number;
  wasm: number;
  index: number;
} {
  const gzFile = (p: string): number => gz(readFileSync(p));
  const dialog = readdirSync(join(dist, '_astro'))
    .filter((f) => /^search\.[\w-]+\.js$/.test(f))
    .reduce((s, f) => s + gzFile(join(dist, '_astro', f)), 0);
  const dir = join(dist, 'pagefind');
  if (!existsSync(dir)) return { dialog, pagefindJs: 0, wasm: 0, index: 0 };
  const all = (sub: string): string[] =>
    existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).map((f) => join(dir, sub, f)) : [];
  const top = readdirSync(dir).map((f) => join(dir, f));
  const sum = (files: string[]) => files.reduce((s, f) => s + gzFile(f), 0);
  return {
    dialog,
    pagefindJs: existsSync(join(dir, 'pagefind.js')) ? gzFile(join(dir, 'pagefind.js')) : 0,
    // Pagefind's WASM and index files are already compressed; gzip changes them little.
    wasm: sum(top.filter((f) => /[/\\]wasm\.(?!unknown)[\w-]+\.pagefind$/.test(f))),
    index: sum([...all('index'), ...all('fragment'), ...top.filter((f) => f.endsWith('.pf_meta'))]),
  };
}
