/**
 * Pure: no DOM, no framework.
 *
 * The build's last check (src/integrations/safety.ts runs it over dist/ after Pagefind has
 * indexed the site): nothing the course must never show reaches a built file. Each finding names
 * the page and the paragraph, so whoever sees the failed build knows where to look.
 *
 * - HTML pages: visible text is searched for everything detect.ts knows (addresses, channel
 *   links, handles, hashtags); attribute values and inline scripts for addresses and channel links
 *   (an island's props or a link's href); the location is the nearest enclosing element with an id.
 * - Pagefind fragments (the page text the search dialog shows): like visible text, located by the
 *   fragment's own paragraph anchors.
 * - Pagefind index chunks hold lower-cased words, so they are searched for lower-cased addresses.
 * - Any other text file (scripts, JSON, the service worker): addresses and channel links; JSON
 *   string values also for handles and hashtags.
 */
import { decodeEntities } from '../search/excerpt.ts';
import {
  findAddresses,
  findChannelLinks,
  findSensitive,
  type SensitiveKind,
  type SensitiveMatch,
} from './detect.ts';

export interface Finding {
  /** The built file, relative to dist/: `sources/x/index.html`, `pagefind/fragment/en_1.pf_fragment`. */
  file: string;
  /** The page it belongs to (`/sources/x/`), when known. */
  page: string | null;
  /** Where in the page: `paragraph p27`, `#objectives`, an attribute, or null. */
  where: string | null;
  kind: SensitiveKind;
  label: string;
  text: string;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** `sources/x/index.html` → `/sources/x/`; other files keep their path. */
export function pageOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

function describeId(id: string | undefined): string | null {
  if (!id) return null;
  return /^p\d+$/.test(id) ? `paragraph ${id}` : `#${id}`;
}

function addressesAndLinks(text: string): SensitiveMatch[] {
  return [...findAddresses(text), ...findChannelLinks(text)];
}

/** Findings in one built HTML page. */
export function scanHtmlPage(file: string, html: string): Finding[] {
  const page = pageOfFile(file);
  const findings: Finding[] = [];
  const stack: { tag: string; id?: string }[] = [];
  const here = () => describeId(stack.findLast((e) => e.id)?.id);
  const add = (matches: SensitiveMatch[], where: string | null) => {
    for (const m of matches) findings.push({ file, page, where, kind: m.kind, label: m.label, text: m.text });
  };
  const token =
    /<!--[\s\S]*?-->|<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let at = 0;
  for (const m of html.matchAll(token)) {
    const text = decodeEntities(html.slice(at, m.index));
    if (text.trim()) add(findSensitive(text), here());
    at = m.index + m[0].length;
    const [, rawTag, rawAttrs, rawBody, closing, opening, attrs] = m;
    if (rawTag) {
      add(addressesAndLinks(`${rawAttrs ?? ''} ${rawBody ?? ''}`), `<${rawTag.toLowerCase()}>`);
    } else if (closing) {
      const tag = closing.toLowerCase();
      const open = stack.findLastIndex((e) => e.tag === tag);
      if (open >= 0) stack.length = open;
    } else if (opening) {
      const tag = opening.toLowerCase();
      const id = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs ?? '');
      const element = { tag, id: id ? (id[1] ?? id[2]) : undefined };
      for (const a of (attrs ?? '').matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        // A CSP hash source ('sha256-…') is base64, which can look like an address; it is never shown.
        const value = decodeEntities(a[2] ?? a[3] ?? '').replace(CSP_HASH, "''");
        add(addressesAndLinks(value), `${here() ?? describeId(element.id) ?? 'page'}, ${a[1]} attribute`);
      }
      if (!VOID.has(tag) && !(attrs ?? '').trimEnd().endsWith('/')) stack.push(element);
    }
  }
  const rest = decodeEntities(html.slice(at));
  if (rest.trim()) add(findSensitive(rest), here());
  return findings;
}

export interface SearchFragment {
  url: string;
  content: string;
  anchors?: { id?: string; location: number }[];
}

/** Findings in one Pagefind fragment (decompressed and parsed): the page text search shows. */
export function scanSearchFragment(file: string, fragment: SearchFragment): Finding[] {
  const anchors = (fragment.anchors ?? []).filter((a) => a.id).sort((a, b) => a.location - b.location);
  return findSensitive(fragment.content).map((m) => {
    const word = fragment.content.slice(0, m.index).split(/\s+/).filter(Boolean).length;
    const anchor = anchors.findLast((a) => a.location <= word);
    return {
      file,
      page: fragment.url,
      where: describeId(anchor?.id),
      kind: m.kind,
      label: m.label,
      text: m.text,
    };
  });
}

const LOWER_BITCOIN = /(?<![a-z0-9])[13][1-9a-z]{25,34}(?![a-z0-9])/g;

/** Findings in a Pagefind index chunk (decompressed, read as Latin-1): its words are lower-cased. */
export function scanSearchIndex(file: string, text: string): Finding[] {
  const found: SensitiveMatch[] = [...addressesAndLinks(text)];
  for (const m of text.matchAll(LOWER_BITCOIN)) {
    // Lower-cased, an address still mixes many digits and letters, which words and numbers do not.
    if ((m[0].match(/\d/g) ?? []).length >= 3 && (m[0].match(/[a-z]/g) ?? []).length >= 8) {
      found.push({
        kind: 'crypto-address',
        label: 'bitcoin address (lower-cased)',
        text: m[0],
        index: m.index,
      });
    }
  }
  return found.map((m) => ({
    file,
    page: null,
    where: 'search index',
    kind: m.kind,
    label: m.label,
    text: m.text,
  }));
}

const CSP_HASH = /'sha(?:256|384|512)-[A-Za-z0-9+/]+=*'/g;

/** `{ path: 'player.js', content: '…' }`: a code file carried in JSON, scanned like a .js file (addresses and links only). */
function isCodeFile(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const { path, content } = v as { path?: unknown; content?: unknown };
  return typeof path === 'string' && typeof content === 'string' && /\.(?:m?js|css|xsd)$/.test(path);
}

/** Findings in any other text file; JSON string values are read like visible text. */
export function scanTextFile(file: string, text: string): Finding[] {
  const at = (matches: SensitiveMatch[], where: string | null): Finding[] =>
    matches.map((m) => ({ file, page: pageOfFile(file), where, kind: m.kind, label: m.label, text: m.text }));
  const findings = at(addressesAndLinks(text), null);
  if (file.endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return findings;
    }
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (isCodeFile(v))
        return; // bundled code (the SCORM kit): `#x` there is a private field
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(data);
    for (const s of strings)
      findings.push(
        ...at(
          findSensitive(s).filter((m) => m.kind === 'handle' || m.kind === 'hashtag'),
          'a JSON value',
        ),
      );
  }
  return findings;
}

/** One line per finding: `/sources/x/ (sources/x/index.html), paragraph p27: bitcoin address (base58) “3HoW…RvG”`. */
export function formatFinding(f: Finding): string {
  const shown = f.text.length > 16 ? `${f.text.slice(0, 6)}…${f.text.slice(-4)}` : f.text;
  const page = f.page && pageOfFile(f.file) !== f.page ? `${f.page} (${f.file})` : (f.page ?? f.file);
  return `${page}${f.where ? `, ${f.where}` : ''}: ${f.label} “${shown}”`;
}
