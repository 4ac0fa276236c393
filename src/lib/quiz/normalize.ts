/**
 * Pure: no DOM, no framework.
 *
 * Text normalisation and edit distance for free-text answers (`text` questions
 * and `cloze` blanks). Both the accepted answers and the learner's response go
 * through `normalizeText`, then are compared exactly or within a small number
 * of edits (`typoAllowance`) measured by `editDistance`.
 */

/** Apostrophe-like marks (incl. Arabic transliteration ʿayn/hamza): removed outright, so `Qa'ida` = `Qaida`. */
const APOSTROPHES = /['‘’‚‛′‵ʹʻʼʽʾʿˈ`´]/gu;
/** Double quotes of every flavour: unified to `"` (then stripped like other punctuation). */
const DOUBLE_QUOTES = /["“”„‟″‶«»]/gu;
/** Hyphens, dashes and the minus sign: unified to `-` (then turned into a space). */
const DASHES = /[‐‑‒–—―−﹘﹣－]/gu;
/** Letters that NFKD does not decompose but that learners commonly type in ASCII. */
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLDABLE = /[ßæœøłđðþı]/gu;

/**
 * Canonical form of a free-text answer:
 * 1. Unicode NFKD, then combining marks removed (`Zawāhirī` → `Zawahiri`, `ﬁ` → `fi`);
 * 2. lowercased, with a few non-decomposing letters folded (`ß` → `ss`, `ø` → `o`, …);
 * 3. quotes and dashes unified; apostrophes and full stops removed (`U.S.` → `us`,
 *    `Qa'ida` → `qaida`); every other punctuation mark or symbol becomes a space
 *    (`al-Qaeda` → `al qaeda`);
 * 4. whitespace collapsed to single spaces and trimmed.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch)
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/['.]/g, '')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * How many edits a response may be away from an accepted answer and still count,
 * given the accepted answer's normalised length in characters (code points):
 * 0 for ≤ 4 characters, 1 for 5–8, 2 for 9–16, 3 beyond.
 */
export function typoAllowance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 16) return 2;
  return 3;
}

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form (insertions,
 * deletions, substitutions and transpositions of adjacent characters, each cost 1;
 * no substring edited twice), over code points.
 *
 * With `max`, stops as soon as the distance is known to exceed `max` and returns
 * `max + 1` — so callers can ask "within k edits?" in O(k·n) typical time.
 */
export function editDistance(a: string, b: string, max: number = Infinity): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const over = max + 1;
  if (Math.abs(s.length - t.length) > max) return over;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;

  const width = t.length + 1;
  let prev2 = new Array<number>(width).fill(0);
  let prev = Array.from({ length: width }, (_, j) => j);
  let curr = new Array<number>(width).fill(0);

  for (let i = 1; i <= s.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const si = s[i - 1];
    for (let j = 1; j <= t.length; j++) {
      const tj = t[j - 1];
      const cost = si === tj ? 0 : 1;
      let d = Math.min(
        (prev[j] ?? 0) + 1, // deletion
        (curr[j - 1] ?? 0) + 1, // insertion
        (prev[j - 1] ?? 0) + cost, // substitution
      );
      if (i > 1 && j > 1 && si === t[j - 2] && s[i - 2] === tj) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1); // transposition
      }
      curr[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return over;
    [prev2, prev, curr] = [prev, curr, prev2];
  }
  const result = prev[t.length] ?? 0;
  return result > max ? over : result;
}

/**
 * A number as typed: 1–3 digits then groups of exactly three with one consistent separator
 * (`30,000`, `30 000`, `1'000`, `1_000`) and an optional `.` decimal part; or plain digits with
 * an optional decimal part after `.` or `,` (`30000`, `3.5`, `3,5`). Matched after NFKC, so
 * no-break and thin spaces and full-width digits count as their ASCII forms.
 */
