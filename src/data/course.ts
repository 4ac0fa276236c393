/**
 * The one place pages read the course from the content layer. Pages ask for ready-made shapes here
 * rather than each calling getCollection and re-deriving the outline.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupByModule, lessonSequence, type OutlineGroup } from '../lib/course/outline.ts';
import { draftAbout, type AboutView } from '../lib/content/about.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type LessonEntry = CollectionEntry<'lessons'>;
export type ModuleEntry = CollectionEntry<'modules'>;
export type Article = ArticleEntry['data'];

/** A lesson whose id is not an article id (the opening unit), and the article it reads. */
export interface Unit {
  id: string;
  article: Article;
}

export interface Course {
  articles: Article[];
  /**
   * Modules in order with their lessons. A lesson appears as the article it reads; a unit appears
   * as its article under the unit's id, so the outline shows its reading time and byline.
   */
  /** Articles by id. */
  byId: Map<string, Article>;
  groups: OutlineGroup<Article, ModuleEntry['data']>[];
  /** Lessons that read another lesson's article (frontmatter `source`), e.g. the opening unit. */
  units: Unit[];
  sequence: string[];
  lessons: Map<string, LessonEntry>;
  modules: ModuleEntry['data'][];
  /** Module that lists each article id, if any. */
  moduleOf: Map<string, ModuleEntry['data']>;
  /** About this source, for every article: reviewed (content/about-sources.yaml) or a draft. */
  about: Map<string, AboutView>;
  /** The article a lesson reads: its unit's source, or the article with the lesson's id. */
  articleOf(lessonId: string): Article | undefined;
}

let cached: Promise<Course> | undefined;

async function loadCourse(): Promise<Course> {
  const [articleEntries, lessonEntries, moduleEntries, aboutEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('lessons'),
    getCollection('modules'),
    getCollection('about'),
  ]);
  // Seed order (file, then position in the file) is the natural order for articles no module lists.
  const articles = articleEntries
    .map((e) => e.data)
    .sort((a, b) => a.source.file.localeCompare(b.source.file) || a.source.index - b.source.index);
  const modules = moduleEntries.map((e) => e.data).sort((a, b) => a.order - b.order);
  const units = lessonEntries.flatMap((e) => {
    const article = e.data.source ? articles.find((a) => a.id === e.data.source) : undefined;
    if (e.data.source && !article)
      throw new Error(`content/lessons/${e.id}.mdx: source: no article has the id "${e.data.source}"`);
    return article ? [{ id: e.id, article }] : [];
  });
  const groups = groupByModule([...articles, ...units.map((u) => ({ ...u.article, id: u.id }))], modules);
  const moduleOf = new Map<string, ModuleEntry['data']>();
  for (const m of modules) for (const id of m.lessons) if (!moduleOf.has(id)) moduleOf.set(id, m);
  const reviewed = new Map(aboutEntries.map((e) => [e.id, e.data]));
  const about = new Map<string, AboutView>(
    articles.map((a) => {
      const entry = reviewed.get(a.id);
      const paragraphs = a.sections.flatMap((s) => s.paragraphs);
      return [a.id, entry ? { ...entry, reviewed: true } : draftAbout({ ...a, paragraphs })];
    }),
  );
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    groups,
    units,
    sequence: lessonSequence(groups),
    lessons: new Map(lessonEntries.map((e) => [e.id, e])),
    modules,
    moduleOf,
    about,
    articleOf: (lessonId) =>
      units.find((u) => u.id === lessonId)?.article ?? articles.find((a) => a.id === lessonId),
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
