/**
 * Helpers for draft lessons: pages generated from an article that has no hand-written lesson yet.
 * Pure: no astro, no DOM.
 */

/**
 * The first sentence of a paragraph, for a reading-guide preview. Splits at a full stop, question or
 * exclamation mark followed by a space and a capital, so "Dr. Galeotti" and "U.S. officials" survive;
 * falls back to the first 200 characters with an ellipsis.
 */
export function firstSentence(text: string, max = 200): string {
  const match = /^(.{20,}?[.!?][”"’)]?)\s+(?=[A-Z“"‘(])/u.exec(text);
  const sentence = match?.[1] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}
