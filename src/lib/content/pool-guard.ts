/**
 * Finding the final assessment's items on a built page. The pool (content/assessment/pool/) is meant
 * for /assessment/ alone: an item copied onto a lesson page, in its text or in a quiz island's props,
 * would let a learner meet it before the assessment and, once keys are kept secret, give its key
 * away. The build runs this over every page (src/integrations/pool-guard.ts). Pure: no DOM, no fs.
 *
 * An item is found by its id (a `data-qid` attribute, island props) or by its prompt, compared the
 * way answers are (case, accents and punctuation folded), so markup, HTML entities, JSON escaping and
 * `*emphasis*` rendered as <em> do not hide it.
 */
import { normalizeText } from '../quiz/normalize.ts';

/** What the guard needs of an item. */
export interface GuardedItem {
  id: string;
  prompt: string;
}

/** Inline tags that can split a prompt's words when it is rendered (`*emphasis*` becomes <em>). */
const INLINE_TAG = /<\/?(?:em|strong|i|b|span|mark|code|q|abbr|a)\b[^>]*>/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML character references a built page uses (named, decimal and hexadecimal). */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/**
 * A page as the prompt search reads it: inline tags dropped, other tags kept (their attributes hold
 * island props), entities decoded, JSON escapes (`\"`, `\n`) spaced out, then normalised like an
 * answer, with a space at each end so that matches fall on word boundaries.
 */
export function pageText(html: string): string {
  const decoded = decodeEntities(html.replace(INLINE_TAG, ''));
  return ` ${normalizeText(decoded.replace(/\\[nrt"\\/]/g, ' '))} `;
}

/** The ids of `items` that appear on the page, each once, in the order of `items`. */
export function poolItemsOnPage(html: string, items: readonly GuardedItem[]): string[] {
  const text = pageText(html);
  const raw = decodeEntities(html);
  return items
    .filter(({ id, prompt }) => {
      const needle = normalizeText(prompt.replace(/\*/g, ' '));
      const byPrompt = needle.length > 0 && text.includes(` ${needle} `);
      const byId = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(raw);
      return byPrompt || byId;
    })
    .map((item) => item.id);
}
