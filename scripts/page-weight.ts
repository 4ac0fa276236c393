/**
 * Page weight of a built page: its HTML, the CSS it links, and the JavaScript it loads before any
 * interaction (scripts, island components and renderers, and every module they import statically),
 * each gzipped. Reads dist/ only; used by `npm run bench`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  files: { path: string; kind: 'css' | 'js'; gzip: number }[];
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
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
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
  for (const m of html.matchAll(/<script[^>]*src="([^"]+)"/g)) if (m[1]) queue.push(m[1]);
  for (const m of html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g))
    if (m[1]) queue.push(m[1]);
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const ref of staticImports(m[1] ?? '')) queue.push(ref);
  }
  const walk = (ref: string, from: string): void => {
    const p = resolveAsset(dist, from, ref);
    if (!p || seen.has(p)) return;
    seen.add(p);
    const code = readFileSync(p);
    files.push({ path: p.slice(dist.length), kind: 'js', gzip: gz(code) });
    for (const next of staticImports(code.toString('utf8'))) walk(next, p);
  };
  for (const ref of queue) walk(ref, htmlPath);

  const sum = (kind: 'css' | 'js') => files.filter((f) => f.kind === kind).reduce((s, f) => s + f.gzip, 0);
  return { page, html: gz(html), css: sum('css'), js: sum('js'), files };
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
