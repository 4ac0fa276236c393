import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { withId } from '../assign/spec.ts';
import { createSubmission, type Submission, type SubmissionAttempt } from '../submission/submission.ts';
import { gradeSubmissions, isAnswered, studentKey } from './gradebook.ts';

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
    expect(rows).toEqual([
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

  it('keeps every submission of a student but marks all but the latest superseded, and only the latest counts', () => {
    const older = submit('Ann Lee', [attempt(0, { q1: 'a', q2: true, q3: ['a', 'b'], q4: 75 })], 'x1');
    const newer = submit('  ann   LEE ', [attempt(30, { q1: 'b' })], 'x1');
    const namesake = submit('Ann Lee', [attempt(5, { q1: 'a' })], 'x2');
    const { rows, matrix } = gradeSubmissions([newer, namesake, older], byId);
    expect(rows.map((r) => [r.name, r.id, r.score, r.superseded])).toEqual([
      ['Ann Lee', 'x1', 100, true],
      ['ann   LEE', 'x1', 0, false],
      ['Ann Lee', 'x2', 25, false],
    ]);
    expect(matrix.students).toBe(2);
    expect(Array.from(matrix.scores)).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it('is independent of input order, and sorts names naturally', () => {
    const subs = ['Student 10', 'Student 2', 'Student 1'].map((name, i) =>
      submit(name, [attempt(i, { q1: 'a' })]),
    );
    const a = gradeSubmissions(subs, byId);
    const b = gradeSubmissions([...subs].reverse(), byId);
    expect(b).toEqual(a);
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
