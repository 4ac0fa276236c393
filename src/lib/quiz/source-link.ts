/**
 * Pure: no DOM, no framework.
 *
 * The "See in source" link of a question: `/sources/<article>/#p7:~:text=…`.
 * `#p7` scrolls to the paragraph and its `:target` style marks it; the text
 * directive (a URL text fragment) makes Chromium-based browsers and Safari
 * highlight the exact quoted words (`::target-text`). Browsers without text
 * fragments ignore the directive and still go to `#p7`.
 *
 * Authors may quote with straight quotes where the source has curly ones
 * (evidence is compared after `normalizeForQuote`), but a text fragment must
 * match the page's characters, so the quote is first located in the
 * paragraph and the original characters are used.
 */
import { normalizeForQuote } from '../content/evidence.ts';

/** Quotes longer than this many words are linked by their first and last few words. */
export const MAX_EXACT_WORDS = 10;
/** Words taken from each end of a long quote (`textStart,textEnd`). */
export const EDGE_WORDS = 5;

/**
 * The passage of `paragraph` that `quote` cites, with the paragraph's own
 * characters (curly quotes, dashes, spacing), widened to whole words; or the
 * quote itself (whitespace-collapsed) if it cannot be found.
 */
export function locateQuote(paragraph: string, quote: string): string {
  const text = paragraph.normalize('NFC');
  // Normalise char by char, remembering where each normalised char came from.
  let normalised = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    let out: string;
    if (/[\s\u00A0\u202F]/.test(ch)) {
      if (normalised.endsWith(' ')) continue;
      out = ' ';
    } else {
      out = ch === '\u2026' ? '...' : normalizeForQuote(ch);
    }
    for (const c of out) {
      normalised += c;
      from.push(i);
    }
  }
  const needle = normalizeForQuote(quote);
  const at = normalised.indexOf(needle);
  if (at < 0 || needle === '') return quote.replace(/\s+/g, ' ').trim();
  let start = from[at] ?? 0;
  let end = (from[at + needle.length - 1] ?? text.length - 1) + 1;
  while (start > 0 && /\S/.test(text[start - 1] ?? '')) start--;
  while (end < text.length && /\S/.test(text[end] ?? '')) end++;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** Percent-encode a text-directive term: `encodeURIComponent`, plus `-` (directive syntax). */
export function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** `text=…` for a passage: the whole text, or `start,end` (first/last EDGE_WORDS words) when long. */
export function textDirective(passage: string): string {
  const words = passage.split(/\s+/).filter(Boolean);
  if (words.length <= MAX_EXACT_WORDS) return `text=${encodeTextDirective(words.join(' '))}`;
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `text=${encodeTextDirective(start)},${encodeTextDirective(end)}`;
}

/**
 * The article a question's evidence quotes: `evidence.article` when given (a unit quoting another
 * lesson's source), otherwise the article of the question's lesson, which has the lesson's id.
 */
export function evidenceArticle(q: { lesson: string; evidence: { article?: string } }): string {
  return q.evidence.article ?? q.lesson;
}

/** `<base>sources/<article>/#p7:~:text=…` for evidence in paragraph `p7` whose text is `paragraphText`. */
export function sourceHref(
  base: string,
  article: string,
  evidence: { paragraph: string; quote: string },
  paragraphText: string | undefined,
): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const passage =
    paragraphText === undefined
      ? evidence.quote.replace(/\s+/g, ' ').trim()
      : locateQuote(paragraphText, evidence.quote);
  return `${root}sources/${article}/#${evidence.paragraph}:~:${textDirective(passage)}`;
}
