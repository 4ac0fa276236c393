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
/** One pattern per shortcode name, kept: V8 runs a new RegExp in its slow interpreter first. */
const PAIRS = new Map<string, RegExp>();

function pairOf(name: string): RegExp {
  let pair = PAIRS.get(name);
  if (!pair) {
    pair = new RegExp(`\\[${name}(?:\\s[^\\]]*)?\\]((?:(?!\\[/?${name}[\\s\\]/]).)*?)\\[/${name}\\]`, 'gs');
    PAIRS.set(name, pair);
  }
  return pair;
}

export function stripShortcodes(text: string): string {
  if (!text.includes('[')) return text;
  const closed = new Set<string>();
  CLOSE_TAG.lastIndex = 0;
  for (let m = CLOSE_TAG.exec(text); m; m = CLOSE_TAG.exec(text)) closed.add(m[1] ?? '');
  // Innermost pairs first (no tag of the same name inside), repeated, so nesting unwraps cleanly.
  let out = text;
  for (const name of closed) {
    const pair = pairOf(name);
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

/*
 * Each pattern matches the punctuation mark alone and looks around it: a scan that starts at a
 * literal `.` or `,` runs at hundreds of MB/s, one that starts with a Unicode class at every
 * lowercase letter at under 10.
 */
/** Characters after which a full stop ends a sentence (lowercase, digit, closing quote or bracket). */
const SENTENCE_END = String.raw`[\p{Ll}\p{N}”’")\]]`;
/** `ISIS.Many`: a whole word of two or more capitals (not the single letters of `T.A.I.L.S`). */
const ACRONYM_END = String.raw`(?<![\p{L}.])\p{Lu}{2,}`;
const MISSING_SENTENCE_SPACE = new RegExp(`(?<=${SENTENCE_END}|${ACRONYM_END})\\.(?=\\p{Lu}\\p{Ll})`, 'gu');
/**
 * `Front.KTJ`: a word ending in two lowercase letters, a full stop, then an acronym. The two
 * letters keep `Ph.D` and `e.g.UN`-style abbreviations out.
 */
const MISSING_SPACE_BEFORE_ACRONYM = /(?<=\p{Ll}{2})\.(?=\p{Lu}{2})/gu;
/** `past,drugs`: a comma glued between two words (never between digits, so 13,000 is safe). */
const MISSING_COMMA_SPACE = /(?<=\p{Ll}),(?=\p{L})/gu;

/** URLs, e-mail addresses and domain names are tokens whose dots and commas are not punctuation. */
function isLinkLike(token: string): boolean {
  // Top-level domains are matched in lowercase only, so `mayor.It will` is still repaired.
  return /[/@]|www\./i.test(token) || /\.(?:com|org|net|gov|edu|info|io|us|uk|ru|it)\b/.test(token);
}

/** The whitespace-separated token of `text` around position `at`. */
function tokenAt(text: string, at: number): string {
  return text.slice(tokenStart(text, at), tokenEnd(text, at));
}

function tokenStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\n') start--;
  return start;
}

function tokenEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && text[end] !== ' ' && text[end] !== '\n') end++;
  return end;
}

/** Put a space after each mark `re` finds, except inside tokens that are links. */
function repairTokens(line: string, re: RegExp): string {
  return line.replace(re, (mark: string, offset: number) =>
    isLinkLike(tokenAt(line, offset)) ? mark : `${mark} `,
  );
}

/** Cheap test that a line may need `repairSpacing`: a full stop or comma glued to a letter. */
const MAYBE_SPACING = /[.,][^\s\d.,]/;

/**
 * Insert the space the scrape lost after a sentence's full stop (`ISIS.Many` → `ISIS. Many`,
 * `Front.KTJ` → `Front. KTJ`) or a comma (`past,drugs` → `past, drugs`). An uppercase letter must
 * be followed by a lowercase one, or the full stop must follow two lowercase letters, so
 * abbreviations (`U.S.`, `D.C.`, `Ph.D`, `T.A.I.L.S`) and domains stay as they are.
 */
