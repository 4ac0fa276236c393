/**
 * The attacks a security review reproduced against the gradebook (issue 13), one test each. Every
 * test here failed before grading was made to trust only the responses; each now shows the attack
 * caught, flagged or refused. docs/assessment-security.md cites them by name.
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { withId, type AssignmentSpec } from '../assign/spec.ts';
import { restoreSession, sessionSubmission } from '../assign/session.ts';
import {
  createSubmission,
  parseSubmission,
  submissionChecksum,
  submissionToJson,
  type Submission,
  type SubmissionAttempt,
} from '../submission/submission.ts';
import { gradeSubmissions } from './grade.ts';
import { importSubmissions } from './import.ts';

const single = (id: string): Question => ({
  type: 'single',
  id,
  lesson: 'l1',
  objective: 'lo1',
  bloom: 'remember',
  prompt: `Prompt ${id}`,
  explanation: 'Because.',
  evidence: { paragraph: 'p1', quote: 'a verbatim quote' },
  options: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
  answer: 'a',
});
// Nine questions in the bank; the assignment uses the first four.
const bank = Array.from({ length: 9 }, (_, i) => single(`q${i + 1}`));
const byId = new Map(bank.map((q) => [q.id, q]));
const DUE = '2026-05-08T17:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(DUE) + minutes * 60_000).toISOString();
const spec = (extra: Partial<AssignmentSpec> = {}): AssignmentSpec =>
  withId({
    v: 1,
    title: 'Week 1',
    questions: ['q1', 'q2', 'q3', 'q4'],
    seed: 's',
    attempts: 1,
    due: DUE,
    shuffleQuestions: false,
    shuffleOptions: false,
    review: 'after-due',
    ...extra,
  });
const FINGERPRINT = 'aaaaaaaaaaaaaa';
const right = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, 'a']));
const wrong = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, 'b']));
const attempt = (from: number, to: number, responses: Record<string, unknown>): SubmissionAttempt => ({
  startedAt: at(from),
  submittedAt: at(to),
  responses,
});
const submit = (
  s: AssignmentSpec,
  student: Submission['student'],
  attempts: SubmissionAttempt[],
  extensions: Submission['extensions'] = [],
): Submission => createSubmission({ spec: s, fingerprint: FINGERPRINT, student, attempts, extensions });
/** A file edited by hand and resealed with the checksum function that ships in the page. */
const reseal = (sub: Omit<Submission, 'checksum'>): Submission => ({
  ...sub,
  checksum: submissionChecksum(sub),
});
const file = (source: string, sub: Submission) => ({ source, text: submissionToJson(sub) });
const flagKinds = (row: { flags?: { kind: string }[] } | undefined) => (row?.flags ?? []).map((f) => f.kind);

describe('attack: sabotage list', () => {
  const week = spec();
  const ana = submit(week, { name: 'Ana' }, [attempt(-30, -10, right(week.questions))]);
  const ben = submit(week, { name: 'Ben' }, [attempt(-30, -10, right(week.questions))]);
  // Same assignment id and fingerprint, five extra real question ids, checksum recomputed.
  const forged = submit(
    { ...week, questions: [...week.questions, 'q5', 'q6', 'q7', 'q8', 'q9'] },
    { name: 'Zed' },
    [attempt(-30, -10, right(bank.map((q) => q.id)))],
  );

  it('with the link pasted: the forged list is refused and the honest 100 % stays 100 %', () => {
    const imported = importSubmissions([file('forged.json', forged), file('ana.json', ana)], {
      expect: { id: week.id, fingerprint: FINGERPRINT, title: week.title, questions: week.questions },
    });
    expect(imported.problems.map((p) => p.source)).toEqual(['forged.json']);
    expect(imported.problems[0]?.message).toMatch(/question list.*5 extra/);
    const { rows } = gradeSubmissions(
      imported.submissions.map((s) => s.submission),
      byId,
      { spec: week },
    );
    expect(rows.map((r) => [r.name, r.score])).toEqual([['Ana', 100]]);
  });

  it('without the link: the majority list wins, the odd one out is refused, and the page says how it chose', () => {
    const imported = importSubmissions([
      file('forged.json', forged),
      file('ana.json', ana),
      file('ben.json', ben),
    ]);
    expect(imported.problems.map((p) => p.source)).toEqual(['forged.json']);
    expect(imported.assignment).toMatchObject({ id: week.id, questions: week.questions, from: 'files' });
    const { rows } = gradeSubmissions(
      imported.submissions.map((s) => s.submission),
      byId,
    );
    expect(rows.map((r) => r.score)).toEqual([100, 100]);
  });
});

