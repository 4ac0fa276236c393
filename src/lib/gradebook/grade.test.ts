import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { withId } from '../assign/spec.ts';
import { createSubmission, type Submission, type SubmissionAttempt } from '../submission/submission.ts';
import { gradeSubmissions, isAnswered, studentKey } from './grade.ts';
import { emptyMarking, withComment, withOverride } from './marking.ts';

const base = (id: string) => ({
  id,
  lesson: 'l1',
  objective: 'lo1',
  bloom: 'remember' as const,
  prompt: `Prompt ${id}`,
  explanation: 'Because.',
  evidence: { paragraph: 'p1', quote: 'a verbatim quote' },
});
const questions: Question[] = [
  {
    type: 'single',
    ...base('q1'),
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    answer: 'a',
  },
  { type: 'truefalse', ...base('q2'), answer: true },
  {
    type: 'multiple',
    ...base('q3'),
    options: ['a', 'b', 'c'].map((id) => ({ id, text: id })),
    answers: ['a', 'b'],
  },
  { type: 'numeric', ...base('q4'), answer: 75, unit: '%' },
];
const byId = new Map(questions.map((q) => [q.id, q]));
const spec = withId({
  v: 1,
  title: 'Quiz',
  questions: ['q1', 'q2', 'q3', 'q4'],
  seed: 's',
  attempts: 3,
  due: '2026-05-08T17:00:00.000Z',
  shuffleQuestions: false,
  shuffleOptions: false,
  review: 'after-due',
});

const attempt = (minute: number, responses: Record<string, unknown>, length = 10): SubmissionAttempt => ({
  startedAt: new Date(Date.parse('2026-05-08T16:00:00.000Z') + minute * 60_000).toISOString(),
  submittedAt: new Date(Date.parse('2026-05-08T16:00:00.000Z') + (minute + length) * 60_000).toISOString(),
  responses,
});
const submit = (
  name: string,
  attempts: SubmissionAttempt[],
  id?: string,
  extensions: Submission['extensions'] = [],
): Submission =>
  createSubmission({
    spec,
    fingerprint: 'aaaaaaaaaaaaaa',
    student: id ? { name, id } : { name },
    attempts,
    extensions,
  });

