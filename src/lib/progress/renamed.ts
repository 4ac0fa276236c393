/**
 * Pure: no DOM, no framework, no zod.
 *
 * Carrying saved answers over to the published option ids (src/questions/ids.ts). Answers given
 * before options had opaque ids name them by their authored handles (`"a"`, `["a", "c"]`,
 * `{ "p1": "d2" }`). The build writes which handle became which id (`RENAMED_IDS_PATH`); the
 * progress store fetches that file once, in a browser that holds answers, and renames them
 * (`renameProgressIds`, `renameDrafts`). Only attempts made under the question's current content
 * hash are renamed: the handles of an older version may have named other options. Nothing is
 * dropped: an answer that uses no handle is kept as it is, and renaming twice changes nothing.
 */
import { renameIds } from '../../questions/ids.ts';
import type { Progress } from './schema.ts';

/** Site-relative path of the renames file. */
export const RENAMED_IDS_PATH = '/progress/renamed-ids.json';

/** The renames file: per question id, its current content hash and handle → published id. */
export interface RenamedIds {
  v: 1;
  questions: Record<string, { hash: string; renamed: Record<string, string> }>;
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');

/** The fetched JSON as `RenamedIds`, or undefined when it is not one (then nothing is renamed). */
export function readRenamedIds(value: unknown): RenamedIds | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const doc = value as { v?: unknown; questions?: unknown };
  if (doc.v !== 1 || typeof doc.questions !== 'object' || doc.questions === null) return undefined;
  const questions = Object.entries(doc.questions as Record<string, unknown>);
  const ok = questions.every(([, entry]) => {
    const e = entry as { hash?: unknown; renamed?: unknown } | null;
    return typeof e?.hash === 'string' && isStringRecord(e.renamed);
  });
  return ok ? (value as RenamedIds) : undefined;
}

/** The renames of `qid`, or undefined. */
function entryOf(table: RenamedIds, qid: string): RenamedIds['questions'][string] | undefined {
  return Object.hasOwn(table.questions, qid) ? table.questions[qid] : undefined;
}

/**
 * `state` with the responses of attempts under each question's current hash renamed to published
 * ids; the same object when nothing needed renaming (so the store writes nothing).
 */
export function renameProgressIds(state: Progress, table: RenamedIds): Progress {
  let changed = false;
  const questions: Progress['questions'] = {};
  for (const [qid, progress] of Object.entries(state.questions)) {
    const entry = entryOf(table, qid);
    if (!entry) {
      questions[qid] = progress;
      continue;
    }
    const attempts = progress.attempts.map((attempt) => {
      if (attempt.hash !== entry.hash) return attempt;
      const response = renameIds(attempt.response, entry.renamed);
      if (response === attempt.response) return attempt;
      changed = true;
      return { ...attempt, response: response as typeof attempt.response };
    });
    questions[qid] = { ...progress, attempts };
  }
  return changed ? { ...state, questions } : state;
}

/** The drafts (question id → saved half-answer) that hold handles, renamed; others are left out. */
export function renameDrafts(
  drafts: Readonly<Record<string, unknown>>,
  table: RenamedIds,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [qid, draft] of Object.entries(drafts)) {
    const entry = entryOf(table, qid);
    if (!entry || draft === undefined) continue;
    const renamed = renameIds(draft, entry.renamed);
    if (renamed !== draft) out[qid] = renamed;
  }
  return out;
}

/** Whether there is anything to rename: some attempt or draft at all. */
export function holdsAnswers(state: Progress, drafts: Readonly<Record<string, unknown>>): boolean {
  return (
    Object.values(state.questions).some((q) => q.attempts.length > 0) ||
    Object.values(drafts).some((d) => d !== undefined && d !== null)
  );
}