describe('attack: time and attempts are recomputed from the link', () => {
  it('resealed late flag: a file handed in 2 h after the due date but marked on time is late, and says so', () => {
    const week = spec();
    const honest = submit(week, { name: 'Cy' }, [attempt(60, 120, right(week.questions))]);
    expect(honest.late).toBe(true);
    const { checksum: _checksum, ...body } = honest;
    const forged = reseal({ ...body, late: false });
    expect(parseSubmission(submissionToJson(forged)).ok).toBe(true);
    const [row] = gradeSubmissions([forged], byId, { spec: week }).rows;
    expect(row?.late).toBe(true);
    const late = row?.flags?.find((f) => f.kind === 'late');
    expect(late?.message).toMatch(/2 h 00 min after the due date/);
    expect(late?.message).toMatch(/the file says it was on time/);
  });

  it('over-time: a 3-hour attempt on a 20-minute assignment is flagged with the times', () => {
    const week = spec({ timeLimit: 20 });
    const sub = submit(week, { name: 'Dee' }, [attempt(-200, -20, right(week.questions))]);
    const [row] = gradeSubmissions([sub], byId, { spec: week }).rows;
    const flag = row?.flags?.find((f) => f.kind === 'over-time');
    expect(flag?.message).toMatch(/took 3 h 00 min.*limit of 20 min/);
  });

  it('over-attempts: 10 attempts on a 1-attempt assignment grade only the first, and are flagged', () => {
    const week = spec();
    const attempts = Array.from({ length: 10 }, (_, i) =>
      attempt(-300 + i * 20, -290 + i * 20, i === 9 ? right(week.questions) : wrong(week.questions)),
    );
    const sub = submit(week, { name: 'Eve' }, attempts);
    const [row] = gradeSubmissions([sub], byId, { spec: week }).rows;
    expect(row).toMatchObject({ score: 0, countedAttempt: 1 });
    expect(row?.flags?.find((f) => f.kind === 'over-attempts')?.message).toMatch(
      /10 attempts.*allows 1.*only the first is graded/,
    );
  });

  it('huge extension: an extension of 525,600 minutes set in storage is clamped, so the file is late', () => {
    const week = spec({ timeLimit: 20 });
    // What the page had saved, with the extension edited in by hand.
    const stored = {
      v: 1,
      student: { name: 'Flo' },
      attempts: [
        {
          startedAt: at(100),
          submittedAt: at(1_000),
          responses: right(week.questions),
          checked: [],
          extensions: [{ at: at(110), minutes: 525_600 }],
        },
      ],
    };
    const session = restoreSession(stored, week);
    expect(session?.attempts[0]?.extensions).toEqual([{ at: at(110), minutes: 10 }]);
    const sealed = sessionSubmission(week, FINGERPRINT, session as NonNullable<typeof session>);
    expect(sealed?.late).toBe(true);
  });

  it('huge extension in a file: the gradebook counts only what the page can grant, and flags the rest', () => {
    const week = spec({ timeLimit: 20 });
    const honest = submit(
      week,
      { name: 'Gus' },
      [attempt(100, 1_000, right(week.questions))],
      [{ at: at(110), minutes: 525_600 }],
    );
    // The page now seals such a file late; the attacker edits `late` back and reseals it.
    expect(honest.late).toBe(true);
    const { checksum: _checksum, ...body } = honest;
    const sub = reseal({ ...body, late: false });
    const [row] = gradeSubmissions([sub], byId, { spec: week }).rows;
    expect(row?.late).toBe(true);
    expect(flagKinds(row)).toEqual(expect.arrayContaining(['extension', 'over-time', 'late']));
    expect(row?.extensionMinutes).toBe(10);
  });
});

describe('attack: impostor', () => {
  it('a later file under the same name and id never silently replaces the earlier one', () => {
    const week = spec();
    const ana = submit(week, { name: 'Ana Lopez', id: 'S1' }, [attempt(-40, -20, right(week.questions))]);
    const impostor = submit(week, { name: 'ana lopez ', id: 's1' }, [
      attempt(-10, -5, wrong(week.questions)),
    ]);
    const { rows } = gradeSubmissions([impostor, ana], byId, { spec: week });
    expect(rows.map((r) => [r.name, r.score, r.superseded])).toEqual([
      ['Ana Lopez', 100, false],
      ['ana lopez', 0, true],
    ]);
    for (const row of rows)
      expect(row.flags?.find((f) => f.kind === 'same-student')?.message).toMatch(/choose/);
    // The instructor chooses: now the other file counts, and the choice is what decided it.
    const chosen = gradeSubmissions([impostor, ana], byId, { spec: week, chosen: [impostor.checksum] }).rows;
    expect(chosen.map((r) => r.superseded)).toEqual([true, false]);
  });
});

describe('attack: a nested file', () => {
  it('a submission nested 5,000 deep is refused as too deeply nested, without throwing', () => {
    const week = spec();
    const sub = submit(week, { name: 'Hal' }, [attempt(-30, -10, { q1: 'DEEP' })]);
    const text = submissionToJson(sub).replace('"DEEP"', `${'['.repeat(5_000)}"a"${']'.repeat(5_000)}`);
    let result: ReturnType<typeof parseSubmission> | undefined;
    expect(() => (result = parseSubmission(text, { source: 'deep.json' }))).not.toThrow();
    expect(result).toMatchObject({ ok: false, problem: 'too-deep' });
    expect(result?.ok === false && result.message).toMatch(
      /^deep\.json: it is nested more than \d+ levels deep/,
    );
  });
});
