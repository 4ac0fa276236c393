/**
 * Pure: no DOM, no framework.
 *
 * Removal at display time. The stored article text stays byte for byte as ingested (evidence
 * quotes are checked against it); what a page shows goes through `redactForDisplay`, which puts a
 * marker in place of every cryptocurrency address, messaging-channel link, account handle and
 * hashtag. The counts it returns feed the source page's content note, so the note says exactly
 * what this copy leaves out and where.
 */
import { findSensitive, type SensitiveKind } from './detect.ts';

/** The marker shown in place of each kind of removed text. */
export const REMOVED_MARKER: Readonly<Record<SensitiveKind, string>> = {
  'crypto-address': '[address removed]',
  'channel-link': '[link removed]',
  handle: '[handle removed]',
  hashtag: '[hashtag removed]',
};

export interface Redacted {
  text: string;
  /** How many of each kind were replaced (kinds with none are absent). */
  removed: Partial<Record<SensitiveKind, number>>;
}

function redactOnce(text: string, removed: Partial<Record<SensitiveKind, number>>): string {
  let out = '';
  let at = 0;
  for (const m of findSensitive(text)) {
    out += text.slice(at, m.index) + REMOVED_MARKER[m.kind];
    at = m.index + m.text.length;
    removed[m.kind] = (removed[m.kind] ?? 0) + 1;
  }
  return out + text.slice(at);
}

/**
 * `text` with every sensitive match replaced by its marker. Replacing can expose a match its
 * neighbour hid (`…NVN2@name` reads as an e-mail address until the address goes), so it repeats
 * until nothing is left; every pass shortens or keeps the text, and a handful always suffice.
 */
export function redactForDisplay(text: string): Redacted {
  const removed: Partial<Record<SensitiveKind, number>> = {};
  let out = text;
  for (let pass = 0; pass < 8; pass++) {
    const next = redactOnce(out, removed);
    if (next === out) break;
    out = next;
  }
  return { text: out, removed };
}

/** Just the redacted text. */
export function redactText(text: string): string {
  return redactForDisplay(text).text;
}

/** Where something was removed: a paragraph id (`p27`) or a part of the page ("author biography"). */
export interface Removal {
  kind: SensitiveKind;
  place: string;
  count: number;
}

const NOUNS: Readonly<Record<SensitiveKind, [string, string]>> = {
  'crypto-address': ['cryptocurrency address', 'cryptocurrency addresses'],
  'channel-link': ['link to a messaging channel', 'links to messaging channels'],
  handle: ['account handle', 'account handles'],
  hashtag: ['hashtag', 'hashtags'],
};
const ORDER: readonly SensitiveKind[] = ['crypto-address', 'channel-link', 'handle', 'hashtag'];

/** "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "paragraph 27", "paragraphs 27 and 28", "paragraphs 30 and 35, and the author biography". */
function placesPhrase(places: readonly string[]): string {
  const paragraphs = places.filter((p) => /^p\d+$/.test(p)).map((p) => p.slice(1));
  const others = places.filter((p) => !/^p\d+$/.test(p)).map((o) => `the ${o}`);
  if (paragraphs.length === 0) return andList(others);
  const numbered = `${paragraphs.length === 1 ? 'paragraph' : 'paragraphs'} ${andList(paragraphs)}`;
  if (others.length === 0) return numbered;
  return `${numbered}${paragraphs.length > 1 ? ',' : ''} and ${andList(others)}`;
}

/**
 * One sentence for the content note saying what this copy leaves out, or null when nothing was
 * removed: "This copy shows “[address removed]” in place of 2 cryptocurrency addresses (paragraphs
 * 27 and 28)."
 */
export function describeRemovals(removals: readonly Removal[]): string | null {
  const parts = ORDER.flatMap((kind) => {
    const of = removals.filter((r) => r.kind === kind);
    const count = of.reduce((sum, r) => sum + r.count, 0);
    if (count === 0) return [];
    const places = [...new Set(of.map((r) => r.place))];
    const noun = NOUNS[kind][count === 1 ? 0 : 1];
    return [`“${REMOVED_MARKER[kind]}” in place of ${count} ${noun} (${placesPhrase(places)})`];
  });
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('; ')}; and ${parts.at(-1)}`;
  return `This copy shows ${list}.`;
}

/** The displayed parts of an article (the `articles` collection's shape, or any superset). */
export interface ArticleText {
  title: string;
  sections: { heading: string | null; paragraphs: { id: string; text: string; items?: string[] }[] }[];
  captions: string[];
  footnotes: string[];
  bios: string[];
  notes: string[];
}

/**
 * A copy of `article` for display, every text redacted, and what was removed where. The stored
 * article is not touched: evidence quotes are still checked against it.
 */
export function redactArticle<A extends ArticleText>(article: A): { article: A; removals: Removal[] } {
  const removals: Removal[] = [];
  const shown = (place: string) => (text: string) => {
    const r = redactForDisplay(text);
    for (const [kind, count] of Object.entries(r.removed))
      removals.push({ kind: kind as SensitiveKind, place, count: count ?? 0 });
    return r.text;
  };
  const copy: A = {
    ...article,
    title: shown('title')(article.title),
    sections: article.sections.map((s) => ({
      ...s,
      heading: s.heading === null ? null : shown('section headings')(s.heading),
      paragraphs: s.paragraphs.map((p) => ({
        ...p,
        // A list paragraph shows its items; its text (the items joined) is redacted uncounted.
        text: p.items ? redactText(p.text) : shown(p.id)(p.text),
        ...(p.items ? { items: p.items.map(shown(p.id)) } : {}),
      })),
    })),
    captions: article.captions.map(shown('image captions')),
    footnotes: article.footnotes.map(shown('references')),
    bios: article.bios.map(shown('author biography')),
    notes: article.notes.map(shown('publication notes')),
  };
  return { article: copy, removals };
}
