/**
 * Content-layer loader for the `articles` collection: every file in `seeds/` goes through the pure
 * ingest code (src/lib/ingest, via ./seed-folder.ts) and each article becomes one entry, keyed by
 * its slug.
 *
 * A seed that cannot be read, or that yields no article, fails the build with the file name and the
 * reason: a course that silently drops a source is worse than one that does not build. The build
 * log names the draft lessons (articles with no question bank), and each short one with the size
 * of its draft practice.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { draftQuiz, DRAFT, type DraftTerm } from '../lib/course/draft-quiz.ts';
import { readSeedFolder, type SeedArticle } from './seed-folder.ts';

export interface SeedLoaderOptions {
  /** Folder of scraped pages, relative to the project root. */
  dir: string;
}

/** How many draft lessons the log names one by one before it summarises. */
const NAMED = 10;

/** Lines for the build log about articles that have no bank in content/quizzes/. */
export function draftLessonLog(root: string, articles: readonly SeedArticle[]): string[] {
  const drafts = articles.filter(
    ({ article }) => !existsSync(join(root, 'content/quizzes', `${article.id}.yaml`)),
  );
  if (drafts.length === 0) return [];
  const glossary = join(root, 'content/glossary.yaml');
  const terms = existsSync(glossary) ? ((parse(readFileSync(glossary, 'utf8')) ?? []) as DraftTerm[]) : [];
  const lines = [
    `${drafts.length} draft ${drafts.length === 1 ? 'lesson' : 'lessons'} (no content/quizzes/<id>.yaml; practice questions are generated): ${drafts
      .slice(0, NAMED)
      .map(({ article }) => article.id)
      .join(', ')}${drafts.length > NAMED ? `, and ${drafts.length - NAMED} more` : ''}`,
  ];
  const short = drafts.filter(({ article }) => article.words < DRAFT.fullWords);
  for (const { article, file } of short.slice(0, NAMED)) {
    const n = draftQuiz(article, terms).questions.length;
    lines.push(
      `draft lesson ${article.id} (${file}): short article, ${article.words} words; its draft practice has ${n} ${n === 1 ? 'question' : 'questions'}`,
    );
  }
  if (short.length > NAMED) lines.push(`… and ${short.length - NAMED} more short draft lessons`);
  return lines;
}

export function seedLoader({ dir }: SeedLoaderOptions): Loader {
  return {
    name: 'seed-pages',
    async load({ store, parseData, config, logger, watcher, generateDigest }) {
      const root = fileURLToPath(config.root);
      const folder = join(root, dir);

      async function sync(): Promise<void> {
        const { articles, pages } = readSeedFolder(root, dir);
        store.clear();
        for (const { article, file } of articles) {
          const data = await parseData({ id: article.id, data: { ...article }, filePath: file });
          store.set({ id: article.id, data, filePath: file, digest: generateDigest({ ...article }) });
        }
        logger.info(`${articles.length} articles from ${pages} seed pages`);
        for (const line of draftLessonLog(root, articles)) logger.info(line);
      }

      await sync();
      watcher?.add(folder);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(folder)) void sync();
      });
    },
  };
}
