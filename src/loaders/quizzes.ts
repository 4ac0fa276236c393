/**
 * Content-layer loader for the `quizzes` collection: every question of every
 * content/quizzes/<article-id>.yaml becomes one entry keyed by question id, with its content hash.
 * The build fails on any schema, evidence or item-writing error, naming the file, the question and
 * the field or rule.
 * Articles come from the same ingest of seeds/ as the `articles` collection (./seed-folder.ts, read
 * once per build), so evidence is checked against the exact paragraphs the source pages show.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseDocument } from 'yaml';
import { validateBank, validateCourse, type BankArticle, type BankQuestion } from '../lib/content/bank.ts';
import { readSeedFolder } from './seed-folder.ts';

export function loadSeedArticles(root: string, seedsDir = 'seeds'): Map<string, BankArticle> {
  const articles = new Map<string, BankArticle>();
  for (const { article: a } of readSeedFolder(root, seedsDir).articles) {
    articles.set(a.id, { id: a.id, paragraphs: a.sections.flatMap((s) => s.paragraphs) });
  }
  return articles;
}

export interface QuizEntry {
  id: string;
  data: Record<string, unknown>;
  filePath: string;
}

/**
 * Reads and checks every bank in `root/dir` (schema, evidence, item-writing rules per bank and
 * course-wide). Returns one entry per question, or every problem found; the loader throws on those.
 */
export function readQuizBanks(root: string, dir: string): { entries: QuizEntry[]; errors: string[] } {
  const folder = join(root, dir);
  const articles = loadSeedArticles(root);
  const files = readdirSync(folder)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  const errors: string[] = [];
  const entries: QuizEntry[] = [];
  const all: BankQuestion[] = [];
  const owner = new Map<string, string>();
  for (const name of files) {
    const rel = `${dir}/${name}`;
    const doc = parseDocument(readFileSync(join(folder, name), 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push(`${rel}: ${e.message.split('\n')[0]}`);
      continue;
    }
    const result = validateBank(rel, basename(name).replace(/\.ya?ml$/, ''), doc.toJS(), articles);
    errors.push(...result.errors);
    all.push(...result.questions);
    for (const { question, hash } of result.questions) {
      const other = owner.get(question.id);
      if (other) errors.push(`${rel}: question "${question.id}": id: also used in ${other}`);
      owner.set(question.id, rel);
      entries.push({ id: question.id, data: { question, hash, file: rel }, filePath: rel });
    }
  }
  errors.push(...validateCourse(dir, all));
  return { entries, errors };
}

export function quizLoader({ dir }: { dir: string }): Loader {
  return {
    name: 'quiz-banks',
    async load({ store, parseData, config, logger, watcher }) {
      const root = fileURLToPath(config.root);
      const folder = join(root, dir);

      async function sync(): Promise<void> {
        const { entries, errors } = readQuizBanks(root, dir);
        if (errors.length > 0) {
          throw new Error(`Question banks have ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
        }
        store.clear();
        for (const entry of entries) {
          store.set({ id: entry.id, data: await parseData(entry), filePath: entry.filePath });
        }
        logger.info(`${entries.length} questions from ${new Set(entries.map((e) => e.filePath)).size} banks`);
      }

      await sync();
      watcher?.add(folder);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(folder)) void sync();
      });
    },
  };
}
