/**
 * Pure: no DOM, no framework.
 *
 * The question filters that the bank browser (/instructor/) and the assignment builder
 * (/instructor/assign/) share: which questions a filter keeps, how the kept ones group by lesson,
 * and the sentence that announces the count. Both pages describe their questions as `FilterItem`s
 * (the builder from the bank file, the browser from the instructor's index), so one filter means
 * the same thing on both.
 */

/** Whether a question is reviewed and in a bank (`final`) or generated from its source (`draft`). */
export type ItemStatus = 'final' | 'draft';
/** Lesson practice, or the final assessment's own pool. */
export type ItemPool = 'practice' | 'assessment';

/** What the filters look at in one question. */
export interface FilterItem {
  id: string;
  lesson: string;
  /** The lesson's module id, or null when it belongs to none. */
  module: string | null;
  type: string;
  bloom: string;
  objective: string;
  status: ItemStatus;
  pool: ItemPool;
  /** The words a text search looks through (prompt, explanation, evidence…), any case. */
  text: string;
}

/** A filter: each field narrows; an empty string keeps everything. */
export interface BankFilter {
  module: string;
  lesson: string;
  type: string;
  bloom: string;
  /** An objective id of the chosen lesson (objective ids repeat across lessons). */
  objective: string;
  status: '' | ItemStatus;
  pool: '' | ItemPool;
  /** Words that must all occur (any order, any case, accents ignored). */
  search: string;
}

/** The pool filter's choices, in words. The builder offers the second once the pool is unlocked. */
export const POOL_CHOICES: readonly { value: ItemPool; label: string }[] = [
  { value: 'practice', label: 'Lesson practice' },
  { value: 'assessment', label: 'Final assessment pool' },
];

export const NO_FILTER: Readonly<BankFilter> = {
  module: '',
  lesson: '',
  type: '',
  bloom: '',
  objective: '',
  status: '',
  pool: '',
  search: '',
};

/** Lower case without accents, so "Mali" finds "mali" and "securite" finds "sécurité". */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The search words of a query, folded; none for a blank query. */
export function searchWords(query: string): string[] {
  return foldCase(query).split(/\s+/).filter(Boolean);
}

/**
 * A test for one filter, prepared once (the search folded) and run per item. The objective counts
 * only together with a lesson: "lo1" of one lesson is not "lo1" of another.
 */
export function itemMatcher(filter: BankFilter): (item: FilterItem, foldedText?: string) => boolean {
  const words = searchWords(filter.search);
  return (item, foldedText) =>
    (!filter.module || item.module === filter.module) &&
    (!filter.lesson || item.lesson === filter.lesson) &&
    (!filter.type || item.type === filter.type) &&
    (!filter.bloom || item.bloom === filter.bloom) &&
    (!filter.objective || !filter.lesson || item.objective === filter.objective) &&
    (!filter.status || item.status === filter.status) &&
    (!filter.pool || item.pool === filter.pool) &&
    (words.length === 0 || words.every((w) => (foldedText ?? foldCase(item.text)).includes(w)));
}

/** The items a filter keeps, in their order. `folded[i]` may hold `foldCase(items[i].text)`. */
export function filterItems<T extends FilterItem>(
  items: readonly T[],
  filter: BankFilter,
  folded?: readonly string[],
): T[] {
  const matches = itemMatcher(filter);
  return items.filter((item, i) => matches(item, folded?.[i]));
}

/** Whether any field of the filter narrows. */
export function isFiltered(filter: BankFilter): boolean {
  return (Object.keys(NO_FILTER) as (keyof BankFilter)[]).some((key) =>
    key === 'search' ? searchWords(filter.search).length > 0 : filter[key] !== '',
  );
}

/**
 * The filter after one field changed, keeping it consistent: a lesson outside the chosen module is
 * dropped, and so is the objective when the lesson changes.
 */
export function withField<K extends keyof BankFilter>(
  filter: BankFilter,
  key: K,
  value: BankFilter[K],
  lessonModule: (lesson: string) => string | null,
): BankFilter {
  const next = { ...filter, [key]: value };
  if (key === 'module' && next.lesson && value && lessonModule(next.lesson) !== value) next.lesson = '';
  if ((key === 'lesson' || key === 'module') && next.lesson !== filter.lesson) next.objective = '';
  return next;
}

export interface LessonGroup<T> {
  lesson: string;
  items: T[];
}

/** Items grouped by lesson, lessons in `order` (others after, in first-seen order). */
export function groupByLesson<T extends FilterItem>(
  items: readonly T[],
  order: readonly string[],
): LessonGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.lesson);
    if (group) group.push(item);
    else groups.set(item.lesson, [item]);
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...groups.entries()]
    .map(([lesson, grouped]) => ({ lesson, items: grouped }))
    .sort((a, b) => (rank.get(a.lesson) ?? order.length) - (rank.get(b.lesson) ?? order.length));
}

/**
 * "6,565": a count as `toLocaleString('en')` writes it, without Intl. A page's first use of Intl
 * loads the browser's locale data, 10–25 ms that the bank browser would spend while it loads.
 */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "Showing 12 of 169 questions, in 3 lessons." — what the live region says after each change. */
export function describeCount(shown: number, total: number, lessons: number): string {
  if (shown === 0) return `No questions match (of ${formatCount(total)}). Change or clear a filter.`;
  const where = `in ${plural(lessons, 'lesson', 'lessons')}`;
  return shown === total
    ? `Showing all ${plural(total, 'question', 'questions')}, ${where}.`
    : `Showing ${formatCount(shown)} of ${plural(total, 'question', 'questions')}, ${where}.`;
}

/**
 * Lessons the instructor opened or closed by hand, after `lesson` became `open`. Matching what the
 * page would show anyway (`byDefault`: open while searching, say) forgets the choice, so a lesson
 * opened by a search closes again when the search is cleared.
 */
export function toggleLesson(
  overrides: Readonly<Record<string, boolean>>,
  lesson: string,
  open: boolean,
  byDefault: boolean,
): Record<string, boolean> {
  const next = { ...overrides };
  if (open === byDefault) delete next[lesson];
  else next[lesson] = open;
  return next;
}
