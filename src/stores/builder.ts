/**
 * The assignment builder (/instructor/assign/) as a store: the bank it builds from, the draft the
 * instructor is editing (which questions, the rules), and what follows from it — the questions
 * selected, the problems by field, the spec and its share link. The component is the view.
 *
 * The draft is plain JSON (arrays, strings, booleans), so it can be kept in storage as it is.
 * Data flow: `setField` / `togglePick` / `toggleLesson` → `$draft` → computed `$selected`,
 * `$problems`, `$built` (src/lib/assign/builder.ts and `buildSpec`, pure).
 *
 * The secret assessment pool (issue 12) joins the bank once the instructor unlocks it (`addPool`);
 * its items are never offered with "immediate" review, whose page must hold keys.
 */
import { atom, computed, map, type ReadableAtom } from 'nanostores';
import type { Question } from '../questions/index.ts';
import type { BankData } from '../lib/assign/bank-data.ts';
import { buildSpec, type BuildResult, type ReviewPolicy, type StudentIdKind } from '../lib/assign/spec.ts';
import {
  localDateTime,
  passesFilters,
  selectedIds,
  settingsProblems,
  type SelectionMode,
  type SettingsField,
} from '../lib/assign/builder.ts';
import { loadBank as fetchBank } from './load-bank.ts';
import type { PersistentStore } from '@nanostores/persistent';
import { safeStorage } from './storage.ts';
import { DRAFT_KEY, readDraft } from '../lib/assign/draft.ts';
import { REVIEW_POLICIES, STUDENT_ID_KINDS } from '../lib/assign/core.ts';
import { newAssignmentKey } from '../lib/secret/crypto.ts';
import { readJson } from '../lib/read-json.ts';

export interface BuilderDraft {
  mode: SelectionMode;
  /** Question ids picked one by one (mode `pick`). */
  picked: string[];
  /** Whole lessons chosen (mode `lessons`). */
  lessons: string[];
  /** '' = all types. */
  typeFilter: string;
  /** '' = all Bloom levels. */
  levelFilter: string;
  /** Per-module count as typed (mode `draw`). */
  count: string;
  seed: string;
  title: string;
  attempts: string;
  timeLimit: string;
  opensDate: string;
  opensTime: string;
  dueDate: string;
  dueTime: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  review: ReviewPolicy;
  /** '' = the id is optional. */
  studentId: '' | StudentIdKind;
}

export function emptyDraft(seed = ''): BuilderDraft {
  return {
    mode: 'pick',
    picked: [],
    lessons: [],
    typeFilter: '',
    levelFilter: '',
    count: '3',
    seed,
    title: '',
    attempts: '1',
    timeLimit: '',
    opensDate: '',
    opensTime: '',
    dueDate: '',
    dueTime: '',
    shuffleQuestions: true,
    shuffleOptions: true,
    review: 'immediate',
    studentId: '',
  };
}

