/**
 * The search dialog (loaded by src/client/shell.ts on first open). Pagefind's
 * code and index (`/pagefind/pagefind.js`, built by src/integrations/study.ts)
 * are imported here, on open, never before.
 *
 * Keyboard: typing searches; ↓ from the field goes to the results, ↑/↓ move
 * between them, ↑ on the first goes back to the field; Enter opens the focused
 * result (Enter in the field opens the first); Esc closes the dialog and focus
 * returns to the Search button.
 *
 * Excerpts are built as text nodes and <mark> elements (src/lib/search/excerpt.ts),
 * never assigned as HTML.
 */
import { excerptRuns } from '../lib/search/excerpt.ts';
import { HIGHLIGHT_KEY, type HighlightNote } from '../lib/search/note.ts';
import { excerptTerms, matchAnchor } from '../lib/search/target.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  /** Word positions of the matches. */
  locations?: number[];
  /** Elements with an id, with their word positions. */
  anchors?: { id: string; location: number }[];
}
interface Pagefind {
  debouncedSearch(
    query: string,
    options?: object,
    ms?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;
let pagefind: Promise<Pagefind> | undefined;
let wired = false;
let trigger: HTMLElement | null = null;

function loadPagefind(): Promise<Pagefind> {
  const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

function parts(): {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  list: HTMLUListElement;
  status: HTMLElement;
} {
  const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  const input = dialog?.querySelector<HTMLInputElement>('input[type="search"]');
  const list = dialog?.querySelector<HTMLUListElement>('[data-search-results]');
  const status = dialog?.querySelector<HTMLElement>('[data-search-status]');
  if (!dialog || !input || !list || !status)
    throw new Error('search: the dialog markup is missing from the page');
  return { dialog, input, list, status };
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  // At the match: the element with an id (a numbered paragraph, a heading) just before it.
  const anchor = matchAnchor(data.anchors ?? [], data.locations ?? []);
  link.href = anchor ? `${data.url}#${anchor}` : data.url;
  link.dataset.terms = JSON.stringify(excerptTerms(data.excerpt));
  const title = document.createElement('strong');
  title.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('span');
  excerpt.className = 'search-excerpt';
  for (const run of excerptRuns(data.excerpt)) {
    if (run.mark) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      excerpt.append(mark);
    } else {
      excerpt.append(run.text);
    }
  }
  link.append(title, excerpt);
  item.append(link);
  return item;
}

async function search(query: string): Promise<void> {
  const { list, status } = parts();
  const text = query.trim();
  if (text === '') {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  let found: Awaited<ReturnType<Pagefind['debouncedSearch']>>;
  try {
    found = await (await loadPagefind()).debouncedSearch(text, {}, 150);
  } catch {
    status.textContent = 'Search is not available: the search index could not be loaded.';
    return;
  }
  if (found === null) return; // a newer query superseded this one
  const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  list.replaceChildren(...data.map(resultItem));
  const n = found.results.length;
  status.textContent =
    n === 0
      ? `No results for “${text}”.`
      : `${n} result${n === 1 ? '' : 's'} for “${text}”${n > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''}.`;
}

function links(list: HTMLElement): HTMLAnchorElement[] {
  return [...list.querySelectorAll('a')];
}

function wire(): void {
  const { dialog, input, list } = parts();
  input.addEventListener('input', () => void search(input.value));
  input.addEventListener('keydown', (event) => {
    const first = links(list)[0];
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      first?.click();
    } else if (event.key === 'Escape') {
      // A search field's own Escape only clears it; here Escape always closes, as everywhere else in the dialog.
      event.preventDefault();
      dialog.close();
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links(list);
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(all.length - 1, at + 1) : at - 1;
    (next < 0 ? input : all[next])?.focus();
  });
  list.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (link) openResult(link, event);
  });
  dialog.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // Clicking the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => trigger?.focus());
}

/**
 * Leave the matched words for the page the result opens (src/client/shell.ts highlights them).
 * A result on this very page only moves within it, so the words are highlighted here and now.
 */
function openResult(link: HTMLAnchorElement, event: MouseEvent): void {
  let terms: string[] = [];
  try {
    terms = JSON.parse(link.dataset.terms ?? '[]') as string[];
  } catch {
    // no words to show: the link still opens at the match
  }
  const url = new URL(link.href);
  if (url.pathname === location.pathname && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    event.preventDefault();
    parts().dialog.close();
    history.pushState(null, '', url.hash || location.pathname);
    void import('./highlight.ts').then(({ highlightMatches }) => highlightMatches(terms, url.hash.slice(1)));
    return;
  }
  const note: HighlightNote = { path: url.pathname, terms };
  try {
    sessionStorage.setItem(HIGHLIGHT_KEY, JSON.stringify(note));
  } catch {
    // no storage: the page opens at the match without the highlight
  }
}

/** Open the dialog (focus in the field) and start loading Pagefind. */
export function openSearch(from: HTMLElement, typed = ''): void {
  trigger = from;
  const { dialog, input } = parts();
  if (!wired) {
    wire();
    wired = true;
  }
  if (!dialog.open) dialog.showModal();
  input.focus();
  // Keys typed while this module loaded start the query; otherwise the last query is ready to replace.
  if (typed) input.value = typed;
  else input.select();
  void loadPagefind().catch(() => undefined);
  if (input.value.trim() !== '') void search(input.value);
}
