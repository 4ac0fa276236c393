/**
 * Article ids (seed page → articles → content collections): the URL slug of every lesson and
 * source page, and the key that quiz evidence points at. Derived from the title alone, so it is
 * stable across runs and machines. Pure: no I/O.
 */

const MAX_LENGTH = 80;

/**
 * `Central Asian Jihadists’ Use of …` → `central-asian-jihadists-use-of-…`: diacritics and
 * apostrophes removed (so a possessive does not split a word), other non-alphanumerics become
 * single hyphens, cut at a word boundary to at most 80 characters.
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
  const cut = slug.slice(0, MAX_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_LENGTH)).replace(/-+$/, '');
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
