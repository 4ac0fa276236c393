/**
 * Pure: no DOM, no framework, no imports beyond the excerpt parser.
 *
 * Opening a search result at the match rather than at the top of the page. Pagefind gives each
 * result the word positions of its matches (`locations`) and every element with an id on the page
 * with its word position (`anchors`: headings, the numbered paragraphs `p12`). The link goes to the
 * last anchor at or before the first match; the words Pagefind marked in the excerpt are what the
 * page then highlights (src/client/highlight.ts), handed over in sessionStorage (see note.ts) so
 * that URLs stay as they are (and the service worker's cache keys with them).
 */
import { excerptRuns } from './excerpt.ts';

export interface ResultAnchor {
  id: string;
  location: number;
}

/** The distinct words Pagefind marked in an excerpt, without punctuation, in order of first appearance. */
export function excerptTerms(excerpt: string): string[] {
  const seen = new Map<string, string>();
  for (const run of excerptRuns(excerpt)) {
    // Pagefind marks a word with the punctuation around it ("Catania."); the page is searched for the word.
    const word = run.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (run.mark && word !== '' && !seen.has(word.toLowerCase())) seen.set(word.toLowerCase(), word);
  }
  return [...seen.values()];
}

/** Id of the last anchor at or before the first match, if any. */
export function matchAnchor(
  anchors: readonly ResultAnchor[],
  locations: readonly number[],
): string | undefined {
  if (locations.length === 0) return undefined;
  const first = Math.min(...locations);
  let best: ResultAnchor | undefined;
  for (const anchor of anchors) {
    if (anchor.id !== '' && anchor.location <= first && (!best || anchor.location >= best.location))
      best = anchor;
  }
  return best?.id;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where `terms` occur in `text` as whole words, ignoring case: [start, end) offsets, in order,
 * never overlapping (a longer term wins where two start at the same place).
 */
export function termRanges(text: string, terms: readonly string[]): [number, number][] {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  if (words.length === 0) return [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}