export function repairSpacing(line: string): string {
  if (!MAYBE_SPACING.test(line)) return line;
  // Until nothing changes: one repair can make another (`Many.ISIS.Many` needs the space
  // before the second `ISIS` before its full stop counts as a sentence end).
  let out = line;
  for (let i = 0; i < 4; i++) {
    const next = repairTokens(
      repairTokens(repairTokens(out, MISSING_SPACE_BEFORE_ACRONYM), MISSING_SENTENCE_SPACE),
      MISSING_COMMA_SPACE,
    );
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Non-breaking and other Unicode spaces, zero-width characters and the BOM. */
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Clean one line: odd spaces out, runs collapsed, trimmed, spacing repaired. */
export function normalizeLine(line: string): string {
  return cleanLine(line.replace(INVISIBLE, '').replace(ODD_SPACE, ' '));
}

/** `normalizeLine` for a line whose odd spaces are already gone. */
function cleanLine(line: string): string {
  const collapsed = line.includes('  ') ? line.replace(/ {2,}/g, ' ') : line;
  return repairSpacing(collapsed.trim());
}

/**
 * Words the scrape ran together, repaired only where the split is certain. A lowercase letter
 * followed by a capital is how `inEnglish` looks, but also how `WhatsApp`, `YouTube` and the
 * publisher's own `alQaeda` look, so the split needs more evidence than the shape. A lost space
 * is a one-off: a form the page writes twice or more is its spelling, and stays. Then:
 *  - the left part is a short function word (`inEnglish` → `in English`), or
 *  - the page also writes the two parts apart (`HuaxinZhongan` only if `Huaxin Zhongan` occurs), or
 *  - an acronym runs into a capitalised word and the page uses the acronym on its own
 *    (`PSCLandscape` → `PSC Landscape`, because `PSC` stands alone elsewhere).
 * Tokens with digits, `@`, `#` or a dot inside (handles, hashtags, addresses, domains) are left alone.
 * Run-together words in lowercase (`tenurethey`) cannot be split with certainty and stay.
 */
const FUNCTION_WORD =
  /^(?:in|on|of|and|the|to|at|by|for|from|with|as|or|is|was|that|this|into|than)(?=\p{Lu}\p{Ll}+$)/u;
const ACRONYM_GLUED = /^(\p{Lu}{2,6})(\p{Lu}\p{Ll}{2,})$/u;
/** The word inside a whitespace token: leading and trailing punctuation off, letters only. */
const TOKEN_CORE = /^([(“"‘'[]*)(\p{L}+)([)”"’'\].,;:!?]*)$/u;

function splitCamel(word: string, page: string): string {
  // Try each lowercase→capital boundary; split where the page writes the parts apart.
  let out = word;
  for (let i = out.length - 1; i > 0; i--) {
    const a = out[i - 1] ?? '';
    const b = out[i] ?? '';
    if (a.toLowerCase() !== a || b.toUpperCase() !== b || a.toUpperCase() === a) continue;
    const left = /\p{L}+$/u.exec(out.slice(0, i))?.[0] ?? '';
    const right = /^\p{L}+/u.exec(out.slice(i))?.[0] ?? '';
    if (left.length >= 2 && right.length >= 2 && page.includes(`${left} ${right}`))
      out = `${out.slice(0, i)} ${out.slice(i)}`;
  }
  return out;
}

/** One glued word repaired, or as it was: the three rules above, in order. */
function repairWord(word: string, page: string): string {
  const fw = FUNCTION_WORD.exec(word);
  if (fw) return `${fw[0]} ${word.slice(fw[0].length)}`;
  const acronym = ACRONYM_GLUED.exec(word);
  if (acronym) {
    const [, letters = '', rest = ''] = acronym;
    const alone = new RegExp(`(?<![\\p{L}\\p{N}])${letters}s?(?![\\p{L}\\p{N}])`, 'u');
    return alone.test(page) ? `${letters} ${rest}` : word;
  }
  return splitCamel(word, page);
}

/**
 * Where glued words may be: found by one scan of the page, then widened to their tokens. Latin
 * letters only (ASCII and Latin-1): a scan with Unicode property classes runs at about 10 MB/s,
 * this one at several hundred, and scrapes of other scripts rarely lose spaces this way.
 */
const UPPER = 'A-Z\u00C0-\u00D6\u00D8-\u00DE';
const LOWER = 'a-z\u00DF-\u00F6\u00F8-\u00FF';
const GLUED_SCAN = new RegExp(`[${LOWER}][${UPPER}]|[${UPPER}]{3}[${LOWER}]`, 'g');

export function repairRunTogether(page: string): string {
  // Pass 1: the glued-looking words and how often each occurs, `AlQaeda` and `alQaeda` as one.
  const counts = new Map<string, number>();
  const words: string[] = [];
  let lastToken = -1;
  // An exec loop on one RegExp, not `matchAll`: matchAll clones the RegExp, and V8 runs a fresh
  // RegExp in its slow interpreter first (about 40× slower on a seed page).
  GLUED_SCAN.lastIndex = 0;
  for (let m = GLUED_SCAN.exec(page); m; m = GLUED_SCAN.exec(page)) {
    const start = tokenStart(page, m.index);
    if (start === lastToken) continue;
    lastToken = start;
    const word = TOKEN_CORE.exec(tokenAt(page, start))?.[2];
    if (!word) continue;
    const k = word.toLowerCase();
    counts.set(k, (counts.get(k) ?? 0) + 1);
    words.push(word);
  }
  // Pass 2: repair the words that occur once, each wherever it stands as a whole token.
  const fixes = new Map<string, string>();
  for (const word of words) {
    if ((counts.get(word.toLowerCase()) ?? 0) !== 1) continue;
    const fixed = repairWord(word, page);
    if (fixed !== word) fixes.set(word, fixed);
  }
  if (fixes.size === 0) return page;
  const fixed = new RegExp(`(?<![\\p{L}])(?:${[...fixes.keys()].join('|')})(?![\\p{L}])`, 'gu');
  return page.replace(fixed, (word) => fixes.get(word) ?? word);
}

/** A line that cannot end a wrapped sentence: no closing punctuation at its end. */
const ENDS_OPEN = /[^.!?:;”"’)\]]$/u;
/** A line that starts a list item, which never continues the line above. */
const LIST_START = /^(?:[-*•–]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)/u;

/**
 * Join hard-wrapped lines: a line with no closing punctuation followed by one that begins in
 * lowercase is the same sentence. Scraped HTML puts each paragraph on one line, so this rarely
 * fires; it exists so that a stray wrapped line still yields a whole paragraph.
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

/**
 * The width a plain-text page is wrapped at (70–100 columns), or null for a page whose
 * paragraphs are whole lines. Wrapped means: at least four lines of text, and nearly all of them
 * (95 %) no longer than 100 characters.
 */
export function wrapWidth(lines: readonly string[]): number | null {
  const lengths = lines
    .map((l) => l.length)
    .filter((n) => n >= 20)
    .sort((a, b) => a - b);
  if (lengths.length < 4) return null;
  const p95 = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))] ?? 0;
  if (p95 > 100 || p95 < 50) return null;
  // Most text lines of a wrapped page are long: the wrap, not the sentence, ended them.
  const full = lengths.filter((n) => n >= p95 * 0.7).length;
  return full >= lengths.length * 0.5 ? p95 : null;
}

/**
 * Join the lines of a wrapped page into paragraphs: a line joins the one above when that line
 * is full (at least 70 % of the wrap width), so a short line ends its paragraph. A word
 * hyphenated across the break is put back together (`propa-` + `ganda` → `propaganda`).
 */
function joinHardWrapped(lines: string[], width: number): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of lines) {
    const last = out[out.length - 1];
    if (open && last !== undefined && line !== '' && !LIST_START.test(line)) {
      out[out.length - 1] =
        /\p{Ll}-$/u.test(last) && /^\p{Ll}/u.test(line) ? last.slice(0, -1) + line : `${last} ${line}`;
    } else out.push(line);
    open = line !== '' && line.length >= width * 0.7;
  }
  return out;
}

/** A page number on its own line: `14`, `Page 3`, `Page 3 of 12`, `- 3 -`. */
const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/**
 * A page converted from PDF has form feeds between its pages. The first and last lines of each
 * page that repeat on other pages are running heads and feet (the journal's name, the author),
 * and a number alone there is the page number: none of them is text, and they would otherwise
 * cut a paragraph that runs on to the next page.
 */
function dropPageFurniture(text: string): string {
  if (!text.includes('\f')) return text;
  const pages = text.split('\f').map((page) => page.split('\n'));
  const edges = (page: string[]): string[] => {
    const filled = page.map((l) => l.trim()).filter((l) => l !== '');
    return [...filled.slice(0, 2), ...filled.slice(-2)];
  };
  const seen = new Map<string, number>();
  for (const page of pages)
    for (const line of new Set(edges(page))) seen.set(line, (seen.get(line) ?? 0) + 1);
  const furniture = (line: string) => (seen.get(line) ?? 0) >= 2 || PAGE_NUMBER.test(line);
  // Each page loses furniture and blank lines at its top and bottom, so a paragraph that runs on
  // to the next page joins up again.
  const trimmed = (page: string[]): string[] => {
    const edge = new Set(edges(page));
    const drop = (l: string) => l.trim() === '' || (edge.has(l.trim()) && furniture(l.trim()));
    let start = 0;
    let end = page.length;
    while (start < end && drop(page[start] ?? '')) start++;
    while (end > start && drop(page[end - 1] ?? '')) end--;
    return page.slice(start, end);
  };
  return pages.map((page) => trimmed(page).join('\n')).join('\n');
}

/** Spaces other than the form feed, which marks a page break until `dropPageFurniture` has read it. */
const ODD_SPACE_BUT_PAGE_BREAK = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v]/g;

