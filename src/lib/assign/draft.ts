/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * The assignment builder's draft: everything the instructor has chosen (how questions are picked,
 * the picks, the filters, the rules), as the builder keeps it in the browser until the link is
 * shared or the draft discarded (`src/stores/assign-draft.ts`). `decodeDraft` is total: it never
 * throws, and keeps every field it can read — a field it cannot read falls back to its blank value,
 * and the caller is told so it can keep the stored text as a backup.
 *
 * With the choices goes the assignment's key (issue 12), so that a draft's release link stays the
 * same across a reload; it is not a choice, so a draft holding only a key is still blank.
 */
import { STUDENT_ID_KINDS, type ReviewPolicy, type StudentIdKind } from './core.ts';
import type { SelectionMode } from './builder.ts';
import { NO_FILTER, type BankFilter } from '../instructor/filter.ts';

export interface BuilderDraft {
  v: 1;
  mode: SelectionMode;
  picked: string[];
  lessons: string[];
  filter: BankFilter;
  /** As typed. */
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
  /** '' = the student id is optional. */
  studentId: '' | StudentIdKind;
  /** The assignment key (43 base64url characters) its release link carries, or '' (none made yet). */
  assignmentKey: string;
  /** When it was last changed (ms since the epoch). */
  savedAt: number;
}

/** A new draft: nothing chosen, the builder's default rules. */
export function blankDraft(seed: string): BuilderDraft {
  return {
    v: 1,
    mode: 'pick',
    picked: [],
    lessons: [],
    filter: { ...NO_FILTER },
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
    assignmentKey: '',
    savedAt: 0,
  };
}

/** Whether the instructor has chosen anything yet (the seed, the key and the time do not count). */
export function isBlank(draft: BuilderDraft): boolean {
  const blank = blankDraft(draft.seed);
  return sameDraft({ ...draft, assignmentKey: '', savedAt: 0 }, blank);
}

/** Whether two drafts hold the same choices (the time they were saved aside). */
export function sameDraft(a: BuilderDraft, b: BuilderDraft): boolean {
  return encodeDraft({ ...a, savedAt: 0 }) === encodeDraft({ ...b, savedAt: 0 });
}

export function encodeDraft(draft: BuilderDraft): string {
  return JSON.stringify(draft);
}

const MODES: readonly SelectionMode[] = ['pick', 'lessons', 'draw'];
const REVIEWS: readonly ReviewPolicy[] = ['immediate', 'after-due', 'never'];
const MAX_CHARS = 1_000_000;
/** An assignment key: 32 bytes in base64url (src/lib/secret/crypto.ts). */
const KEY = /^[A-Za-z0-9_-]{43}$/;

/**
 * The stored text as a draft. `draft` is null when there is none to restore (nothing stored, or
 * not a draft at all); `damaged` is true when the text was there but not all of it could be read
 * (keep it as a backup before overwriting it).
 */
export function decodeDraft(raw: string | null | undefined): {
  draft: BuilderDraft | null;
  damaged: boolean;
} {
  if (raw === null || raw === undefined || raw === '') return { draft: null, damaged: false };
  let value: unknown;
  try {
    value = raw.length > MAX_CHARS ? undefined : JSON.parse(raw);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== 1) {
    return { draft: null, damaged: true };
  }
  const v = value as Record<string, unknown>;
  let damaged = false;
  const pick = <T>(key: string, ok: (x: unknown) => x is T, fallback: T): T => {
    if (!(key in v)) return fallback;
    if (ok(v[key])) return v[key];
    damaged = true;
    return fallback;
  };
  const isString = (x: unknown): x is string => typeof x === 'string';
  const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
  const isIds = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
  const blank = blankDraft(pick('seed', isString, ''));
  const rawFilter = pick(
    'filter',
    (x): x is Record<string, unknown> => typeof x === 'object' && x !== null,
    {},
  );
  const filter = { ...NO_FILTER };
  for (const key of Object.keys(NO_FILTER) as (keyof BankFilter)[]) {
    const f = rawFilter[key];
    if (f === undefined) continue;
    if (
      typeof f === 'string' &&
      (key !== 'status' || ['', 'final', 'draft'].includes(f)) &&
      (key !== 'pool' || ['', 'practice', 'assessment'].includes(f))
    ) {
      (filter as Record<string, string>)[key] = f;
    } else damaged = true;
  }
  const draft: BuilderDraft = {
    v: 1,
    mode: pick('mode', (x): x is SelectionMode => MODES.includes(x as SelectionMode), blank.mode),
    picked: [...new Set(pick('picked', isIds, blank.picked))],
    lessons: [...new Set(pick('lessons', isIds, blank.lessons))],
    filter,
    count: pick('count', isString, blank.count),
    seed: blank.seed,
    title: pick('title', isString, blank.title),
    attempts: pick('attempts', isString, blank.attempts),
    timeLimit: pick('timeLimit', isString, blank.timeLimit),
    opensDate: pick('opensDate', isString, blank.opensDate),
    opensTime: pick('opensTime', isString, blank.opensTime),
    dueDate: pick('dueDate', isString, blank.dueDate),
    dueTime: pick('dueTime', isString, blank.dueTime),
    shuffleQuestions: pick('shuffleQuestions', isBool, blank.shuffleQuestions),
    shuffleOptions: pick('shuffleOptions', isBool, blank.shuffleOptions),
    review: pick('review', (x): x is ReviewPolicy => REVIEWS.includes(x as ReviewPolicy), blank.review),
    studentId: pick(
      'studentId',
      (x): x is BuilderDraft['studentId'] => x === '' || STUDENT_ID_KINDS.includes(x as StudentIdKind),
      blank.studentId,
    ),
    assignmentKey: pick(
      'assignmentKey',
      (x): x is string => typeof x === 'string' && (x === '' || KEY.test(x)),
      '',
    ),
    savedAt: pick('savedAt', (x): x is number => typeof x === 'number' && Number.isFinite(x), 0),
  };
  return { draft, damaged };
}

/** Picks that are no longer in the bank (a question was removed since the draft was saved). */
export function missingPicks(draft: BuilderDraft, bankIds: ReadonlySet<string>): string[] {
  return draft.picked.filter((id) => !bankIds.has(id));
}
