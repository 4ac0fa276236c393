import { describe, expect, it } from 'vitest';
import type { PersistentStore } from '@nanostores/persistent';
import { fixtureBank } from './fixtures.ts';
import { encodeSpec, specFingerprint, withId } from '../lib/assign/spec.ts';
import { createSubmission, submissionToCode, submissionToJson } from '../lib/submission/submission.ts';
import { ITEM_STATS_KEY } from '../lib/stats/review.ts';
import { parseResult } from '../lib/gradebook/result.ts';
import { strFromU8, unzipSync } from 'fflate';
import { createGradebookStore, markingStorageKey, type FileLike } from './gradebook.ts';

const { questions, bank } = fixtureBank(['fx-single', 'fx-truefalse']);
const spec = withId({
  v: 1,
  title: 'Week 1',
  questions: questions.map((q) => q.id),
  seed: 's',
  attempts: 1,
  due: '2026-03-02T11:00:00.000Z',
  shuffleQuestions: false,
  shuffleOptions: false,
  review: 'after-due',
});
const fingerprint = specFingerprint(spec, { 'fx-single': 'h-fx-single', 'fx-truefalse': 'h-fx-truefalse' });
const submit = (name: string, minute: number, responses: Record<string, unknown>) =>
  createSubmission({
    spec,
    fingerprint,
    student: { name },
    attempts: [
      {
        startedAt: new Date(Date.parse('2026-03-02T10:00:00Z') + minute * 60_000).toISOString(),
        submittedAt: new Date(Date.parse('2026-03-02T10:10:00Z') + minute * 60_000).toISOString(),
        responses,
      },
    ],
  });
const file = (name: string, text: string, size = text.length): FileLike => ({
  name,
  size,
  text: async () => text,
});
const ana = submit('Ana', 0, { 'fx-single': 'a', 'fx-truefalse': false });
const ben = submit('Ben', 90, { 'fx-single': 'b' });

async function open(storage: PersistentStore = {}) {
  const store = createGradebookStore(storage, {
    loadBank: async () => bank,
    clock: () => Date.parse('2026-03-03T00:00:00Z'),
  });
  await store.loadBank('/');
  return store;
}

