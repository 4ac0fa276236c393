/**
 * The entry point of ingest (seed page → articles → content collections): one scraped page's
 * text in, its clean articles out. The content loader and the command line both call this;
 * reading and validating the file is `read.ts`'s job. Pure: no I/O.
 */
import type { Article } from './types.ts';
import { buildArticle } from './article.ts';
import {
  isArticleSeparator,
  isPublishedMarker,
  isShareLabel,
  isShareTarget,
  parseCopyright,
} from './lines.ts';
import { normalizeText } from './normalize.ts';
import { slugify, uniqueSlugs } from './slug.ts';

export type { Article, Paragraph, Section } from './types.ts';
export { normalizeText } from './normalize.ts';
export { slugify } from './slug.ts';

/**
 * Pages that name their publication nowhere in the text, recognised by their template. Modern
 * Diplomacy's digest pages open with `Connect with us`, put `Published` / `on` under each title
 * and end each article with `Continue Reading`; some lost their copyright line in the scrape.
 * Used only when the page itself names no publication.
 */
const SITE_TEMPLATES: { name: string; matches: (lines: string[]) => boolean }[] = [
  {
    name: 'Modern Diplomacy',
    matches: (lines) =>
      lines[0] === 'Connect with us' && lines.some(isPublishedMarker) && lines.some(isArticleSeparator),
  },
];

/**
 * Split a page into the lines of each article. A page that both marks titles with `Published`
 * and has `Continue Reading` lines is a digest: each `Continue Reading` ends an article, and a
 * stretch after one that has no `Published` marker is the page footer (latest, trending,
 * teasers, copyright), not an article. Any other page is one article.
 */
export function splitArticles(lines: string[]): string[][] {
  if (!lines.some(isPublishedMarker) || !lines.some(isArticleSeparator)) return [lines];
  const segments: string[][] = [[]];
  for (const line of lines) {
    if (isArticleSeparator(line)) segments.push([]);
    else segments[segments.length - 1]?.push(line);
  }
  return segments.filter((segment, i) => i === 0 || segment.some(isPublishedMarker));
}

/** `seeds/001_x.txt` → `001_x.txt`, without `node:path`, so this module stays pure. */
function baseName(file: string): string {
  return file.split(/[/\\]/).pop() ?? file;
}

type Draft = Omit<Article, 'id'>;

/**
 * Names a page gives itself in its own furniture: `Thanks for reading X!`, `Subscribe to X`,
 * `Recommended from X`, `More from X`. Such a name is never the title, and is the publication
 * when nothing better names it (unless it is the author's own name, as on a personal blog).
 */
export function siteNamesOf(lines: readonly string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    const m =
      /^thanks for reading (.{1,60}?)[!.]/i.exec(line) ??
      /^subscribe to (?!:)(.{1,60})$/i.exec(line) ??
      /^(?:recommended|more) from (.{1,40})$/i.exec(line);
    const name = m?.[1]?.trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Rows of share buttons out: under a share label (`Share this article`), a run of network names
 * (`Facebook`, `Twitter`, `Email`) is buttons. Done before anything reads the page, so a row
 * between a title and its byline hides neither. Alone, `Twitter` may be a heading, and stays.
 */
export function dropShareRows(lines: string[]): string[] {
  const out: string[] = [];
  let sharing = false;
  for (const line of lines) {
    if (line !== '') sharing = isShareLabel(line) || (sharing && isShareTarget(line));
    if (!sharing) out.push(line);
  }
  return out;
}

function draftsOf(text: string, file: string): Draft[] {
  const lines = dropShareRows(normalizeText(text).split('\n'));
  const copyright = lines.map(parseCopyright).find((name) => name !== null) ?? null;
  const template = SITE_TEMPLATES.find((site) => site.matches(lines))?.name ?? null;
  const siteNames = siteNamesOf(lines);
  const drafts: Draft[] = [];
  for (const segment of splitArticles(lines)) {
    const draft = buildArticle(segment, {
      file: baseName(file),
      index: drafts.length,
      pagePublication: copyright,
      fallbackPublication: template,
      siteNames: new Set(siteNames),
    });
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function withIds(drafts: Draft[]): Article[] {
  const ids = uniqueSlugs(drafts.map((d) => slugify(d.title)));
  // Spread after `id` so the key order is the published one: id, title, authors, …
  return drafts.map((draft, i) => ({ id: ids[i] ?? slugify(draft.title), ...draft }));
}

/** All articles of one page, in reading order. Never throws; a page with none gives []. */
export function ingestPage(text: string, file: string): Article[] {
  return withIds(draftsOf(text, file));
}

/**
 * Articles of several pages, grouped by page, with ids unique across the whole run (a title
 * seen twice gets `-2`). Grouped so a caller can tell which page gave nothing.
 */
export function ingestEach(pages: { text: string; file: string }[]): Article[][] {
  const drafts = pages.map((page) => draftsOf(page.text, page.file));
  const all = withIds(drafts.flat());
  let at = 0;
  return drafts.map((group) => all.slice(at, (at += group.length)));
}

/** Articles of several pages in order, with ids unique across the whole run. */
export function ingestPages(pages: { text: string; file: string }[]): Article[] {
  return ingestEach(pages).flat();
}
