/**
 * Every article in seeds/, ingested with the pure ingest code, with the whole page it came from:
 * what the loaders check quotes against (question evidence needs the paragraphs; About this source
 * also the notes, biographies, captions, references and the raw page). A seed that cannot be read
 * fails with its file name and the reason.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AboutArticle } from '../lib/content/about.ts';
import { ingestPage } from '../lib/ingest/index.ts';
import { readSeed } from '../lib/ingest/read.ts';

/** Every article in `seeds/`, with the whole page it came from. */
export function readSeedArticles(root: string, seedsDir = 'seeds'): Map<string, AboutArticle> {
  const articles = new Map<string, AboutArticle>();
  const folder = join(root, seedsDir);
  for (const name of readdirSync(folder)
    .filter((n) => !n.startsWith('.'))
    .sort()) {
    const read = readSeed(join(folder, name));
    if (!read.ok) throw new Error(`seeds: ${seedsDir}/${name}: ${read.reason}`);
    for (const a of ingestPage(read.text, name)) {
      articles.set(a.id, {
        id: a.id,
        title: a.title,
        authors: a.authors,
        publication: a.publication,
        paragraphs: a.sections.flatMap((s) => s.paragraphs),
        notes: a.notes,
        bios: a.bios,
        captions: a.captions,
        footnotes: a.footnotes,
        page: read.text,
      });
    }
  }
  return articles;
}
