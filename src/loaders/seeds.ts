/**
 * Content-layer loader for the `articles` collection: every file in `seeds/` goes through the pure
 * ingest code (src/lib/ingest) and each article becomes one entry, keyed by its slug.
 *
 * A seed that cannot be read, or that yields no article, fails the build with the file name and the
 * reason: a course that silently drops a source is worse than one that does not build.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ingestPage } from '../lib/ingest/index.ts';
import { readSeed } from '../lib/ingest/read.ts';

export interface SeedLoaderOptions {
  /** Folder of scraped pages, relative to the project root. */
  dir: string;
}

export function seedLoader({ dir }: SeedLoaderOptions): Loader {
  return {
    name: 'seed-pages',
    async load({ store, parseData, config, logger, watcher, generateDigest }) {
      const root = fileURLToPath(config.root);
      const folder = join(root, dir);

      async function sync(): Promise<void> {
        const names = (await readdir(folder)).filter((name) => !name.startsWith('.')).sort();
        const entries: { id: string; data: Record<string, unknown>; filePath: string }[] = [];
        for (const name of names) {
          const path = join(folder, name);
          const read = readSeed(path);
          if (!read.ok) throw new Error(`seeds: ${relative(root, path)}: ${read.reason}`);
          const articles = ingestPage(read.text, name);
          if (articles.length === 0) {
            throw new Error(`seeds: ${relative(root, path)}: no article found in the page`);
          }
          for (const article of articles) {
            entries.push({ id: article.id, data: { ...article }, filePath: relative(root, path) });
          }
        }
        const seen = new Map<string, string>();
        for (const entry of entries) {
          const other = seen.get(entry.id);
          if (other) {
            throw new Error(
              `seeds: ${entry.filePath}: article id "${entry.id}" is also produced by ${other}`,
            );
          }
          seen.set(entry.id, entry.filePath);
        }
        store.clear();
        for (const entry of entries) {
          const data = await parseData({ id: entry.id, data: entry.data, filePath: entry.filePath });
          store.set({ id: entry.id, data, filePath: entry.filePath, digest: generateDigest(entry.data) });
        }
        logger.info(`${entries.length} articles from ${names.length} seed pages`);
      }

      await sync();
      watcher?.add(folder);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(folder)) void sync();
      });
    },
  };
}
