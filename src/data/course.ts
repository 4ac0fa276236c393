/**
 * The one place pages read the course from the content layer. Pages ask for ready-made shapes here
 * rather than each calling getCollection and re-deriving the outline.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupByModule, lessonSequence, type OutlineGroup } from '../lib/course/outline.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type LessonEntry = CollectionEntry<'lessons'>;
export type ModuleEntry = CollectionEntry<'modules'>;
export type Article = ArticleEntry['data'];

export interface Course {
  articles: Article[];
  /** Articles by id. */
  byId: Map<string, Article>;
  groups: OutlineGroup<Article, ModuleEntry['data']>[];
  sequence: string[];
  lessons: Map<string, LessonEntry>;
  modules: ModuleEntry['data'][];
  /** Module that lists each article id, if any. */
  moduleOf: Map<string, ModuleEntry['data']>;
}

let cached: Promise<Course> | undefined;

async function loadCourse(): Promise<Course> {
  const [articleEntries, lessonEntries, moduleEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('lessons'),
    getCollection('modules'),
  ]);
  // Seed order (file, then position in the file) is the natural order for articles no module lists.
  const articles = articleEntries
    .map((e) => e.data)
    .sort((a, b) => a.source.file.localeCompare(b.source.file) || a.source.index - b.source.index);
  const modules = moduleEntries.map((e) => e.data).sort((a, b) => a.order - b.order);
  const groups = groupByModule(articles, modules);
  const moduleOf = new Map<string, ModuleEntry['data']>();
  for (const m of modules) for (const id of m.lessons) if (!moduleOf.has(id)) moduleOf.set(id, m);
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    groups,
    sequence: lessonSequence(groups),
    lessons: new Map(lessonEntries.map((e) => [e.id, e])),
    modules,
    moduleOf,
  };
}

/** The whole course, loaded once per build. */
export function getCourse(): Promise<Course> {
  cached ??= loadCourse();
  return cached;
}

/** A generic content note for source pages whose lesson does not give a specific one. */
export const GENERIC_CONTENT_NOTE =
  'This source discusses terrorism, extremist groups and their activities. It is reproduced for study and analysis; it may describe violence or quote hateful material.';
