/**
 * The one script every page loads (from src/layouts/Base.astro), kept tiny:
 * - the "Review (3)" count in the navigation, from the due summary the review
 *   page stores (see src/lib/study/due.ts; no FSRS here);
 * - the Search button and its shortcuts (`/`, Ctrl+K / ⌘K): the dialog code
 *   (src/client/search.ts) and Pagefind load only when search is opened;
 * - in the built site, the service worker registration after `load`, and the
 *   "Update available — Reload" prompt when a new worker is waiting;
 * - on a lesson page, a note of the visit for "continue where you left off"
 *   (folded into progress by the store later, see src/lib/progress/keys.ts).
 */
import { DUE_SUMMARY_KEY, countDue, newestAttempts, parseDueSummary } from '../lib/study/due.ts';
import { now } from '../lib/clock.ts';
import { PROGRESS_KEY, VISIT_PREFIX, addVisit } from '../lib/progress/keys.ts';
import { HIGHLIGHT_KEY } from '../lib/search/note.ts';
import { cacheAppForOffline } from './precache.ts';

/** Event the review page dispatches on `window` after storing a new due summary. */
const DUE_EVENT = 'eoc:due';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** " (3)" after "Review" when questions are due: the link reads "Review (3)". */
function showDue(): void {
  const badge = document.querySelector<HTMLElement>('[data-due-badge]');
  if (!badge) return;
  const due = countDue(parseDueSummary(read(DUE_SUMMARY_KEY)), newestAttempts(read(PROGRESS_KEY)), now());
  badge.textContent = ` (${due})`;
  badge.hidden = due === 0;
}

/**
 * On a lesson page, note the visit for "continue where you left off" at once, without loading the
 * progress store (the quiz islands load it only when the learner starts answering); the store
 * folds the note into the progress document when it next loads (src/lib/progress/keys.ts).
 */
function noteVisit(): void {
  const lesson = document.querySelector<HTMLElement>('article[data-lesson]')?.dataset.lesson;
  if (!lesson) return;
  const key = `${VISIT_PREFIX}${lesson}`;
  try {
    localStorage.setItem(key, addVisit(localStorage.getItem(key), now()));
  } catch {
    // No storage: the islands say so when the learner answers; a visit is not worth a warning.
  }
}

/**
 * Opened from a search result: highlight the words it matched (the dialog left a note for this page
 * in sessionStorage; the highlighting code loads only then).
 */
function showSearchMatch(): void {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(HIGHLIGHT_KEY);
    if (raw !== null) sessionStorage.removeItem(HIGHLIGHT_KEY);
  } catch {
    return;
  }
  if (raw !== null) void import('./highlight.ts').then(({ highlightFromNote }) => highlightFromNote(raw));
}

noteVisit();
showSearchMatch();
showDue();
addEventListener('storage', showDue);
addEventListener(DUE_EVENT, showDue);
addEventListener('pageshow', showDue);

const searchButton = document.querySelector<HTMLButtonElement>('[data-search-open]');
let searchModule: Promise<typeof import('./search.ts')> | undefined;

/** Characters typed after asking for search but before its dialog is there (a fast typist's first letters). */
let typedEarly = '';
function keepEarlyKeys(event: KeyboardEvent): void {
  if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    typedEarly += event.key;
    event.preventDefault();
  }
}

function openSearch(from: HTMLElement | null = searchButton, typed = ''): void {
  if (!from) return;
  searchModule ??= import('./search.ts');
  typedEarly = typed;
  document.addEventListener('keydown', keepEarlyKeys, true);
  void searchModule
    .then((search) => {
      document.removeEventListener('keydown', keepEarlyKeys, true);
      search.openSearch(from, typedEarly);
      typedEarly = '';
    })
    .catch(() => document.removeEventListener('keydown', keepEarlyKeys, true));
}

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

searchButton?.addEventListener('click', () => openSearch());
// A search form in the page (the 404 page): its code loads only there.
if (document.querySelector('form[data-search-form]'))
  void import('./search-form.ts').then(({ wireSearchForms }) => wireSearchForms(openSearch));
document.addEventListener('keydown', (event) => {
  const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
  const slash =
    event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
  if ((ctrlK || slash) && !document.querySelector('dialog[open]')) {
    event.preventDefault();
    openSearch();
  }
});

function offerUpdate(waiting: ServiceWorker): void {
  const prompt = document.querySelector<HTMLElement>('[data-update]');
  const button = prompt?.querySelector('button');
  if (!prompt || !button) return;
  prompt.hidden = false;
  button.onclick = () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage('SKIP_WAITING');
  };
}

function watch(registration: ServiceWorkerRegistration): void {
  // A waiting worker is an update only when a worker already controls this page (not on a first install).
  const check = (): void => {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  };
  check();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') check();
    });
  });
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = (): void => {
    navigator.serviceWorker
      .register(`${import.meta.env.BASE_URL}sw.js`)
      .then(watch)
      .catch((error: unknown) => console.warn('[offline] service worker not registered', error));
    // A learner who has used the quizzes gets them offline (again after an update, for the new build);
    // not from an assignment page, which must download no answer key (the app tier holds practice keys).
    if (read(PROGRESS_KEY) !== null && !location.pathname.endsWith('/assignment/')) cacheAppForOffline();
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
