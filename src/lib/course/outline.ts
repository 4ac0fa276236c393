/**
 * Course outline: pure helpers that turn articles and modules into what the home page and the lesson
 * pages show (module order, reading time, previous/next lesson). Pure: no astro, no DOM.
 */

/** Words a typical adult reads per minute in study mode (slower than skimming). */
export const WORDS_PER_MINUTE = 200;

/** Reading time in whole minutes, never less than 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

export interface OutlineModule {
  id: string;
  order: number;
  /** How the outline names the module, e.g. "Opening unit"; "Module <order>" when absent. */
  label?: string;
  title: string;
  lessons: string[];
}

/** "Module 2", or the module's own label ("Opening unit"). */
export function moduleLabel(module: Pick<OutlineModule, 'order' | 'label'>): string {
  return module.label ?? `Module ${module.order}`;
}

export interface OutlineGroup<A, M extends OutlineModule = OutlineModule> {
  module: M | null;
  articles: A[];
}

/**
 * Groups articles by module in course order. Articles no module lists (a new seed page, say) are
 * gathered in a final group with `module: null`, so nothing dropped into seeds/ goes unseen. Module
 * entries that name an unknown article are ignored here; content tests report them.
 */
export function groupByModule<A extends { id: string }, M extends OutlineModule>(
  articles: readonly A[],
  modules: readonly M[],
): OutlineGroup<A, M>[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const placed = new Set<string>();
  const groups: OutlineGroup<A, M>[] = [...modules]
    .sort((a, b) => a.order - b.order)
    .map((module) => {
      const found = module.lessons.flatMap((id) => {
        const article = byId.get(id);
        if (!article || placed.has(id)) return [];
        placed.add(id);
        return [article];
      });
      return { module, articles: found };
    });
  const rest = articles.filter((a) => !placed.has(a.id));
  if (rest.length > 0) groups.push({ module: null, articles: rest });
  return groups;
}

/** The lesson sequence across the whole course, for previous/next links. */
export function lessonSequence<A extends { id: string }>(
  groups: readonly OutlineGroup<A, OutlineModule>[],
): string[] {
  return groups.flatMap((g) => g.articles.map((a) => a.id));
}

/** Previous and next lesson ids around `id`, or null at either end. */
export function neighbours(
  sequence: readonly string[],
  id: string,
): { prev: string | null; next: string | null } {
  const at = sequence.indexOf(id);
  if (at < 0) return { prev: null, next: null };
  return { prev: sequence[at - 1] ?? null, next: sequence[at + 1] ?? null };
}

/** "Anne Speckhard and Molly Ellenberg", "A, B and C"; empty string for no authors. */
export function formatAuthors(authors: readonly string[]): string {
  if (authors.length <= 1) return authors[0] ?? '';
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

/** Lesson cards a home-page group shows before it links to the rest. */
export const HOME_CARDS = 12;
/** Lessons on one page of a module or of "Other lessons". */
export const LESSONS_PER_PAGE = 24;

/**
 * What a home-page group shows: its first `limit` lessons and how many more there are, so a
 * course of a thousand sources keeps a home page a reader can scan.
 */
export function previewGroup<A>(articles: readonly A[], limit = HOME_CARDS): { shown: A[]; more: number } {
  return { shown: articles.slice(0, limit), more: Math.max(0, articles.length - limit) };
}

/** The 1-based page of a paginated lesson list that holds lesson number `index` (0-based). */
export function pageOf(index: number, perPage = LESSONS_PER_PAGE): number {
  return Math.floor(index / perPage) + 1;
}
