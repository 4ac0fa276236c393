import { describe, expect, it } from 'vitest';
import { withId } from '../assign/spec.ts';
import { createSubmission, submissionToCode, submissionToJson } from '../submission/submission.ts';
import { importSubmissions, readInputs, sortOutInputs } from './import.ts';

const spec = (title: string) =>
  withId({
    v: 1,
    title,
    questions: ['q1', 'q2'],
    seed: 's',
    attempts: 1,
    shuffleQuestions: false,
    shuffleOptions: false,
    review: 'immediate',
  });
const week1 = spec('Week 1');
const week2 = spec('Week 2');
const submit = (s: typeof week1, name: string) =>
  createSubmission({
    spec: s,
    fingerprint: 'aaaaaaaaaaaaaa',
    student: { name },
    attempts: [
      { startedAt: '2026-03-02T10:00:00Z', submittedAt: '2026-03-02T10:20:00Z', responses: { q1: 'a' } },
    ],
  });

describe('importSubmissions', () => {
  const ana = submissionToJson(submit(week1, 'Ana'));
  const ben = submissionToCode(submit(week1, 'Ben'));
  const other = submissionToJson(submit(week2, 'Cy'));
  const tampered = ana.replace('"q1": "a"', '"q1": "b"');

  it('loads the good ones and lists each problem with its source', () => {
    const result = importSubmissions([
      { source: 'junk.json', text: '{"kind":"nope"}' },
      { source: 'ana.json', text: ana },
      { source: 'cy.json', text: other },
      { source: 'pasted code 1', text: ben },
      { source: 'edited.json', text: tampered },
    ]);
    expect(result.submissions.map((s) => s.submission.student.name)).toEqual(['Ana', 'Ben']);
    expect(result.problems.map((p) => [p.source, p.problem])).toEqual([
      ['junk.json', 'malformed'],
      ['cy.json', 'other-assignment'],
      ['edited.json', 'checksum'],
    ]);
    expect(result.problems[1]?.message).toMatch(/^cy\.json: .*another assignment/);
    expect(result.assignment).toMatchObject({ id: week1.id, title: 'Week 1' });
  });

  it('the instructor’s link decides the assignment', () => {
    const result = importSubmissions(
      [
        { source: 'ana.json', text: ana },
        { source: 'cy.json', text: other },
      ],
      { expect: { id: week2.id } },
    );
    expect(result.submissions.map((s) => s.source)).toEqual(['cy.json']);
    expect(result.problems.map((p) => p.problem)).toEqual(['other-assignment']);
  });

  it('refuses oversized input', () => {
    const result = importSubmissions([{ source: 'big.json', text: ana }], { maxBytes: 100 });
    expect(result.problems.map((p) => p.problem)).toEqual(['oversized']);
    expect(result.assignment).toBeNull();
  });
});

describe('the assignment without a link: what most files agree on', () => {
  const week1b = withId({ ...week1, questions: ['q1', 'q2', 'q3'] });
  const files = [
    { source: 'odd.json', text: submissionToJson(submit(week1b, 'Odd')) },
    { source: 'ana.json', text: submissionToJson(submit(week1, 'Ana')) },
    { source: 'ben.json', text: submissionToJson(submit(week1, 'Ben')) },
  ];

  it('the larger group wins whatever the order, and the page is told how many agreed', () => {
    for (const order of [files, [...files].reverse()]) {
      const result = importSubmissions(order);
      expect(result.assignment).toMatchObject({
        id: week1.id,
        questions: ['q1', 'q2'],
        from: 'files',
        agreeing: 2,
        readable: 3,
      });
      expect(result.problems.map((p) => [p.source, p.problem])).toEqual([['odd.json', 'other-assignment']]);
    }
  });

  it('on a tie, the first file read decides, and the other is refused, not merged', () => {
    const result = importSubmissions(files.slice(0, 2));
    expect(result.assignment).toMatchObject({ id: week1b.id, agreeing: 1, readable: 2 });
    expect(result.submissions.map((s) => s.source)).toEqual(['odd.json']);
  });

  it('the same id with another list is a forged list, named as such', () => {
    const forged = createSubmission({
      spec: { ...week1, questions: ['q1', 'q2', 'q9'] },
      fingerprint: 'aaaaaaaaaaaaaa',
      student: { name: 'Zed' },
      attempts: [{ startedAt: '2026-03-02T10:00:00Z', submittedAt: '2026-03-02T10:20:00Z', responses: {} }],
    });
    const result = importSubmissions([
      ...files.slice(1),
      { source: 'zed.json', text: submissionToJson(forged) },
    ]);
    expect(result.problems).toEqual([
      {
        source: 'zed.json',
        problem: 'question-list',
        message: expect.stringMatching(
          /^zed\.json: its question list differs from the assignment's: 1 extra \(q9\) and 0 missing\. .* it is not graded$/,
        ),
      },
    ]);
  });

  it('reading once and sorting out again gives what one import gives', () => {
    const read = readInputs(files);
    expect(sortOutInputs(read, { id: week1b.id, questions: week1b.questions })).toEqual(
      importSubmissions(files, { expect: { id: week1b.id, questions: week1b.questions } }),
    );
  });
});
