/**
 * The service worker (thin: the rules are in strategy.ts beside it). It lives with its rules
 * because they are one thing; it is the one file in src/lib that runs for its effects, and it
 * imports nothing but strategy.ts, so the purity lint still holds.
 * Compiled at build into dist/sw.js by src/integrations/study.ts, which puts
 * `VERSION` and `PRECACHE` above this code and the rules before it; the
 * import below is for type checking and is removed from the output.
 *
 * install: precache this build's shell (no skipWaiting: a new worker waits
 * until the page's "Reload" button posts SKIP_WAITING, so a page never runs
 * against assets from two builds). activate: delete older shells, claim
 * clients. message PRECACHE_APP: add this build's app files (the quiz code and
 * review data) to the shell cache, fetching only those not there yet. fetch:
 * see the strategy table in strategy.ts.
 */
import { OFFLINE_URL, PRECACHE_APP, cacheKey, cacheNames, staleCaches, strategyFor } from './strategy.ts';

declare const VERSION: string;
/** The shell, cached at install. */
declare const PRECACHE: string[];
/** The quiz, review and progress code, cached when a page posts PRECACHE_APP. */
declare const APP: string[];

/** The parts of the service worker global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

const worker = self as unknown as WorkerScope;
const names = cacheNames(VERSION);

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(names.shell).then((cache) => cache.addAll(PRECACHE)));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(staleCaches(keys, VERSION).map((key) => caches.delete(key))))
      .then(() => worker.clients.claim()),
  );
});

/** Cache the app files this build's shell cache lacks (a file already in the assets cache is copied). */
async function precacheApp(): Promise<void> {
  const shell = await caches.open(names.shell);
  const assets = await caches.open(names.assets);
  await Promise.all(
    APP.map(async (url) => {
      const key = cacheKey(new URL(url, worker.location.origin).href);
      if (await shell.match(key)) return;
      const copy = await assets.match(key);
      if (copy) await shell.put(key, copy);
      else await shell.add(url);
    }),
  );
}

worker.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') void worker.skipWaiting();
  else if (event.data === PRECACHE_APP) {
    (event as MessageEvent & ExtendableEvent).waitUntil(precacheApp().catch(() => undefined));
  }
});

/** From `cacheName`, else from this build's shell. */
async function cached(cacheName: string, key: string): Promise<Response | undefined> {
  const cache = await caches.open(cacheName);
  return (await cache.match(key)) ?? (await (await caches.open(names.shell)).match(key));
}

async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
  const key = cacheKey(request.url);
  const hit = await cached(cacheName, key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(cacheName)).put(key, response.clone());
  return response;
}

async function staleWhileRevalidate(event: FetchEvent, cacheName: string): Promise<Response> {
  const { request } = event;
  const key = cacheKey(request.url);
  const hit = await cached(cacheName, key);
  const update = fetch(request).then(async (response) => {
    // Redirects and errors are not kept: a cached 404 would hide the page when it comes back.
    if (response.ok && response.type === 'basic')
      await (await caches.open(cacheName)).put(key, response.clone());
    return response;
  });
  if (hit) {
    event.waitUntil(update.catch(() => undefined));
    return hit;
  }
  try {
    return await update;
  } catch (error) {
    if (request.mode === 'navigate') {
      const offline = await cached(names.pages, cacheKey(new URL(OFFLINE_URL, worker.location.origin).href));
      if (offline) return offline;
    }
    throw error;
  }
}

worker.addEventListener('fetch', (event) => {
  const { strategy, cache } = strategyFor(event.request, worker.location.origin);
  if (strategy === 'network-only' || cache === null) return;
  const cacheName = names[cache];
  event.respondWith(
    strategy === 'cache-first'
      ? cacheFirst(event.request, cacheName)
      : staleWhileRevalidate(event, cacheName),
  );
});
