/**
 * Step 1 of ingest (seed page → articles → content collections): turn raw scraped text into
 * clean lines before anything tries to recognise structure. Every later step, and every
 * paragraph id the lessons quote, assumes this text, so the rules are deliberately narrow:
 * each one repairs a specific scrape defect and leaves anything it cannot be sure of alone.
 * Pure: no I/O.
 */

/** A shortcode name: WordPress uses lowercase identifiers such as `yt_dropcap` or `caption`. */
const SHORTCODE_NAME = '[a-z][a-z0-9_-]*';
/** `[name]` or `[name attr="x" …]`, optionally self-closed with `/]`. */
const OPEN_TAG = new RegExp(`\\[(${SHORTCODE_NAME})((?:\\s+[^\\[\\]]*?)?)\\s*/?\\]`, 'g');
const CLOSE_TAG = new RegExp(`\\[/(${SHORTCODE_NAME})\\]`, 'g');
const HAS_ATTRIBUTE = /\s[\w-]+\s*=/;

/**
 * Remove WordPress shortcodes but keep what they wrap. Only bracketed text that is surely a
 * shortcode goes: a `[/x]` closing tag, an opening tag whose `[/x]` also occurs, or a tag with
 * `key=value` attributes or an underscore in its name. So `[1]`, `[ISIS]`, `[sic]` and `[File]` stay.
 * The wrapped text is trimmed so a drop cap joins its word: `[yt_dropcap] I [/yt_dropcap]SIS` → `ISIS`.
 */
export function stripShortcodes(text: string): string {
  const closed = new Set<string>();
  for (const m of text.matchAll(CLOSE_TAG)) closed.add(m[1] ?? '');
  // Innermost pairs first (no tag of the same name inside), repeated, so nesting unwraps cleanly.
  let out = text;
  for (const name of closed) {
    const pair = new RegExp(
      `\\[${name}(?:\\s[^\\]]*)?\\]((?:(?!\\[/?${name}[\\s\\]/]).)*?)\\[/${name}\\]`,
      'gs',
    );
    let prev: string;
    do {
      prev = out;
      out = out.replace(pair, (_m, inner: string) => inner.trim());
    } while (out !== prev);
  }
  out = out.replace(OPEN_TAG, (tag: string, name: string, attrs: string) =>
    closed.has(name) || name.includes('_') || HAS_ATTRIBUTE.test(attrs) || tag.endsWith('/]') ? '' : tag,
  );
  return out.replace(CLOSE_TAG, '');
}

/** Characters after which a full stop ends a sentence (lowercase, digit, closing quote or bracket). */
const SENTENCE_END = String.raw`[\p{Ll}\p{N}”’")\]]`;
/** `ISIS.Many`: a whole word of two or more capitals (not the single letters of `T.A.I.L.S`). */
const ACRONYM_END = String.raw`(?<![\p{L}.])\p{Lu}{2,}`;
const MISSING_SENTENCE_SPACE = new RegExp(`(${SENTENCE_END}|${ACRONYM_END})\\.(\\p{Lu}\\p{Ll})`, 'gu');
/** `past,drugs`: a comma glued between two words (never between digits, so 13,000 is safe). */
const MISSING_COMMA_SPACE = /(\p{Ll}),(\p{L})/gu;

/** URLs, e-mail addresses and domain names are tokens whose dots and commas are not punctuation. */
function isLinkLike(token: string): boolean {
  // Top-level domains are matched in lowercase only, so `mayor.It will` is still repaired.
  return /[/@]|www\./i.test(token) || /\.(?:com|org|net|gov|edu|info|io|us|uk|ru|it)\b/.test(token);
}

/** Apply `re` only inside whitespace-separated tokens that are not links. */
function repairTokens(line: string, re: RegExp, replacement: string): string {
  return line
    .split(' ')
    .map((token) => (isLinkLike(token) ? token : token.replace(re, replacement)))
    .join(' ');
}

/**
 * Insert the space the scrape lost after a sentence's full stop (`ISIS.Many` → `ISIS. Many`)
 * or a comma (`past,drugs` → `past, drugs`). An uppercase letter must be followed by a lowercase
 * one, so abbreviations (`U.S.`, `D.C.`, `Ph.D`, `T.A.I.L.S`) and domains stay as they are.
 */
export function repairSpacing(line: string): string {
  const sentences = repairTokens(line, MISSING_SENTENCE_SPACE, '$1. $2');
  return repairTokens(sentences, MISSING_COMMA_SPACE, '$1, $2');
}

/** Non-breaking and other Unicode spaces, zero-width characters and the BOM. */
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Clean one line: odd spaces out, runs collapsed, trimmed, spacing repaired. */
export function normalizeLine(line: string): string {
  const plain = line.replace(INVISIBLE, '').replace(ODD_SPACE, ' ');
  return repairSpacing(plain.replace(/ {2,}/g, ' ').trim());
}

/** A line that cannot end a wrapped sentence: no closing punctuation at its end. */
const ENDS_OPEN = /[^.!?:;”"’)\]]$/u;

/**
 * Join hard-wrapped lines: a line with no closing punctuation followed by one that begins in
 * lowercase is the same sentence. Scraped HTML puts each paragraph on one line, so this rarely
 * fires; it exists so that a wrapped plain-text page still yields whole paragraphs.
 */
function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && line && ENDS_OPEN.test(last) && /^\p{Ll}/u.test(line))
      out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
  }
  return out;
}

function normalizeOnce(raw: string): string {
  // Shortcodes may span lines (`[caption]…[/caption]`), so they go before the split.
  const lines = stripShortcodes(raw.replace(/\r\n?/g, '\n')).split('\n').map(normalizeLine);
  const joined = joinWrapped(lines);
  // Runs of blank lines carry no more meaning than one.
  return joined
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * Normalise a whole page: CRLF and lone CR → LF, every line cleaned, wrapped lines joined,
 * blank runs collapsed. Repeated until nothing changes, so it is idempotent by construction
 * (a shortcode can hide another, a repair can enable a join).
 */
export function normalizeText(raw: string): string {
  let text = raw;
  for (let i = 0; i < 8; i++) {
    const next = normalizeOnce(text);
    if (next === text) break;
    text = next;
  }
  return text;
}
