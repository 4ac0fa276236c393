/**
 * Highlights the words a search matched on the page it opened, and scrolls the first one into view
 * (loaded by src/client/shell.ts only when the search dialog left a note for this page, or by the
 * search dialog itself when the result is on the page already). The words are wrapped in
 * <mark class="search-hit"> elements; the hit nearest after the result's anchor is the one shown.
 */
import { parseHighlightNote } from '../lib/search/note.ts';
import { termRanges } from '../lib/search/target.ts';

/** Text that is not part of what the reader sees as the page's text. */
const SKIP = 'script, style, noscript, template, [data-pagefind-ignore], .term-tip, .search-dialog';

function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** Wrap every match of `terms` in `root`'s text in a <mark>; returns the marks in document order. */
function mark(root: Element, terms: readonly string[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const node of textNodes(root)) {
    const ranges = termRanges(node.data, terms);
    // From the end, so earlier offsets stay valid as the node is split.
    for (const [start, end] of ranges.reverse()) {
      const hit = node.splitText(start);
      hit.splitText(end - start);
      const element = document.createElement('mark');
      element.className = 'search-hit';
      hit.replaceWith(element);
      element.append(hit);
      marks.unshift(element);
    }
  }
  return marks;
}

/** Remove the marks of an earlier search on this page. */
function clear(): void {
  for (const old of document.querySelectorAll('mark.search-hit')) old.replaceWith(...old.childNodes);
  document.querySelector('main')?.normalize();
}

/** Highlight `terms` in the main content and bring the first hit at or after `anchorId` into view. */
export function highlightMatches(terms: readonly string[], anchorId = location.hash.slice(1)): void {
  const main = document.querySelector('main');
  if (!main || terms.length === 0) return;
  clear();
  const marks = mark(main, terms);
  const anchor = anchorId ? document.getElementById(decodeURIComponent(anchorId)) : null;
  const first =
    (anchor &&
      marks.find(
        (m) => anchor.contains(m) || !!(anchor.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING),
      )) ??
    marks[0];
  if (!first) return;
  first.classList.add('search-hit-first');
  // A closed <details> around the hit opens, so the hit can be seen.
  for (let d = first.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  first.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
}

/** The note the search dialog left (raw, from sessionStorage): highlight its words if it is for this page. */
export function highlightFromNote(raw: string): void {
  const note = parseHighlightNote(raw);
  if (note && note.path === location.pathname) highlightMatches(note.terms);
}
