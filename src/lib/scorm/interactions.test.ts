// What an LMS receives for each question, checked against the formats Moodle's SCORM 1.2 player
// enforces (mod/scorm/datamodels/scorm_12.js): an LMS that refuses a value drops the whole report.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../cli/bank.ts';
import { answerKey, gradeResponse, type Question } from '../../questions/index.ts';
import { FIXTURES } from '../export/fixtures.ts';
import { rightOptions } from '../../questions/matching/grade.ts';
import type { MatchingQuestion } from '../../questions/matching/schema.ts';
import { cmiResult, cmiString255, cmiTimespan, gradeWork, reportedInteraction } from './interactions.ts';

// Moodle 5.1, mod/scorm/datamodels/scorm_12.js (CMIFeedback = CMIString256, "^[\u0000-\uFFFF]{0,255}$").
const MOODLE = {
  identifier: /^[\u0021-\u007E]{0,255}$/,
  // eslint-disable-next-line no-control-regex -- Moodle's own pattern, copied as written
  feedback: /^[\u0000-\uFFFF]{0,255}$/,
  type: /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/,
  result: /^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]*)?$/,
  timespan: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/,
};

const fixture = (id: string): Question => {
  const q = FIXTURES.find((f) => f.id === id);
  if (!q) throw new Error(id);
  return q;
};
const interaction = (id: string, response: unknown) => {
  const q = fixture(id);
  return reportedInteraction(q, response, gradeResponse(q, response), 65_430);
};

describe('reportedInteraction', () => {
  // Matching answers name right-hand options by their opaque ids (src/questions/ids.ts).
  const [right1, , right3] = rightOptions(fixture('fx-matching') as MatchingQuestion).map((o) => o.id);
  // Each type writes its own record (src/questions/<type>/scorm.ts): options, items and targets
  // by authored position (a, b, …), matching sources 1, 2, …; a key needing every part in braces.
  it.each([
    ['fx-single', 'a', 'choice', 'a', ['a'], 'correct'],
    ['fx-multiple', ['c', 'b'], 'choice', 'b,c', ['{a,b}'], 'wrong'],
    ['fx-multiple', ['b'], 'choice', 'b', ['{a,b}'], '0.5'],
    ['fx-truefalse', true, 'true-false', 't', ['f'], 'wrong'],
    ['fx-numeric-exact', ' 2010 ', 'numeric', '2010', ['2010'], 'correct'],
    ['fx-text', 'att', 'fill-in', 'att', ['AT&T {x}', 'att'], 'correct'],
    ['fx-ordering', ['y', 'x', 'z'], 'sequencing', 'b,a,c', ['a,b,c'], '0.67'],
    ['fx-matching', { p1: right1, p2: right3 }, 'matching', '1.a,2.c', ['{1.a,2.b,3.c}'], '0.33'],
    ['fx-cloze', { b1: 'one', b2: 'x' }, 'fill-in', 'one,x', ['one,two}#~'], '0.5'],
  ])('%s: response %j → %s "%s" (key %j), result %s', (id, response, type, written, key, result) => {
    expect(interaction(id, response)).toEqual({
      id,
      type,
      studentResponse: written,
      correctPatterns: key,
      result,
      latency: '0000:01:05.43',
    });
  });

  it('writes an unanswered question as an empty, wrong response without latency', () => {
    const q = fixture('fx-single');
    expect(reportedInteraction(q, undefined, gradeResponse(q, null), 1000)).toEqual({
      id: 'fx-single',
      type: 'choice',
      studentResponse: '',
      correctPatterns: ['a'],
      result: 'wrong',
    });
  });

  it('cuts a long typed answer at 255 characters, while the grade counts the whole answer', () => {
    const q = fixture('fx-text');
    const long = `att${' '.repeat(300)}`;
    const i = reportedInteraction(q, 'x'.repeat(300), gradeResponse(q, 'x'.repeat(300)));
    expect(i.studentResponse).toHaveLength(255);
    expect(reportedInteraction(q, long, gradeResponse(q, long)).result).toBe('correct');
    expect(cmiString255('é'.repeat(300))).toBe('é'.repeat(255));
    // Counted in UTF-16 units, as Moodle's pattern counts them, and never half an emoji.
    expect(cmiString255(`x${'😀'.repeat(300)}`)).toBe(`x${'😀'.repeat(127)}`);
  });
});

describe('SCORM 1.2 values', () => {
  it.each([
    [0, '0000:00:00.00'],
    [1234, '0000:00:01.23'],
    [3_661_005, '0001:01:01.01'],
    [-5, '0000:00:00.00'],
    [Number.NaN, '0000:00:00.00'],
    [1e12, '9999:46:40.00'],
  ])('cmiTimespan(%d) = %s', (ms, text) => {
    expect(cmiTimespan(ms)).toBe(text);
    expect(text).toMatch(MOODLE.timespan);
  });

  it.each([
    [{ score: 1, correct: true }, 'correct'],
    [{ score: 0, correct: false }, 'wrong'],
    [{ score: 0.666, correct: false }, '0.67'],
  ])('cmiResult(%j) = %s', (result, text) => {
    expect(cmiResult({ ...result, parts: [] })).toBe(text);
  });
});

describe('the real bank', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const questions = loadBank(root).questions.map((entry) => entry.question);

  it('answered with its keys: every question correct, and every value in a format Moodle accepts', () => {
    const answers = Object.fromEntries(questions.map((q) => [q.id, answerKey(q)]));
    const latency = Object.fromEntries(questions.map((q, i) => [q.id, i * 1000]));
    const work = gradeWork(questions, answers, latency);
    expect(work).toMatchObject({ points: questions.length, max: questions.length });
    for (const i of work.interactions) {
      expect(i.id).toMatch(MOODLE.identifier);
      expect(i.type).toMatch(MOODLE.type);
      expect(i.studentResponse).toMatch(MOODLE.feedback);
      for (const pattern of i.correctPatterns) expect(pattern).toMatch(MOODLE.feedback);
      expect(i.studentResponse).not.toBe('');
      // The key's record is a correct pattern (a set in braces when every part is needed).
      expect(i.correctPatterns.map((p) => p.replace(/^\{(.*)\}$/, '$1'))).toContain(i.studentResponse);
      expect(i.result).toBe('correct');
      expect(i.latency).toMatch(MOODLE.timespan);
    }
  });

  it('unanswered: no points, every result "wrong"', () => {
    const work = gradeWork(questions, {}, {});
    expect(work.points).toBe(0);
    expect(new Set(work.interactions.map((i) => i.result))).toEqual(new Set(['wrong']));
  });
});
