/**
 * `client:intent="<question ids>"`: a client directive (registered by src/integrations/intent.ts)
 * that hydrates a quiz island when the learner starts using it, not when it scrolls into view.
 *
 * Why: the server already renders every question with native, readable controls, so a reader
 * who is only reading needs no quiz code at all. A lesson page loads a few KB of script until
 * the learner touches a question (pointer down, focus, a key, typing); then the Svelte runtime,
 * the progress store and the quiz code load once, and every island on the page hydrates.
 *
 * Islands hydrate on idle instead, without waiting for a touch, when there is something to show:
 * this browser holds an attempt, review card or draft for one of the island's questions, stored
 * progress does not decode cleanly (so the island will show a notice: the same decoder as the
 * store's decides, src/lib/progress/codec.ts), or storage cannot be read (see `hasSavedState`).
 * Progress written in another tab hydrates them too, so tabs stay in step.
 *
 * Nothing the learner does while the code loads is lost:
 * - a radio, checkbox, select or text field changes natively at once; the changed controls are
 *   noted, and after hydration (which resets controls to the island's state) their values are put
 *   back and `input`/`change` are dispatched, so the island takes them up as if typed;
 * - button clicks ("Check answer", "Show a hint", "Move up") are held and replayed in order;
 * - focus is put back if hydration replaced the focused control.
 * A control hydration replaced is found again by its identity (`controlKey`: its question, and its
 * value, label or text), never by its position: the island may render more on hydration (a notice
 * with its own button above the questions), and a position would then point one control off.
 */
import type { ClientDirective } from 'astro';
import { needsNotice } from '../lib/progress/codec.ts';
import { DRAFTS_PREFIX, PROGRESS_KEY, canStore, hasSavedState } from '../lib/progress/keys.ts';
import { cacheAppForOffline } from './precache.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;

const CONTROLS = 'input, select, textarea, button';
/** Events that mean "the learner is starting to use this island". */
const STARTERS = ['pointerdown', 'touchstart', 'focusin', 'keydown'] as const;

/** Islands on this page still waiting; once one is used, the rest follow on idle. */
const waiting = new Set<() => void>();
let engaged = false;

const idle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
};

function engageAll(): void {
  if (engaged) return;
  engaged = true;
  cacheAppForOffline();
  idle(() => {
    for (const start of [...waiting]) start();
  });
}

function read(key: string): string | null {
  return localStorage.getItem(key);
}

/** Whether this browser saves progress; if not, the islands load at once to say so. Asked once per page. */
let storable: boolean | undefined;
const canSave = (): boolean => (storable ??= canStore(() => globalThis.localStorage));

addEventListener('storage', (event) => {
  // Progress or a draft written in another tab (null: storage cleared there).
  if (event.key === null || event.key === PROGRESS_KEY || event.key.startsWith(DRAFTS_PREFIX)) {
    engageAll();
  }
});

const NOTE_ID = 'eoc-quiz-unavailable';

/**
 * A note pinned to the bottom of the window (the question touched may be far from the island's
 * top) when quiz code could not load; one per page, dismissable, removed once an island loads.
 */
function showUnavailable(): void {
  if (document.getElementById(NOTE_ID)) return;
  const note = document.createElement('div');
  note.id = NOTE_ID;
  note.className = 'q-notice';
  note.setAttribute('role', 'status');
  note.style.cssText =
    'position:fixed;left:0.75rem;right:0.75rem;bottom:0.75rem;z-index:20;max-width:40rem;margin:auto';
  const text = document.createElement('p');
  text.textContent =
    'The quiz could not be loaded: you seem to be offline, and it has not been used online on this device yet. Your choices stay on the page; the quiz works once you are back online.';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'q-secondary';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => note.remove());
  note.append(text, dismiss);
  document.body.append(note);
}

const isToggle = (c: Control): c is HTMLInputElement =>
  c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox');

/**
 * What a control is, the same in the server's render and the hydrated island: the question it
 * belongs to, then its value (a radio or checkbox is one option), else its label or text.
 */
function controlKey(control: Control): string {
  const question = control.closest('[data-qid]')?.getAttribute('data-qid') ?? '';
  const label =
    control.getAttribute('aria-label') ??
    control.labels?.[0]?.textContent ??
    (control instanceof HTMLButtonElement ? control.textContent : '');
  const own = isToggle(control) ? `${control.type}=${control.value}` : label.replace(/\s+/g, ' ').trim();
  return `${question}\u0000${control.tagName}\u0000${own}`;
}

