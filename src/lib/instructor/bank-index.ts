/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * What the bank browser (/instructor/) downloads: a small index of every question (prompt and the
 * fields the filters look at, `/instructor/bank.json`), and each question's detail — key, feedback,
 * evidence — only when the instructor opens it, one lesson's file at a time
 * (`/instructor/bank/<lesson>.json`). Labels are words, chosen at build time, so the page never shows
 * a raw value such as "truefalse" or "analyze" and needs no question-type code of its own.
 */
import type { KeyBlock } from '../../questions/contract.ts';
import type { FilterItem, ItemPool, ItemStatus } from './filter.ts';

/** Site-relative paths of the index and of one lesson's details. */
export const BANK_INDEX_PATH = '/instructor/bank.json';
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
  /** More words for the text search: explanation and evidence quote. */
  more: string;
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
  v: 1;
  items: IndexItem[];
}

/** A question as the filters see it. */
export function toFilterItem(item: IndexItem, moduleOf: ReadonlyMap<string, string | null>): FilterItem {
  return {
    id: item.id,
    lesson: item.lesson,
    module: moduleOf.get(item.lesson) ?? null,
    type: item.type,
    bloom: item.bloom,
    objective: item.objective,
    status: item.status,
    pool: item.pool,
    text: `${item.id} ${item.prompt} ${item.more}`,
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

/** The fetched JSON as a `BankIndex`, or null when its outline is wrong. */
export function readBankIndex(value: unknown): BankIndex | null {
  const v = value as Partial<BankIndex> | null;
  return typeof v === 'object' &&
    v !== null &&
    v.v === 1 &&
    Array.isArray(v.items) &&
    Array.isArray(v.lessons) &&
    Array.isArray(v.types) &&
    Array.isArray(v.levels) &&
    Array.isArray(v.modules) &&
    Array.isArray(v.statuses) &&
    Array.isArray(v.pools) &&
    v.items.every(
      (i) => typeof i?.id === 'string' && typeof i.lesson === 'string' && typeof i.prompt === 'string',
    )
    ? (v as BankIndex)
    : null;
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
