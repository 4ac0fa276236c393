import { describe, expect, it } from 'vitest';
import { describeNumeric, gradeNumeric, keyNumeric, parseNumber, withinTolerance } from './grade.ts';
import { numericSchema } from './schema.ts';
import type { NumericQuestionInput } from './schema.ts';

const input: NumericQuestionInput = {
  type: 'numeric',
  id: 'mali-q04',
  lesson: 'mali-jihadists-support-their-struggle-online',
  objective: 'lo3',
  bloom: 'remember',
  prompt: 'Roughly what share of posts were videos?',
  explanation: 'About three quarters.',
  evidence: { paragraph: 'p7', quote: 'some 75% of the material was video' },
  answer: 75,
  tolerance: { kind: 'absolute', value: 5 },
  unit: '%',
};
const make = (patch: Partial<NumericQuestionInput>) => numericSchema.parse({ ...input, ...patch });
const percent = make({});
const exact = make({ answer: 4000, tolerance: undefined, unit: undefined });
const relative = make({ answer: 80, tolerance: { kind: 'relative', value: 0.05 }, unit: undefined });
const negative = make({ answer: -12.5, tolerance: { kind: 'absolute', value: 0.5 }, unit: '°C' });
const km = make({ answer: 1200, tolerance: undefined, unit: 'km' });

describe('gradeNumeric', () => {
  it.each([
    ['exact number', percent, 75, true],
    ['lower edge (absolute)', percent, 70, true],
    ['upper edge (absolute)', percent, 80, true],
    ['just below (absolute)', percent, 69.99, false],
    ['just above (absolute)', percent, 80.01, false],
    ['string with unit', percent, '75%', true],
    ['string with spaced unit', percent, ' 75 % ', true],
    ['string at edge', percent, '80 %', true],
    ['exact: the key', exact, 4000, true],
    ['exact: thousands comma', exact, '4,000', true],
    ['exact: thousands space', exact, '4 000', true],
    ['exact: thousands no-break space', exact, '4\u00a0000', true],
    ['exact: decimal form', exact, '4000.0', true],
    ['exact: exponent', exact, '4e3', true],
    ['exact: off by one', exact, 4001, false],
    ['exact: decimal comma is not thousands', exact, '4,0', false],
    ['relative lower edge (−5 %)', relative, 76, true],
    ['relative upper edge (+5 %)', relative, 84, true],
    ['relative just outside', relative, 75.9, false],
    ['relative just outside above', relative, 84.1, false],
    ['negative exact', negative, -12.5, true],
    ['negative edge', negative, '-13', true],
    ['negative with unicode minus and unit', negative, '−12 °C', true],
    ['negative outside', negative, -13.1, false],
    ['sign matters', negative, 12.5, false],
    ['word unit, any case', km, '1,200 KM', true],
    ['unit as a prefix is also stripped', km, 'km 1200', true],
  ])('%s', (_label, question, response, correct) => {
    const result = gradeNumeric(question, response);
    expect(result).toEqual({ score: correct ? 1 : 0, correct, parts: [{ id: 'answer', correct }] });
  });

  it.each([
    ['empty string', ''],
    ['words', 'seventy-five'],
    ['two numbers', '70 80'],
    ['a wrong unit', '75 km'],
    ['a bare separator', ','],
    ['infinite', 'Infinity'],
  ])('scores an unparseable string (%s) 0 with "Not a number"', (_label, response) => {
    expect(gradeNumeric(percent, response)).toEqual({
      score: 0,
      correct: false,
      parts: [{ id: 'response', correct: false, feedback: 'Not a number' }],
    });
  });

  it.each([undefined, null, true, [], {}, [75]])('scores malformed %j 0', (response) => {
    expect(gradeNumeric(percent, response)).toMatchObject({
      score: 0,
      correct: false,
      parts: [{ id: 'response' }],
    });
  });

  it.each([NaN, Infinity, -Infinity])('scores the non-finite number %s 0', (response) => {
    expect(gradeNumeric(percent, response).score).toBe(0);
  });

  it('tolerates float rounding on exact answers', () => {
    const point3 = make({ answer: 0.3, tolerance: undefined, unit: undefined });
    expect(gradeNumeric(point3, 0.1 + 0.2).correct).toBe(true);
    expect(withinTolerance(0.1 + 0.2, 0.3)).toBe(true);
  });

  it('relative tolerance around 0 is exact', () => {
    expect(withinTolerance(0.001, 0, { kind: 'relative', value: 0.5 })).toBe(false);
    expect(withinTolerance(0, 0, { kind: 'relative', value: 0.5 })).toBe(true);
  });

  it('keys and describes', () => {
    expect(keyNumeric(percent)).toBe(75);
    expect(describeNumeric(percent)).toBe('75 % (±5)');
    expect(describeNumeric(exact)).toBe('4000');
    expect(describeNumeric(relative)).toBe('80 (±5%)');
  });
});

describe('parseNumber', () => {
  it.each([
    ['42', undefined, 42],
    ['+42', undefined, 42],
    ['-3.5', undefined, -3.5],
    ['.5', undefined, 0.5],
    ['5.', undefined, 5],
    ['1e6', undefined, 1e6],
    ['1,000,000', undefined, 1e6],
    ['1 000 000', undefined, 1e6],
    ["1'234.5", undefined, 1234.5],
    ['1_000', undefined, 1000],
    ['3,5', undefined, 3.5],
    ['０７５', undefined, 75],
    ['75%', '%', 75],
    ['$ 5', '$', 5],
    ['1,00,000', undefined, undefined],
    ['1,000 000', undefined, undefined],
    ['1.000,5', undefined, undefined],
    ['75%', undefined, undefined],
    ['1/2', undefined, undefined],
    ['0x10', undefined, undefined],
    ['--1', undefined, undefined],
  ])('parses %j (unit %j) as %j', (text, unit, expected) => {
    expect(parseNumber(text, unit)).toBe(expected);
  });
});

describe('numericSchema', () => {
  it.each([
    ['a negative tolerance', { tolerance: { kind: 'absolute', value: -1 } }, ['tolerance', 'value']],
    ['an unknown tolerance kind', { tolerance: { kind: 'percent', value: 5 } }, ['tolerance', 'kind']],
    ['a string answer', { answer: '75' }, ['answer']],
    ['an infinite answer', { answer: Infinity }, ['answer']],
  ])('rejects %s', (_label, patch, path) => {
    const result = numericSchema.safeParse({ ...input, ...patch });
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
