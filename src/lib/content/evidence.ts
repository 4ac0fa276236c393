/**
 * Evidence checking: every question and every guided-reading quote cites a verbatim passage of a
 * numbered paragraph. The build runs these checks, so a lesson cannot claim what its source does
 * not say. Pure: no astro, no DOM.
 */

/**
 * Folds the differences a reader would not count as a misquote: curly vs straight quotes and
 * apostrophes, dash variants, ellipsis character, non-breaking spaces, runs of whitespace.
 */
export function normalizeForQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .trim();
}

export interface ParagraphLike {
  id: string;
  text: string;
}

export type EvidenceProblem =
  { kind: 'no-paragraph'; message: string } | { kind: 'not-verbatim'; message: string; nearest?: string };

/**
 * Checks that `quote` stands verbatim in paragraph `paragraphId` of `paragraphs`. Returns null when
 * it does, or a problem whose message says what is wrong and, for a misquote, where the quote is
 * found instead (another paragraph) so the author can fix the reference.
 */
export function checkEvidence(
  paragraphs: readonly ParagraphLike[],
  paragraphId: string,
  quote: string,
): EvidenceProblem | null {
  const target = paragraphs.find((p) => p.id === paragraphId);
  const q = normalizeForQuote(quote);
  if (!target) {
    const last = paragraphs.at(-1)?.id ?? 'none';
    return {
      kind: 'no-paragraph',
      message: `paragraph ${paragraphId} does not exist (the article has p1–${last})`,
    };
  }
  if (normalizeForQuote(target.text).includes(q)) return null;
  const elsewhere = paragraphs.find((p) => normalizeForQuote(p.text).includes(q));
  if (elsewhere) {
    return {
      kind: 'not-verbatim',
      message: `the quote is not in ${paragraphId} but is in ${elsewhere.id}`,
      nearest: elsewhere.id,
    };
  }
  return {
    kind: 'not-verbatim',
    message: `the quote is not verbatim in ${paragraphId}: “${quote.slice(0, 80)}”`,
  };
}
