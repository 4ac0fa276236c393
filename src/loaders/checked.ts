/**
 * A content-layer loader over files that are read and checked all at once (the quiz banks, the
 * assessment pool): any problem fails the build with every message, and a change in one of the
 * watched folders reads everything again, since a rule may span files.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';

export interface CheckedEntry {
  id: string;
  data: Record<string, unknown>;
  filePath: string;
}

export function checkedLoader(options: {
  name: string;
  /** Folders, relative to the project root, whose changes reload the collection. */
  watch: readonly string[];
  /** Every entry, or every problem found. */
  read: (root: string) => { entries: CheckedEntry[]; errors: string[] };
  /** Names what failed, as the subject of "… have 2 problem(s)". */
  what: string;
  /** The log line after a load. */
  summary: (entries: readonly CheckedEntry[]) => string;
}): Loader {
  return {
    name: options.name,
    async load({ store, parseData, config, logger, watcher }) {
      const root = fileURLToPath(config.root);
      const folders = options.watch.map((dir) => join(root, dir));

      async function sync(): Promise<void> {
        const { entries, errors } = options.read(root);
        if (errors.length > 0)
          throw new Error(`${options.what} have ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
        store.clear();
        for (const entry of entries) {
          store.set({ id: entry.id, data: await parseData(entry), filePath: entry.filePath });
        }
        logger.info(options.summary(entries));
      }

      await sync();
      for (const folder of folders) watcher?.add(folder);
      watcher?.on('all', (_event, changed) => {
        if (folders.some((folder) => changed.startsWith(folder))) void sync();
      });
    },
  };
}
