/**
 * Ask the service worker to cache the app tier (quiz, review and progress code, see `precacheList`
 * in src/lib/offline/strategy.ts) so that quizzes work offline from now on. Called once the learner
 * uses a quiz (src/client/intent.ts) and on any page load when they have progress
 * (src/client/shell.ts): never for a reader who has not used a quiz, so it costs them nothing.
 * Harmless without a worker (development, old browsers) and when everything is cached already.
 */
import { PRECACHE_APP } from '../lib/offline/strategy.ts';

export function cacheAppForOffline(): void {
  // No import.meta.env here: src/client/intent.ts is bundled by esbuild (Astro's directive build), not Vite.
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.ready
    .then((registration) => registration.active?.postMessage(PRECACHE_APP))
    .catch(() => undefined);
}
