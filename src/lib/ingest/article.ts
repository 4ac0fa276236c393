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
  isNeverTitle,
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
  wordsAtMost,
} from './lines.ts';

/** What stands above the body: title, a byline, a site-name line, and where the body starts. */
export interface Head {
  title: string;
  byline: string[] | null;
  publication: string | null;
  /** A dek or subtitle right under the title (Medium, Substack), kept as a standfirst paragraph. */
  standfirst: string | null;
  bodyStart: number;
}

/** Lines above a title that are never the title itself. */
function isHeadNoise(line: string): boolean {
  return line === '' || isNeverTitle(line);
}

/** A line that reads as body text: a sentence of some length, not a heading. */
function isProse(line: string): boolean {
  return !isHeadingLike(line) && countWords(line) >= 6;
}

/** Words that name a section of a paper, never its title. */
const SECTION_WORD =
  /^(?:abstract|introduction|background|summary|overview|conclusions?|findings|methods?|discussion|contents|key points)$/i;

/** How far down a page the title may sit: the text before the third paragraph of prose. */
const HEAD_PROSE_LIMIT = 3;

/**
 * Choose the title by evidence, not position. Every title-shaped line near the top is a
 * candidate; widget labels (`Pages`), navigation words and dates never are. A candidate gains
 * when a date stands right above it, when a byline, date or site name follows it, when the
 * article's prose follows it, and when the page repeats it (archive lists, teasers); it loses
 * when it is one word, a section name, a site name, or comes after prose. Ties go to the first.
 */