/** The island's controls by key; a key two controls share is left out (never guess between them). */
function byKey(controls: Iterable<Control>): Map<string, Control | null> {
  const map = new Map<string, Control | null>();
  for (const control of controls) {
    const key = controlKey(control);
    map.set(key, map.has(key) ? null : control);
  }
  return map;
}

/** Whether stored progress decodes with a problem; asked once per stored text per page. */
let verdict: { raw: string; notice: boolean } | undefined;
function unreadable(raw: string): boolean {
  if (verdict?.raw !== raw) verdict = { raw, notice: needsNotice(raw) };
  return verdict.notice;
}

const intent: ClientDirective = (load, options, el) => {
  const ids = String(options.value ?? '')
    .split(/\s+/)
    .filter(Boolean);
  /** Controls the learner changed before the island went live, with their state then, latest change last. */
  const touched = new Map<Control, { value: string; checked: boolean }>();
  const held: HTMLButtonElement[] = [];
  let started = false;

  const note = (event: Event): void => {
    const target = event.target;
    if (target instanceof Element && target.matches(CONTROLS)) {
      const control = target as Control;
      touched.delete(control); // re-inserted last: for radios, the last one chosen must win
      touched.set(control, { value: control.value, checked: isToggle(control) && control.checked });
    }
    void start();
  };
  const hold = (event: Event): void => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && el.contains(button)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      held.push(button);
    }
    void start();
  };
  const begin = (): void => void start();

  for (const type of STARTERS) el.addEventListener(type, begin, { capture: true, passive: true });
  el.addEventListener('input', note, true);
  el.addEventListener('change', note, true);
  el.addEventListener('click', hold, true);

  async function start(): Promise<void> {
    if (started) return;
    started = true;
    waiting.delete(run);
    el.setAttribute('aria-busy', 'true');
    const hydrate = await load();

    // The learner may go on choosing and clicking while hydration runs: what they did is read only
    // once it is done, and a control hydration replaced is found again by its key.
    const active = document.activeElement;
    const focused =
      active instanceof Element && active.matches(CONTROLS) && el.contains(active)
        ? controlKey(active as Control)
        : undefined;

    await hydrate();

    if (el.hasAttribute('ssr')) {
      // The code did not arrive (offline before the quiz was ever used online): say so, keep what
      // the learner did on the page, and try again on their next touch or when the network returns.
      started = false;
      held.length = 0;
      el.removeAttribute('aria-busy');
      showUnavailable();
      addEventListener('online', run, { once: true });
      return;
    }
    document.getElementById(NOTE_ID)?.remove();

    for (const type of STARTERS) el.removeEventListener(type, begin, { capture: true });
    el.removeEventListener('input', note, true);
    el.removeEventListener('change', note, true);
    el.removeEventListener('click', hold, true);
    el.removeAttribute('aria-busy');
    el.removeAttribute('data-restoring');

    const after = byKey(el.querySelectorAll<Control>(CONTROLS));
    const live = (node: Control): Control | undefined =>
      el.contains(node) ? node : (after.get(controlKey(node)) ?? undefined);
    for (const [node, { value, checked }] of touched) {
      const control = live(node);
      if (!control) continue;
      // Always dispatch, even when the control already shows the value: hydration leaves some
      // controls as the learner set them (a <select> whose options kept their server attributes)
      // while the island's state is still empty. The island's handlers are idempotent.
      if (isToggle(control)) control.checked = checked;
      else {
        control.value = value;
        control.dispatchEvent(new Event('input', { bubbles: true }));
      }
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const focus = focused === undefined ? undefined : after.get(focused);
    if (focus && !el.contains(document.activeElement)) focus.focus();
    // One at a time, letting the island update in between (a second "Move up" acts on the new order).
    for (const button of held.splice(0)) {
      live(button)?.click();
      await new Promise((resolve) => setTimeout(resolve));
    }
    engageAll();
  }

  const run = (): void => void start();
  waiting.add(run);
  if (engaged) idle(run);
  else if (!canSave() || hasSavedState(read, ids, unreadable)) {
    // Until hydrated, the server's defaults ("Not started") would be wrong: islands may hide them.
    el.setAttribute('data-restoring', '');
    idle(run);
  }
};

export default intent;
