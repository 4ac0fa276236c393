/**
 * The final assessment's pool (content/assessment/pool/<module-id>.yaml), read on its own:
 * `readAssessmentPool` returns every item with its content hash, module and further evidence, or
 * every problem found (src/lib/content/pool.ts has the rules). The `pool` collection's loader and
 * `npm run content:stats` use it; so can anything that must treat the pool's items apart from the
 * lesson banks (their keys are meant to stay out of lesson pages and public files).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse, parseDocument } from 'yaml';
import { validatePool, validatePoolFile, type BankPrompt, type PoolItem } from '../lib/content/pool.ts';
import { checkedLoader } from './checked.ts';
import { loadSeedArticles } from './quizzes.ts';

/** Where the pool lives, relative to the project root. */
export const POOL_DIR = 'content/assessment/pool';

const yamlFiles = (folder: string): string[] =>
  readdirSync(folder)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();

/**
 * Module id → lesson ids of the assessed modules, from content/modules.yaml: an opening unit (order 0)
 * teaches a skill the modules' items use and has no part of its own. Malformed entries are skipped;
 * the modules collection reports them.
 */
function readModules(root: string): Map<string, string[]> {
  const raw = parse(readFileSync(join(root, 'content/modules.yaml'), 'utf8')) as unknown;
  const modules = new Map<string, string[]>();
  for (const m of Array.isArray(raw) ? raw : []) {
    const { id, lessons, order } = (m ?? {}) as { id?: unknown; lessons?: unknown; order?: unknown };
    if (order === 0) continue;
    if (typeof id === 'string' && Array.isArray(lessons))
      modules.set(
        id,
        lessons.filter((l): l is string => typeof l === 'string'),
      );
  }
  return modules;
}

const BANKS_DIR = 'content/quizzes';

/** Id and prompt of every lesson-bank question that has both (the quiz loader reports the rest). */
export function readBankPrompts(root: string, dir = BANKS_DIR): BankPrompt[] {
  return yamlFiles(join(root, dir)).flatMap((name) => {
    const raw = parse(readFileSync(join(root, dir, name), 'utf8')) as unknown;
    return (Array.isArray(raw) ? raw : []).flatMap((q: unknown) => {
      const { id, prompt } = (q ?? {}) as { id?: unknown; prompt?: unknown };
      return typeof id === 'string' && typeof prompt === 'string'
        ? [{ id, prompt, file: `${dir}/${name}` }]
        : [];
    });
  });
}

/** Every pool item in file order, or the problems that stop the pool from being used. */
export function readAssessmentPool(root: string, dir = POOL_DIR): { items: PoolItem[]; errors: string[] } {
  const folder = join(root, dir);
  if (!existsSync(folder)) return { items: [], errors: [`${dir}: the final assessment's pool is missing`] };
  const context = {
    articles: loadSeedArticles(root),
    modules: readModules(root),
    bank: readBankPrompts(root),
  };
  const items: PoolItem[] = [];
  const errors: string[] = [];
  for (const name of yamlFiles(folder)) {
    const rel = `${dir}/${name}`;
    const doc = parseDocument(readFileSync(join(folder, name), 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push(`${rel}: ${e.message.split('\n')[0]}`);
      continue;
    }
    const result = validatePoolFile(rel, name.replace(/\.ya?ml$/, ''), doc.toJS(), context);
    items.push(...result.items);
    errors.push(...result.errors);
  }
  errors.push(...validatePool(dir, items, context));
  return { items, errors };
}

/**
 * The `pool` collection: one entry per item, keyed by its id. The build fails on any problem; a change
 * to the pool or to a lesson bank (the pool must differ from every bank) reads it again.
 */
export function poolLoader({ dir }: { dir: string }): Loader {
  return checkedLoader({
    name: 'assessment-pool',
    watch: [dir, BANKS_DIR],
    read: (root) => {
      const { items, errors } = readAssessmentPool(root, dir);
      const entries = items.map((item) => ({ id: item.question.id, data: { ...item }, filePath: item.file }));
      return { entries, errors };
    },
    what: 'The assessment pool',
    summary: (entries) => `${entries.length} final-assessment items from ${dir}`,
  });
}
