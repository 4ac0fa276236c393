/**
 * Build step for self-paced study (Astro integration, `astro:build:done`):
 * 1. Pagefind indexes the built pages that mark their content with
 *    `data-pagefind-body` (lessons, sources, glossary) into `<out>/pagefind/`;
 * 2. the service worker `<out>/sw.js` is written: the offline rules
 *    (src/lib/offline/strategy.ts) and the worker (src/lib/offline/sw.ts),
 *    type-stripped with TypeScript and joined into one classic script, with
 *    this build's version and its two precache lists (shell at install, app
 *    when a page asks) at the top.
 * The version is a hash of every precached file, so any change to the shell
 * installs a new worker (and shows the "Update available" prompt).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import ts from 'typescript';
import * as pagefind from 'pagefind';
import { SHELL_ROUTES, precacheList } from '../lib/offline/strategy.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/** `code` as plain JS for a classic script: types stripped, `import` statements and `export` keywords removed. */
export function toClassicScript(code: string, fileName: string): string {
  const { outputText, diagnostics } = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
  });
  if (diagnostics?.length) {
    throw new Error(
      `study: cannot compile ${fileName}: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, '\n')}`,
    );
  }
  return outputText
    .replace(/^import\s[\s\S]*?from\s*['"][^'"]+['"];?\s*$/gm, '')
    .replace(/^export\s*\{\s*\};?\s*$/gm, '')
    .replace(/^export\s+(?=(async\s+)?(function|const|let|class)\b)/gm, '');
}

/** Static imports in built JS: `import … from "./x.js"`, `import "./x.js"`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g;
/** Dynamic imports in built JS: `import("./x.js")`, and the `"_astro/x.js"` lists Vite preloads with them. */
const DYNAMIC_IMPORT = /\bimport\(\s*[`"'](\.\/[^`"']+\.js)[`"']\s*\)|["'](_astro\/[^"'/]+\.js)["']/g;

/** `/_astro/…` files reachable from `entries` through imports (dynamic ones too when `dynamic`). */
function reachable(out: string, entries: Iterable<string>, dynamic: boolean): Set<string> {
  const found = new Set<string>();
  const visit = (url: string): void => {
    if (found.has(url) || !/^\/_astro\/[^/]+\.js$/.test(url)) return;
    found.add(url);
    const code = readFileSync(join(out, url), 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) visit(`/_astro/${(spec ?? '').slice(2)}`);
    if (!dynamic) return;
    for (const [, relative, listed] of code.matchAll(DYNAMIC_IMPORT)) {
      visit(relative ? `/_astro/${relative.slice(2)}` : `/${listed ?? ''}`);
    }
  };
  for (const entry of entries) visit(entry);
  return found;
}

/** `<script type="module" src>` files of a page, and with `islands`, its islands' component and renderer code. */
function pageScripts(html: string, islands: boolean): string[] {
  const out = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
  if (islands) {
    for (const m of html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g))
      out.push(m[1] ?? '');
  }
  return out;
}

/**
 * The scripts the shell pages run at once: their `<script type="module" src>` files and, through
 * static `import … from "./x.js"` statements, everything those load (dynamic `import()`, like the
 * search dialog's, is left out: it loads only when used). Paths like `/_astro/x.js`.
 */
export function shellScripts(out: string): string[] {
  const entries: string[] = [];
  for (const route of SHELL_ROUTES) {
    const file = join(out, route, 'index.html');
    if (existsSync(file)) entries.push(...pageScripts(readFileSync(file, 'utf8'), false));
  }
  return [...reachable(out, entries, false)].sort();
}

/**
 * Every script a learner's page can run: on each built page outside `/instructor/`, its module
 * scripts and islands, with everything they import, statically or on demand (the search dialog,
 * the progress import). Instructor-only code is left out of the app tier: an instructor's browser
 * caches it as they use it (cache first, see strategy.ts).
 */
export function learnerScripts(out: string): string[] {
  const entries: string[] = [];
  for (const file of listFiles(out)) {
    if (!file.endsWith('.html') || file.startsWith('instructor/')) continue;
    entries.push(...pageScripts(readFileSync(join(out, file), 'utf8'), true));
  }
  return [...reachable(out, entries, true)].sort();
}

/** Write `<out>/sw.js`; returns the version and how many URLs it precaches at install and later. */
export function writeServiceWorker(out: string): { version: string; precache: number; app: number } {
  const files = listFiles(out);
  const { shell, app } = precacheList(files, shellScripts(out), learnerScripts(out));
  const hash = createHash('sha256');
  for (const url of [...shell, ...app]) {
    const file = url.endsWith('/') ? `${url}index.html` : url;
    hash.update(url).update(readFileSync(join(out, file)));
  }
  const strategy = readFileSync(join(here, '../lib/offline/strategy.ts'), 'utf8');
  const worker = readFileSync(join(here, '../lib/offline/sw.ts'), 'utf8');
  hash.update(strategy).update(worker);
  const version = hash.digest('hex').slice(0, 12);
  const script = [
    '/* Extremism Online service worker, generated at build by src/integrations/study.ts. */',
    `const VERSION = ${JSON.stringify(version)};`,
    `const PRECACHE = ${JSON.stringify(shell)};`,
    `const APP = ${JSON.stringify(app)};`,
    toClassicScript(strategy, 'strategy.ts'),
    toClassicScript(worker, 'sw.ts'),
  ].join('\n');
  writeFileSync(join(out, 'sw.js'), script);
  return { version, precache: shell.length, app: app.length };
}

/** Index `<out>` with Pagefind into `<out>/pagefind/`; returns the number of pages indexed. */
export async function buildSearchIndex(out: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`study: Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: out });
    if (added.errors.length) throw new Error(`study: Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length)
      throw new Error(`study: Pagefind could not write: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export default function study(): AstroIntegration {
  return {
    name: 'eoc-study',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // The times are read by `npm run bench:scale` for its breakdown of the build.
        const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;
        let start = performance.now();
        const pages = await buildSearchIndex(out);
        logger.info(`Pagefind indexed ${pages} pages in ${seconds(start)}`);
        start = performance.now();
        const { version, precache, app } = writeServiceWorker(out);
        logger.info(
          `sw.js ${version}: ${precache} URLs precached at install, ${app} more once a quiz is used; written in ${seconds(start)}`,
        );
      },
    },
  };
}
