/**
 * Article ids (seed page → articles → content collections): the URL slug of every lesson and
 * source page, and the key that quiz evidence points at. Derived from the title alone, so it is
 * stable across runs and machines. Pure: no I/O.
 */

const MAX_LENGTH = 80;
/** Characters of the hash that ends a cut slug. */
const HASH_LENGTH = 6;

/** FNV-1a, 32 bits, as hex: a short, stable fingerprint of the whole slug. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * `Central Asian Jihadists’ Use of …` → `central-asian-jihadists-use-of-…`: diacritics and
 * apostrophes removed (so a possessive does not split a word), other non-alphanumerics become
 * single hyphens. A slug longer than 80 characters is cut at a word boundary and ends with six
 * characters of a hash of the whole slug, so two long titles that differ only after the cut
 * (`Title` and `Title — copy 1`) still get different ids.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_LENGTH) return slug || 'article';
  const room = MAX_LENGTH - HASH_LENGTH - 1;
  const cut = slug.slice(0, room + 1);
  const boundary = cut.lastIndexOf('-');
  const head = (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, room)).replace(/-+$/, '');
  return `${head}-${fingerprint(slug).slice(0, HASH_LENGTH)}`;
}

/** Give each slug once: a second `x` becomes `x-2`, a third `x-3`, in reading order. */
export function uniqueSlugs(slugs: string[]): string[] {
  const taken = new Set<string>();
  return slugs.map((slug) => {
    let candidate = slug;
    for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}
