/**
 * Step 2 of ingest (seed page → articles → content collections): what a single normalised line
 * is, judged on its own text. Site chrome, bylines, notes, captions and footnotes each have a
 * recogniser here; the decisions that need neighbouring lines live in `article.ts`.
 * Pure: no I/O.
 */

/** Lowercase, without trailing punctuation, so `Share this article:` matches `share this article`. */
function key(line: string): string {
  return line
    .toLowerCase()
    .replace(/[\s:.!|»›>]+$/u, '')
    .trim();
}

/**
 * Whether `line` has at most `n` space-separated words, without splitting it: recognisers ask
 * this of every line, most lines are long paragraphs, and a split allocates them all.
 */
export function wordsAtMost(line: string, n: number): boolean {
  let words = 1;
  for (let i = line.indexOf(' '); i >= 0; i = line.indexOf(' ', i + 1)) if (++words > n) return false;
  return true;
}

/**
 * Navigation and widget text that is never article text, wherever it appears. Dropped silently.
 * Exact lines only: a sentence that merely contains these words is still text. Grouped by where
 * pages put them; `CHROME_CATALOGUE` in the tests injects every one into real articles.
 */
export const CHROME_LINES = {
  /** Site navigation and page furniture. */
  navigation: [
    'connect with us',
    'skip to content',
    'skip to main content',
    'menu',
    'home',
    'search',
    'search this blog',
    'about',
    'about us',
    'contact',
    'contact us',
    'careers',
    'privacy',
    'privacy policy',
    'terms',
    'terms of use',
    'help',
    'status',
    'text to speech',
    'open in app',
    'get the app',
    'start writing',
    'write',
    'sign in',
    'log in',
    'sign up',
    'register',
    'report abuse',
    'view my complete profile',
    'member-only story',
    'advertisement',
    'sponsored',
  ],
  /** Widget labels of blog platforms; a widget's own lines are cut with it at the end of a post. */
  widgets: [
    'pages',
    'labels',
    'blog archive',
    'about me',
    'followers',
    'popular posts',
    'archives',
    'categories',
  ],
  /** Share, follow and reaction buttons. */
  sharing: [
    'published',
    'on',
    'share',
    'share this',
    'share this article',
    'share this story',
    'share this post',
    'share on facebook',
    'share on twitter',
    'tweet',
    'email',
    'print',
    'follow',
    'follow us',
    'listen',
    'listen to this article',
    'like',
    'like this',
    'like loading',
    'comment',
    'restack',
    'continue reading',
  ],
  /** Newsletter and subscription boxes. */
  newsletter: [
    'subscribe',
    'subscribe now',
    'sign up for our newsletter',
    'sign up for our newsletters',
    'enter your email address',
    'email address',
    'type your email',
    'your email address',
  ],
  /** Cookie banners. */
  cookies: [
    'accept',
    'accept all',
    'accept all cookies',
    'accept cookies',
    'reject all',
    'decline',
    'manage preferences',
    'manage cookies',
    'cookie settings',
    'cookie preferences',
    'got it',
    'i agree',
  ],
} as const;

const CHROME = new Set<string>(Object.values(CHROME_LINES).flat());

/** Social networks, which are chrome when listed under a share label. */
const SHARE_TARGETS = new Set([
  'facebook',
  'twitter',
  'x',
  'linkedin',
  'whatsapp',
  'reddit',
  'pinterest',
  'telegram',
  'email',
  'print',
  'more',
  'copy link',
]);

