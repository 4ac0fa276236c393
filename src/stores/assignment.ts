/**
 * A student's assignment page as a store: the assignment from the link, its questions, and the
 * student's work, kept in localStorage through the safe storage engine (src/stores/storage.ts:
 * when storage is full or blocked the work stays in memory and `$storageStatus` says so).
 *
 * Data flow: `openAssignment` decodes the link and fetches the questions it needs → the student
 * starts (`begin`) or resumes → every action (`setResponse`, `checkAnswer`, `extend`, `handIn`) is
 * a pure update from src/lib/assign/session.ts, then saved. Reading back goes through
 * `restoreSession`, which keeps no more than the page could have given: extensions replayed against
 * the page's rules, and every checked answer checked and locked as its lock record says (a second
 * key, written when the answer is checked and never cleared here), whatever the session says.
 *
 * Storage keys (per assignment id and student key, see session.ts):
 * `eoc:assignment:<id>:<student>` the session · `…:<student>:locks` the checked answers ·
 * `eoc:assignment:<id>:last` who last worked here, for resuming.
 *
 * No zod here: this is the student's page (src/lib/assign/core.test.ts checks).
 */
import { atom, type ReadableAtom } from 'nanostores';
import type { PersistentStore } from '@nanostores/persistent';
import type { Question, Response } from '../questions/index.ts';
import { decodeSpecLite, specFingerprint } from '../lib/assign/core.ts';
import type { AssignmentSpec } from '../lib/assign/spec.ts';
import type { BankData } from '../lib/assign/bank-data.ts';
import {
  MAX_EXTENSIONS,
  addLock,
  canStartAttempt,
  extensionMinutes,
  lastStudentStorageKey,
  locksStorageKey,
  newSession,
  openAttempt,
  restoreLocks,
  restoreSession,
  renameSessionIds,
  sessionStorageKey,
  studentDetailsProblems,
  studentKeyOf,
  submitAttempt,
  type AssignmentSession,
  type SessionAttempt,
} from '../lib/assign/session.ts';
import { now } from '../lib/clock.ts';
import { readJson } from '../lib/read-json.ts';
import { safeStorage } from './storage.ts';
import { loadAssignmentBank } from './load-bank.ts';
import { PUBLIC_BANK_PATHS, type BankPaths } from '../lib/assign/bank-split.ts';
import { isKeyless, openRelease, splitFragment } from '../lib/secret/release.ts';

/** A question of the assignment, with what its card needs. */
export type AssignmentEntry = {
  question: Question;
  hash: string;
  source: string;
  /** Authored option handle → published id, when the question has handles (src/questions/ids.ts). */
  renamed?: Record<string, string>;
};

export interface AssignmentPage {
  status: 'loading' | 'error' | 'ready';
  /** Why the assignment cannot be opened (status `error`). */
  error: string;
  spec: AssignmentSpec | null;
  /** The assignment's questions by id. */
  entries: ReadonlyMap<string, AssignmentEntry>;
  /** `specFingerprint` over the questions the student is shown. */
  fingerprint: string;
  /** The student's key (empty before they start). */
  studentKey: string;
  session: AssignmentSession | null;
  /** "Resumed your saved answers." and the like. */
  notice: string;
  /**
   * Whether the page holds no key (review "after due" or "never", issue 12): its questions are
   * public ones (src/questions/publics.ts) and nothing is graded here.
   */
  keyless: boolean;
  /**
   * A release link (src/lib/secret/release.ts): `wait` before the due date, `open` with the full
   * questions once opened, `error` with a sentence saying what is wrong. `none` for other links.
   * A release link starts no attempt.
   */
  release:
    | { state: 'none' | 'wait' }
    | { state: 'open'; entries: ReadonlyMap<string, AssignmentEntry> }
    | { state: 'error'; error: string };
}

const INITIAL: AssignmentPage = {
  status: 'loading',
  error: '',
  spec: null,
  entries: new Map(),
  fingerprint: '',
  studentKey: '',
  session: null,
  notice: '',
  keyless: false,
  release: { state: 'none' },
};

const RESUMED = 'Resumed your saved answers.';

export interface AssignmentStoreOptions {
  /** The questions for an assignment (default: fetched from the site under `base`). */
  loadBank?: (base: string, ids: readonly string[], paths?: BankPaths) => Promise<BankData | null>;
  /** ISO time now (default: the app clock). */
  clock?: () => number;
}

