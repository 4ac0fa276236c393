import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../lib/export/fixtures.ts';
import { fixtureBank } from './fixtures.ts';
import { createBuilderStore } from './builder.ts';

const { bank } = fixtureBank();

describe('the builder store', () => {
  it('keeps the draft as plain JSON and builds the link once the form is complete', async () => {
    const store = createBuilderStore({ loadBank: async () => bank });
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
    const store = createBuilderStore({ loadBank: async () => bank });
    await store.loadBank('/');
    store.setField('mode', 'lessons');
    store.toggleLesson(FIXTURES[0]?.lesson as string, true);
    store.setField('typeFilter', 'numeric');
    expect(store.$selected.get()).toEqual(['fx-numeric-rel', 'fx-numeric-abs', 'fx-numeric-exact']);
    store.setField('attempts', '0');
    expect(store.$problems.get().attempts).toMatch(/whole number from 1 to 100/);
    expect(store.$built.get()).toBeNull();
  });

  it('says when the bank cannot be loaded', async () => {
    const store = createBuilderStore({ loadBank: async () => null });
    await store.loadBank('/');
    expect(store.$loadError.get()).toMatch(/could not be loaded/);
  });
});
