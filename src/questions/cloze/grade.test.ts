import { describe, expect, it } from 'vitest';
import { describeCloze, gradeCloze, keyCloze } from './grade.ts';
import { clozeSchema, clozeSegments } from './schema.ts';
import type { ClozeQuestionInput } from './schema.ts';

const input: ClozeQuestionInput = {
  type: 'cloze',
  id: 'aq-q07',
  lesson: 'al-qaeda-online',
  objective: 'lo2',
  bloom: 'remember',
  prompt: 'Fill in the blanks.',
  explanation: 'As-Sahab was the media arm; Inspire was the English magazine.',
  evidence: { paragraph: 'p6', quote: 'its media arm as-Sahab and the English-language Inspire' },
  text: 'Al-Qaeda’s media arm was {{b1}}; its English magazine was {{ b2 }}, launched in {{b3}}.',
  blanks: [
    { id: 'b1', accept: ['as-Sahab', 'al-Sahab'] },
    { id: 'b2', accept: ['Inspire'] },
    { id: 'b3', accept: ['2010'], typos: 0 },
  ],
};
const question = clozeSchema.parse(input);
const part = (id: string, correct: boolean, feedback?: string) =>
  feedback ? { id, correct, feedback } : { id, correct };

describe('gradeCloze', () => {
  it.each([
    [
      'all right',
      { b1: 'As Sahab', b2: 'inspire', b3: '2010' },
      1,
      true,
      [part('b1', true), part('b2', true), part('b3', true)],
    ],
    [
      'two of three',
      { b1: 'al-Sahab', b2: 'Dabiq', b3: '2010' },
      2 / 3,
      false,
      [part('b1', true), part('b2', false), part('b3', true)],
    ],
    [
      'one of three, one missing',
      { b2: 'Inspire', b3: '2011' },
      1 / 3,
      false,
      [part('b1', false, 'Not answered'), part('b2', true), part('b3', false)],
    ],
    [
      'all empty',
      { b1: '', b2: '', b3: '' },
      0,
      false,
      [part('b1', false), part('b2', false), part('b3', false)],
    ],
    [
      'nothing',
      {},
      0,
      false,
      [
        part('b1', false, 'Not answered'),
        part('b2', false, 'Not answered'),
        part('b3', false, 'Not answered'),
      ],
    ],
  ])('grades %s', (_label, response, score, correct, parts) => {
    const result = gradeCloze(question, response);
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.correct).toBe(correct);
    expect(result.parts).toEqual(parts);
    expect(result.note).toBeUndefined();
  });

  it('accepts a typo in one blank with a note, but not where typos: 0', () => {
    expect(gradeCloze(question, { b1: 'as-Sahab', b2: 'Inspier', b3: '2010' })).toEqual({
      score: 1,
      correct: true,
      parts: [part('b1', true), part('b2', true, 'Accepted — check the spelling: Inspire'), part('b3', true)],
      note: 'typo',
    });
    expect(gradeCloze(question, { b1: 'as-Sahab', b2: 'Inspire', b3: '2001' }).parts[2]).toEqual(
      part('b3', false),
    );
  });

  it.each([
    ['an extra key', { b1: 'as-Sahab', b2: 'Inspire', b3: '2010', b4: 'x' }],
    ['a non-string value', { b1: 'as-Sahab', b2: 'Inspire', b3: 2010 }],
    ['an array', ['as-Sahab', 'Inspire', '2010']],
    ['a string', 'as-Sahab Inspire 2010'],
    ['null', null],
    ['undefined', undefined],
  ])('scores a malformed response (%s) 0', (_label, response) => {
    const result = gradeCloze(question, response);
    expect(result).toMatchObject({ score: 0, correct: false, parts: [{ id: 'response', correct: false }] });
  });

  it('keys and describes in reading order', () => {
    expect(keyCloze(question)).toEqual({ b1: 'as-Sahab', b2: 'Inspire', b3: '2010' });
    expect(describeCloze(question)).toBe(
      'Blank 1: as-Sahab (also: al-Sahab); Blank 2: Inspire; Blank 3: 2010',
    );
  });

  it('splits text into segments', () => {
    expect(clozeSegments('A {{x}} b {{ y }}')).toEqual([
      { kind: 'prose', text: 'A ' },
      { kind: 'blank', id: 'x' },
      { kind: 'prose', text: ' b ' },
      { kind: 'blank', id: 'y' },
    ]);
  });
});

describe('clozeSchema', () => {
  it.each([
    ['a placeholder without a blank', { text: `${input.text} {{b9}}` }, ['text']],
    [
      'a blank not in the text',
      { blanks: [...input.blanks, { id: 'b4', accept: ['x'] }] },
      ['blanks', 3, 'id'],
    ],
    ['a placeholder used twice', { text: `${input.text} {{b1}}` }, ['text']],
    ['duplicate blank ids', { blanks: [...input.blanks, { id: 'b1', accept: ['x'] }] }, ['blanks', 3, 'id']],
    [
      'a blank with no accepted answers',
      { blanks: [{ id: 'b1', accept: [] }, input.blanks[1], input.blanks[2]] },
      ['blanks', 0, 'accept'],
    ],
    ['no blanks', { text: 'No blanks here.', blanks: [] }, ['blanks']],
  ])('rejects %s', (_label, patch, path) => {
    const result = clozeSchema.safeParse({ ...input, ...patch });
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('names the offending placeholder', () => {
    const result = clozeSchema.safeParse({ ...input, text: `${input.text} {{b9}}` });
    expect(result.error?.issues[0]?.message).toContain('{{b9}}');
  });
});
