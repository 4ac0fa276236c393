/**
 * Pure: no DOM, no framework, no imports (the site script on every page reads the key).
 *
 * The note the search dialog leaves in sessionStorage for the page a result opens: which page, and
 * the words to highlight there (src/client/highlight.ts).
 */

/** sessionStorage key of the note the search dialog leaves for the page it opens. */
export const HIGHLIGHT_KEY = 'eoc:search:highlight';

/** What the opened page highlights: the words, on which page (path), near which element (id). */
export interface HighlightNote {
  path: string;
  terms: string[];
}

/** The stored note, or undefined when missing or not one (never throws). */
export function parseHighlightNote(raw: string | null): HighlightNote | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<HighlightNote> | null;
    if (typeof value?.path !== 'string' || !Array.isArray(value.terms)) return undefined;
    const terms = value.terms.filter((t): t is string => typeof t === 'string').slice(0, 20);
    return { path: value.path, terms };
  } catch {
    return undefined;
  }
}