/** Chrome with variable text: newsletter prompts, cookie notices, Blogger's share strip, labels. */
const CHROME_PATTERNS: RegExp[] = [
  /^sign up for\b.{0,60}newsletter/i,
  /^(?:get|receive)\b.{0,80}\b(?:in|to) your inbox\b.{0,40}$/i,
  /^thanks for reading\b.{0,80}\bsubscribe\b/i,
  /^by (?:signing up|subscribing|clicking|continuing to browse)\b.{0,200}$/i,
  /^(?:this (?:web)?site|we) uses? cookies\b.{0,300}$/i,
  /^email this\s*blogthis!/i,
  /^labels?:\s.{0,120}$/i,
  /^(?:tags|tagged|tagged with|filed under|topics|categories)\s*:\s.{0,160}$/i,
  /^(?:read more|read also|see also|more on this|also read)\s*:\s.{1,160}$/i,
  // Blogger's archive tree: `► 2020 (6)`, `▼ August (3)`.
  /^[►▼▶▸▾]\s/u,
  // Claps, counts and dividers: `1.2K`, `18`, `--`, `·`.
  /^[\d.,]{1,6}[km]?$/i,
  /^[-–—·•|*=_]{1,5}$/,
  /^\d+ min(?:ute)?s? read$/i,
  /^(?:home|start)\s*[›»>/|]\s*.{1,200}$/i,
  // A footer row of links: `Privacy ∙ Terms ∙ Collection notice`, `About | Contact`.
  /^(?:[\p{L}][\p{L} ]{1,24}\s[∙·|•]\s){1,8}[\p{L}][\p{L} ]{1,24}$/u,
  /^vol(?:ume)?\.?\s*\d+\s*[,;]?\s*(?:issue|no\.?|number)\s*\d+$/i,
];

export function isChrome(line: string): boolean {
  // The fixed lines are short; a paragraph is never one of them.
  return (line.length <= 40 && CHROME.has(key(line))) || CHROME_PATTERNS.some((re) => re.test(line));
}

/** A share label (`Share this article`), after which a run of network names is buttons. */
export function isShareLabel(line: string): boolean {
  return /^share\b/i.test(line) && line.split(' ').length <= 4;
}

export function isShareTarget(line: string): boolean {
  return SHARE_TARGETS.has(key(line));
}

/**
 * A line that is never an article's title: chrome, a widget or a section label of one word, a
 * date, a copyright line. `Pages` above a blog post is a sidebar label, not the post's title.
 */
export function isNeverTitle(line: string): boolean {
  return isChrome(line) || isEndOfArticle(line) || isDateLine(line) || parseCopyright(line) !== null;
}

/**
 * Lines that open the part of a page after the article: comment forms, readers' comments,
 * teaser lists, blog navigation and sidebar widgets. Once a body paragraph has been seen,
 * nothing after one of these belongs to the article (a reader's comment is not the author's text).
 */
const END_PATTERNS: RegExp[] = [
  /^do you like this article\??$/i,
  /^\d+ comments?$/i,
  /^comments?$/i,
  /^comment policy\b/i,
  /^no comments:?$/i,
  /^post a comment$/i,
  /^leave a (?:reply|comment)\b/i,
  /^related(?: articles| posts| stories| content| news)?:?$/i,
  /^(?:you may|you might) also like/i,
  /^more (?:stories|from|in)\b.{0,40}$/i,
  /^recommended from\b.{0,40}$/i,
  /^responses?\s*\(\d+\)$/i,
  /^(?:latest|trending|popular|most read|publications|recommended)$/i,
  /^(?:newer|older) post\b/i,
  /^subscribe to\b/i,
  /^(?:blog archive|about me|followers|popular posts|search this blog|report abuse)$/i,
];
/** A teaser's category and age: `Finance34 mins ago`, `South Asia 5 hours ago`. */
const TEASER_AGE = /\d+\s*(?:secs?|seconds?|mins?|minutes?|hours?|days?|weeks?) ago$/i;

export function isEndOfArticle(line: string): boolean {
  return END_PATTERNS.some((re) => re.test(line)) || (line.endsWith(' ago') && TEASER_AGE.test(line));
}

/** The separator between articles on a multi-article page (Modern Diplomacy style). */
export function isArticleSeparator(line: string): boolean {
  return /^continue reading$/i.test(line);
}

