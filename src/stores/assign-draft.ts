/**
 * The assignment builder's draft in this browser (`eoc:instructor:assign-draft`): written on every
 * change, read back when the builder opens, and removed when the instructor shares the link (copies
 * it, opens it, downloads the SCORM package) or discards the draft. A stored draft that cannot be
 * read whole is copied to `eoc:instructor:assign-draft:backup:<ms>` before anything overwrites it.
 * The encoding and its checks are pure (`src/lib/assign/draft.ts`); `$draftState` tells the page
 * what is kept.
 */
import { atom, type ReadableAtom } from 'nanostores';
import type { PersistentStore } from '@nanostores/persistent';
import { decodeDraft, encodeDraft, type BuilderDraft } from '../lib/assign/draft.ts';
import { now } from '../lib/clock.ts';
import { safeStorage } from './storage.ts';

export const ASSIGN_DRAFT_KEY = 'eoc:instructor:assign-draft';
export const ASSIGN_DRAFT_BACKUP_PREFIX = `${ASSIGN_DRAFT_KEY}:backup:`;

/** What this browser keeps: nothing yet, a draft saved at `at`, or nothing since it was shared or discarded. */
export type DraftState =
  { kind: 'none' } | { kind: 'saved'; at: number } | { kind: 'shared' } | { kind: 'discarded' };

export interface AssignDraftStore {
  $draftState: ReadableAtom<DraftState>;
  /** The stored draft, or null; `damaged` when part of it could not be read (a backup was kept). */
  restore(): { draft: BuilderDraft | null; damaged: boolean };
  /** Keep `draft` (stamped with the time). */
  save(draft: BuilderDraft): void;
  /** The link went out: keep nothing. */
  shared(): void;
  /** The instructor threw the draft away. */
  discard(): void;
}

export function createAssignDraftStore(engine: PersistentStore = safeStorage): AssignDraftStore {
  const $draftState = atom<DraftState>({ kind: 'none' });
  const clear = (kind: 'shared' | 'discarded') => {
    delete engine[ASSIGN_DRAFT_KEY];
    $draftState.set({ kind });
  };
  return {
    $draftState,
    restore() {
      const raw = engine[ASSIGN_DRAFT_KEY];
      const read = decodeDraft(raw);
      if (read.damaged && raw) engine[`${ASSIGN_DRAFT_BACKUP_PREFIX}${now()}`] = raw;
      if (read.draft) $draftState.set({ kind: 'saved', at: read.draft.savedAt });
      return read;
    },
    save(draft) {
      const at = now();
      engine[ASSIGN_DRAFT_KEY] = encodeDraft({ ...draft, savedAt: at });
      $draftState.set({ kind: 'saved', at });
    },
    shared: () => clear('shared'),
    discard: () => clear('discarded'),
  };
}

export const assignDraftStore: AssignDraftStore = createAssignDraftStore();
