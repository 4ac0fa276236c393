/**
 * Pure: no DOM, no framework.
 *
 * What the course never shows, found in a piece of text: cryptocurrency addresses, links to
 * messaging channels, account handles and hashtags. One set of patterns serves both ends of the
 * rule: source pages replace what they find before display (redact.ts), and the build scans every
 * built page and the search index for anything that got through (scan.ts).
 *
 * The patterns err towards finding too much in prose (a stray match costs a "[… removed]"
 * marker), but an address must look like one: a base58 run of 26–35 characters mixing digits,
 * capitals and small letters, which ordinary words, ids and asset hashes do not do.
 */

export type SensitiveKind = 'crypto-address' | 'channel-link' | 'handle' | 'hashtag';

export interface SensitiveMatch {
  kind: SensitiveKind;
  /** What the pattern recognised, e.g. "bitcoin address (base58)" or "Telegram link". */
  label: string;
  /** The matched text. */
  text: string;
  /** Offset of the match in the text searched. */
  index: number;
}

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
/** Legacy and script-hash bitcoin addresses and other base58 coins (Litecoin, Dogecoin, Tron…). */
const BASE58_ADDRESS = new RegExp(`(?<![A-Za-z0-9])${BASE58}{26,35}(?![A-Za-z0-9])`, 'g');
/** Monero addresses: 95 base58 characters starting with 4 or 8. */
const MONERO_ADDRESS = new RegExp(`(?<![A-Za-z0-9])[48]${BASE58}{94}(?![A-Za-z0-9])`, 'g');
/** SegWit (bech32/bech32m) addresses: human-readable part, "1", then the data characters. */
const BECH32_ADDRESS = /(?<![A-Za-z0-9])(?:bc|tb|ltc)1[02-9ac-hj-np-z]{11,87}(?![A-Za-z0-9])/gi;
/** Ethereum-style addresses: 0x and 40 hex digits. */
const HEX_ADDRESS = /(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])/g;

/** Hosts whose links open a messaging channel, group or chat. */
const CHANNEL_HOSTS: readonly [string, string][] = [
  ['t\\.me', 'Telegram link'],
  ['telegram\\.(?:me|dog)', 'Telegram link'],
  ['wa\\.me', 'WhatsApp link'],
  ['chat\\.whatsapp\\.com', 'WhatsApp link'],
  ['discord\\.gg', 'Discord invite'],
  ['discord(?:app)?\\.com/invite', 'Discord invite'],
  ['signal\\.(?:group|me)', 'Signal link'],
  ['threema\\.id', 'Threema link'],
  ['rocket\\.chat', 'Rocket.Chat link'],
];
const CHANNEL_LINK = new RegExp(
  `(?<![\\w.-])(?:https?://)?(?:www\\.)?(${CHANNEL_HOSTS.map(([host]) => host).join('|')})/[^\\s"'<>)]*` +
    `|\\btg://[^\\s"'<>)]+`,
  'gi',
);

/** `@name`, but not an e-mail address, a decorator in code or a CSS at-rule. */
const HANDLE = /(?<![\w.@/&-])@[A-Za-z0-9_]{2,30}(?![\w@])/g;
/** `#word`, but not `&#39;`, `C#` or a `#p12` fragment inside a URL. */
const HASHTAG = /(?<![\w&#/])#[\p{L}_][\p{L}\p{N}_]*/gu;

/**
 * Hashtags the sources quote as jihadist search terms (Instagram article, paragraphs 8, 15 and
 * 35). Matched with or without the space a scraped page may put after "#", so the build check
 * notices them even where the general pattern would not.
 */
export const QUOTED_HASHTAGS = ['khilafah', 'dawlah', 'tawheed', 'taghut', 'awlaki'] as const;
const QUOTED_HASHTAG = new RegExp(`(?<![\\w&])#\\s?(?:${QUOTED_HASHTAGS.join('|')})\\b`, 'gi');

function mixesDigitsAndCases(text: string): boolean {
  return /[0-9]/.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text);
}

function* matches(
  pattern: RegExp,
  text: string,
  kind: SensitiveKind,
  label: (found: string) => string | null,
): Generator<SensitiveMatch> {
  for (const m of text.matchAll(pattern)) {
    const name = label(m[0]);
    if (name) yield { kind, label: name, text: m[0], index: m.index };
  }
}

/** Cryptocurrency addresses in `text`, in order. */
export function findAddresses(text: string): SensitiveMatch[] {
  const found = [
    ...matches(BASE58_ADDRESS, text, 'crypto-address', (t) =>
      mixesDigitsAndCases(t)
        ? /^[13]/.test(t)
          ? 'bitcoin address (base58)'
          : 'cryptocurrency address (base58)'
        : null,
    ),
    ...matches(MONERO_ADDRESS, text, 'crypto-address', (t) =>
      mixesDigitsAndCases(t) ? 'Monero address' : null,
    ),
    ...matches(BECH32_ADDRESS, text, 'crypto-address', (t) =>
      t === t.toLowerCase() || t === t.toUpperCase() ? 'bitcoin address (bech32)' : null,
    ),
    ...matches(HEX_ADDRESS, text, 'crypto-address', () => 'Ethereum-style address (0x…)'),
  ];
  return dedupe(found);
}

/** Links to messaging channels in `text`, in order. */
export function findChannelLinks(text: string): SensitiveMatch[] {
  return [
    ...matches(CHANNEL_LINK, text, 'channel-link', (t) => {
      if (/^tg:/i.test(t)) return 'Telegram link';
      const host = t.replace(/^(?:https?:\/\/)?(?:www\.)?/i, '').toLowerCase();
      return CHANNEL_HOSTS.find(([h]) => new RegExp(`^${h}`, 'i').test(host))?.[1] ?? 'messaging link';
    }),
  ];
}

/** `@handles` in `text`, in order. */
export function findHandles(text: string): SensitiveMatch[] {
  return [...matches(HANDLE, text, 'handle', () => 'account handle')];
}

/** Hashtags in `text`, in order: any `#word`, and the quoted ones even when written "# word". */
export function findHashtags(text: string): SensitiveMatch[] {
  return dedupe([
    ...matches(HASHTAG, text, 'hashtag', () => 'hashtag'),
    ...matches(QUOTED_HASHTAG, text, 'hashtag', () => 'hashtag quoted by a source'),
  ]);
}

/** Everything sensitive in prose, in text order, overlapping matches merged to the first found. */
export function findSensitive(text: string): SensitiveMatch[] {
  return dedupe([
    ...findAddresses(text),
    ...findChannelLinks(text),
    ...findHandles(text),
    ...findHashtags(text),
  ]);
}

/** Sorted by position; a match that overlaps an earlier one is dropped. */
function dedupe(found: SensitiveMatch[]): SensitiveMatch[] {
  const sorted = [...found].sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: SensitiveMatch[] = [];
  for (const m of sorted) {
    const last = kept.at(-1);
    if (last && m.index < last.index + last.text.length) continue;
    kept.push(m);
  }
  return kept;
}