function chooseTitle(lines: string[], siteNames: ReadonlySet<string>): number {
  const next = (from: number, skip = 0): string | undefined => {
    let seen = 0;
    for (let i = from + 1; i < lines.length; i++) {
      const l = lines[i] ?? '';
      if ((isHeadNoise(l) && !isDateLine(l)) || isNote(l)) continue;
      if (seen++ === skip) return l;
    }
    return undefined;
  };
  const counts = new Map<string, number>();
  for (const l of lines) if (l !== '') counts.set(l, (counts.get(l) ?? 0) + 1);
  let best = -1;
  let bestScore = -Infinity;
  let prose = 0;
  for (let i = 0; i < lines.length && i < 120 && prose < HEAD_PROSE_LIMIT; i++) {
    const line = lines[i] ?? '';
    if (isHeadNoise(line)) continue;
    if (isProse(line)) {
      prose++;
      continue;
    }
    if (!isHeadingLike(line) || siteNames.has(line) || isBylineLine(line) || isNote(line) || bareAuthor(line))
      continue;
    let score = 1;
    if (!line.includes(' ')) score -= 1;
    if (SECTION_WORD.test(key(line))) score -= 2;
    if (isSiteName(line)) score -= 1;
    let k = i - 1;
    while (k >= 0 && lines[k] === '') k--;
    const above = lines[k];
    if (above !== undefined && isDateLine(above)) score += 2;
    const after = [next(i, 0), next(i, 1)];
    const evidence = (l: string | undefined) =>
      l !== undefined && (isBylineLine(l) || bareAuthor(l) !== null || isDateLine(l) || isSiteName(l));
    if (after.some(evidence)) score += 2;
    if (after[0] !== undefined && isProse(after[0])) score += 1;
    if ((counts.get(line) ?? 0) > 1) score += 1;
    score -= Math.min(prose, 2);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** Lowercase, trailing punctuation off: `Abstract:` → `abstract`. */
const key = (line: string): string =>
  line
    .toLowerCase()
    .replace(/[\s:.!]+$/u, '')
    .trim();

/** A byline of any form: `By …`, `Authors: …`, `Posted by …`. */
function isBylineLine(line: string): boolean {
  return parseByLine(line) !== null || parseAuthorsLine(line) !== null || parsePostedBy(line) !== null;
}

/** A bare author name under a title: 2–4 name-shaped words, and not a heading word. */
function bareAuthor(line: string): string[] | null {
  if (/^by\s/i.test(line)) return null;
  const names = parseBareByline(line);
  if (!names || names.length !== 1 || !wordsAtMost(line, 4)) return null;
  return line.split(' ').some((w) => SECTION_WORD.test(w) || /^(?:the|of|and)$/i.test(w)) ? null : names;
}

/**
 * Find the head. Pages of the Modern Diplomacy shape put `Published` / `on` under the title,
 * with an optional bare byline between: the title is then the last real line above it (the
 * section label such as `Intelligence` sits above the title and is skipped). On other pages the
 * title is chosen by evidence (`chooseTitle`); under it may stand a dek, a bare author name and a
 * site-name line (`Salaam Times`), which are taken before the body starts.
 */
export function parseHead(lines: string[], siteNames: ReadonlySet<string> = new Set()): Head | null {
  const marker = lines.findIndex((l, i) => i < 40 && isPublishedMarker(l));
  if (marker >= 0) {
    const above = lines.slice(0, marker).filter((l) => !isHeadNoise(l));
    const last = above[above.length - 1];
    if (last === undefined) return null;
    const byline = above.length >= 2 ? parseBareByline(last) : null;
    const title = byline ? above[above.length - 2] : last;
    return title ? { title, byline, publication: null, standfirst: null, bodyStart: marker + 1 } : null;
  }
  const titleAt = chooseTitle(lines, siteNames);
  const title = lines[titleAt];
  if (title === undefined) return null;
  let publication: string | null = null;
  for (let i = titleAt - 1; i >= 0 && publication === null; i--) {
    const l = lines[i] ?? '';
    if (siteNames.has(l) || isSiteName(l)) publication = l;
  }
  let byline: string[] | null = null;
  let standfirst: string | null = null;
  let bodyStart = titleAt + 1;
  // Take what follows the title while it is head material: one dek, one author, one site name.
  // Noise between them is left to `extract`, which drops chrome and keeps notes.
  for (let i = titleAt + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (isHeadNoise(l)) continue;
    if (isBylineLine(l) || isNote(l)) break;
    if (isSiteName(l) && !publication && bodyStart === titleAt + 1 && !standfirst && !byline) {
      publication = l;
      bodyStart = i + 1;
      continue;
    }
    const author: string[] | null = byline ? null : bareAuthor(l);
    if (author) {
      byline = author;
      bodyStart = i + 1;
      continue;
    }
    const following = lines.slice(i + 1).find((n) => n !== '' && !isChrome(n));
    if (
      !standfirst &&
      !byline &&
      isHeadingLike(l) &&
      !wordsAtMost(l, 2) &&
      following !== undefined &&
      (bareAuthor(following) || isBylineLine(following) || isDateLine(following))
    ) {
      standfirst = l;
      bodyStart = i + 1;
      continue;
    }
    break;
  }
  return { title, byline, publication, standfirst, bodyStart };
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
    if (line === '' || isChrome(line)) continue;
    // Chrome between an image's two captions does not hide that they repeat.
    const repeated = line === previous;
    previous = line;
    if (line === title) continue;
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
 * A pull quote repeats a sentence of the article in large type. A paragraph of 6–80 words is
 * one when its whole text stands, from the start of a word, inside a longer paragraph of the
 * same article. One pass over the word starts of the article finds them: a start is compared
 * with a candidate only when its first two characters match, so most cost a lookup.
 */
function dropPullQuotes(items: Item[]): Item[] {
  const paras = items.filter((it) => it.kind === 'para');
  const lower = paras.map((it) => it.text.toLowerCase());
  const pair = (text: string, pos: number) => text.charCodeAt(pos) * 65536 + text.charCodeAt(pos + 1);
  const candidates = new Map<number, { i: number; own: string }[]>();
  paras.forEach((item, i) => {
    if (wordsAtMost(item.text, 5) || !wordsAtMost(item.text, 80)) return;
    const own = comparable(item.text);
    const list = candidates.get(pair(own, 0));
    if (list) list.push({ i, own });
    else candidates.set(pair(own, 0), [{ i, own }]);
  });
  if (candidates.size === 0) return items;
  const pulled = new Set<number>();
  lower.forEach((text, j) => {
    for (let pos = 0; pos >= 0; pos = text.indexOf(' ', pos) + 1 || -1) {
      for (const { i, own } of candidates.get(pair(text, pos)) ?? []) {
        if (i !== j && !pulled.has(i) && text.length > own.length && text.startsWith(own, pos)) pulled.add(i);
      }
    }
  });
  return pulled.size === 0 ? items : items.filter((item) => !pulled.has(paras.indexOf(item)));
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
  /** Names the page gives itself (`Thanks for reading X!`), which are never a title. */
  siteNames?: ReadonlySet<string>;
}

/** The sentences of a paragraph, split where a full stop, `?` or `!` is followed by a capital. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?][”"’)]?)\s+(?=[\p{Lu}“"‘(])/u);
}

/**
 * A standfirst the page repeats as the opening of its text: the first paragraph, when its first
 * sentence (eight words or more) also stands in a later paragraph. It keeps its number, so
 * every paragraph id stays what it was, and is marked so pages show it as a standfirst and
 * counts and generated questions leave it out.
 */
function markRepeatedStandfirst(paragraphs: Paragraph[]): void {
  const [first, ...rest] = paragraphs;
  const opening = first ? sentences(first.text)[0] : undefined;
  if (!first || !opening || countWords(opening) < 8) return;
  if (rest.some((p) => p.text.includes(opening))) first.standfirst = true;
}

/**
 * Text that points at a picture the scrape did not keep: `The photo above`, `the picture below`,
 * `pictures like the following`, `Another picture shows`. The paragraph is kept and marked, so
 * the reader is told the image is missing rather than left looking for it.
 */
const POINTS_AT_IMAGE =
  /\b(?:photo|photograph|picture|image|screenshot|graphic|chart|map|figure|meme|poster)s?\s+(?:above|below)\b|\b(?:pictures?|photos?|images?)\s+(?:like|such as)\s+the\s+following\b|\b(?:another|the following|this|the next)\s+(?:photo|picture|image|screenshot)\s+shows\b|\bas shown (?:above|below)\b|\(pictured\)|\bpictured (?:above|below|here)\b/i;

/** The words every pointer above needs, to skip the full pattern for most paragraphs. */
const POINTER_WORDS = ['above', 'below', 'following', 'shows', 'pictured'];

export function pointsAtImage(text: string): boolean {
  return POINTER_WORDS.some((w) => text.includes(w)) && POINTS_AT_IMAGE.test(text);
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
/** A note number after a word and its punctuation (`banks.3 Appeals`) or glued to a lowercase word (`banks3`). */
const NOTE_MARKER = /(?<=\p{L}{2}[.,;:!?”"’)])(\d{1,3})(?=\s|$)|(?<=\p{Ll}{3})(\d{1,3})(?=[\s.,;:]|$)/gu;
const SUPERSCRIPT_MARKER = /(?<=[\p{L}.,;:!?”"’)])([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})/gu;

/** The numbers of an article's notes: `1. Smith…`, `[2] Doe…`. */
function noteNumbers(footnotes: readonly string[]): Set<string> {
  const numbers = new Set<string>();
  for (const note of footnotes) {
    const m = /^\[?(\d{1,3})[.)\]]/.exec(note);
    if (m?.[1]) numbers.add(String(Number(m[1])));
  }
  return numbers;
}

/**
 * Footnote markers as footnote references: `reporting by banks.3 Appeals` → `banks.[3] Appeals`,
 * superscripts `banks.³` likewise. A plain number counts as a marker only when the article has a
 * note of that number, so `in 2019.` or `G20` are never touched.
 */
export function markFootnoteReferences(text: string, notes: ReadonlySet<string>): string {
  const superscripts = !/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text)
    ? text
    : text.replace(
        SUPERSCRIPT_MARKER,
        (m: string) => `[${[...m].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('')}]`,
      );
  if (notes.size === 0) return superscripts;
  return superscripts.replace(NOTE_MARKER, (m: string) => (notes.has(String(Number(m))) ? `[${m}]` : m));
}

/** `Follow @someone` at the end of a bio is a social button, not biography. */
const FOLLOW_HANDLE = /\s*\bFollow (?:(?:me|us|her|him|them) )?(?:on \w+ )?@\w+(?: on \w+)?\.?$/u;

/**
 * Build one article from its lines, or null when there is no title or no paragraph (a
 * fragment of chrome is not an article). The id is filled in by the caller, which knows the
 * other articles of the run and can keep slugs unique.
 */
export function buildArticle(lines: string[], context: PageContext): Omit<Article, 'id'> | null {
  const head = parseHead(lines, context.siteNames);
  if (!head) return null;
  const extracted = extract(lines.slice(head.bodyStart), head.title);
  const authors = extracted.authors ?? head.byline ?? extracted.byline ?? [];
  let items = resolveNumbered(extracted.items);
  resolveBios(items, authors);
  resolveShort(items);
  items = dropPullQuotes(items);
  if (head.standfirst) items.unshift({ kind: 'para', text: head.standfirst });
  const texts = (kind: Kind): string[] => items.filter((it) => it.kind === kind).map((it) => it.text);
  const captions = [...new Set(texts('caption'))];
  const footnotes = texts('footnote');
  const sections = toSections(items);
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  const first = paragraphs[0];
  if (!first) return null;
  const notes = noteNumbers(footnotes);
  for (const p of paragraphs) {
    p.text = markFootnoteReferences(p.text, notes);
    if (pointsAtImage(p.text)) p.missingImage = true;
  }
  if (head.standfirst) first.standfirst = true;
  else markRepeatedStandfirst(paragraphs);
  const isAuthor = (name: string | null) => name !== null && authors.includes(name);
  return {
    title: head.title,
    authors,
    publication:
      (isAuthor(context.pagePublication) ? null : context.pagePublication) ??
      head.publication ??
      wireFromDateline(first.standfirst ? (paragraphs[1]?.text ?? '') : first.text) ??
      context.fallbackPublication ??
      [...(context.siteNames ?? [])].find((name) => !isAuthor(name)) ??
      null,
    sections,
    captions,
    footnotes,
    bios: texts('bio')
      .map((bio) => bio.replace(FOLLOW_HANDLE, ''))
      .filter((bio) => bio !== ''),
    notes: extracted.notes,
    source: { file: context.file, index: context.index },
    words: paragraphs.filter((p) => !p.standfirst).reduce((sum, p) => sum + countWords(p.text), 0),
  };
}
