import { describe, expect, it } from 'vitest';
import type { PersistentStore } from '@nanostores/persistent';
import { fixtureBank } from './fixtures.ts';
import { encodeSpec, withId } from '../lib/assign/spec.ts';
import {
  locksStorageKey,
  sessionStorageKey,
  sessionSubmission,
  studentKeyOf,
} from '../lib/assign/session.ts';
import { createAssignmentStore } from './assignment.ts';

const { questions, bank } = fixtureBank(['fx-single', 'fx-truefalse']);
const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const spec = (extra = {}) =>
  withId({
    v: 1,
    title: 'Week 1',
    questions: questions.map((q) => q.id),
    seed: 's',
    attempts: 2,
    timeLimit: 20,
    shuffleQuestions: false,
    shuffleOptions: false,
    review: 'immediate',
    ...extra,
  });

/** A page load over `storage`: the store, opened on `s`'s link, with a clock the test moves. */
async function load(storage: PersistentStore, s = spec(), clock = { now: T0 }) {
  const store = createAssignmentStore(storage, { loadBank: async () => bank, clock: () => clock.now });
  await store.openAssignment('/', `#${encodeSpec(s)}`);
  return store;
}

describe('the assignment store', () => {
  it('says why a link cannot be opened, or a question is gone', async () => {
    const storage: PersistentStore = {};
    const broken = createAssignmentStore(storage, { loadBank: async () => bank });
    await broken.openAssignment('/', '#garbled');
    expect(broken.$page.get()).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/cannot be read/),
    });
    const gone = createAssignmentStore(storage, {
      loadBank: async () => ({ ...bank, questions: bank.questions.slice(1) }),
    });
    await gone.openAssignment('/', `#${encodeSpec(spec())}`);
    expect(gone.$page.get().error).toMatch(/the course no longer has \(fx-single\)/);
  });

  it('asks for what the assignment requires before starting', async () => {
    const store = await load({}, spec({ studentId: 'email' }));
    expect(store.begin(' ', '')).toEqual({
      name: expect.stringMatching(/^Enter your name/),
      id: expect.stringMatching(/^Enter the email address/),
    });
    expect(store.begin('Ana', 'ana@school.org')).toEqual({});
    expect(store.$page.get().session?.student).toEqual({ name: 'Ana', id: 'ana@school.org' });
  });

  it('saves every change, and a reload resumes the same student', async () => {
    const storage: PersistentStore = {};
    const first = await load(storage);
    first.begin('Ana Lopez', '');
    first.setResponse('fx-single', 'b');
    const key = sessionStorageKey(spec().id, studentKeyOf({ name: 'Ana Lopez' }));
    expect(JSON.parse(storage[key] as string).attempts[0].responses).toEqual({ 'fx-single': 'b' });
    const again = await load(storage);
    expect(again.$page.get()).toMatchObject({
      notice: 'Resumed your saved answers.',
      session: { student: { name: 'Ana Lopez' } },
    });
  });

  it('a checked answer stays locked and stays as checked, whatever the session in storage says', async () => {
    const storage: PersistentStore = {};
    const store = await load(storage);
    store.begin('Ana', '');
    store.checkAnswer('fx-single', 'b');
    store.setResponse('fx-single', 'a'); // locked: ignored
    expect(store.$page.get().session?.attempts[0]?.responses['fx-single']).toBe('b');
    const key = sessionStorageKey(spec().id, studentKeyOf({ name: 'Ana' }));
    expect(storage[locksStorageKey(spec().id, studentKeyOf({ name: 'Ana' }))]).toBeDefined();
    // The student empties `checked` and changes the answer in the developer tools, then reloads.
    const edited = JSON.parse(storage[key] as string);
    edited.attempts[0].checked = [];
    edited.attempts[0].responses['fx-single'] = 'a';
    storage[key] = JSON.stringify(edited);
    const reloaded = (await load(storage)).$page.get().session?.attempts[0];
    expect(reloaded).toMatchObject({ checked: ['fx-single'], responses: { 'fx-single': 'b' } });
  });

  it('"I need more time" grants what the page allows, and an edited extension comes back clamped', async () => {
    const storage: PersistentStore = {};
    const clock = { now: T0 };
    const store = await load(storage, spec(), clock);
    store.begin('Ana', '');
    clock.now = T0 + 19 * 60_000;
    expect(store.extend()).toBe(10);
    const key = sessionStorageKey(spec().id, studentKeyOf({ name: 'Ana' }));
    const edited = JSON.parse(storage[key] as string);
    edited.attempts[0].extensions[0].minutes = 525_600;
    storage[key] = JSON.stringify(edited);
    const reloaded = await load(storage, spec(), clock);
    expect(reloaded.$page.get().session?.attempts[0]?.extensions).toEqual([
      { at: new Date(clock.now).toISOString(), minutes: 10 },
    ]);
  });

  it('hands in with the defaults filled, seals a submission, and opens the next attempt on request', async () => {
    const storage: PersistentStore = {};
    const clock = { now: T0 };
    const store = await load(storage, spec({ due: '2026-03-02T10:30:00.000Z' }), clock);
    store.begin('Ana', '');
    clock.now = T0 + 40 * 60_000;
    store.handIn(true, { 'fx-truefalse': true });
    const page = store.$page.get();
    expect(page.notice).toMatch(/^Time is up/);
    const sealed = sessionSubmission(
      page.spec as NonNullable<typeof page.spec>,
      page.fingerprint,
      page.session as NonNullable<typeof page.session>,
    );
    expect(sealed?.attempts[0]?.responses).toEqual({ 'fx-truefalse': true });
    expect(sealed?.late).toBe(true);
    store.startAttempt();
    expect(store.$page.get().session?.attempts).toHaveLength(2);
    store.switchStudent();
    expect(store.$page.get().session).toBeNull();
  });
});
