/**
 * Pure: no DOM, no framework, and NO IMPORTS — this file is also compiled into
 * the service worker (`dist/sw.js`, written by src/integrations/study.ts),
 * where there is no module loader.
 *
 * The offline rules: cache names per build, which URLs are precached, and
 * which caching strategy answers each request.
 *
 * | request                                             | strategy                 | cache   |
 * | --------------------------------------------------- | ------------------------ | ------- |
 * | not GET, other origin, `/sw.js`, `/instructor/…`     | network only             | —       |
 * | `/_astro/…`, `/icons/…` (content-hashed or fixed)    | cache first              | assets  |
 * | `/pagefind/…` (index fragments, search code)         | stale-while-revalidate   | search  |
 * | pages and everything else (`/lessons/x/`, JSON…)     | stale-while-revalidate   | pages   |
 *
 * A page that is neither cached nor reachable gets the offline page
 * (`OFFLINE_URL`, precached). Shell pages are precached with the build, so
 * they also answer offline on a first visit to them. The quiz code is cached
 * once the learner starts using a quiz (the `app` tier of `precacheList`).
 */

/** Every cache this site creates starts with this, so activation can delete ours and only ours. */
export const CACHE_PREFIX = 'eoc-';

/** The page shown for a navigation that is neither cached nor reachable. */
export const OFFLINE_URL = '/offline/';

/** Pages of the course shell, precached at install (when the build has them). */
export const SHELL_ROUTES: readonly string[] = [
  '/',
  '/about/',
  '/glossary/',
  '/timeline/',
  '/review/',
  '/progress/',
  OFFLINE_URL,
];

/** Non-page files of the shell, precached when the build has them. */
export const SHELL_FILES: readonly string[] = ['/manifest.webmanifest', '/favicon.svg'];

/** Data files cached with the app tier (see `precacheList`), when the build has them. */
export const APP_FILES: readonly string[] = ['/review/questions.json'];

export type Strategy = 'network-only' | 'cache-first' | 'stale-while-revalidate';

export interface CacheNames {
  /** This build's precache: replaced on every deploy. */
  shell: string;
  /** Visited pages and data (runtime, stale-while-revalidate). */
  pages: string;
  /** Hashed build assets and icons (runtime, cache first). */
  assets: string;
  /** Pagefind's index and code (runtime, stale-while-revalidate). */
  search: string;
}

/**
 * Cache names for a build `version`. Only the shell is per build: runtime
 * caches survive an update so lessons read offline stay available, and old
 * pages still find the hashed assets they reference.
 */
export function cacheNames(version: string): CacheNames {
  if (!/^[\w.-]+$/.test(version)) {
    throw new RangeError(
      `offline: version must be letters, digits, '.', '_' or '-', got ${JSON.stringify(version)}`,
    );
  }
  return {
    shell: `${CACHE_PREFIX}shell-${version}`,
    pages: `${CACHE_PREFIX}pages-v1`,
    assets: `${CACHE_PREFIX}assets-v1`,
    search: `${CACHE_PREFIX}search-v1`,
  };
}

/** Our caches that this build no longer uses (older shells); other sites' caches are left alone. */
export function staleCaches(existing: readonly string[], version: string): string[] {
  const keep = new Set(Object.values(cacheNames(version)));
  return existing.filter((name) => name.startsWith(CACHE_PREFIX) && !keep.has(name));
}

/** What `strategyFor` needs to know about a request. */
export interface RequestInfo {
  /** Absolute URL. */
  url: string;
  method: string;
}

/** The strategy and cache for a request from a page of `origin`; see the table at the top. */
export function strategyFor(
  request: RequestInfo,
  origin: string,
): { strategy: Strategy; cache: keyof CacheNames | null } {
  const none = { strategy: 'network-only', cache: null } as const;
  if (request.method !== 'GET') return none;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return none;
  }
  if (url.origin !== origin) return none;
  const path = url.pathname;
  if (path === '/sw.js' || path.startsWith('/instructor/')) return none;
  if (path.startsWith('/_astro/') || path.startsWith('/icons/'))
    return { strategy: 'cache-first', cache: 'assets' };
  if (path.startsWith('/pagefind/')) return { strategy: 'stale-while-revalidate', cache: 'search' };
  return { strategy: 'stale-while-revalidate', cache: 'pages' };
}

/**
 * The cache key of a same-origin URL: path only (a `?objective=…` or `#p7`
 * shows the same page), with `index.html` dropped, so `/review/?x=1`,
 * `/review/` and `/review/index.html` share one entry.
 */
export function cacheKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname.replace(/\/index\.html$/, '/')}`;
}

/**
 * What the worker caches ahead of use, from the built site's file list (paths relative to the
 * output folder, `/` separators), in two tiers. Sorted, no duplicates.
 * - `shell`, at install, on a learner's first visit: the shell pages that exist, the shell files
 *   except the review data, every CSS file under `_astro/`, the icons, and `shellScripts` (the
 *   site script every page runs, with its static imports). Kept small on purpose: it is fetched
 *   without the learner asking, so it counts against the lesson page's budget.
 * - `app`, when a page posts `PRECACHE_APP` (the learner started using a quiz, or has progress):
 *   the other JS files a learner's pages can run (`learnerScripts`; every other JS file under
 *   `_astro/` when that is not given) and the review data, so that quizzes, `/review/` and
 *   `/progress/` work offline from then on. Instructor-only code is not in it.
 */
export function precacheList(
  files: readonly string[],
  shellScripts: readonly string[] = [],
  learnerScripts?: readonly string[],
): { shell: string[]; app: string[] } {
  const slash = (file: string): string => `/${file.replace(/^\/+/, '')}`;
  const have = new Set(files.map(slash));
  const inShell = new Set(shellScripts.map(slash));
  const forLearners = learnerScripts && new Set(learnerScripts.map(slash));
  const shell = new Set<string>();
  const app = new Set<string>();
  for (const route of SHELL_ROUTES) if (have.has(`${route}index.html`)) shell.add(route);
  for (const file of SHELL_FILES) if (have.has(file)) shell.add(file);
  for (const file of APP_FILES) if (have.has(file)) app.add(file);
  for (const file of have) {
    if (/^\/_astro\/[^/]+\.css$/.test(file) || /^\/icons\/[^/]+\.(png|svg)$/.test(file)) shell.add(file);
    else if (/^\/_astro\/[^/]+\.js$/.test(file)) {
      if (inShell.has(file)) shell.add(file);
      else if (!forLearners || forLearners.has(file)) app.add(file);
    }
  }
  return { shell: [...shell].sort(), app: [...app].sort() };
}

/** The message a page posts to the worker to cache the `app` tier (see `precacheList`). */
export const PRECACHE_APP = 'PRECACHE_APP';