/** `Published` alone: the start of the date block under a title; the date itself was lost. */
export function isPublishedMarker(line: string): boolean {
  return /^published$/i.test(line);
}

/** A date or `Updated …` line under a title: no field for it, so it is chrome there. */
export function isDateLine(line: string): boolean {
  if (!wordsAtMost(line, 10)) return false;
  if (/^(?:published|posted|updated|last updated)\b(?! by)/i.test(line)) return true;
  const month = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
  return new RegExp(
    `^(?:[a-z]+day,? )?(?:${month} \\d{1,2},? \\d{4}|\\d{1,2} ${month},? \\d{4}|\\d{4}-\\d{2}-\\d{2})\\b[\\d:apm .,|–-]*(?:[a-z]{2,4})?$`,
    'i',
  ).test(line);
}

/** `Copyright © 2018 Modern Diplomacy`, `© 2021 Name. All rights reserved.` → the name. */
export function parseCopyright(line: string): string | null {
  const m = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+)$/i.exec(
    line,
  );
  if (!m || !/©|copyright|\(c\)/i.test(line)) return null;
  const name = (m[1] ?? '')
    .replace(/\.?\s*all rights reserved\.?$/i, '')
    .replace(/[.,\s]+$/, '')
    .trim();
  if (!name || name.split(' ').length > 8) return null;
  return name;
}

/** Degrees and titles are not part of a name: `Anne Speckhard, Ph.D` → `Anne Speckhard`. */
const DEGREE = String.raw`(?:Ph\.?\s?D\.?|D\.?Phil\.?|M\.D\.|MD|MBA|M\.?Sc\.?|M\.?Phil\.?|LL\.?M\.?|Esq\.?)`;
const DEGREE_SUFFIX = new RegExp(`(?:,\\s*|\\s+)${DEGREE}(?=[\\s,&]|$)`, 'g');
const TITLE_PREFIX = /^(?:Dr|Prof|Professor)\.?\s+/;

export function stripDegrees(name: string): string {
  return name
    .replace(DEGREE_SUFFIX, '')
    .replace(TITLE_PREFIX, '')
    .replace(/[\s,]+$/, '')
    .trim();
}

/** Lowercase particles that may sit inside a personal name. */
const NAME_PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'y',
]);