describe('gradeSubmissions', () => {
  it('regrades raw responses, counts the highest attempt and reports the row fields', () => {
    // Attempt 1: q1 right, q2 wrong, q3 half (a right, no wrong picks: (1 − 0)/2), q4 "75 %" right → 2.5 / 4.
    // Attempt 2: everything wrong or blank → 0. The highest (attempt 1) counts: 62.5 %.
    const sub = submit(
      'Bea',
      [attempt(0, { q1: 'a', q2: false, q3: ['a'], q4: '75 %' }, 15), attempt(20, { q1: 'b', q2: '' }, 30)],
      'b7',
      [
        { at: '2026-05-08T10:00:00.000Z', minutes: 15 },
        { at: '2026-05-08T11:00:00.000Z', minutes: 5 },
      ],
    );
    const { rows, matrix, missing } = gradeSubmissions([sub], byId);
    expect(missing).toEqual([]);
    expect(rows).toMatchObject([
      {
        name: 'Bea',
        id: 'b7',
        score: 62.5,
        points: 2.5,
        maxPoints: 4,
        answered: 4,
        minutes: 50,
        late: false,
        extensionMinutes: 20,
        attempts: 2,
        countedAttempt: 1,
        superseded: false,
        submittedAt: '2026-05-08T16:50:00.000Z',
        // Without the link the file's own times are shown, unchecked, and nothing is flagged.
        rulesChecked: false,
        flags: [],
        checksum: sub.checksum,
        overridden: 0,
        comment: '',
      },
    ]);
    expect(Array.from(matrix.scores)).toEqual([1, 0, 0.5, 1]);
    expect(Array.from(matrix.attempted)).toEqual([1, 1, 1, 1]);
  });

  it('a tie keeps the earlier attempt; blank and missing answers score 0 and are not "answered"', () => {
    const sub = submit('Cy', [
      attempt(0, { q1: 'a', q2: null, q3: [] }),
      attempt(20, { q2: true, q4: '  ' }),
    ]);
    const [row] = gradeSubmissions([sub], byId).rows;
    expect(row).toMatchObject({ points: 1, countedAttempt: 1, answered: 1 });
  });

  it('never trusts anything but the responses: malformed responses score 0', () => {
    const sub = submit('Di', [attempt(0, { q1: { score: 1 }, q2: 'true', q3: 'a,b', q4: [75] })]);
    expect(gradeSubmissions([sub], byId).rows[0]).toMatchObject({ score: 0, answered: 4 });
  });

  it("a later file holding all of an earlier file's attempts replaces it, and both rows say so", () => {
    const first = attempt(0, { q1: 'a', q2: true, q3: ['a', 'b'], q4: 75 });
    const older = submit('Ann Lee', [first], 'x1');
    const newer = submit('  ann   LEE ', [first, attempt(30, { q1: 'b' })], 'x1');
    const { rows, matrix } = gradeSubmissions([newer, older], byId);
    expect(rows.map((r) => [r.attempts, r.score, r.superseded, r.flags])).toEqual([
      [1, 100, true, []],
      [2, 100, false, []],
    ]);
    expect(rows[0]?.notes[0]).toMatch(/Replaced by a later file .* and 1 more/);
    expect(rows[1]?.notes[0]).toMatch(/Holds the attempts of 1 earlier file/);
    expect(matrix.students).toBe(1);
  });

  it('the same file loaded twice counts once', () => {
    const sub = submit('Ann Lee', [attempt(0, { q1: 'a' })]);
    const { rows, matrix } = gradeSubmissions([sub, sub], byId);
    expect(rows.map((r) => r.superseded)).toEqual([false, true]);
    expect(rows[1]?.notes).toEqual(['The same file was loaded twice; it counts once.']);
    expect(matrix.students).toBe(1);
  });

  it.each([
    ['the same name and id', { name: 'Ann Lee', id: 'x1' }, { name: 'ann lee', id: 'X1' }],
    ['the same id under another name', { name: 'Ann Lee', id: 'x1' }, { name: 'Bob Stone', id: 'x1' }],
    ['the same name with another id', { name: 'Ann Lee', id: 'x1' }, { name: 'Ann Lee', id: 'x2' }],
    ['the same name, one without an id', { name: 'Ann Lee', id: 'x1' }, { name: 'Ann Lee' }],
  ])(
    'two different files with %s: both flagged, the first counts until the instructor chooses',
    (_l, a, b) => {
      const first = submit(a.name, [attempt(0, { q1: 'a', q2: true, q3: ['a', 'b'], q4: 75 })], a.id);
      const second = submit(b.name, [attempt(30, { q1: 'b' })], 'id' in b ? b.id : undefined);
      const graded = gradeSubmissions([second, first], byId);
      const counts = (rows: typeof graded.rows) =>
        Object.fromEntries(rows.map((r) => [r.checksum, !r.superseded]));
      expect(counts(graded.rows)).toEqual({ [first.checksum]: true, [second.checksum]: false });
      for (const row of graded.rows) {
        expect(row.flags.map((f) => f.kind)).toEqual(['same-student']);
        expect(row.flags[0]?.message).toMatch(/^2 different files for one student .*: choose which counts\./);
      }
      expect(graded.matrix.students).toBe(1);
      const chosen = gradeSubmissions([second, first], byId, { chosen: [first.checksum, second.checksum] });
      expect(counts(chosen.rows)).toEqual({ [first.checksum]: false, [second.checksum]: true });
      expect(chosen.rows.find((r) => r.checksum === second.checksum)?.flags[0]?.message).toMatch(
        /You chose this one to count\./,
      );
    },
  );

  it('flags two students who gave the same answers, wrong ones included, but not two perfect papers', () => {
    const same = { q1: 'a', q2: false, q3: ['c'] };
    const perfect = { q1: 'a', q2: true, q3: ['a', 'b'], q4: 75 };
    const { rows } = gradeSubmissions(
      [
        submit('Ada', [attempt(0, same)]),
        submit('Ben', [attempt(1, same)]),
        submit('Cy', [attempt(2, perfect)]),
        submit('Di', [attempt(3, perfect)]),
        submit('Ed', [attempt(4, { q1: 'a', q2: false })]),
      ],
      byId,
    );
    expect(rows.map((r) => [r.name, r.flags.map((f) => f.message)])).toEqual([
      ['Ada', ['The same answer to every question as Ben (including the same wrong answers).']],
      ['Ben', ['The same answer to every question as Ada (including the same wrong answers).']],
      ['Cy', []],
      ['Di', []],
      ['Ed', []],
    ]);
  });

  it('overrides change the score of the attempt they were made for, and count in the total', () => {
    const sub = submit('Fay', [attempt(0, { q1: 'b', q2: true }), attempt(20, { q1: 'b' })]);
    const marking = withComment(
      withOverride(emptyMarking(spec.id), sub.checksum, 'q1', {
        attempt: 1,
        score: 0.5,
        comment: 'Half right',
      }),
      sub.checksum,
      'See me.',
    );
    const [row] = gradeSubmissions([sub], byId, { marking }).rows;
    expect(row).toMatchObject({
      points: 1.5,
      score: 37.5,
      overridden: 1,
      countedAttempt: 1,
      comment: 'See me.',
    });
    // An override on the other attempt can change which one counts.
    const other = withOverride(marking, sub.checksum, 'q3', { attempt: 2, score: 1, comment: '' });
    const both = withOverride(other, sub.checksum, 'q1', { attempt: 2, score: 1, comment: '' });
    expect(gradeSubmissions([sub], byId, { marking: both }).rows[0]).toMatchObject({
      points: 2,
      countedAttempt: 2,
    });
  });

  it('is independent of input order, and sorts names naturally', () => {
    const subs = ['Student 10', 'Student 2', 'Student 1'].map((name, i) =>
      submit(name, [attempt(i, { q1: 'a' })]),
    );
    const a = gradeSubmissions(subs, byId);
    const b = gradeSubmissions([...subs].reverse(), byId);
    const withoutIndex = (g: typeof a) => ({ ...g, rows: g.rows.map(({ index: _index, ...row }) => row) });
    expect(withoutIndex(b)).toEqual(withoutIndex(a));
    expect(a.rows.map((r) => r.name)).toEqual(['Student 1', 'Student 2', 'Student 10']);
  });

  it('leaves out questions the bank no longer has, and says which', () => {
    const sub = submit('Ed', [attempt(0, { q1: 'a', q2: true })]);
    const { rows, missing, matrix } = gradeSubmissions(
      [sub],
      new Map([
        ['q1', questions[0] as Question],
        ['q2', questions[1] as Question],
      ]),
    );
    expect(missing).toEqual(['q3', 'q4']);
    expect(rows[0]).toMatchObject({ score: 100, maxPoints: 2 });
    expect(matrix.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
  });

  it('accepts a plain record of questions too', () => {
    const sub = submit('Flo', [attempt(0, { q1: 'a' })]);
    expect(gradeSubmissions([sub], Object.fromEntries(byId)).rows[0]?.points).toBe(1);
  });
});

describe('helpers', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    ['  ', false],
    [[], false],
    [{}, false],
    [0, true],
    [false, true],
    ['a', true],
    [['a'], true],
    [{ p1: 'x' }, true],
  ])('isAnswered(%j) = %s', (response, expected) => {
    expect(isAnswered(response)).toBe(expected);
  });

  it('studentKey folds case, spacing and Unicode forms, but keeps ids apart', () => {
    expect(studentKey({ name: ' Zoë  Ng', id: 'A1' })).toBe(studentKey({ name: 'zoe\u0308 ng', id: 'a1' }));
    expect(studentKey({ name: 'Zoë', id: '1' })).not.toBe(studentKey({ name: 'Zoë', id: '2' }));
  });
});

describe('submissions saved before options had opaque ids', () => {
  it('are graded through the renames; the file itself is not changed', () => {
    const published = new Map(byId);
    published.set('q1', {
      ...questions[0],
      options: [
        { id: 'k3f9x2', text: 'A' },
        { id: 'q81zz0', text: 'B' },
      ],
      answer: 'k3f9x2',
    } as Question);
    const renames: Record<string, Record<string, string>> = { q1: { a: 'k3f9x2', b: 'q81zz0' } };
    const sub = submit('Old', [attempt(0, { q1: 'a', q2: true })]);
    const without = gradeSubmissions([sub], published);
    expect(without.rows[0]?.points).toBe(1);
    const graded = gradeSubmissions([sub], published, { renamed: (id) => renames[id] });
    expect(graded.rows[0]?.points).toBe(2);
    expect(graded.matrix.responses[0]).toBe('k3f9x2');
    expect(sub.attempts[0]?.responses['q1']).toBe('a');
  });
});
