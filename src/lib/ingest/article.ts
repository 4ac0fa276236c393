/**
 * Step 3 of ingest (seed page → articles → content collections): turn the lines of one article
 * into title, byline, sections of numbered paragraphs, and the side material (captions,
 * footnotes, bios, notes) that must not be numbered as paragraphs. Paragraph ids are assigned
 * here and nowhere else, so lessons can quote `p7` and trust it. Pure: no I/O.
 */
import type { Article, Paragraph, Section } from './types.ts';
import {
  bioSubject,
  countWords,
  hasCaptionMarker,
  isBioHeading,
  isBracketFootnote,
  isChrome,
  isDateLine,
  isEndOfArticle,
  isHeadingLike,
  isNote,
  isPublishedMarker,
  isReferencesHeading,
  isSiteName,
  parseAuthorsLine,
  parseBareByline,
  parseByLine,
  parseCopyright,
  parseNumberedItem,
  parsePostedBy,
  wireFromDateline,
} from './lines.ts';

/** What stands above the body: title, a byline, a site-name line, and where the body starts. */
export interface Head {
  title: string;
  byline: string[] | null;
  publication: string | null;
  bodyStart: number;
}

/** Lines above a title that are never the title itself. */
function isHeadNoise(line: string): boolean {
  return (
    line === '' || isChrome(line) || isEndOfArticle(line) || isDateLine(line) || parseCopyright(line) !== null
  );
}

/**
 * Find the head. Pages of the Modern Diplomacy shape put `Published` / `on` under the title,
 * with an optional bare byline between: the title is then the last real line above it (the
 * section label such as `Intelligence` sits above the title and is skipped). Other pages start
 * with the title; a press-named line right under it (`Salaam Times`) is the publication.
 */
export function parseHead(lines: string[]): Head | null {
  const marker = lines.findIndex((l, i) => i < 40 && isPublishedMarker(l));
  if (marker >= 0) {
    const above = lines.slice(0, marker).filter((l) => !isHeadNoise(l));
    const last = above[above.length - 1];
    if (last === undefined) return null;
    const byline = above.length >= 2 ? parseBareByline(last) : null;
    const title = byline ? above[above.length - 2] : last;
    return title ? { title, byline, publication: null, bodyStart: marker + 1 } : null;
  }
  const titleAt = lines.findIndex((l) => !isHeadNoise(l));
  const title = lines[titleAt];
  if (title === undefined) return null;
  let bodyStart = titleAt + 1;
  let publication: string | null = null;
  const nextAt = lines.findIndex((l, i) => i > titleAt && l !== '');
  const next = lines[nextAt];
  if (next !== undefined && isSiteName(next)) {
    publication = next;
    bodyStart = nextAt + 1;
  }
  return { title, byline: null, publication, bodyStart };
}

type Kind =
  'para' | 'short' | 'caption' | 'numbered' | 'footnote' | 'bio' | 'bioCandidate' | 'heading' | 'list';

interface Item {
  kind: Kind;
  text: string;
  /** For `numbered`: the list number and the text after it. For `list`: the items. */
  n?: number;
  items?: string[];
  /** For `bioCandidate`: the person the sentence is about. */
  subject?: string;
}

interface Extracted {
  items: Item[];
  authors: string[] | null;
  byline: string[] | null;
  notes: string[];
}

/**
 * First pass: classify each body line on its own text, and cut the body at the first line
 * that opens the comments or teasers. `References` and `About the author` headings switch
 * every following line into footnotes or bios.
 */
