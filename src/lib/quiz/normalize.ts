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
