/**
 * Pure: no DOM, no framework.
 *
 * Pagefind result excerpts as plain text runs. Pagefind returns the excerpt
 * as HTML: the page text with `&`, `<`, `>`, `"` and `'` escaped, and the
 * matched words wrapped in `<mark>…</mark>`. Rather than trusting that string
 * as HTML (`innerHTML`), the search dialog builds text nodes and `<mark>`
 * elements from these runs, so nothing in an indexed page can ever inject
 * markup into the dialog, whatever Pagefind's escaping does.
 */

/** A piece of excerpt text; `mark` when Pagefind highlighted it as a match. */
export interface ExcerptRun {
  text: string;
  mark: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decode the named entities above and numeric ones (`&#39;`, `&#x27;`); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * The excerpt as runs of plain text. `<mark>` and `</mark>` (any case) switch
 * highlighting on and off; any other tag is dropped; entities are decoded.
 * Empty runs are left out and neighbouring runs of the same kind are joined.
 */
export function excerptRuns(excerpt: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?[a-z][^>]*>)/i)) {
    const tag = /^<(\/?)([a-z]+)/i.exec(piece);
    if (tag) {
      if (tag[2]?.toLowerCase() === 'mark') mark = tag[1] !== '/';
      continue;
    }
    const text = decodeEntities(piece);
    if (text === '') continue;
    const last = runs.at(-1);
    if (last && last.mark === mark) last.text += text;
    else runs.push({ text, mark });
  }
  return runs;
}
