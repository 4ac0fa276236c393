/**
 * Pure: no DOM, no framework.
 *
 * What the submission review page shows beside the gradebook (reading the files is
 * `src/lib/gradebook/import.ts`):
 * - `sortRows`: the gradebook's column sort (stable; text by the student-friendly collation).
 * - `nextSort`: what a click on a column heading sorts by next.
 * - `histogram`: score counts in equal bins for the distribution chart (100 % in the last bin).
 * - `formatMinutes`: "45 min", "2 h 05 min".
 */
import { readJson } from '../read-json.ts';
import type { GradebookRow } from '../gradebook/grade.ts';

export type SortKey = 'name' | 'id' | 'score' | 'minutes' | 'late' | 'extensionMinutes' | 'attempts';
export type SortDirection = 'ascending' | 'descending';

// Made on first use: creating it loads the browser's locale data, which the pages that import this
// module only for `parseItemStatsSummary` (the bank browser) need not wait for.
let collator: Intl.Collator | null = null;
const compareText = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' })).compare(a, b);

/** A sorted copy; ties keep their order. Missing ids sort last in either direction. */
export function sortRows(
  rows: readonly GradebookRow[],
  key: SortKey,
  direction: SortDirection,
): GradebookRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: GradebookRow, b: GradebookRow): number => {
    switch (key) {
      case 'name':
        return sign * compareText(a.name, b.name);
      case 'id':
        if (a.id === null || b.id === null) return (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0);
        return sign * compareText(a.id, b.id);
      case 'late':
        return sign * (Number(a.late) - Number(b.late));
      default:
        return sign * (a[key] - b[key]);
    }
  };
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compare(a.row, b.row) || a.index - b.index)
    .map((entry) => entry.row);
}

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/**
 * The sort after a click on `key`'s heading: the same column turns round; a new one starts A to Z
 * for names and ids, highest first for numbers (the best score, the longest time, the late ones).
 */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' || key === 'id' ? 'ascending' : 'descending' };
}

export interface Bin {
  /** Lower edge, inclusive. */
  from: number;
  /** Upper edge: exclusive, except the last bin's, which includes `max`. */
  to: number;
  count: number;
}

/** Counts of `values` in `bins` equal bins over [0, max]; values outside are clamped into the ends. */
export function histogram(values: readonly number[], bins = 10, max = 100): Bin[] {
  const width = max / bins;
  const result: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: 0,
  }));
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    const index = Math.min(bins - 1, Math.max(0, Math.floor(value / width)));
    (result[index] as Bin).count++;
  }
  return result;
}

/** "45 min", "2 h 05 min", "under 1 min". */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '–';
  if (minutes < 1) return 'under 1 min';
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/** localStorage key under which the review page leaves item statistics for the bank browser. */
export const ITEM_STATS_KEY = 'eoc:instructor:item-stats';

/** What the bank browser shows next to each question once submissions have been loaded. */
export interface ItemStatsSummary {
  /** Assignment title the statistics come from. */
  title: string;
  /** Submissions counted (latest per student). */
  students: number;
  /** When they were loaded (ms epoch). */
  at: number;
  items: Record<
    string,
    { facility: number | null; discrimination: number | null; efficiency: number | null; attempted: number }
  >;
}

/** The compact summary of an item analysis that the bank browser reads. */
export function itemStatsSummary(
  items: readonly {
    id: string;
    facility: number | null;
    discrimination: number | null;
    efficiency: number | null;
    attempted: number;
  }[],
  title: string,
  students: number,
  at: number,
): ItemStatsSummary {
  return {
    title,
    students,
    at,
    items: Object.fromEntries(
      items.map((i) => [
        i.id,
        {
          facility: i.facility,
          discrimination: i.discrimination,
          efficiency: i.efficiency,
          attempted: i.attempted,
        },
      ]),
    ),
  };
}

/** Reads a stored summary; anything malformed (or from another version) gives null, never a throw. */
export function parseItemStatsSummary(raw: string | null): ItemStatsSummary | null {
  if (!raw) return null;
  try {
    const read = readJson(raw, { maxChars: 5_000_000, maxDepth: 8 });
    if (!read.ok || typeof read.value !== 'object' || read.value === null) return null;
    const value = read.value as Partial<ItemStatsSummary>;
    if (typeof value.title !== 'string' || typeof value.students !== 'number' || typeof value.at !== 'number')
      return null;
    if (typeof value.items !== 'object' || value.items === null) return null;
    return value as ItemStatsSummary;
  } catch {
    return null;
  }
}

/** "facility 62% · discrimination 31% · efficiency 48% · answered by 18", with "–" for undefined values. */
export function describeItemStats(s: ItemStatsSummary['items'][string]): string {
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v)}%`);
  return `facility ${pct(s.facility)} · discrimination ${pct(s.discrimination)} · efficiency ${pct(s.efficiency)} · answered by ${s.attempted}`;
}