const NUMBER = /\d{1,3}([,'’_ ])\d{3}(?:\1\d{3})*(?:\.\d+)?(?!\d)|\d+(?:[.,]\d+)?/gu;

function numberValue(written: string, grouped: boolean): string {
  const digits = grouped ? written.replace(/[,'’_ ]/g, '') : written.replace(',', '.');
  return String(Number(digits));
}

/**
 * The form two free-text answers are compared in: `normalizeText`, except that every number is
 * replaced by its value, written `#30000` (a `#` a learner types is removed by normalisation, so
 * only a number gives one). So `30,000`, `30000` and `30 000` are equal, `3000` is not, and a
 * decimal point is not lost to the removal of full stops (`1.5` ≠ `15`).
 */
export function answerForm(input: string): string {
  const text = input.normalize('NFKC');
  const out: string[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER)) {
    out.push(
      normalizeText(text.slice(last, match.index)),
      `#${numberValue(match[0], match[1] !== undefined)}`,
    );
    last = match.index + match[0].length;
  }
  out.push(normalizeText(text.slice(last)));
  return out.filter((part) => part !== '').join(' ');
}

/** Whether an answer form holds a number: such answers are right or wrong by value, never by a typo. */
export function hasDigits(form: string): boolean {
  return /\d/.test(form);
}

/**
 * Prefixes that turn a word into its opposite or undo it: `effective` → `ineffective`,
 * `securitization` → `desecuritization`, `typical` → `atypical`.
 */
export const NEGATING_PREFIXES = ['non', 'dis', 'un', 'de', 'in', 'ir', 'il', 'im', 'a'] as const;

/** Words that negate what follows (after normalisation, so `isn't` is `isnt`). */
const NEGATIVE_WORDS = new Set([
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'none',
  'without',
  'cannot',
  'aint',
  'arent',
  'cant',
  'couldnt',
  'didnt',
  'doesnt',
  'dont',
  'hadnt',
  'hasnt',
  'havent',
  'isnt',
  'mustnt',
  'neednt',
  'shouldnt',
  'wasnt',
  'werent',
  'wont',
  'wouldnt',
]);

/**
 * The words of an answer form, with a prefix written apart (`non-effective`, `de securitization`,
 * `a-political`) joined to the word after it. Normalisation has turned hyphens into spaces, so
 * the article `a` is joined too: `a plan` against `the plan` then reads as a change of meaning,
 * which only costs a typo allowance that such a change should not get anyway.
 */
function prefixedWords(form: string): string[] {
  const words = form.split(' ').filter((word) => word !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (next !== undefined && (NEGATING_PREFIXES as readonly string[]).includes(word)) {
      out.push(word + next);
      i++;
    } else out.push(word);
  }
  return out;
}

/**
 * Whether some word of `xs` is a word of `ys` with a negating prefix added: exactly, or, for a
 * prefix of two letters or more on a long word, with one more edit (`desecuritisation`).
 */
function addsPrefix(xs: readonly string[], ys: readonly string[]): boolean {
  return xs.some((word) =>
    NEGATING_PREFIXES.some((prefix) => {
      if (!word.startsWith(prefix)) return false;
      const rest = word.slice(prefix.length);
      if (rest.length < 3) return false;
      return ys.some(
        (other) =>
          other === rest || (prefix.length >= 2 && rest.length >= 6 && editDistance(rest, other, 1) <= 1),
      );
    }),
  );
}

/**
 * Whether two answer forms differ by a negation, which no typo tolerance may bridge: one has more
 * negative words (`not`, `never`, `isn't`, …) than the other, or a word of one is a word of the
 * other with a negating prefix (`NEGATING_PREFIXES`) added.
 */
export function differsByNegation(a: string, b: string): boolean {
  const wa = prefixedWords(a);
  const wb = prefixedWords(b);
  const negatives = (words: readonly string[]) => words.filter((word) => NEGATIVE_WORDS.has(word)).length;
  if (negatives(wa) !== negatives(wb)) return true;
  return addsPrefix(wa, wb) || addsPrefix(wb, wa);
}
