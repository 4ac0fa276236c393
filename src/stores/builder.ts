/**
 * The assignment builder (/instructor/assign/) as a store: the bank it builds from, the draft the
 * instructor is editing (which questions, the rules), and what follows from it — the questions
 * selected, the problems by field, the spec and its share link. The component is the view.
 *
 * The draft is plain JSON (arrays, strings, booleans) and is kept in this browser until the link is
 * shared or the draft discarded (src/stores/assign-draft.ts; restored by `loadBank`).
 * Data flow: `setField` / `togglePick` / `toggleLesson` → `$draft` → computed `$selected`,
 * `$problems`, `$built` (src/lib/assign/builder.ts and `buildSpec`, pure); the questions pass the
 * same filters as on /instructor/ (src/lib/instructor/filter.ts).
 *
 * The secret assessment pool (issue 12) joins the bank once the instructor unlocks it (`addPool`);
 * its items are never offered with "immediate" review, whose page must hold keys. The draft keeps
 * the assignment's key, so a restored draft's release link stays the same.
 *
 * The share link: `$links` joins the site (`setSite`, from the page) and the spec; an "after due"
 * assignment carries its pool items' full questions sealed under the assignment's key (sealing is
 * asynchronous, so its link is '' until it is done), and then has a release link beside it.
 * `$worksheet` is what the printed worksheet and answer key show.
 */
import { atom, computed, map, type ReadableAtom } from 'nanostores';
import type { Question } from '../questions/index.ts';
import type { BankData } from '../lib/assign/bank-data.ts';
import { assignmentPath, buildSpec, type AssignmentSpec, type BuildResult } from '../lib/assign/spec.ts';
import { worksheetItem } from '../lib/assign/worksheet.ts';
import { assignmentLinks, sealAssignment } from '../lib/secret/release.ts';
import {
  bankFilterItems,
  localDateTime,
  selectedIds,
  settingsProblems,
  type SettingsField,
} from '../lib/assign/builder.ts';
import { blankDraft, isBlank, missingPicks, sameDraft, type BuilderDraft } from '../lib/assign/draft.ts';
import { filterItems, groupByLesson } from '../lib/instructor/filter.ts';
import { assignDraftStore, type AssignDraftStore, type DraftState } from './assign-draft.ts';
import { loadBank as fetchBank } from './load-bank.ts';
import { newAssignmentKey } from '../lib/secret/crypto.ts';

export type { BuilderDraft };

/** A blank draft: nothing chosen, the default rules. */
export function emptyDraft(seed = ''): BuilderDraft {
  return blankDraft(seed);
}

