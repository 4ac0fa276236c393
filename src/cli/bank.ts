/**
 * The question bank as the command-line tools see it: every content/quizzes/<lesson>.yaml validated
 * exactly as the build validates it (schema, lesson, verbatim evidence), plus content/modules.yaml.
 * Shared by the assignment and gradebook CLIs so both grade against the same questions the site shows.
 * Throws one Error listing every problem when the bank is invalid: a CLI must never grade against a
 * bank the build would reject.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { validateBank, type BankQuestion } from '../lib/content/bank.ts';
import { loadSeedArticles } from '../loaders/quizzes.ts';

/** One module of content/modules.yaml (only the fields the CLIs use are checked). */
export interface BankModule {
  id: string;
  order: number;
  title: string;
  /** Article (lesson) ids, in study order. */
  lessons: string[];
}

export interface LoadedBank {
  /** Every question with its content hash, in file order (files sorted by name). */
  questions: BankQuestion[];
  /** Modules in course order. */
  modules: BankModule[];
}

function readModules(root: string): { modules: BankModule[]; errors: string[] } {
  const file = 'content/modules.yaml';
  const errors: string[] = [];
  let data: unknown;
  try {
    data = parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    return { modules: [], errors: [`${file}: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (!Array.isArray(data)) return { modules: [], errors: [`${file}: expected a list of modules`] };
  const modules: BankModule[] = [];
  data.forEach((raw: unknown, index) => {
    const m = raw as Partial<Record<keyof BankModule, unknown>> | null;
    const ok =
      m !== null &&
      typeof m === 'object' &&
      typeof m.id === 'string' &&
      typeof m.order === 'number' &&
      typeof m.title === 'string' &&
      Array.isArray(m.lessons) &&
      m.lessons.every((l) => typeof l === 'string');
    if (!ok) {
      errors.push(`${file}: module #${index + 1}: needs id, order, title and a list of lesson ids`);
      return;
    }
    modules.push({
      id: m.id as string,
      order: m.order as number,
      title: m.title as string,
      lessons: m.lessons as string[],
    });
  });
  modules.sort((a, b) => a.order - b.order);
  return { modules, errors };
}

/** Load and validate the bank under `root` (the repository). Throws with every problem found. */
export function loadBank(root: string = process.cwd()): LoadedBank {
  const articles = loadSeedArticles(root);
  const dir = 'content/quizzes';
  const errors: string[] = [];
  const questions: BankQuestion[] = [];
  const owner = new Map<string, string>();
  for (const name of readdirSync(join(root, dir))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()) {
    const rel = `${dir}/${name}`;
    const doc = parseDocument(readFileSync(join(root, dir, name), 'utf8'));
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push(`${rel}: ${e.message.split('\n')[0]}`);
      continue;
    }
    const result = validateBank(rel, name.replace(/\.ya?ml$/, ''), doc.toJS(), articles);
    errors.push(...result.errors);
    for (const entry of result.questions) {
      const other = owner.get(entry.question.id);
      if (other) errors.push(`${rel}: question "${entry.question.id}": id: also used in ${other}`);
      owner.set(entry.question.id, rel);
      questions.push(entry);
    }
  }
  const { modules, errors: moduleErrors } = readModules(root);
  errors.push(...moduleErrors);
  if (errors.length > 0) {
    throw new Error(`The question bank has ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
  }
  return { questions, modules };
}

/**
 * The title of each hand-written lesson (`title:` in the front matter of content/lessons/<id>.mdx),
 * by lesson id: what the site calls the lesson, and so what every export names its category. A
 * lesson without a readable title is left out (callers fall back to the article title, as the site does).
 */
export function lessonTitles(root: string = process.cwd()): Record<string, string> {
  const dir = join(root, 'content/lessons');
  const titles: Record<string, string> = {};
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.mdx'));
  } catch {
    return titles;
  }
  for (const name of names.sort()) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), 'utf8'));
    try {
      const data = front ? (parse(front[1] ?? '') as { title?: unknown } | null) : null;
      if (typeof data?.title === 'string' && data.title.trim() !== '')
        titles[name.replace(/\.mdx$/, '')] = data.title;
    } catch {
      // The build reports a broken front matter; the export falls back to the article title.
    }
  }
  return titles;
}
