/**
 * Content-layer loader for the `about` collection: content/about-sources.yaml, one entry per
 * article, keyed by article id. Every quote in it is checked against the article as ingested from
 * seeds/ (paragraphs, notes, biographies, captions, references and the raw page), and the build
 * fails on any problem, naming the file, the article and the field (src/lib/content/about.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseDocument } from 'yaml';
import { validateAbout } from '../lib/content/about.ts';
import { readSeedArticles } from './seed-articles.ts';

export function aboutLoader({ file }: { file: string }): Loader {
  return {
    name: 'about-sources',
    async load({ store, parseData, config, logger, watcher }) {
      const root = fileURLToPath(config.root);
      const path = join(root, file);

      async function sync(): Promise<void> {
        const doc = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true });
        const errors = doc.errors.map((e) => `${file}: ${e.message.split('\n')[0]}`);
        const result =
          errors.length === 0
            ? validateAbout(file, doc.toJS(), readSeedArticles(root))
            : { entries: [], errors };
        if (result.errors.length > 0) {
          throw new Error(
            `About this source has ${result.errors.length} problem(s):\n  ${result.errors.join('\n  ')}`,
          );
        }
        store.clear();
        for (const about of result.entries) {
          const data = await parseData({ id: about.article, data: { ...about } });
          store.set({ id: about.article, data, filePath: file });
        }
        logger.info(`About this source for ${result.entries.length} articles`);
      }

      await sync();
      watcher?.add(path);
      watcher?.on('all', (_event, changed) => {
        if (changed === path) void sync();
      });
    },
  };
}