/** One personal name: 2–5 words, each capitalised (initials allowed) or a particle; no digits. */
export function isPersonName(name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5 || /\d/.test(name)) return false;
  return words.every((w) => NAME_PARTICLES.has(w) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

/**
 * A list of people, `A and B`, `A & B`, `A, B and C`, degrees stripped; null unless every part
 * is a name, so a sentence that happens to start with `By` is never taken for a byline.
 */
export function parseNames(text: string): string[] | null {
  const parts = stripDegrees(text.replace(new RegExp(`,\\s*${DEGREE}`, 'g'), ''))
    .split(/\s*(?:,|&|\band\b)\s*/)
    .map((p) => stripDegrees(p.trim()))
    .filter((p) => p !== '');
  if (parts.length === 0 || !parts.every(isPersonName)) return null;
  return parts;
}

/** `Authors: A and B` — the page's own full author list, which wins over a short byline. */
export function parseAuthorsLine(line: string): string[] | null {
  const m = /^authors?\s*:\s*(.+)$/i.exec(line);
  return m ? parseNames(m[1] ?? '') : null;
}

/** `By Jane Doe and John Roe`, optionally followed by `, Reuters` style affiliations after a pipe. */
export function parseByLine(line: string): string[] | null {
  const m = /^by\s+(.+?)(?:\s*[|·•]\s*.*)?$/i.exec(line);
  return m && wordsAtMost(line, 14) ? parseNames(m[1] ?? '') : null;
}

/** Blogger's footer `Posted by Someone at 10:42 AM` names the author. */
export function parsePostedBy(line: string): string[] | null {
  const m = /^posted by\s+(.+?)(?:\s+(?:at|on)\s+.*)?$/i.exec(line);
  if (!m) return null;
  const name = (m[1] ?? '').trim();
  return parseNames(name) ?? (/^\p{Lu}[\p{L}'’.-]*$/u.test(name) ? [name] : null);
}

/** A short bare name line under a title: the byline of Modern Diplomacy style pages. */
export function parseBareByline(line: string): string[] | null {
  if (line.split(' ').length > 12 || /[:?!]/.test(line)) return null;
  return parseNames(line);
}

/** Publication notes: where the piece first appeared, who reported or edited it. */
const NOTE_PATTERNS: RegExp[] = [
  /^(?:first|originally) published\b/i,
  /^from our partner\b/i,
  /^(?:author|editor)[’']?s?[’']? note\s*:/i,
  /^this (?:article|piece|post|story|op-ed) (?:was |is |has been )?(?:first |originally )?(?:published|adapted|republished|appeared)\b/i,
  /^\(?(?:reporting|additional reporting|writing|editing|compiled|translated|research) by\b/i,
  /^(?:republished|reprinted) (?:from|with)\b/i,
  /^prepared by\b/i,
  /^key ?words\s*:/i,
];

export function isNote(line: string): boolean {
  return NOTE_PATTERNS.some((re) => re.test(line)) && wordsAtMost(line, 40);
}

/**
 * Caption markers that are unambiguous on their own: a screenshot or photo credit, `[File]`,
 * `Photo:` / `Image credit:` labels, a trailing `(Photo: …)`. Limited to 50 words so a
 * paragraph that discusses a photo is never taken for its caption.
 */
const CAPTION_MARKERS: RegExp[] = [
  /\bscreenshot (?:from|of|taken)\b/i,
  /\[file\]$/i,
  /^(?:photo|image|picture|pictured|caption|credit|photograph|illustration|file photo)(?: credit)?\s*[:|—–-]/i,
  /\b(?:photo|image|picture|illustration)(?: credit)?\s*:\s*\S/i,
  /\((?:photo|image|picture|credit|file)\b[^)]*\)$/i,
  /\b(?:getty images|shutterstock|ap photo|afp photo)\b/i,
  /^image credits?\b/i,
];

/** Words one of the caption markers needs, to skip the markers for most lines. */
const CAPTION_WORD =
  /screenshot|\[file\]|photo|image|picture|caption|credit|illustration|getty|shutterstock/i;

export function hasCaptionMarker(line: string): boolean {
  return wordsAtMost(line, 50) && CAPTION_WORD.test(line) && CAPTION_MARKERS.some((re) => re.test(line));
}

/** `[12] Author, Title…` — a numbered reference as printed under an article. */
export function isBracketFootnote(line: string): boolean {
  return /^\[\d{1,3}\]\s*\S/.test(line);
}

/** `3. Shanghai Zhongchenwei…` or `3) …` — one item of a numbered list; returns its number. */
export function parseNumberedItem(line: string): { n: number; text: string } | null {
  const m = /^(\d{1,3})[.)]\s+(\S.*)$/.exec(line);
  return m ? { n: Number(m[1]), text: m[2] ?? '' } : null;
}

/** A heading that announces a reference list; every line after it is a footnote. */
export function isReferencesHeading(line: string): boolean {
  return (
    line.length <= 24 &&
    /^(?:references|notes|endnotes|footnotes|sources|bibliography|works cited|citations|further reading)$/i.test(
      key(line),
    )
  );
}

/** A heading that announces the author's biography. */
export function isBioHeading(line: string): boolean {
  return line.length <= 24 && /^about the authors?$/i.test(key(line));
}

/**
 * `Anne Speckhard, Ph.D., is an adjunct associate professor…`: a name, perhaps a degree, then
 * `is/was/has been`. Returns the name so the caller can check it against the article's authors.
 */
const BIO_SUBJECT = new RegExp(
  String.raw`^((?:(?:Dr|Prof)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){1,4}?)(?:,?\s*${DEGREE})?,?\s+(?:is|was|has been|serves as|works as|holds)\s`,
  'u',
);
/** The verbs a bio opens with, found cheaply before the full pattern runs. */
const BIO_VERB = / (?:is|was|has been|serves as|works as|holds) /;

export function bioSubject(line: string): string | null {
  if (!BIO_VERB.test(line.slice(0, 200))) return null;
  const m = BIO_SUBJECT.exec(line);
  if (!m || wordsAtMost(line, 7) || isHeadingLike(line)) return null;
  const name = stripDegrees(m[1] ?? '');
  return isPersonName(name) && !DETERMINER.test(name) ? name : null;
}

/** `The USA is …` or `This Group is …` opens a sentence, not a biography. */
const DETERMINER = /^(?:the|this|that|these|those|it|its|a|an|our|his|her|their|one|each|every)\s/i;

/** The words of a text that carry content: a lone dash or bullet is not a word. */
export function countWords(text: string): number {
  // One pass over the characters: a token counts when it holds an ASCII letter or digit, or,
  // failing that, any Unicode letter or number (checked only for such rare tokens).
  let words = 0;
  let start = 0;
  let counted = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      if (!counted && i > start && /[\p{L}\p{N}]/u.test(text.slice(start, i))) words++;
      start = i + 1;
      counted = false;
    } else if (!counted && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      words++;
      counted = true;
    }
  }
  return words;
}

