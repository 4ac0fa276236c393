/**
 * The shape of one cleaned article, as ingest produces it from a scraped page.
 * Everything downstream (content collections, lessons, quiz evidence) reads this.
 */

/** One paragraph of article text. `id` is `p1`, `p2`, … counted across the whole article. */
export interface Paragraph {
  /** Stable anchor id, `p` + 1-based position in the article. */
  id: string;
  /** The paragraph text, whitespace-normalised, shortcodes removed. */
  text: string;
  /** Present when the paragraph is a list in the source (e.g. a numbered list of companies). */
  items?: string[];
  /**
   * The page's standfirst (a dek under the title, or a summary the text repeats). It keeps its
   * number, but pages show it apart from the text and word counts and draft questions skip it.
   */
  standfirst?: true;
  /** The paragraph points at an image (`the photo above`) that the page no longer has. */
  missingImage?: true;
}

export interface Section {
  /** The section heading, or null for the text before the first heading. */
  heading: string | null;
  paragraphs: Paragraph[];
}

export interface Article {
  /** Slug derived from the title; stable across runs. */
  id: string;
  title: string;
  /** Authors from byline lines and `Authors: A and B` lines, degrees stripped. */
  authors: string[];
  /** The publication name (site or paper), or null when the page does not say. */
  publication: string | null;
  sections: Section[];
  /** Image captions, each kept once. */
  captions: string[];
  /** Reference lists and numbered footnotes. */
  footnotes: string[];
  /** Author biographies. */
  bios: string[];
  /** Publication notes such as "First published in our partner RIAC". */
  notes: string[];
  /** Where the article came from: the seed file name and its 0-based position in that file. */
  source: { file: string; index: number };
  /** Word count of the paragraphs, standfirst excluded. */
  words: number;
}
