/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * The assignment builder's form logic, apart from its page: which questions a choice selects, and
 * what is wrong with the settings, one message per field, in words a teacher acts on. The final
 * check is still `buildSpec` (with the schema); these messages come first so the form can show
 * them next to the field concerned.
 */
import { filterItems, type BankFilter, type FilterItem } from '../instructor/filter.ts';
import type { BankData } from './bank-data.ts';
import type { ReviewPolicy } from './core.ts';

export type SelectionMode = 'pick' | 'lessons' | 'draw';

export interface Selection {
  mode: SelectionMode;
  /** Picked question ids (mode `pick`). */
  picked: ReadonlySet<string>;
  /** Chosen lesson ids (mode `lessons`). */
  lessons: ReadonlySet<string>;
  /** The questions to keep (modes `lessons` and `draw`), as on /instructor/. */
  filter: BankFilter;
}

/** The bank's questions as the shared filters see them, all final: practice items, and the unlocked pool's. */
export function bankFilterItems(
  bank: Pick<BankData, 'questions' | 'lessons'>,
  /** Ids of the unlocked assessment pool's items. */
  secret: ReadonlySet<string> = new Set(),
): FilterItem[] {
  const moduleOf = new Map(bank.lessons.map((l) => [l.id, l.module]));
  return bank.questions.map(({ question: q }) => ({
    id: q.id,
    lesson: q.lesson,
    module: moduleOf.get(q.lesson) ?? null,
    type: q.type,
    bloom: q.bloom,
    objective: q.objective,
    status: 'final',
    pool: secret.has(q.id) ? 'assessment' : 'practice',
    text: `${q.id} ${q.prompt} ${q.explanation} ${q.evidence.quote}`,
  }));
}

/**
 * The question ids a selection stands for, in bank order: the picked ones (filters only hide
 * questions from the list, they never drop a pick), the filtered questions of the chosen lessons,
 * or — for `draw` — the filtered pool that `buildSpec` draws from.
 */
export function selectedIds(items: readonly FilterItem[], selection: Selection): string[] {
  switch (selection.mode) {
    case 'pick':
      return items.filter((q) => selection.picked.has(q.id)).map((q) => q.id);
    case 'lessons':
      return filterItems(
        items.filter((q) => selection.lessons.has(q.lesson)),
        selection.filter,
      ).map((q) => q.id);
    case 'draw':
      return filterItems(items, selection.filter).map((q) => q.id);
  }
}

export interface SettingsForm {
  title: string;
  /** As typed. */
  attempts: string;
  /** Minutes as typed; blank = no limit. */
  timeLimit: string;
  /** Per-module count as typed (mode `draw`). */
  count: string;
  mode: SelectionMode;
  /** ISO date-times, or undefined when blank. Invalid input is `null`. */
  opensAt: string | null | undefined;
  due: string | null | undefined;
  review: ReviewPolicy;
  /** How many questions the selection holds. */
  selected: number;
}

export type SettingsField =
  'title' | 'attempts' | 'timeLimit' | 'count' | 'opensAt' | 'due' | 'review' | 'questions';

const wholeNumber = (text: string, min: number, max: number): boolean =>
  /^\s*\d+\s*$/.test(text) && Number(text) >= min && Number(text) <= max;

/** What is wrong with the form, by field; empty when a spec can be built. */
export function settingsProblems(form: SettingsForm): Partial<Record<SettingsField, string>> {
  const problems: Partial<Record<SettingsField, string>> = {};
  if (!/\S/.test(form.title)) problems.title = 'Give the assignment a title: students see it at the top.';
  else if (form.title.length > 200) problems.title = 'Keep the title under 200 characters.';
  if (!wholeNumber(form.attempts, 1, 100))
    problems.attempts = 'Attempts must be a whole number from 1 to 100.';
  if (form.timeLimit.trim() !== '' && !wholeNumber(form.timeLimit, 1, 10_080)) {
    problems.timeLimit =
      'The time limit must be a whole number of minutes from 1 to 10080 (a week), or blank for none.';
  }
  if (form.mode === 'draw' && !wholeNumber(form.count, 1, 500)) {
    problems.count = 'Draw a whole number of questions per module, from 1 to 500.';
  }
  if (form.opensAt === null)
    problems.opensAt = 'Enter both a date and a time for the opening, or leave both blank.';
  if (form.due === null) problems.due = 'Enter both a date and a time for the due date, or leave both blank.';
  else if (form.due && form.opensAt && Date.parse(form.due) <= Date.parse(form.opensAt)) {
    problems.due = 'The due date must be after the opening date.';
  }
  if (form.review === 'after-due' && !form.due) {
    problems.review = '"After the due date" needs a due date: set one above, or choose another option.';
  }
  if (form.selected === 0) {
    problems.questions =
      form.mode === 'pick'
        ? 'Pick at least one question.'
        : form.mode === 'lessons'
          ? 'Choose at least one lesson with questions that pass the filters.'
          : 'No question passes the filters: widen them.';
  } else if (form.selected > 500) {
    problems.questions = `An assignment holds at most 500 questions; this selection has ${form.selected}.`;
  }
  return problems;
}

/**
 * A date and a time from the form's inputs (local time) → ISO, `undefined` when both are blank,
 * `null` when only one is given or they do not make a date. Uses the browser's time zone, which is
 * what the teacher means by "Friday 17:00".
 */
export function localDateTime(date: string, time: string): string | null | undefined {
  if (date.trim() === '' && time.trim() === '') return undefined;
  if (!/^\d{4}-\d\d-\d\d$/.test(date) || !/^\d\d:\d\d$/.test(time)) return null;
  const ms = new Date(`${date}T${time}`).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