/**
 * One pass of `normalizeText`. `settled` is true when the pass only cleaned lines: nothing was
 * unwrapped, removed across lines or joined, so a second pass would change nothing.
 */
function normalizeOnce(raw: string): { text: string; settled: boolean } {
  const plain = raw.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(ODD_SPACE_BUT_PAGE_BREAK, ' ');
  // Shortcodes may span lines (`[caption]…[/caption]`), so they go before the split.
  const unwrapped = stripShortcodes(plain);
  const paged = dropPageFurniture(unwrapped);
  const lines = paged.split('\n').map(cleanLine);
  const width = wrapWidth(lines);
  const joined = width ? joinHardWrapped(lines, width) : joinWrapped(lines);
  // Runs of blank lines carry no more meaning than one.
  const text = joined
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
  return { text, settled: unwrapped === plain && paged === unwrapped && joined.length === lines.length };
}

/**
 * Normalise a whole page: CRLF and lone CR → LF, PDF page furniture out, every line cleaned,
 * wrapped lines joined, blank runs collapsed (repeated until nothing changes: a shortcode can
 * hide another, a repair can enable a join), then run-together words repaired where certain.
 * Idempotent: the property tests check it on arbitrary and scrape-like text.
 */
export function normalizeText(raw: string): string {
  let text = raw;
  for (let i = 0; i < 8; i++) {
    const next = normalizeOnce(text);
    const same = next.text === text;
    text = next.text;
    if (same || next.settled) break;
  }
  // Once, on the settled text: it only puts a space inside a glued word, which no step above
  // undoes or builds on, and it needs the whole page as evidence (a scan per candidate).
  return repairRunTogether(text);
}
