/**
 * Every article in seeds/, ingested with the pure ingest code, with the whole page it came from:
 * what the loaders check quotes against (question evidence needs the paragraphs; About this source
 * also the notes, biographies, captions, references and the raw page). A seed that cannot be read
 * fails with its file name and the reason.
 */
import type { AboutArticle } from '../lib/content/about.ts';
import { readSeedFolder } from './seed-folder.ts';

/** Every article in `seeds/`, with the whole page it came from (read once per build, see seed-folder.ts). */
export function readSeedArticles(root: string, seedsDir = 'seeds'): Map<string, AboutArticle> {
  const articles = new Map<string, AboutArticle>();
  for (const { article: a, page } of readSeedFolder(root, seedsDir).articles) {
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
      page,
    });
  }
  return articles;
}
