/**
 * Pure: no DOM, no framework, no zod at runtime (the fetch is passed in).
 *
 * The question bank split by lesson, so that a student's phone downloads the few lessons an
 * assignment uses instead of the whole bank. Next to `/assignment/questions.json` (which the
 * builder and the review page keep reading) the build writes:
 * - `/assignment/questions/<lesson>.json` for every lesson with questions: a `BankData` with that
 *   lesson's questions, and every lesson and module (they are small);
 * - `/assignment/questions/index.json` (`BankIndex`): the lesson of every question.
 *
 * A link holds question ids only, and they do not name their lesson, so the page reads the index,
 * fetches the lessons it needs in parallel and merges them (`fetchAssignmentBank`). Anything
 * wrong on that path — a file missing or unreadable, a question the index or the lesson files lack
 * (a stale link, a cache from another build) — and it reads the whole bank instead: splitting can
 * make the page lighter, never block a student.
 */
import { BANK_DATA_PATH, fetchBank, readBankData, type BankData, type FetchJson } from './bank-data.ts';

/** Where each question lives: `lessonOf[questionId]` is its lesson id. */
export interface BankIndex {
  /** Bumped when the shape changes. */
  v: 1;
  lessonOf: Record<string, string>;
}

/** Site-relative path of the index. */
export const BANK_INDEX_PATH = '/assignment/questions/index.json';

/** Site-relative path of one lesson's bank file. */
export function lessonBankPath(lesson: string): string {
  return `/assignment/questions/${encodeURIComponent(lesson)}.json`;
}

/** Where a split bank lives: the whole file, the index, one lesson's file. */
export interface BankPaths {
  whole: string;
  index: string;
  lesson: (lesson: string) => string;
}

/** The bank with its keys (practice items only). */
export const BANK_PATHS: BankPaths = {
  whole: BANK_DATA_PATH,
  index: BANK_INDEX_PATH,
  lesson: lessonBankPath,
};

/**
 * The public bank: every practice item and every secret-pool item as its public question (prompts
 * and options, no keys: src/questions/publics.ts), for assignment pages that must hold no key.
 */
export const PUBLIC_BANK_PATHS: BankPaths = {
  whole: '/assignment/public/all.json',
  index: '/assignment/public/index.json',
  lesson: (lesson) => `/assignment/public/${encodeURIComponent(lesson)}.json`,
};

/**
 * One `BankData` per lesson that has questions, in order of each lesson's first question: the
 * lesson's questions in bank order, and the whole bank's lessons and modules.
 */
export function splitBank(bank: BankData): { lesson: string; bank: BankData }[] {
  const byLesson = new Map<string, BankData['questions']>();
  for (const entry of bank.questions) {
    const lesson = entry.question.lesson;
    const list = byLesson.get(lesson);
    if (list) list.push(entry);
    else byLesson.set(lesson, [entry]);
  }
  return [...byLesson].map(([lesson, questions]) => ({
    lesson,
    bank: { v: 1, questions, lessons: bank.lessons, modules: bank.modules },
  }));
}

/** The index of `bank`: every question id → its lesson id. */
export function bankIndex(bank: BankData): BankIndex {
  // Object.fromEntries defines own properties, so even an id like "__proto__" is a plain key.
  return { v: 1, lessonOf: Object.fromEntries(bank.questions.map((e) => [e.id, e.question.lesson])) };
}

/** The fetched JSON as a `BankIndex`, or null when it is not one. */
export function readBankIndex(value: unknown): BankIndex | null {
  const v = value as Partial<BankIndex> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    v.v !== 1 ||
    typeof v.lessonOf !== 'object' ||
    v.lessonOf === null ||
    Array.isArray(v.lessonOf) ||
    !Object.values(v.lessonOf).every((lesson) => typeof lesson === 'string')
  ) {
    return null;
  }
  return v as BankIndex;
}

/**
 * The lessons that hold `ids` (each once, in order of first need), and the ids the index does not
 * know.
 */
export function lessonsFor(
  index: BankIndex,
  ids: readonly string[],
): { lessons: string[]; missing: string[] } {
  const lessons = new Set<string>();
  const missing: string[] = [];
  for (const id of ids) {
    const lesson = Object.hasOwn(index.lessonOf, id) ? index.lessonOf[id] : undefined;
    if (typeof lesson === 'string') lessons.add(lesson);
    else missing.push(id);
  }
  return { lessons: [...lessons], missing };
}

/**
 * One bank from several (per-lesson files): questions, lessons and modules each in order of first
 * appearance, the first entry winning when an id repeats.
 */
export function mergeBanks(banks: readonly BankData[]): BankData {
  const unique = <T extends { id: string }>(lists: readonly (readonly T[])[]): T[] => {
    const seen = new Map<string, T>();
    for (const list of lists) for (const item of list) if (!seen.has(item.id)) seen.set(item.id, item);
    return [...seen.values()];
  };
  return {
    v: 1,
    questions: unique(banks.map((b) => b.questions)),
    lessons: unique(banks.map((b) => b.lessons)),
    modules: unique(banks.map((b) => b.modules)),
  };
}

/**
 * The bank a student's page needs for the questions `ids`: the index, then the lessons holding
 * them (in parallel), merged; the whole bank (`fetchBank`) when that fails or leaves any id out.
 * Null only when the whole bank cannot be read either. Never throws.
 */
export async function fetchAssignmentBank(
  ids: readonly string[],
  fetchJson: FetchJson,
  paths: BankPaths = BANK_PATHS,
): Promise<BankData | null> {
  try {
    const index = readBankIndex(await fetchJson(paths.index));
    const needed = index ? lessonsFor(index, ids) : null;
    if (needed && needed.missing.length === 0) {
      const reads = await Promise.all(
        needed.lessons.map(async (lesson) => readBankData(await fetchJson(paths.lesson(lesson)))),
      );
      const banks = reads.flatMap((read) => (read.ok ? [read.bank] : []));
      if (banks.length === reads.length) {
        const merged = mergeBanks(banks);
        const have = new Set(merged.questions.map((q) => q.id));
        if (ids.every((id) => have.has(id))) return merged;
      }
    }
  } catch {
    // A file missing or unreadable: the whole bank below.
  }
  return fetchBank(fetchJson, paths.whole);
}