/** A random seed for "draw N per module" (10 hex characters). */
export function newSeed(): string {
  const bytes = new Uint8Array(5);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface BuilderStoreOptions {
  loadBank?: (base: string) => Promise<BankData | null>;
  /** Where the draft is kept (default: the app's storage engine). */
  storage?: PersistentStore;
}

export function createBuilderStore(options: BuilderStoreOptions = {}) {
  const load = options.loadBank ?? fetchBank;
  const $bank = atom<BankData | null>(null);
  const $loadError = atom('');
  const $draft = map<BuilderDraft>(emptyDraft());
  const storage = options.storage ?? safeStorage;
  /** This assignment's key (issue 12): the release link carries it, the student link does not. */
  const $assignmentKey = atom('');
  /** When the draft shown was saved, if it was restored from storage. */
  const $restoredAt = atom<string | null>(null);
  /** Whether changes are saved: from the first load until the link is shared. */
  let keeping = false;

  function saveDraft(): void {
    if (!keeping) return;
    try {
      storage[DRAFT_KEY] = JSON.stringify({
        v: 1,
        savedAt: new Date().toISOString(),
        draft: $draft.get(),
        assignmentKey: $assignmentKey.get(),
      });
    } catch {
      // The safe engine keeps it in memory and flips $storageStatus.
    }
  }
  $draft.listen(saveDraft);
  $assignmentKey.listen(saveDraft);

  /** The saved draft, if any, as the draft; then keep saving. */
  function restoreDraft(): void {
    let saved;
    try {
      const raw = storage[DRAFT_KEY];
      const read = raw === undefined ? undefined : readJson(raw, { maxChars: 2_000_000, maxDepth: 8 });
      saved = read?.ok
        ? readDraft(read.value, emptyDraft(), {
            mode: ['pick', 'lessons', 'draw'],
            review: REVIEW_POLICIES,
            studentId: ['', ...STUDENT_ID_KINDS],
          })
        : null;
    } catch {
      saved = null;
    }
    if (saved) {
      $draft.set(saved.draft);
      $restoredAt.set(saved.savedAt);
    }
    $assignmentKey.set(saved?.assignmentKey || newAssignmentKey());
    keeping = true;
  }

  /** Start afresh: a new seed and assignment key, and nothing kept. */
  function discardDraft(): void {
    $draft.set(emptyDraft(newSeed()));
    $assignmentKey.set(newAssignmentKey());
    $restoredAt.set(null);
    // Nothing is kept until the next change.
    try {
      delete storage[DRAFT_KEY];
    } catch {
      // Nothing stored.
    }
  }

  /** The link was shared: the draft has done its job and is no longer kept. */
  function forgetDraft(): void {
    keeping = false;
    try {
      delete storage[DRAFT_KEY];
    } catch {
      // Nothing stored.
    }
  }
  /** Ids of the assessment pool's items, once unlocked. */
  const $secretIds = atom<ReadonlySet<string>>(new Set());

  /** Add the unlocked assessment pool's items to the bank. */
  function addPool(entries: BankData['questions']): void {
    const bank = $bank.get();
    if (!bank) return;
    const have = new Set(bank.questions.map((q) => q.id));
    $bank.set({ ...bank, questions: [...bank.questions, ...entries.filter((e) => !have.has(e.id))] });
    $secretIds.set(new Set(entries.map((e) => e.id)));
  }

  const $questions = computed($bank, (bank): Question[] =>
    bank ? bank.questions.map((e) => e.question) : [],
  );
  const $selected = computed([$questions, $draft], (questions, d) =>
    selectedIds(questions, {
      mode: d.mode,
      picked: new Set(d.picked),
      lessons: new Set(d.lessons),
      types: new Set(d.typeFilter ? [d.typeFilter] : []),
      levels: new Set(d.levelFilter ? [d.levelFilter] : []),
    }),
  );
  /** Lessons with their questions, and those that pass the filters. */
  const $groups = computed([$bank, $questions, $draft], (bank, questions, d) => {
    const types = new Set(d.typeFilter ? [d.typeFilter] : []);
    const levels = new Set(d.levelFilter ? [d.levelFilter] : []);
    return (bank?.lessons ?? []).map((lesson) => ({
      lesson,
      all: questions.filter((q) => q.lesson === lesson.id),
      visible: questions.filter((q) => q.lesson === lesson.id && passesFilters(q, types, levels)),
    }));
  });
  const $problems = computed([$draft, $selected, $secretIds], (d, selected, secret) => {
    const problems: Partial<Record<SettingsField, string>> = settingsProblems({
      title: d.title,
      attempts: d.attempts,
      timeLimit: d.timeLimit,
      count: d.count,
      mode: d.mode,
      opensAt: localDateTime(d.opensDate, d.opensTime),
      due: localDateTime(d.dueDate, d.dueTime),
      review: d.review,
      selected: selected.length,
    });
    const fromPool = selected.filter((id) => secret.has(id)).length;
    if (d.review === 'immediate' && fromPool > 0 && !problems.review) {
      problems.review = `“Immediately” works with practice questions only: ${fromPool} chosen question${fromPool === 1 ? ' is' : 's are'} from the assessment pool, whose keys never reach a student's page. Choose review after the due date or never.`;
    }
    return problems;
  });
  const $built = computed(
    [$bank, $draft, $selected, $problems],
    (bank, d, selected, problems): BuildResult | null => {
      if (!bank || Object.keys(problems).length > 0) return null;
      const opensAt = localDateTime(d.opensDate, d.opensTime);
      const due = localDateTime(d.dueDate, d.dueTime);
      return buildSpec(
        {
          title: d.title.trim(),
          seed: d.seed,
          questions: selected,
          ...(d.mode === 'draw' ? { count: Number(d.count) } : {}),
          attempts: Number(d.attempts),
          ...(d.timeLimit.trim() ? { timeLimit: Number(d.timeLimit) } : {}),
          ...(opensAt ? { opensAt } : {}),
          ...(due ? { due } : {}),
          shuffleQuestions: d.shuffleQuestions,
          shuffleOptions: d.shuffleOptions,
          review: d.review,
          ...(d.studentId ? { studentId: d.studentId } : {}),
        },
        { questions: bank.questions, modules: bank.modules },
      );
    },
  );

  async function loadBank(base: string): Promise<void> {
    if (!keeping) restoreDraft();
    if (!$draft.get().seed) $draft.setKey('seed', newSeed());
    const loaded = await load(base);
    if (loaded) $bank.set(loaded);
    else $loadError.set('The question bank could not be loaded. Reload the page to try again.');
  }

  function setField<K extends keyof BuilderDraft>(key: K, value: BuilderDraft[K]): void {
    $draft.set({ ...$draft.get(), [key]: value });
  }

  const toggled = (list: readonly string[], ids: readonly string[], on: boolean): string[] => {
    const drop = new Set(ids);
    const kept = list.filter((id) => !drop.has(id));
    return on ? [...kept, ...ids] : kept;
  };

  /** Pick or unpick questions (one, or every visible one of a lesson). */
  function togglePicks(ids: readonly string[], on: boolean): void {
    $draft.setKey('picked', toggled($draft.get().picked, ids, on));
  }

  function toggleLesson(id: string, on: boolean): void {
    $draft.setKey('lessons', toggled($draft.get().lessons, [id], on));
  }

  return {
    $bank: $bank as ReadableAtom<BankData | null>,
    $loadError: $loadError as ReadableAtom<string>,
    $draft,
    $questions,
    $groups,
    $selected,
    $problems,
    $built,
    $secretIds: $secretIds as ReadableAtom<ReadonlySet<string>>,
    $assignmentKey: $assignmentKey as ReadableAtom<string>,
    $restoredAt: $restoredAt as ReadableAtom<string | null>,
    discardDraft,
    forgetDraft,
    addPool,
    loadBank,
    setField,
    togglePicks,
    toggleLesson,
  };
}

export type BuilderStore = ReturnType<typeof createBuilderStore>;

/** The builder page's store. */
export const builderStore: BuilderStore = createBuilderStore();
