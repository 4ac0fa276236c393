import { describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../lib/export/fixtures.ts';
import { fixtureBank } from './fixtures.ts';
import { createBuilderStore } from './builder.ts';
import { createAssignDraftStore } from './assign-draft.ts';
import { NO_FILTER } from '../lib/instructor/filter.ts';
import { openRelease, splitFragment } from '../lib/secret/release.ts';

/** A store over its own storage, as a fresh browser. */
const fresh = (engine = {}) =>
  createBuilderStore({ loadBank: async () => bank, drafts: createAssignDraftStore(engine) });

const { bank } = fixtureBank();

describe('the builder store', () => {
  it('keeps the draft as plain JSON and builds the link once the form is complete', async () => {
    const store = fresh();
    await store.loadBank('/');
    expect(store.$draft.get().seed).toMatch(/^[0-9a-f]{10}$/);
    expect(store.$problems.get()).toMatchObject({ title: expect.any(String), questions: expect.any(String) });
    store.togglePicks(['fx-single', 'fx-text'], true);
    store.togglePicks(['fx-text'], false);
    store.setField('title', 'Week 1');
    store.setField('studentId', 'number');
    expect(store.$problems.get()).toEqual({});
    const built = store.$built.get();
    expect(built?.ok && built.spec).toMatchObject({
      title: 'Week 1',
      questions: ['fx-single'],
      studentId: 'number',
    });
    expect(JSON.parse(JSON.stringify(store.$draft.get()))).toEqual(store.$draft.get());
  });

  it('whole lessons with a type filter, and problems by field', async () => {
    const store = fresh();
    await store.loadBank('/');
    store.setField('mode', 'lessons');
    store.toggleLesson(FIXTURES[0]?.lesson as string, true);
    store.setField('filter', { ...NO_FILTER, type: 'numeric' });
    expect(store.$selected.get()).toEqual(['fx-numeric-rel', 'fx-numeric-abs', 'fx-numeric-exact']);
    store.setField('attempts', '0');
    expect(store.$problems.get().attempts).toMatch(/whole number from 1 to 100/);
    expect(store.$built.get()).toBeNull();
  });

  it('keeps the draft for the next visit until it is shared or discarded', async () => {
    const engine = {};
    const first = fresh(engine);
    await first.loadBank('/');
    first.togglePicks(['fx-single'], true);
    first.setField('title', 'Week 2');
    expect(first.$draftState.get().kind).toBe('saved');

    const second = fresh(engine);
    await second.loadBank('/');
    expect(second.$draft.get()).toMatchObject({ picked: ['fx-single'], title: 'Week 2' });
    expect(second.$restoreNote.get()).toMatch(/^Your draft from .* is back\.$/);
    second.markShared();
    expect(second.$draftState.get().kind).toBe('shared');
    const third = fresh(engine);
    await third.loadBank('/');
    expect(third.$draft.get().picked).toEqual([]);

    // A change after sharing is a new draft; discarding it keeps nothing and blanks the form.
    second.setField('title', 'Week 3');
    expect(fresh(engine).$draftState.get().kind).toBe('none');
    const fourth = fresh(engine);
    await fourth.loadBank('/');
    expect(fourth.$draft.get().title).toBe('Week 3');
    fourth.discard();
    expect(fourth.$draft.get()).toMatchObject({ title: '', picked: [] });
    const fifth = fresh(engine);
    await fifth.loadBank('/');
    expect(fifth.$draft.get().title).toBe('');
  });

  it('keeps the assignment key with the draft, so its release link survives a reload', async () => {
    const engine = {};
    const first = fresh(engine);
    await first.loadBank('/');
    const key = first.$assignmentKey.get();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    first.setField('title', 'Week 4');
    const second = fresh(engine);
    await second.loadBank('/');
    expect(second.$assignmentKey.get()).toBe(key);
    second.discard();
    expect(second.$assignmentKey.get()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.$assignmentKey.get()).not.toBe(key);
  });

  it('takes the unlocked pool into the bank, filters it as the pool, and refuses it immediate review', async () => {
    const { bank: poolBank } = fixtureBank(['fx-text']);
    const secret = poolBank.questions.map((e) => ({
      ...e,
      id: 'pool-1',
      question: { ...e.question, id: 'pool-1' },
    }));
    const store = fresh();
    await store.loadBank('/');
    store.addPool(secret);
    store.setField('filter', { ...NO_FILTER, pool: 'assessment' });
    expect(store.$filtered.get().shown).toBe(1);
    store.togglePicks(['pool-1'], true);
    store.setField('title', 'Final');
    expect(store.$problems.get().review).toMatch(
      /practice questions only: 1 chosen question is from the assessment pool/,
    );
    store.setField('review', 'never');
    expect(store.$problems.get()).toEqual({});
  });

  it('makes the share link on this site, and seals the pool into an "after due" link with its release link', async () => {
    const { bank: poolBank } = fixtureBank(['fx-text']);
    const store = fresh();
    await store.loadBank('/');
    store.addPool(
      poolBank.questions.map((e) => ({ ...e, id: 'pool-1', question: { ...e.question, id: 'pool-1' } })),
    );
    store.setSite('https://example.org/course/');
    store.togglePicks(['fx-single', 'pool-1'], true);
    store.setField('title', 'Final');
    store.setField('review', 'never');
    const never = store.$links.get();
    expect(never.link).toMatch(/^https:\/\/example\.org\/course\/assignment\/#[^.]+$/);
    expect(never.release).toBeNull();
    expect(store.$worksheet.get().map((item) => item.id)).toEqual(['fx-single', 'pool-1']);

    store.setField('dueDate', '2030-01-02');
    store.setField('dueTime', '09:00');
    store.setField('review', 'after-due');
    expect(store.$links.get()).toEqual({ link: '', release: null }); // sealing
    await vi.waitFor(() => expect(store.$links.get().link).not.toBe(''));
    const { link, release } = store.$links.get();
    expect(release).toBe(`${link}.${store.$assignmentKey.get()}`);
    const parts = splitFragment(release!);
    const opened = await openRelease(store.$spec.get()!, parts.sealed, parts.key!);
    expect(opened.ok && opened.questions.map((e) => e.id)).toEqual(['pool-1']);
  });

  it('says when the bank cannot be loaded', async () => {
    const store = createBuilderStore({ loadBank: async () => null });
    await store.loadBank('/');
    expect(store.$loadError.get()).toMatch(/could not be loaded/);
  });
});
