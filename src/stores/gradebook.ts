/**
 * The submission review page (/instructor/review/) as a store: the question bank it grades with,
 * the files and codes the instructor adds, the assignment link, and the instructor's marking —
 * and everything that follows: which files load and which are refused (and why), the gradebook,
 * the item analysis, one student's attempt, and the files to download.
 *
 * Data flow: `addFiles` / `addCodes` read each input once, on its own, as it arrives (a file that
 * cannot be read is listed, never thrown: nothing already loaded is lost and the page keeps
 * accepting files) → `$imported` checks them all against the link, or else against what most
 * files agree on (src/lib/gradebook/import.ts) → `$cohort` regrades them with the link's rules and
 * the marking (src/lib/gradebook/grade.ts) → `$analysis` (src/lib/stats/items.ts) → the files to
 * save (`exportFile`, `resultsFile`, `markingFile`, src/lib/gradebook/files.ts), which the page
 * only hands to the browser.
 *
 * The marking (overrides, comments, which file counts, the late policy) is saved per assignment
 * in this browser, `eoc:gradebook:<assignment id>`, and can be saved to and loaded from a file
 * (the command line reads the same file). Grading keys come from the bank this store loads: today
 * the public bank file; an instructor-only bank can be passed in as `loadBank`.
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { PersistentStore } from '@nanostores/persistent';
import type { Question } from '../questions/index.ts';
import type { BankData } from '../lib/assign/bank-data.ts';
import { decodeSpecLite, specFingerprint } from '../lib/assign/core.ts';
import type { AssignmentSpec } from '../lib/assign/spec.ts';
import { attemptDetail } from '../lib/gradebook/attempt.ts';
import { gradeSubmissions, type GradebookRow } from '../lib/gradebook/grade.ts';
import { readInputs, sortOutInputs, type ReadInput } from '../lib/gradebook/import.ts';
import {
  MARKING_KIND,
  emptyMarking,
  parseMarking,
  withChoice,
  withComment,
  withLatePolicy,
  withOverride,
  type Marking,
} from '../lib/gradebook/marking.ts';
import { buildResult, type StudentResult } from '../lib/gradebook/result.ts';
import { canvasGradesCsv, gradebookCsv, moodleGradesCsv } from '../lib/gradebook/csv.ts';
import {
  csvFile,
  jsonFile,
  resultFile,
  resultUrl,
  resultsZip,
  type SavedFile,
} from '../lib/gradebook/files.ts';
import { itemsCsv, testCsv } from '../lib/stats/csv.ts';
import type { LatePolicy } from '../lib/gradebook/rules.ts';
import { itemAnalysis } from '../lib/stats/items.ts';
import {
  ITEM_STATS_KEY,
  itemStatsSummary,
  nextSort,
  sortRows,
  type SortKey,
  type SortOrder,
} from '../lib/stats/review.ts';
import { now } from '../lib/clock.ts';
import { readJson } from '../lib/read-json.ts';
import { safeStorage } from './storage.ts';
import { loadBank as fetchBank } from './load-bank.ts';
import { openRelease, splitFragment } from '../lib/secret/release.ts';
import { withFullResponses } from '../lib/secret/grading.ts';

/** A saved marking is a few levels deep: overrides and comments per student and question. */
const MARKING_LIMITS = { maxChars: 5_000_000, maxDepth: 16 };

/** Largest file or code accepted, in bytes. */
export const MAX_BYTES = 1_000_000;

/** localStorage key of the marking of one assignment. */
export const markingStorageKey = (assignmentId: string): string => `eoc:gradebook:${assignmentId}`;

/** A file as the page gets it (a browser `File` fits). */
export interface FileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

export type LinkState =
  | {
      ok: true;
      spec: AssignmentSpec;
      expect: { id: string; fingerprint: string; title: string; questions: string[] };
    }
  | { ok: false; error: string };

/** The CSV files the gradebook offers: grades for the CSV, Moodle and Canvas; the item and test statistics. */
export type GradebookExport = 'gradebook' | 'moodle' | 'canvas' | 'items' | 'test';