function extract(lines: string[], title: string): Extracted {
  const out: Extracted = { items: [], authors: null, byline: null, notes: [] };
  let mode: 'body' | 'refs' | 'bios' = 'body';
  let seenPara = false;
  let previous = '';
  for (const line of lines) {
    if (line === '') continue;
    const repeated = line === previous;
    previous = line;
    if (line === title || isChrome(line)) continue;
    if (isEndOfArticle(line)) {
      if (seenPara) break;
      continue;
    }
    if (parseCopyright(line) !== null || (!seenPara && isDateLine(line))) continue;
    const authors = parseAuthorsLine(line);
    if (authors) {
      out.authors ??= authors;
      continue;
    }
    const byline = parseByLine(line) ?? parsePostedBy(line);
    if (byline) {
      out.byline ??= byline;
      continue;
    }
    if (repeated) {
      // Sites print an image's caption twice (alt text and figcaption): a repeat marks a caption.
      const last = out.items[out.items.length - 1];
      if (last && last.kind === 'short') last.kind = 'caption';
      continue;
    }
    if (isNote(line)) {
      out.notes.push(line);
      continue;
    }
    if (isBioHeading(line)) {
      mode = 'bios';
      continue;
    }
    if (isReferencesHeading(line)) {
      mode = 'refs';
      continue;
    }
    if (mode === 'bios') {
      out.items.push({ kind: 'bio', text: line });
      continue;
    }
    const subject = bioSubject(line);
    if (mode === 'refs') {
      out.items.push({ kind: subject ? 'bio' : 'footnote', text: line });
      continue;
    }
    const numbered = parseNumberedItem(line);
    if (isBracketFootnote(line)) out.items.push({ kind: 'footnote', text: line });
    else if (numbered)
      out.items.push({ kind: 'numbered', text: line, n: numbered.n, items: [numbered.text] });
    else if (subject) out.items.push({ kind: 'bioCandidate', text: line, subject });
    else if (hasCaptionMarker(line)) out.items.push({ kind: 'caption', text: line });
    else if (isHeadingLike(line)) out.items.push({ kind: 'short', text: line });
    else {
      out.items.push({ kind: 'para', text: line });
      seenPara = true;
    }
  }
  return out;
}

const hasParaAfter = (items: Item[], index: number): boolean =>
  items.slice(index + 1).some((it) => it.kind === 'para' || it.kind === 'list');

/**
 * A run of numbered lines counting up by one. In the middle of an article it is body content
 * (one paragraph, `items` kept, text joined with `; `); after the last body paragraph it is a
 * reference list (`footnotes`). A lone numbered line is just a line (`1. Introduction`).
 */
function resolveNumbered(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    if (item.kind !== 'numbered') {
      out.push(item);
      continue;
    }
    let end = i;
    while (items[end + 1]?.kind === 'numbered' && items[end + 1]?.n === (items[end]?.n ?? 0) + 1) end++;
    const run = items.slice(i, end + 1);
    if (run.length === 1) out.push({ kind: isHeadingLike(item.text) ? 'short' : 'para', text: item.text });
    else if (hasParaAfter(items, end)) {
      const list = run.flatMap((r) => r.items ?? []);
      out.push({ kind: 'list', text: list.join('; '), items: list });
    } else out.push(...run.map((r): Item => ({ kind: 'footnote', text: r.text })));
    i = end;
  }
  return out;
}

const surname = (name: string): string => (name.split(' ').pop() ?? '').toLowerCase();

/** The locative words that a photo description uses (`children in the … Madrasa in Idlib`). */
const DESCRIBES_A_SCENE = /\s(?:in|at|near|during|outside|inside|on)\s/;

/**
 * Decide each short line: heading or caption. Captions are recognised by shape because the
 * scrape kept no markup:
 *  - a short line directly followed by another heading-like line is a caption above a heading
 *    (`Uyghur children in al Qaeda’s Madrasa in Syria` → `The difference between …`);
 *  - the first body line, when it describes a scene (4+ words, `in/at/near …`) and a paragraph
 *    follows, is the lead image's caption (`Uzbek children in the Abdullah ibn Abbas Madrasa…`);
 *  - a short line with no paragraph after it is kept as a paragraph rather than becoming the
 *    heading of an empty section, so its text is never lost.
 * Everything else short is a heading. A one-word line is never a caption.
 */
