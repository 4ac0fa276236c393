import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opaqueIds, renameIds } from './ids.ts';
import { publishQuestion, questionSchema, type Question } from './index.ts';
import { answerKey, gradeResponse } from './client.ts';
import { publishMultiple } from './multiple/schema.ts';
import { publishOrdering } from './ordering/schema.ts';
import { publishSingle, singleSchema } from './single/schema.ts';

const common = {
  id: 'ids-q01',
  lesson: 'ids',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'Which?',
  explanation: 'Because.',
  evidence: { paragraph: 'p1', quote: 'a quote long enough' },
} as const;

const texts = ['Telegram', 'Facebook', 'TikTok', 'Rocket.Chat'];
const single = (order: readonly number[], answer: number) =>
  singleSchema.parse({
    ...common,
    type: 'single',
    options: order.map((i, n) => ({ id: String.fromCharCode(97 + n), text: texts[i] })),
    answer: String.fromCharCode(97 + order.indexOf(answer)),
  });

describe('opaqueIds', () => {
  it('gives 6 base-36 characters, unique, avoiding the handles they replace', () => {
    const ids = opaqueIds(['x', 'x', 'y'], ['a', 'b']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{6}$/);
  });

  it('(property) an id depends on the text alone: not on position, other options or correctness', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 2 }),
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 2 }),
        fc.nat(),
        fc.nat(),
        (first, second, a, b) => {
          const p = publishSingle(single(first, first[a % first.length] ?? 0)).question;
          const q = publishSingle(single(second, second[b % second.length] ?? 0)).question;
          for (const option of p.options) {
            const same = q.options.find((o) => o.text === option.text);
            if (same) expect(same.id).toBe(option.id);
          }
        },
      ),
    );
  });

  it('skips to the next hash seed when a text hashes to a handle', () => {
    const [clash] = opaqueIds(['Telegram']);
    const [other] = opaqueIds(['Telegram'], [clash ?? '']);
    expect(other).not.toBe(clash);
    expect(other).toMatch(/^[0-9a-z]{6}$/);
  });
});

describe('publishing', () => {
  it('single: options and answer renamed together; grading and the key agree', () => {
    const authored = single([0, 1, 2], 0);
    const { question, renamed } = publishSingle(authored);
    expect(Object.keys(renamed)).toEqual(['a', 'b', 'c']);
    expect(question.answer).toBe(renamed['a']);
    expect(question.options.map((o) => o.text)).toEqual(authored.options.map((o) => o.text));
    expect(gradeResponse(question, answerKey(question)).correct).toBe(true);
    expect(gradeResponse(question, 'a').score).toBe(0);
    expect(gradeResponse(question, renameIds('a', renamed)).correct).toBe(true);
  });

  it('multiple and ordering: every id renamed, the key follows', () => {
    const multiple = questionSchema.parse({
      ...common,
      type: 'multiple',
      options: texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
      answers: ['a', 'b'],
    }) as Extract<Question, { type: 'multiple' }>;
    const m = publishMultiple(multiple);
    expect(m.question.answers).toEqual([m.renamed['a'], m.renamed['b']]);
    expect(gradeResponse(m.question, renameIds(['b', 'a'], m.renamed)).correct).toBe(true);

    const ordering = questionSchema.parse({
      ...common,
      type: 'ordering',
      items: texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
    }) as Extract<Question, { type: 'ordering' }>;
    const o = publishOrdering(ordering);
    expect(o.question.items.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd'].map((h) => o.renamed[h]));
    expect(gradeResponse(o.question, renameIds(['a', 'b', 'c', 'd'], o.renamed)).correct).toBe(true);
  });

  it('a published question still passes the schema, and types without option ids are unchanged', () => {
    const { question } = publishQuestion(single([3, 2, 1, 0], 2));
    expect(questionSchema.safeParse(question).success).toBe(true);
    const tf = questionSchema.parse({ ...common, type: 'truefalse', answer: false });
    expect(publishQuestion(tf)).toEqual({ question: tf, renamed: {} });
  });
});

describe('renameIds', () => {
  const renamed = { a: 'k3f9x2', b: 'q81zz0', d1: 'mm0p4a' };

  it.each([
    ['one choice', 'a', 'k3f9x2'],
    ['choices or an order', ['b', 'a'], ['q81zz0', 'k3f9x2']],
    ['matching values (keys are pair ids and stay)', { a: 'b', p2: 'd1' }, { a: 'q81zz0', p2: 'mm0p4a' }],
    ['an id that is not a handle', 'zz', 'zz'],
    ['typed text (no renames apply)', 'Telegram', 'Telegram'],
    ['a number', 42, 42],
    ['null', null, null],
  ])('%s', (_label, response, expected) => {
    expect(renameIds(response, renamed)).toEqual(expected);
  });

  it('(property) is idempotent and keeps everything that is not a handle', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (response) => {
        const once = renameIds(response, renamed);
        expect(renameIds(once, renamed)).toEqual(once);
        if (JSON.stringify(response) === JSON.stringify(once)) expect(once).toBe(response);
      }),
    );
  });
});
