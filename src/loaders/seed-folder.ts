/**
 * The seed folder, read and ingested once per build (seed pages → articles → content
 * collections): the `articles` loader stores what it gives, the `quizzes` loader checks evidence
 * against the same paragraphs. Every way a seed can be unusable fails with the file and the
 * reason: empty, binary, not UTF-8, 5 MB or more, no article in it, or an article id that
 * another page also gives.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPage, type Article } from '../lib/ingest/index.ts';
import { readSeed } from '../lib/ingest/read.ts';

export interface SeedArticle {
  article: Article;
  /** The seed's path relative to the project root, for messages: `seeds/001_x.txt`. */
  file: string;
  /** The whole page it came from (About this source checks quotes from its header and footer too). */
  page: string;
}

export interface SeedFolder {
  articles: SeedArticle[];
  /** How many pages were read. */
  pages: number;
}

let cache: { key: string; folder: SeedFolder } | undefined;

/** Names, sizes and times of the files: when none changed, the last result still holds. */
function signature(folder: string, names: string[]): string {
  return names
    .map((name) => {
      const stat = statSync(join(folder, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
}

/**
 * Every article of every page in `<root>/<dir>`, in file order. Throws an Error whose message is
 * `seeds: <file>: <reason>` for the first unusable page.
 */
export function readSeedFolder(root: string, dir = 'seeds'): SeedFolder {
  const folder = join(root, dir);
  const names = readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort();
  const key = `${folder}\n${signature(folder, names)}`;
  if (cache?.key === key) return cache.folder;
  const articles: SeedArticle[] = [];
  const owner = new Map<string, string>();
  for (const name of names) {
    const file = `${dir}/${name}`;
    const read = readSeed(join(folder, name));
    if (!read.ok) throw new Error(`seeds: ${file}: ${read.reason}`);
    const found = ingestPage(read.text, name);
    if (found.length === 0)
      throw new Error(`seeds: ${file}: no article found in the page (no title followed by text)`);
    for (const article of found) {
      const other = owner.get(article.id);
      if (other) throw new Error(`seeds: ${file}: article id "${article.id}" is also produced by ${other}`);
      owner.set(article.id, file);
      articles.push({ article, file, page: read.text });
    }
  }
  const result = { articles, pages: names.length };
  cache = { key, folder: result };
  return result;
}