function resolveShort(items: Item[]): void {
  const firstContent = items.findIndex((it) => it.kind !== 'caption');
  items.forEach((item, i) => {
    if (item.kind !== 'short') return;
    const words = item.text.split(' ').length;
    const next = items[i + 1];
    if (words >= 4 && next?.kind === 'short') item.kind = 'caption';
    else if (i === firstContent && words >= 4 && DESCRIBES_A_SCENE.test(item.text) && next?.kind === 'para')
      item.kind = 'caption';
    else if (!hasParaAfter(items, i)) item.kind = 'para';
    else item.kind = 'heading';
  });
}

/**
 * A bio-shaped sentence (`X, Ph.D., is a professor…`) is a bio when it is about one of the
 * authors or when no body text follows it; otherwise it is a paragraph that introduces a source.
 */
function resolveBios(items: Item[], authors: string[]): void {
  const surnames = new Set(authors.map(surname));
  items.forEach((item, i) => {
    if (item.kind !== 'bioCandidate') return;
    item.kind = surnames.has(surname(item.subject ?? '')) || !hasParaAfter(items, i) ? 'bio' : 'para';
  });
}

const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[.!?"”’]+$/u, '')
    .trim();

/**
 * A pull quote repeats a sentence of the article in large type. A paragraph of six words or
 * more whose whole text occurs inside a longer paragraph of the same article is one.
 */
function dropPullQuotes(items: Item[]): Item[] {
  const bodies = items.filter((it) => it.kind === 'para').map((it) => comparable(it.text));
  return items.filter((item) => {
    if (item.kind !== 'para' || item.text.split(' ').length < 6) return true;
    const own = comparable(item.text);
    return !bodies.some((other) => other.length > own.length && other.includes(own));
  });
}

/** Number paragraphs p1…pN across the whole article, opening a section at each heading. */
function toSections(items: Item[]): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let n = 0;
  for (const item of items) {
    if (item.kind === 'heading') {
      current = { heading: item.text, paragraphs: [] };
      sections.push(current);
    } else if (item.kind === 'para' || item.kind === 'list') {
      if (!current) {
        current = { heading: null, paragraphs: [] };
        sections.push(current);
      }
      n++;
      const paragraph: Paragraph = { id: `p${n}`, text: item.text };
      if (item.items) paragraph.items = item.items;
      current.paragraphs.push(paragraph);
    }
  }
  return sections.filter((s) => s.paragraphs.length > 0);
}

export interface PageContext {
  /** The file's base name, for `source.file`. */
  file: string;
  /** Position of this article on its page. */
  index: number;
  /** A publication named by the page as a whole (copyright line, known site). */
  pagePublication: string | null;
  /** Used when nothing more specific names the publication. */
  fallbackPublication: string | null;
}

/**
 * Build one article from its lines, or null when there is no title or no paragraph (a
 * fragment of chrome is not an article). The id is filled in by the caller, which knows the
 * other articles of the run and can keep slugs unique.
 */
export function buildArticle(lines: string[], context: PageContext): Omit<Article, 'id'> | null {
  const head = parseHead(lines);
  if (!head) return null;
  const extracted = extract(lines.slice(head.bodyStart), head.title);
  const authors = extracted.authors ?? head.byline ?? extracted.byline ?? [];
  let items = resolveNumbered(extracted.items);
  resolveBios(items, authors);
  resolveShort(items);
  items = dropPullQuotes(items);
  const texts = (kind: Kind): string[] => items.filter((it) => it.kind === kind).map((it) => it.text);
  const captions = [...new Set(texts('caption'))];
  const sections = toSections(items);
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  const first = paragraphs[0];
  if (!first) return null;
  return {
    title: head.title,
    authors,
    publication:
      context.pagePublication ??
      head.publication ??
      wireFromDateline(first.text) ??
      context.fallbackPublication,
    sections,
    captions,
    footnotes: texts('footnote'),
    bios: texts('bio'),
    notes: extracted.notes,
    source: { file: context.file, index: context.index },
    words: paragraphs.reduce((sum, p) => sum + countWords(p.text), 0),
  };
}