/** A random seed for "draw N per module" (10 hex characters). */
export function newSeed(): string {
  const bytes = new Uint8Array(5);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The link students get, '' while there is none (or while it is being sealed), and the release link. */
export interface ShareLinks {
  link: string;
  release: string | null;
}

export interface BuilderStoreOptions {
  loadBank?: (base: string) => Promise<BankData | null>;
  /** Where the draft is kept between visits. */
  drafts?: AssignDraftStore;
}

export function createBuilderStore(options: BuilderStoreOptions = {}) {
  const load = options.loadBank ?? fetchBank;
  const $bank = atom<BankData | null>(null);
  const $loadError = atom('');
  const drafts = options.drafts ?? assignDraftStore;
  const $draft = map<BuilderDraft>(emptyDraft());
  /** What became of a kept draft when the page opened ("Your draft from … is back."), or ''. */
  const $restoreNote = atom('');
  /** The draft as it was when the link was last shared: not kept again until it changes. */
  let shared: BuilderDraft | null = null;

  /** Ids of the assessment pool's items, once unlocked. */
  const $secretIds = atom<ReadonlySet<string>>(new Set());
  /** This assignment's key: the release link carries it, the student link does not. */
  const $assignmentKey = computed($draft, (d) => d.assignmentKey);

  const $questions = computed($bank, (bank): Question[] =>
    bank ? bank.questions.map((e) => e.question) : [],
  );
  const $items = computed([$bank, $secretIds], (bank, secret) => (bank ? bankFilterItems(bank, secret) : []));
  const $selected = computed([$items, $draft], (items, d) =>
    selectedIds(items, {
      mode: d.mode,
      picked: new Set(d.picked),
      lessons: new Set(d.lessons),
      filter: d.filter,
    }),
  );
  /** Lessons with the questions that pass the filters, in course order (lessons with none left out). */
  const $groups = computed([$bank, $questions, $items, $draft], (bank, questions, items, d) => {
    const byId = new Map(questions.map((q) => [q.id, q]));
    const titles = new Map((bank?.lessons ?? []).map((l) => [l.id, l]));
    return groupByLesson(
      filterItems(items, d.filter),
      (bank?.lessons ?? []).map((l) => l.id),
    ).map((g) => ({
      lesson: titles.get(g.lesson) ?? { id: g.lesson, title: g.lesson, module: null },
      visible: g.items.map((i) => byId.get(i.id)).filter((q): q is Question => !!q),
    }));
  });
  /** How many questions pass the filters, of how many. */
  const $filtered = computed([$items, $draft], (items, d) => ({
    shown: filterItems(items, d.filter).length,
    total: items.length,
  }));
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

  const $spec = computed($built, (built) => (built?.ok ? built.spec : null));
  /** The site's origin and base path, which the share link starts with. */
  const $site = atom('');
  /** The pool items of an "after due" assignment, sealed for the spec they were sealed for. */
  const $sealed = atom<{ spec: AssignmentSpec; text: string } | null>(null);
  const $toSeal = computed([$spec, $bank, $secretIds, $assignmentKey], (spec, bank, secret, key) => ({
    spec,
    bank,
    secret,
    key,
  }));
  $toSeal.listen(({ spec, bank, secret, key }) => {
    $sealed.set(null);
    if (!spec || spec.review !== 'after-due' || !bank || !key) return;
    const pool = bank.questions.filter((e) => secret.has(e.id) && spec.questions.includes(e.id));
    sealAssignment(spec, key, pool).then(
      (text) => {
        if ($spec.get() === spec) $sealed.set({ spec, text });
      },
      () => undefined, // Not a key (a hand-edited draft): no link, and the form says it is sealing.
    );
  });
  const $links = computed([$spec, $site, $sealed, $assignmentKey], (spec, site, sealed, key): ShareLinks => {
    if (!spec) return { link: '', release: null };
    const student = `${site.replace(/\/$/, '')}${assignmentPath(spec)}`;
    if (spec.review !== 'after-due') return { link: student, release: null };
    return sealed?.spec === spec ? assignmentLinks(student, sealed.text, key) : { link: '', release: null };
  });
  /** The chosen questions as the worksheet and the answer key print them. */
  const $worksheet = computed([$spec, $questions], (spec, questions) => {
    const byId = new Map(questions.map((q) => [q.id, q]));
    return (spec?.questions ?? []).flatMap((id) => {
      const question = byId.get(id);
      return question ? [worksheetItem(question)] : [];
    });
  });

  async function loadBank(base: string): Promise<void> {
    if (!$draft.get().seed) $draft.setKey('seed', newSeed());
    const loaded = await load(base);
    if (!loaded) {
      $loadError.set('The question bank could not be loaded. Reload the page to try again.');
      return;
    }
    $bank.set(loaded);
    const { draft: saved, damaged } = drafts.restore();
    if (saved) {
      $draft.set({ ...saved, seed: saved.seed || $draft.get().seed });
      const gone = missingPicks(saved, new Set(loaded.questions.map((q) => q.id)));
      $restoreNote.set(
        `Your draft from ${new Date(saved.savedAt).toLocaleString()} is back.` +
          (gone.length
            ? ` ${gone.length} picked question${gone.length === 1 ? ' is' : 's are'} not in the practice bank: ${gone.join(', ')}. Questions from the assessment pool come back when you unlock it; others were removed from the course.`
            : '') +
          (damaged ? ' Part of it could not be read; a copy of what was saved is kept in this browser.' : ''),
      );
    } else if (damaged) {
      $restoreNote.set(
        'A saved draft could not be read; a copy is kept in this browser, and this is a new draft.',
      );
    }
    if (!$draft.get().assignmentKey) $draft.setKey('assignmentKey', newAssignmentKey());
    // From now on every change is kept, except a blank form (unless one was kept) and what was just shared.
    $draft.listen((d) => {
      if (shared) {
        if (sameDraft(shared, d)) return;
        shared = null;
      }
      if (isBlank(d) && drafts.$draftState.get().kind !== 'saved') return;
      drafts.save(d);
    });
  }

  /** The link went out (copied, opened, packaged): the draft's work is done, so it is no longer kept. */
  function markShared(): void {
    shared = $draft.get();
    drafts.shared();
  }

  /** Throw the draft away and start a blank one. */
  function discard(): void {
    shared = { ...emptyDraft(newSeed()), assignmentKey: newAssignmentKey() };
    $draft.set(shared);
    $restoreNote.set('');
    drafts.discard();
  }

  /** Add the unlocked assessment pool's items to the bank. */
  function addPool(entries: BankData['questions']): void {
    const bank = $bank.get();
    if (!bank) return;
    const have = new Set(bank.questions.map((q) => q.id));
    $bank.set({ ...bank, questions: [...bank.questions, ...entries.filter((e) => !have.has(e.id))] });
    $secretIds.set(new Set(entries.map((e) => e.id)));
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

  /** Where the site is: the page's origin and base path (`location.origin` + `BASE_URL`). */
  const setSite = (site: string): void => $site.set(site);

  return {
    $bank: $bank as ReadableAtom<BankData | null>,
    $loadError: $loadError as ReadableAtom<string>,
    $draft,
    $questions,
    $groups,
    $filtered,
    $selected,
    $restoreNote: $restoreNote as ReadableAtom<string>,
    $draftState: drafts.$draftState as ReadableAtom<DraftState>,
    markShared,
    discard,
    addPool,
    $secretIds: $secretIds as ReadableAtom<ReadonlySet<string>>,
    $assignmentKey,
    $problems,
    $built,
    $spec,
    $links,
    $worksheet,
    setSite,
    loadBank,
    setField,
    togglePicks,
    toggleLesson,
  };
}

export type BuilderStore = ReturnType<typeof createBuilderStore>;

/** The builder page's store. */
export const builderStore: BuilderStore = createBuilderStore();
