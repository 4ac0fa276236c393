/**
 * The 1,100-article set of `npm run bench:scale`: the seed pages copied 100 times with distinct
 * titles, and the same articles as the Markdown a stock Starlight site is given. Kept apart from
 * the bench's process handling so both halves stay short.
 */
import type { Article } from '../src/lib/ingest/index.ts';
import { normalizeLine } from '../src/lib/ingest/normalize.ts';

/** How copy `k` renames a title: `Title — copy 3`, or `Copy 3: Title` to spare an old slugger. */
export function copyTitle(title: string, k: number, style: 'suffix' | 'prefix'): string {
  return style === 'suffix' ? `${title} — copy ${k}` : `Copy ${k}: ${title}`;
}

/**
 * A seed page with every line that is one of `titles` renamed for copy `k`. Lines are compared as
 * ingest sees them (spaces normalised), so the copy yields the same articles under new titles.
 */
export function renameTitles(
  page: string,
  titles: readonly string[],
  k: number,
  style: 'suffix' | 'prefix',
): string {
  const wanted = new Set(titles);
  return page
    .split('\n')
    .map((line) => {
      const clean = normalizeLine(line.replace(/\r$/, ''));
      if (!wanted.has(clean)) return line;
      return copyTitle(clean, k, style) + (line.endsWith('\r') ? '\r' : '');
    })
    .join('\n');
}

/** Markdown-escape the characters that would start markup at the beginning of a line or inline. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>{}]/g, (c) => `\\${c}`)
    .replace(/^(#+|[-+]|\d+[.)]|>)(\s)/, (_m, mark: string, space: string) => `\\${mark}${space}`);
}

/** One article as clean Markdown with Starlight frontmatter: headings, paragraphs, lists, notes. */
export function articleMarkdown(article: Article): string {
  const out = ['---', `title: ${JSON.stringify(article.title)}`, '---', ''];
  if (article.authors.length > 0) out.push(`*${escapeMarkdown(article.authors.join(', '))}*`, '');
  for (const section of article.sections) {
    if (section.heading) out.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const p of section.paragraphs) {
      if (p.items) out.push(...p.items.map((item, i) => `${i + 1}. ${escapeMarkdown(item)}`), '');
      else out.push(escapeMarkdown(p.text), '');
    }
  }
  if (article.footnotes.length > 0) {
    out.push('## Notes', '');
    out.push(...article.footnotes.map((f) => `- ${escapeMarkdown(f)}`), '');
  }
  return out.join('\n');
}