describe('the gradebook store', () => {
  it('a bad file is listed with its reason, and files before and after it still load', async () => {
    const store = await open();
    const deep = submissionToJson(ana).replace(
      '"fx-single": "a"',
      `"fx-single": ${'['.repeat(5_000)}1${']'.repeat(5_000)}`,
    );
    expect(await store.addFiles([file('ana.json', submissionToJson(ana)), file('deep.json', deep)])).toBe(
      'Read 2 files.',
    );
    await store.addFiles([file('huge.json', '{}', 5_000_000)]);
    store.addCodes(`${submissionToCode(ben)}\n\nnot a code`);
    const { problems, submissions } = store.$imported.get();
    expect(problems.map((p) => [p.source, p.problem])).toEqual([
      ['deep.json', 'too-deep'],
      ['huge.json', 'oversized'],
      ['pasted code 2', 'malformed'],
    ]);
    expect(submissions.map((s) => s.submission.student.name)).toEqual(['Ana', 'Ben']);
    expect(store.$cohort.get()?.rows.map((r) => r.score)).toEqual([100, 0]);
  });

  it('with the link, times are checked; without it, the files decide the list and say so', async () => {
    const store = await open();
    await store.addFiles([file('ana.json', submissionToJson(ana)), file('ben.json', submissionToJson(ben))]);
    expect(store.$imported.get().assignment?.from).toBe('files');
    expect(store.$cohort.get()?.rows.every((r) => !r.rulesChecked)).toBe(true);
    store.setLink(`https://example.org/assignment/#${encodeSpec(spec)}`);
    expect(store.$imported.get().assignment?.from).toBe('link');
    const benRow = store.$cohort.get()?.rows.find((r) => r.name === 'Ben');
    expect(benRow?.flags.map((f) => f.kind)).toEqual(['late']);
    store.setLink('https://example.org/assignment/#nonsense');
    expect(store.$link.get()).toMatchObject({ ok: false });
  });

  it('keeps the marking per assignment in storage, applies it, and saves and loads it as a file', async () => {
    const storage: PersistentStore = {};
    const store = await open(storage);
    await store.addFiles([file('ana.json', submissionToJson(ana))]);
    store.setOverride(ana.checksum, 'fx-truefalse', { attempt: 1, score: 0.5, comment: 'Arguable.' });
    store.setComment(ana.checksum, 'Well done.');
    expect(store.$cohort.get()?.rows[0]).toMatchObject({ points: 1.5, overridden: 1, comment: 'Well done.' });
    expect(JSON.parse(storage[markingStorageKey(spec.id)] as string).submissions[ana.checksum].comment).toBe(
      'Well done.',
    );
    // A reload: the same marking applies to the same files.
    const again = await open(storage);
    await again.addFiles([file('ana.json', submissionToJson(ana))]);
    expect(again.$cohort.get()?.rows[0]?.points).toBe(1.5);
    const saved = again.exportMarking();
    // Another browser loads the saved file.
    const elsewhere = await open();
    expect(elsewhere.importMarking(saved)).toMatch(/Load the submissions first/);
    await elsewhere.addFiles([file('ana.json', submissionToJson(ana))]);
    expect(elsewhere.importMarking('{"kind":"eoc-marking","assignment":"other"}')).toMatch(
      /another assignment/,
    );
    expect(elsewhere.importMarking(saved)).toBe('Marking loaded.');
    expect(elsewhere.$cohort.get()?.rows[0]?.points).toBe(1.5);
  });

  it('leaves the item statistics for the question bank page', async () => {
    const storage: PersistentStore = {};
    const store = await open(storage);
    const unsubscribe = store.$analysis.subscribe(() => undefined);
    await store.addFiles([file('ana.json', submissionToJson(ana)), file('ben.json', submissionToJson(ben))]);
    expect(JSON.parse(storage[ITEM_STATS_KEY] as string)).toMatchObject({ title: 'Week 1', students: 2 });
    unsubscribe();
  });

  it('sorts the gradebook by the heading clicked, and keeps the order when the files are loaded again', async () => {
    const store = await open();
    const names = () => store.$sortedRows.get().map((r) => r.name);
    const unsubscribe = store.$sortedRows.listen(() => undefined);
    await store.addFiles([file('ben.json', submissionToJson(ben)), file('ana.json', submissionToJson(ana))]);
    expect(names()).toEqual(['Ana', 'Ben']);
    store.sortBy('score');
    expect(store.$sort.get()).toEqual({ key: 'score', direction: 'descending' });
    store.sortBy('name');
    store.sortBy('name');
    expect(names()).toEqual(['Ben', 'Ana']);
    store.clear();
    expect(names()).toEqual([]);
    await store.addFiles([file('ana.json', submissionToJson(ana)), file('ben.json', submissionToJson(ben))]);
    expect(names()).toEqual(['Ben', 'Ana']);
    unsubscribe();
  });

  it('builds a result for a counted file only, with its comments', async () => {
    const store = await open();
    await store.addFiles([file('ana.json', submissionToJson(ana))]);
    store.setComment(ana.checksum, 'See me.');
    const row = store.$cohort.get()?.rows[0];
    if (!row) throw new Error('no row');
    expect(store.resultOf(row, false)).toMatchObject({ student: { name: 'Ana' }, comment: 'See me.' });
    expect(store.resultOf({ ...row, superseded: true }, false)).toBeUndefined();
    store.clear();
    expect(store.$cohort.get()).toBeNull();
  });

  it('makes the files the page saves: CSVs a spreadsheet reads, every result in a zip, a result link', async () => {
    const store = await open();
    expect(store.exportFile('gradebook')).toBeUndefined();
    await store.addFiles([
      file('ana.json', submissionToJson(ana)),
      file('ben.json', submissionToJson(ben)),
      file('ana-again.json', submissionToJson(submit('Ana', 5, { 'fx-single': 'b' }))),
    ]);
    const csv = store.exportFile('moodle');
    expect(csv).toMatchObject({ name: 'moodle-grades.csv', type: 'text/csv;charset=utf-8' });
    expect(String(csv?.content)).toMatch(/^\uFEFFFull name,/);
    expect(String(csv?.content)).toContain('Week 1');
    expect(
      (['gradebook', 'canvas', 'items', 'test'] as const).map((kind) => store.exportFile(kind)?.name),
    ).toEqual(['gradebook.csv', 'canvas-grades.csv', 'items.csv', 'test.csv']);

    // Two files of one student: only the one that counts gives a result.
    const { file: zip, count } = store.resultsFile(true);
    expect(count).toBe(2);
    expect(zip.name).toBe(`results-${spec.id}.zip`);
    const entries = unzipSync(zip.content as Uint8Array);
    expect(Object.keys(entries).sort()).toEqual([`ana-result-${spec.id}.json`, `ben-result-${spec.id}.json`]);
    const fromZip = parseResult(strFromU8(entries[`ben-result-${spec.id}.json`]!));
    expect(fromZip).toMatchObject({ ok: true, result: { student: { name: 'Ben' } } });

    const rows = store.$cohort.get()?.rows ?? [];
    const ben_ = rows.find((r) => r.name === 'Ben')!;
    const link = store.resultLink(ben_, false, 'https://example.org/course/');
    expect(link).toMatch(/^https:\/\/example\.org\/course\/assignment\/result\/#EOCR1-/);
    expect(parseResult(link!)).toMatchObject({ ok: true, result: { student: { name: 'Ben' } } });
    expect(store.studentResultFile(ben_, false)?.name).toBe(`ben-result-${spec.id}.json`);
    const notCounted = rows.find((r) => r.superseded)!;
    expect(store.resultLink(notCounted, true, 'https://example.org')).toBeUndefined();
    expect(store.studentResultFile(notCounted, true)).toBeUndefined();

    expect(store.markingFile()).toMatchObject({ name: `marking-${spec.id}.json`, type: 'application/json' });
  });
});