/** Sentence-final or clause-final punctuation: a line ending this way reads as prose. */
const PROSE_END = /[.;,:]["”’)]*$/u;

/**
 * Short enough and shaped like a heading or a caption: at most 18 words, no prose ending,
 * not opening with a quotation mark or a lowercase letter. `?` and `!` are allowed because
 * headings ask questions (`A Possible Instagram Counter Narrative Strategy?`).
 */
export function isHeadingLike(line: string): boolean {
  return line.length <= 160 && wordsAtMost(line, 18) && !PROSE_END.test(line) && /^[\p{Lu}\p{N}]/u.test(line);
}

/** Words that name a publication rather than a person (`Salaam Times`, `Daily Star`). */
const PRESS_WORD =
  /\b(?:times|news|post|herald|journal|daily|tribune|today|review|gazette|monitor|diplomacy|weekly|magazine|press|observer|report|guardian|telegraph|chronicle|insider|wire|blog|online|media|digest|standard|express|mail|star|sun|independent|bulletin|dispatch|courier|agency)\b|\.(?:com|org|net)$/i;

/**
 * A site-name line under a title: `Salaam Times`. 1–6 words, capitalised or small particles (`Journal of …`), with a press word in
 * them. Without one, a short line there could as well be a heading (`Introduction`) or a
 * person, so it is not claimed as the publication.
 */
export function isSiteName(line: string): boolean {
  return isNameShaped(line) && PRESS_WORD.test(line);
}

function isNameShaped(line: string): boolean {
  const words = line.split(' ');
  return (
    words.length <= 6 &&
    line.length <= 60 &&
    /^[\p{Lu}\p{N}]/u.test(line) &&
    words.every((w) => /^[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*$/u.test(w) || /^(?:&|of|the|and|for|on)$/.test(w)) &&
    !/[.:]$/.test(line)
  );
}

/** `PARIS (Reuters) -` or `WASHINGTON, March 3 (AP) —`: the wire named in a dateline. */
export function wireFromDateline(paragraph: string): string | null {
  const m =
    /^\p{Lu}[\p{Lu} .'’-]+(?:,\s*[\p{L}.]+(?:\s+[\p{L}.]+)?(?:\s+\d{1,2})?(?:,?\s+\d{4})?){0,3}\s*\(([\p{L}][\p{L} .&-]{0,30})\)\s*(?:-{1,2}|–|—)\s/u.exec(
      paragraph,
    );
  return m ? (m[1] ?? '').trim() : null;
}