/** Build the store over `storage` (the engine, or a test's plain object). */
export function createAssignmentStore(storage: PersistentStore, options: AssignmentStoreOptions = {}) {
  const load = options.loadBank ?? loadAssignmentBank;
  const clock = options.clock ?? now;
  const $page = atom<AssignmentPage>(INITIAL);
  const iso = (): string => new Date(clock()).toISOString();

  const read = (key: string): unknown => {
    try {
      const raw = storage[key];
      // Limits before any recursive read of what storage holds (a session is about 6 deep).
      const result = raw === undefined ? undefined : readJson(raw, { maxChars: 2_000_000, maxDepth: 32 });
      return result?.ok ? result.value : undefined;
    } catch {
      return undefined;
    }
  };
  const write = (key: string, value: unknown): void => {
    try {
      storage[key] = typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      // The safe engine keeps it in memory and flips $storageStatus; a test object never throws.
    }
  };

  /** The saved session, with answers saved under authored option handles carried over to the published ids. */
  function restore(
    spec: AssignmentSpec,
    studentKey: string,
    entries: ReadonlyMap<string, AssignmentEntry>,
  ): AssignmentSession | null {
    const locks = restoreLocks(read(locksStorageKey(spec.id, studentKey)), spec);
    const restored = restoreSession(read(sessionStorageKey(spec.id, studentKey)), spec, locks);
    return restored && renameSessionIds(restored, (id) => entries.get(id)?.renamed);
  }

  function update(change: Partial<AssignmentPage>): void {
    $page.set({ ...$page.get(), ...change });
  }

  /** Save the session, and remember who is working here. */
  function save(session: AssignmentSession, notice = $page.get().notice): void {
    const { spec, studentKey } = $page.get();
    if (!spec || !studentKey) return;
    write(sessionStorageKey(spec.id, studentKey), session);
    write(lastStudentStorageKey(spec.id), studentKey);
    update({ session, notice });
  }

  /** Replace the open attempt with `change(attempt)` and save. */
  function changeOpenAttempt(change: (attempt: SessionAttempt) => SessionAttempt | null): void {
    const { session } = $page.get();
    const attempt = session ? openAttempt(session) : undefined;
    if (!session || !attempt) return;
    const next = change(attempt);
    if (!next) return;
    save({ ...session, attempts: session.attempts.map((a) => (a === attempt ? next : a)) });
  }

  /** Decode the link in `hash`, fetch its questions, and resume the last student here. */
  async function openAssignment(base: string, hash: string): Promise<void> {
    const decoded = decodeSpecLite(hash);
    if (!decoded.ok) {
      update({
        status: 'error',
        error: hash
          ? decoded.error
          : 'This page needs an assignment link: the address should end with "#" and a code. Ask your teacher for the link.',
      });
      return;
    }
    const spec = decoded.spec;
    const keyless = isKeyless(spec);
    // A keyless assignment reads the public bank: prompts and options, never a key.
    const bank = await load(base, spec.questions, keyless ? PUBLIC_BANK_PATHS : undefined);
    if (!bank) {
      update({
        status: 'error',
        error:
          'The questions could not be loaded. Check your connection and reload the page; your saved answers are kept.',
      });
      return;
    }
    const byId = new Map(bank.questions.map((q) => [q.id, q]));
    const missing = spec.questions.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      update({
        status: 'error',
        error: `This assignment includes ${missing.length === 1 ? 'a question' : 'questions'} the course no longer has (${missing.join(', ')}). Ask your teacher for a new link.`,
      });
      return;
    }
    const entries = new Map(spec.questions.map((id) => [id, byId.get(id) as AssignmentEntry]));
    const fingerprint = specFingerprint(spec, Object.fromEntries(bank.questions.map((q) => [q.id, q.hash])));
    const parts = splitFragment(hash);
    const release: AssignmentPage['release'] =
      keyless && parts.key !== undefined
        ? await openReleased(base, spec, parts.sealed, parts.key)
        : { state: 'none' };
    const last = storage[lastStudentStorageKey(spec.id)];
    const resumed = last ? restore(spec, last, entries) : null;
    update({
      status: 'ready',
      spec,
      entries,
      fingerprint,
      keyless,
      release,
      ...(last && resumed ? { studentKey: last, session: resumed, notice: RESUMED } : {}),
    });
  }

  /** A release link: after the due date, the sealed questions and the practice ones (keyed). */
  async function openReleased(
    base: string,
    spec: AssignmentSpec,
    sealed: string | undefined,
    key: string,
  ): Promise<AssignmentPage['release']> {
    if (spec.review !== 'after-due' || spec.due === undefined || clock() <= Date.parse(spec.due)) {
      return { state: 'wait' };
    }
    const opened = await openRelease(spec, sealed, key);
    if (!opened.ok) return { state: 'error', error: opened.error };
    const secret = new Map(opened.questions.map((e) => [e.id, e]));
    const practiceIds = spec.questions.filter((id) => !secret.has(id));
    const practice = practiceIds.length > 0 ? await load(base, practiceIds) : null;
    if (practiceIds.length > 0 && !practice) {
      return {
        state: 'error',
        error: 'The answers could not be loaded. Check your connection and reload the page.',
      };
    }
    const byId = new Map<string, AssignmentEntry>([
      ...(practice?.questions ?? []).map((e) => [e.id, e] as const),
      ...secret,
    ]);
    if (!spec.questions.every((id) => byId.has(id))) {
      return {
        state: 'error',
        error:
          'This release link does not hold the answers to every question of the assignment: ask your teacher.',
      };
    }
    return { state: 'open', entries: byId };
  }

  /** Whether the link is a release link (it shows the review and starts no attempt). */
  const isRelease = (): boolean => $page.get().release.state !== 'none';

  /**
   * Start (or resume) as the student with this name and id. Returns what is wrong with them
   * (empty when the student has started).
   */
  function begin(name: string, id: string): { name?: string; id?: string } {
    const { spec } = $page.get();
    if (!spec) return {};
    const problems = studentDetailsProblems(spec, name, id);
    if (problems.name || problems.id) return problems;
    const student = { name: name.trim(), id: id.trim() || undefined };
    const studentKey = studentKeyOf(student);
    update({ studentKey });
    const saved = restore(spec, studentKey, $page.get().entries);
    if (saved) save(saved, RESUMED);
    else if (isRelease()) {
      update({
        studentKey: '',
        notice:
          'No answers of yours to this assignment are saved in this browser: open the release link where you took it, and type your name the same way.',
      });
    } else {
      save(newSession(student), '');
      startAttempt();
    }
    return {};
  }

  /** Open the next attempt, when one is left. */
  function startAttempt(): void {
    const { spec, session } = $page.get();
    if (!spec || !session || !canStartAttempt(session, spec) || isRelease()) return;
    const attempt: SessionAttempt = { startedAt: iso(), responses: {}, checked: [], extensions: [] };
    save({ ...session, attempts: [...session.attempts, attempt] }, '');
  }

  /** Someone else takes it in this browser: forget who was here (their work stays saved). */
  function switchStudent(): void {
    const { spec } = $page.get();
    if (spec) {
      try {
        delete storage[lastStudentStorageKey(spec.id)];
      } catch {
        // Nothing to forget.
      }
    }
    update({ session: null, studentKey: '', notice: '' });
  }

  function setResponse(questionId: string, response: Response | undefined): void {
    changeOpenAttempt((attempt) => {
      if (attempt.checked.includes(questionId)) return null; // locked
      const responses = { ...attempt.responses };
      if (response === undefined) delete responses[questionId];
      else responses[questionId] = response;
      return { ...attempt, responses };
    });
  }

  /** "Check answer" (review "immediate"): record the answer, lock it, and write its lock record. */
  function checkAnswer(questionId: string, response: Response): void {
    const { spec, studentKey } = $page.get();
    if (!spec || spec.review !== 'immediate') return;
    changeOpenAttempt((attempt) => {
      if (attempt.checked.includes(questionId)) return null;
      const key = locksStorageKey(spec.id, studentKey);
      // Read, add, write: a lock already there (another tab) is never dropped or moved.
      write(key, addLock(restoreLocks(read(key), spec), attempt, questionId, response));
      return {
        ...attempt,
        responses: { ...attempt.responses, [questionId]: response },
        checked: [...attempt.checked, questionId],
      };
    });
  }

  /** "I need more time": the minutes added, or null when none can be. */
  function extend(): number | null {
    const { spec } = $page.get();
    if (!spec || spec.timeLimit === undefined) return null;
    const minutes = extensionMinutes(spec);
    let granted: number | null = null;
    changeOpenAttempt((attempt) => {
      if (attempt.extensions.length >= MAX_EXTENSIONS) return null;
      granted = minutes;
      return { ...attempt, extensions: [...attempt.extensions, { at: iso(), minutes }] };
    });
    return granted;
  }

  /**
   * Hand in the open attempt (`timedOut` when the time limit did it). `fill` gives responses to add
   * for questions left untouched (an ordering nobody moved is answered by the order on screen).
   */
  function handIn(timedOut: boolean, fill: Record<string, unknown> = {}): void {
    const { session } = $page.get();
    const attempt = session ? openAttempt(session) : undefined;
    if (!session || !attempt) return;
    const responses = { ...fill, ...attempt.responses };
    const filled = {
      ...session,
      attempts: session.attempts.map((a) => (a === attempt ? { ...a, responses } : a)),
    };
    save(
      submitAttempt(filled, iso(), timedOut),
      timedOut
        ? 'Time is up: your answers were handed in. Download your submission file below and send it to your teacher.'
        : '',
    );
  }

  return {
    $page: $page as ReadableAtom<AssignmentPage>,
    openAssignment,
    begin,
    startAttempt,
    switchStudent,
    setResponse,
    checkAnswer,
    extend,
    handIn,
  };
}

export type AssignmentStore = ReturnType<typeof createAssignmentStore>;

/** The page's store, over the app's storage engine. */
export const assignmentStore: AssignmentStore = createAssignmentStore(safeStorage);
