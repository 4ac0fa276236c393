import { afterEach, describe, expect, it } from 'vitest';
import type { PersistentStore } from '@nanostores/persistent';
import { resetClock, setClock } from '../lib/clock.ts';
import { blankDraft, encodeDraft } from '../lib/assign/draft.ts';
import { ASSIGN_DRAFT_BACKUP_PREFIX, ASSIGN_DRAFT_KEY, createAssignDraftStore } from './assign-draft.ts';

afterEach(() => resetClock());

describe('the assignment draft store', () => {
  it('keeps a saved draft for the next visit, stamped with the time', () => {
    const engine: PersistentStore = {};
    setClock(() => 1_000);
    createAssignDraftStore(engine).save({ ...blankDraft('s'), title: 'Week 1', picked: ['q1'] });
    const next = createAssignDraftStore(engine);
    expect(next.restore()).toEqual({
      draft: { ...blankDraft('s'), title: 'Week 1', picked: ['q1'], savedAt: 1_000 },
      damaged: false,
    });
    expect(next.$draftState.get()).toEqual({ kind: 'saved', at: 1_000 });
  });

  it.each(['shared', 'discard'] as const)('keeps nothing once %s', (action) => {
    const engine: PersistentStore = {};
    const store = createAssignDraftStore(engine);
    store.save({ ...blankDraft('s'), title: 'Week 1' });
    store[action]();
    expect(engine[ASSIGN_DRAFT_KEY]).toBeUndefined();
    expect(createAssignDraftStore(engine).restore().draft).toBeNull();
    expect(store.$draftState.get().kind).toBe(action === 'shared' ? 'shared' : 'discarded');
  });

  it('backs up a stored draft it cannot read whole before anything overwrites it', () => {
    setClock(() => 42);
    const raw = encodeDraft({ ...blankDraft('s'), title: 'Kept' }).replace('"immediate"', '"sometimes"');
    const engine: PersistentStore = { [ASSIGN_DRAFT_KEY]: raw };
    const store = createAssignDraftStore(engine);
    expect(store.restore()).toMatchObject({ draft: { title: 'Kept', review: 'immediate' }, damaged: true });
    expect(engine[`${ASSIGN_DRAFT_BACKUP_PREFIX}42`]).toBe(raw);
  });

  it('backs up text that is no draft at all, and restores nothing', () => {
    setClock(() => 7);
    const engine: PersistentStore = { [ASSIGN_DRAFT_KEY]: 'garbage' };
    expect(createAssignDraftStore(engine).restore()).toEqual({ draft: null, damaged: true });
    expect(engine[`${ASSIGN_DRAFT_BACKUP_PREFIX}7`]).toBe('garbage');
  });
});
