/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * What the bank browser (/instructor/) downloads: a compact index of every question (prompt and the
 * fields the filters look at, `/instructor/bank.json`, one row per question); the words of each
 * explanation and evidence quote for the text search only when the instructor first searches
 * (`/instructor/bank-search.json`); and each question's detail — key, feedback, evidence — only when
 * it is opened, one lesson's file at a time (`/instructor/bank/<lesson>.json`). Labels are words,
 * chosen at build time, so the page never shows a raw value such as "truefalse" or "analyze" and
 * needs no question-type code of its own.
 */
import type { KeyBlock } from '../../questions/contract.ts';
import type { FilterItem, ItemPool, ItemStatus } from './filter.ts';

/** Site-relative paths of the index and of one lesson's details. */
export const BANK_INDEX_PATH = '/instructor/bank.json';
export const BANK_SEARCH_PATH = '/instructor/bank-search.json';
export const lessonDetailPath = (lesson: string): string => `/instructor/bank/${lesson}.json`;

/** One question in the index. */
export interface IndexItem {
  id: string;
  lesson: string;
  type: string;
  bloom: string;
  objective: string;
  status: ItemStatus;
  pool: ItemPool;
  prompt: string;
}

export interface IndexLesson {
  id: string;
  title: string;
  module: string | null;
  /** The lesson's objectives that its questions use, with their text. */
  objectives: { id: string; text: string }[];
}

export interface Choice {
  value: string;
  label: string;
}

/** What the filters offer, all labelled in words. */
export interface FilterChoices {
  modules: Choice[];
  /** Lessons with questions, in course order. */
  lessons: IndexLesson[];
  /** Question types present, labelled by each type's own name. */
  types: Choice[];
  /** Bloom levels present, in the taxonomy's order. */
  levels: Choice[];
  /** Final and draft, when present; a filter shows only when there are two to choose from. */
  statuses: Choice[];
  /** Practice and assessment, when present. */
  pools: Choice[];
}

export interface BankIndex extends FilterChoices {
  items: IndexItem[];
}

/**
 * One question in the file: id, then indexes into the file's lessons, types, levels, statuses and
 * pools, the objective id and the prompt. An id that begins with its lesson's id and "-" (every
 * draft question's does) is written without that beginning, after a "~".
 */
export type IndexRow = [
  id: string,
  lesson: number,
  type: number,
  level: number,
  objective: string,
  status: number,
  pool: number,
  prompt: string,
];

/** `/instructor/bank.json`: about a fifth of the size of the same index as objects. */
export interface BankIndexFile extends FilterChoices {
  v: 2;
  rows: IndexRow[];
}

/** `/instructor/bank-search.json`: the explanation and evidence quote of each row, in row order. */
export interface BankSearchFile {
  v: 1;
  more: string[];
}

export function encodeBankIndex(index: BankIndex): BankIndexFile {
  const at = <T>(list: readonly T[], key: (x: T) => string) => new Map(list.map((x, i) => [key(x), i]));
  const lessonAt = at(index.lessons, (l) => l.id);
  const typeAt = at(index.types, (c) => c.value);
  const levelAt = at(index.levels, (c) => c.value);
  const statusAt = at(index.statuses, (c) => c.value);
  const poolAt = at(index.pools, (c) => c.value);
  const { items, ...choices } = index;
  return {
    v: 2,
    ...choices,
    rows: items.map((i) => [
      i.id.startsWith(`${i.lesson}-`) ? `~${i.id.slice(i.lesson.length + 1)}` : i.id,
      lessonAt.get(i.lesson) ?? -1,
      typeAt.get(i.type) ?? -1,
      levelAt.get(i.bloom) ?? -1,
      i.objective,
      statusAt.get(i.status) ?? -1,
      poolAt.get(i.pool) ?? -1,
      i.prompt,
    ]),
  };
}

const isChoices = (x: unknown): x is Choice[] =>
  Array.isArray(x) && x.every((c) => typeof c?.value === 'string' && typeof c.label === 'string');

/** The fetched JSON as a `BankIndex`, or null when it is not one: never throws. */
export function decodeBankIndex(value: unknown): BankIndex | null {
  const v = value as Partial<BankIndexFile> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    v.v !== 2 ||
    !Array.isArray(v.rows) ||
    !Array.isArray(v.lessons) ||
    ![v.modules, v.types, v.levels, v.statuses, v.pools].every(isChoices) ||
    !v.lessons.every(
      (l) => typeof l?.id === 'string' && typeof l.title === 'string' && Array.isArray(l.objectives),
    )
  )
    return null;
  const file = v as BankIndexFile;
  const items: IndexItem[] = [];
  for (const row of file.rows) {
    if (!Array.isArray(row) || row.length !== 8) return null;
    const [id, l, t, b, objective, s, p, prompt] = row;
    const lesson = file.lessons[l]?.id;
    const type = file.types[t]?.value;
    const bloom = file.levels[b]?.value;
    const status = file.statuses[s]?.value;
    const pool = file.pools[p]?.value;
    if (
      typeof id !== 'string' ||
      typeof objective !== 'string' ||
      typeof prompt !== 'string' ||
      lesson === undefined ||
      type === undefined ||
      bloom === undefined ||
      (status !== 'final' && status !== 'draft') ||
      (pool !== 'practice' && pool !== 'assessment')
    )
      return null;
    items.push({
      id: id.startsWith('~') ? `${lesson}-${id.slice(1)}` : id,
      lesson,
      type,
      bloom,
      objective,
      status,
      pool,
      prompt,
    });
  }
  const { modules, lessons, types, levels, statuses, pools } = file;
  return { modules, lessons, types, levels, statuses, pools, items };
}

/** The search file's texts for `count` rows, or null. */
export function decodeBankSearch(value: unknown, count: number): string[] | null {
  const v = value as Partial<BankSearchFile> | null;
  return typeof v === 'object' &&
    v !== null &&
    v.v === 1 &&
    Array.isArray(v.more) &&
    v.more.length === count &&
    v.more.every((m) => typeof m === 'string')
    ? v.more
    : null;
}

/** A question as the filters see it; `more` adds the explanation and quote to the searched words. */
export function toFilterItem(
  item: IndexItem,
  moduleOf: ReadonlyMap<string, string | null>,
  more = '',
): FilterItem {
  return {
    id: item.id,
    lesson: item.lesson,
    module: moduleOf.get(item.lesson) ?? null,
    type: item.type,
    bloom: item.bloom,
    objective: item.objective,
    status: item.status,
    pool: item.pool,
    text: `${item.id} ${item.prompt} ${more}`,
  };
}

/** Everything about one question an instructor checks before class. */
export interface QuestionDetail {
  id: string;
  /** Options with the key marked, a cloze passage, or matched lines. */
  blocks: KeyBlock[];
  answer: string;
  explanation: string;
  feedback: string[];
  ifWrong: string | null;
  hints: string[];
  /** The evidence quote and its paragraph, then any further evidence (items that compare articles). */
  evidence: { quote: string; href: string; label: string }[];
  objective: string;
}

/** One lesson's details, by question id. */
export interface LessonDetails {
  v: 1;
  lesson: string;
  questions: Record<string, QuestionDetail>;
}

/** The fetched JSON as `LessonDetails` for `lesson`, or null. */
export function readLessonDetails(value: unknown, lesson: string): LessonDetails | null {
  const v = value as Partial<LessonDetails> | null;
  return typeof v === 'object' &&
    v !== null &&
    v.v === 1 &&
    v.lesson === lesson &&
    typeof v.questions === 'object' &&
    v.questions !== null
    ? (v as LessonDetails)
    : null;
}
