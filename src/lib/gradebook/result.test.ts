import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import { withId } from '../assign/spec.ts';
import { packJson } from '../assign/pack.ts';
import { createSubmission } from '../submission/submission.ts';
import { FIXTURES } from '../export/fixtures.ts';
import { attemptDetail } from './attempt.ts';
import { gradeSubmissions } from './grade.ts';
import { emptyMarking, withComment, withOverride } from './marking.ts';
import {
  RESULT_PREFIX,
  buildResult,
  parseResult,
  resultFileName,
  resultToCode,
  resultToJson,
} from './result.ts';

const questions = FIXTURES.filter((q) =>
  ['fx-single', 'fx-truefalse', 'fx-cloze'].includes(q.id),
) as Question[];
const byId = new Map(questions.map((q) => [q.id, q]));
const spec = withId({
  v: 1,
  title: 'Week 1',
  questions: questions.map((q) => q.id),
  seed: 's',
  attempts: 2,
  shuffleQuestions: true,
  shuffleOptions: true,
  review: 'never',
});
const submit = (name: string, responses: Record<string, unknown>) =>
  createSubmission({
    spec,
    fingerprint: 'aaaaaaaaaaaaaa',
    student: { name, id: 'ana@example.org' },
    attempts: [{ startedAt: '2026-03-02T10:00:00Z', submittedAt: '2026-03-02T10:20:00Z', responses }],
  });
const ana = submit('Ana Lopez', {
  'fx-single': 'a',
  'fx-truefalse': true,
  'fx-cloze': { b1: 'one', b2: 'x' },
});
const ben = submit('Ben', { 'fx-single': 'b' });
const marking = withComment(
  withOverride(emptyMarking(spec.id), ana.checksum, 'fx-truefalse', {
    attempt: 1,
    score: 0.5,
    comment: 'Partly defensible.',
  }),
  ana.checksum,
  'See the source again.',
);

function resultOf(includeKey: boolean) {
  const graded = gradeSubmissions([ana, ben], byId, { spec, marking });
  const row = graded.rows.find((r) => r.name === 'Ana Lopez');
  if (!row) throw new Error('no row');
  const detail = attemptDetail(ana, graded.matrix.questions, row.countedAttempt, { spec, marking });
  if (!detail) throw new Error('no attempt');
  return buildResult(row, detail, { id: spec.id, title: spec.title }, includeKey);
}

describe('student results', () => {
  it('holds one student’s graded attempt with the comments, and nothing of anyone else', () => {
    const result = resultOf(true);
    expect(result).toMatchObject({
      assignment: { id: spec.id, title: 'Week 1' },
      student: { name: 'Ana Lopez', id: 'ana@example.org' },
      attempt: { number: 1, of: 1 },
      comment: 'See the source again.',
      late: false,
    });
    expect(result.score.points).toBeCloseTo(1.5 + 0.5, 4);
    expect(result.answers.map((a) => [a.n, a.score, a.comment])).toEqual([
      [1, 1, undefined],
      [2, 0.5, 'Partly defensible.'],
      [3, 0.5, undefined],
    ]);
    expect(result.answers.every((a) => typeof a.key === 'string')).toBe(true);
    expect(JSON.stringify(result)).not.toContain('Ben');
    expect(resultOf(false).answers.every((a) => a.key === undefined)).toBe(true);
  });

  it('round-trips through a link code, a whole link and a file', () => {
    const result = resultOf(true);
    const code = resultToCode(result);
    expect(code.startsWith(RESULT_PREFIX)).toBe(true);
    for (const text of [code, `https://example.org/assignment/result/#${code}`, resultToJson(result)]) {
      expect(parseResult(text)).toEqual({ ok: true, result });
    }
    expect(resultFileName(result)).toBe(`ana-lopez-result-${spec.id}.json`);
  });

  it.each([
    ['a link cut short', (code: string) => code.slice(0, -12), /cannot be read/],
    [
      'a changed score',
      () => RESULT_PREFIX + packJson({ ...resultOf(true), score: { points: 3, max: 3, percent: 100 } }),
      /changed or damaged/,
    ],
    ['a submission instead', () => '{"kind":"eoc-submission"}', /not a result/],
    ['nothing', () => '  ', /no result/],
    [
      'something nested 5,000 deep',
      () => `{"kind":"eoc-result","v":1,"x":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      /not a result/,
    ],
  ])('refuses %s with a sentence a student understands', (_label, make, message) => {
    const parsed = parseResult(make(resultToCode(resultOf(true))));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('property: never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.string().map((s) => RESULT_PREFIX + s),
        ),
        (text) => void parseResult(text),
      ),
    );
  });
});
