/**
 * Pure: no DOM, no framework; its only input and output is the `fetchJson` it is given.
 *
 * The question bank browser's data work, done where it cannot hold up the page: reading the index
 * (1.3 MB of JSON for 6,500 questions at 1,100 lessons), filtering and grouping it, folding the text
 * for the search. `src/client/bank-worker.ts` runs it in a Web Worker and the page asks it through
 * `src/client/bank-connection.ts`, so the page's own thread only draws what comes back: the filter
 * choices once, then after each change the count and the questions of the lessons on screen.
 */
import type { FetchJson } from '../assign/bank-data.ts';
import {
  BANK_INDEX_PATH,
  BANK_SEARCH_PATH,
  decodeBankIndex,
  decodeBankSearch,
  toFilterItem,
  type BankIndex,
  type FilterChoices,
  type IndexItem,
} from './bank-index.ts';
import { filterItems, foldCase, groupByLesson, type BankFilter, type FilterItem } from './filter.ts';

/** One lesson of the result, with its questions. */
export interface ViewGroup {
  lesson: string;
  items: IndexItem[];
}

/** What the page shows for a filter: the count, and the first lessons with their questions. */
export interface BankView {
  /** Questions the filter keeps, of `total`, in `lessons` lessons. */
  shown: number;
  total: number;
  lessons: number;
  /** The first lessons kept (as many as asked for), in course order. */
  groups: ViewGroup[];
}

/** Why the index is missing: not downloaded (network, HTTP) or not readable (not an index). */
export type OpenFailure = 'unavailable' | 'unreadable';

export interface BankService {
  /** Downloads and reads the index, once; the filters' choices, or why there are none. */
  open(): Promise<FilterChoices | OpenFailure>;
  /** The questions `filter` keeps, with those of its first `groups` lessons; null without an index. */
  view(filter: BankFilter, groups: number): Promise<BankView | null>;
  /** Adds each question's explanation and quote to the searched words, once; whether they came. */
  loadSearch(): Promise<boolean>;
}

type Row = FilterItem & { item: IndexItem };

/** The index held for filtering: each question as the filters see it, its text folded when searched. */
class Bank {
  readonly choices: FilterChoices;
  readonly total: number;
  private readonly items: IndexItem[];
  private readonly moduleOf: Map<string, string | null>;
  private readonly order: string[];
  private rows: Row[] = [];
  private folded: string[] | null = null;

  constructor(index: BankIndex) {
    const { items, ...choices } = index;
    this.choices = choices;
    this.items = items;
    this.total = items.length;
    this.moduleOf = new Map(index.lessons.map((l) => [l.id, l.module]));
    this.order = index.lessons.map((l) => l.id);
    this.setText([]);
  }

  /** Searched words of each question: its id and prompt, then `more[i]` (explanation and quote). */
  setText(more: readonly string[]): void {
    this.rows = this.items.map((item, i) => ({ ...toFilterItem(item, this.moduleOf, more[i]), item }));
    this.folded = null;
  }

  view(filter: BankFilter, groups: number): BankView {
    const searching = filter.search.trim() !== '';
    // Folded once, and only once the instructor searches.
    if (searching && !this.folded) this.folded = this.rows.map((r) => foldCase(r.text));
    const kept = filterItems(this.rows, filter, searching ? (this.folded ?? undefined) : undefined);
    const grouped = groupByLesson(kept, this.order);
    return {
      shown: kept.length,
      total: this.total,
      lessons: grouped.length,
      groups: grouped.slice(0, groups).map((g) => ({ lesson: g.lesson, items: g.items.map((r) => r.item) })),
    };
  }
}

/** The service over the files that `fetchJson` downloads (site-relative paths). */
export function createBankService(fetchJson: FetchJson): BankService {
  let opening: Promise<Bank | OpenFailure> | null = null;
  let searching: Promise<boolean> | null = null;

  const bank = (): Promise<Bank | OpenFailure> =>
    (opening ??= fetchJson(BANK_INDEX_PATH).then(
      (value) => {
        const index = decodeBankIndex(value);
        return index ? new Bank(index) : 'unreadable';
      },
      () => 'unavailable',
    ));

  return {
    async open() {
      const opened = await bank();
      return typeof opened === 'string' ? opened : opened.choices;
    },
    async view(filter, groups) {
      const opened = await bank();
      return typeof opened === 'string' ? null : opened.view(filter, groups);
    },
    loadSearch() {
      searching ??= bank().then(async (opened) => {
        if (typeof opened === 'string') return false;
        const more = decodeBankSearch(await fetchJson(BANK_SEARCH_PATH).catch(() => null), opened.total);
        if (more) opened.setText(more);
        return more !== null;
      });
      // A failed download may be tried again on the next use of the search box.
      return searching.then((ok) => {
        if (!ok) searching = null;
        return ok;
      });
    },
  };
}