export interface GradebookStoreOptions {
  loadBank?: (base: string) => Promise<BankData | null>;
  clock?: () => number;
}

export function createGradebookStore(storage: PersistentStore, options: GradebookStoreOptions = {}) {
  const load = options.loadBank ?? fetchBank;
  const clock = options.clock ?? now;
  const $bank = atom<BankData | null>(null);
  const $loadError = atom('');
  const $read = atom<ReadInput[]>([]);
  const $linkText = atom('');
  /** Bumped on every marking write, so `$marking` reads storage again. */
  const $markingVersion = atom(0);
  /** The assessment pool's items of this assignment, opened from a pasted release link (issue 12). */
  const $sealed = atom<BankData['questions']>([]);
  /** Why a pasted release link does not open (damaged, or another assignment's key). */
  const $releaseError = atom('');
  let pasted = 0;

  const $entries = computed([$bank, $sealed], (bank, sealed) => [...(bank?.questions ?? []), ...sealed]);
  const $questions = computed(
    $entries,
    (entries) => new Map<string, Question>(entries.map((e) => [e.id, e.question])),
  );
  const $link = computed([$linkText, $entries], (text, entries): LinkState | null => {
    if (text.trim() === '') return null;
    const decoded = decodeSpecLite(text);
    if (!decoded.ok) return { ok: false, error: decoded.error };
    const hashes = Object.fromEntries(entries.map((e) => [e.id, e.hash]));
    const spec = decoded.spec;
    return {
      ok: true,
      spec,
      expect: {
        id: spec.id,
        fingerprint: specFingerprint(spec, hashes),
        title: spec.title,
        questions: spec.questions,
      },
    };
  });
  const $imported = computed([$read, $link], (read, link) =>
    sortOutInputs(read, link?.ok ? link.expect : undefined),
  );
  const $spec = computed($link, (link) => (link?.ok ? link.spec : null));

  function readMarking(id: string): Marking {
    try {
      const raw = storage[markingStorageKey(id)];
      const read = raw === undefined ? undefined : readJson(raw, MARKING_LIMITS);
      return parseMarking(read?.ok ? read.value : undefined, id);
    } catch {
      return emptyMarking(id);
    }
  }
  const $marking = computed([$imported, $markingVersion], (imported) =>
    readMarking(imported.assignment?.id ?? ''),
  );

  const $cohort = computed(
    [$bank, $imported, $questions, $spec, $marking],
    (bank, imported, questions, spec, marking) =>
      bank && imported.submissions.length > 0
        ? gradeSubmissions(
            // Answers from a keyless page (public ids) are graded as answers to the full questions.
            imported.submissions.map((s) => withFullResponses(s.submission, questions)),
            questions,
            {
              spec,
              marking,
              now: clock(),
              renamed: (id) => bank.questions.find((e) => e.id === id)?.renamed,
            },
          )
        : null,
  );
  const $analysis = computed($cohort, (cohort) => (cohort ? itemAnalysis(cohort.matrix) : null));
  /** The gradebook table's order: by name at first, then as the instructor clicks the headings. */
  const $sort = atom<SortOrder>({ key: 'name', direction: 'ascending' });
  const $sortedRows = computed([$cohort, $sort], (cohort, sort) =>
    cohort ? sortRows(cohort.rows, sort.key, sort.direction) : [],
  );

  // Leave the item statistics for the question bank page, which shows them beside each question.
  // Best effort: a browser that cannot store them still has them here.
  $analysis.listen((analysis) => {
    const cohort = $cohort.get();
    if (!analysis || !cohort) return;
    const counted = cohort.rows.filter((r) => !r.superseded).length;
    const summary = itemStatsSummary(
      analysis.items,
      $imported.get().assignment?.title ?? '',
      counted,
      clock(),
    );
    try {
      storage[ITEM_STATS_KEY] = JSON.stringify(summary);
    } catch {
      // Storage unavailable or full: nothing else depends on it.
    }
  });

  async function loadBank(base: string): Promise<void> {
    const loaded = await load(base);
    if (loaded) $bank.set(loaded);
    else
      $loadError.set(
        'The question bank could not be loaded, so nothing can be graded. Reload the page to try again.',
      );
  }

  /** Read each file on its own; too big ones are refused unread. Returns a status line. */
  async function addFiles(files: readonly FileLike[]): Promise<string> {
    const read: ReadInput[] = [];
    for (const file of files) {
      if (file.size > MAX_BYTES) {
        read.push({
          source: file.name,
          result: {
            ok: false,
            problem: 'oversized',
            message: `${file.name}: it is ${file.size.toLocaleString('en')} bytes; a submission is at most ${MAX_BYTES.toLocaleString('en')}`,
          },
        });
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        read.push({
          source: file.name,
          result: {
            ok: false,
            problem: 'malformed',
            message: `${file.name}: the browser could not read this file`,
          },
        });
        continue;
      }
      read.push(...readInputs([{ source: file.name, text }], MAX_BYTES));
    }
    $read.set([...$read.get(), ...read]);
    return `Read ${files.length} file${files.length === 1 ? '' : 's'}.`;
  }

  /** Read pasted codes, one per line. Returns a status line. */
  function addCodes(text: string): string {
    const lines = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const inputs = lines.map((code) => ({ source: `pasted code ${++pasted}`, text: code }));
    $read.set([...$read.get(), ...readInputs(inputs, MAX_BYTES)]);
    return `Read ${lines.length} code${lines.length === 1 ? '' : 's'}.`;
  }

  function clear(): void {
    $read.set([]);
    pasted = 0;
  }

  /** A click on a column heading: that column, or the same one turned round. */
  const sortBy = (key: SortKey): void => $sort.set(nextSort($sort.get(), key));

  function setLink(text: string): void {
    $linkText.set(text);
    $sealed.set([]);
    $releaseError.set('');
    const parts = splitFragment(text);
    const decoded = decodeSpecLite(text);
    if (!decoded.ok || parts.key === undefined) return;
    void openRelease(decoded.spec, parts.sealed, parts.key).then((opened) => {
      if ($linkText.get() !== text) return;
      if (opened.ok) $sealed.set(opened.questions);
      else $releaseError.set(opened.error);
    });
  }

  function changeMarking(change: (marking: Marking) => Marking): void {
    const id = $imported.get().assignment?.id;
    if (!id) return;
    const next = change(readMarking(id));
    try {
      storage[markingStorageKey(id)] = JSON.stringify(next);
    } catch {
      // The safe engine keeps it in memory and says so.
    }
    $markingVersion.set($markingVersion.get() + 1);
  }

  const setLatePolicy = (policy: LatePolicy): void => changeMarking((m) => withLatePolicy(m, policy));
  const choose = (checksum: string): void => changeMarking((m) => withChoice(m, checksum));
  const setComment = (checksum: string, comment: string): void =>
    changeMarking((m) => withComment(m, checksum, comment));
  /** Override question `questionId` of attempt `attempt` (1-based) of the file `checksum`; null removes it. */
  const setOverride = (
    checksum: string,
    questionId: string,
    override: { attempt: number; score: number; comment: string } | null,
  ): void => changeMarking((m) => withOverride(m, checksum, questionId, override));

  /** The marking as a file's text, to keep or to give the command line (`--marking`). */
  function exportMarking(): string {
    return `${JSON.stringify($marking.get(), null, 2)}\n`;
  }

  /** Load a saved marking file for the current assignment; returns what happened, in words. */
  function importMarking(text: string): string {
    const id = $imported.get().assignment?.id;
    if (!id) return 'Load the submissions first: a marking belongs to one assignment.';
    const read = readJson(text, MARKING_LIMITS);
    if (!read.ok) {
      return read.reason === 'invalid-json'
        ? 'This file is not a saved marking (it is not valid JSON).'
        : `This file is not a saved marking. ${read.message}`;
    }
    const value = read.value;
    const record = value as { kind?: unknown; assignment?: unknown } | null;
    if (record?.kind !== MARKING_KIND) return 'This file is not a saved marking.';
    if (record.assignment !== id) return 'This marking belongs to another assignment; nothing was changed.';
    const marking = parseMarking(value, id);
    changeMarking(() => marking);
    return 'Marking loaded.';
  }

  /** The counted attempt of `row` in full, with the marking. */
  function detailOf(row: GradebookRow, attempt = row.countedAttempt) {
    const cohort = $cohort.get();
    const sub = $imported.get().submissions[row.index]?.submission;
    if (!cohort || !sub) return undefined;
    return attemptDetail(sub, cohort.matrix.questions, attempt, {
      spec: $spec.get(),
      marking: $marking.get(),
    });
  }

  /** `row`'s graded attempt for the student, or undefined for a file that does not count. */
  function resultOf(row: GradebookRow, includeKey: boolean): StudentResult | undefined {
    const detail = row.superseded ? undefined : detailOf(row);
    const assignment = $imported.get().assignment;
    if (!detail || !assignment) return undefined;
    return buildResult(
      row,
      detail,
      { id: assignment.id, title: assignment.title ?? 'Assignment' },
      includeKey,
    );
  }

  const assignmentId = (): string => $imported.get().assignment?.id ?? 'assignment';
  const assignmentTitle = (): string => $imported.get().assignment?.title ?? 'Assignment';

  /** One of the gradebook's CSV files, or undefined before anything is graded. */
  function exportFile(kind: GradebookExport): SavedFile | undefined {
    const cohort = $cohort.get();
    const analysis = $analysis.get();
    if (!cohort || !analysis) return undefined;
    switch (kind) {
      case 'gradebook':
        return csvFile('gradebook.csv', gradebookCsv(cohort.rows));
      case 'moodle':
        return csvFile('moodle-grades.csv', moodleGradesCsv(cohort.rows, assignmentTitle()));
      case 'canvas':
        return csvFile('canvas-grades.csv', canvasGradesCsv(cohort.rows, assignmentTitle()));
      case 'items':
        return csvFile('items.csv', itemsCsv(analysis.items));
      case 'test':
        return csvFile('test.csv', testCsv(analysis.test));
    }
  }

  /** Every counted student's result in one zip, and how many there are. */
  function resultsFile(includeKey: boolean): { file: SavedFile; count: number } {
    const rows = $cohort.get()?.rows ?? [];
    const results = rows.flatMap((row) => resultOf(row, includeKey) ?? []);
    return { file: resultsZip(results, assignmentId()), count: results.length };
  }

  /** `row`'s result as a file, or undefined for a file that does not count. */
  function studentResultFile(row: GradebookRow, includeKey: boolean): SavedFile | undefined {
    const result = resultOf(row, includeKey);
    return result && resultFile(result);
  }

  /** `row`'s result link on the site at `site` (origin and base path), or undefined for a file that does not count. */
  function resultLink(row: GradebookRow, includeKey: boolean, site: string): string | undefined {
    const result = resultOf(row, includeKey);
    return result && resultUrl(site, result);
  }

  /** The marking as the file `importMarking` and the command line (`--marking`) read. */
  const markingFile = (): SavedFile => jsonFile(`marking-${assignmentId()}.json`, exportMarking());

  return {
    $bank: $bank as ReadableAtom<BankData | null>,
    $loadError: $loadError as ReadableAtom<string>,
    $read: $read as ReadableAtom<ReadInput[]>,
    $linkText: $linkText as ReadableAtom<string>,
    $sealed: $sealed as ReadableAtom<BankData['questions']>,
    $releaseError: $releaseError as ReadableAtom<string>,
    $link,
    $spec,
    $imported,
    $marking,
    $cohort,
    $analysis,
    $sort: $sort as ReadableAtom<SortOrder>,
    $sortedRows,
    sortBy,
    loadBank,
    addFiles,
    addCodes,
    clear,
    setLink,
    setLatePolicy,
    choose,
    setComment,
    setOverride,
    exportMarking,
    importMarking,
    detailOf,
    resultOf,
    exportFile,
    resultsFile,
    studentResultFile,
    resultLink,
    markingFile,
  };
}

export type GradebookStore = ReturnType<typeof createGradebookStore>;

/** The review page's store, over the app's storage engine. */
export const gradebookStore: GradebookStore = createGradebookStore(safeStorage);
