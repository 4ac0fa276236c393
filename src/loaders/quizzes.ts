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
import type { Loader } from 'astro/loaders';
import { parseDocument } from 'yaml';
import { validateBank, validateCourse, type BankArticle, type BankQuestion } from '../lib/content/bank.ts';
import { readSeedArticles } from './seed-articles.ts';
import { checkedLoader, type CheckedEntry } from './checked.ts';

/** The articles of seeds/, for evidence checks (see seed-articles.ts). */
export function loadSeedArticles(root: string, seedsDir = 'seeds'): Map<string, BankArticle> {
  return readSeedArticles(root, seedsDir);
}

export type QuizEntry = CheckedEntry;

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
    for (const { question, hash, renamed } of result.questions) {
      const other = owner.get(question.id);
      if (other) errors.push(`${rel}: question "${question.id}": id: also used in ${other}`);
      owner.set(question.id, rel);
      entries.push({ id: question.id, data: { question, hash, renamed, file: rel }, filePath: rel });
    }
  }
  errors.push(...validateCourse(dir, all));
  return { entries, errors };
}

export function quizLoader({ dir }: { dir: string }): Loader {
  return checkedLoader({
    name: 'quiz-banks',
    watch: [dir],
    read: (root) => readQuizBanks(root, dir),
    what: 'Question banks',
    summary: (entries) =>
      `${entries.length} questions from ${new Set(entries.map((e) => e.filePath)).size} banks`,
  });
}
