import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { normalizeText } from '../lib/quiz/normalize.ts';
import { displayOrder } from '../lib/quiz/shuffle.ts';
import { questionHash } from '../lib/quiz/hash.ts';
import {
  answerKey,
  bankSchema,
  describeAnswer,
  gradeResponse,
  gradeResultSchema,
  questionSchema,
  responseSchemas,
} from './index.ts';
import type { GradeResult, Question, QuestionInput, QuestionType, Response, ResponseOf } from './index.ts';
import { questionTypes } from './client.ts';
import { rightOptions } from './matching/schema.ts';

// ---------------------------------------------------------------------------
// Arbitraries: valid questions of every type.

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
const sentence = fc.stringMatching(/^[A-Za-z][A-Za-z ,.?]{0,30}$/);
/** Short words with at least one letter, so they survive normalisation. */
const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ' -]{0,11}$/);
const localIds = (min: number, max: number) =>
  fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,3}$/), { minLength: min, maxLength: max });

const common = fc.record(
  {
    id: slug,
    lesson: slug,
    objective: fc.stringMatching(/^lo[1-9]$/),
    bloom: fc.constantFrom('remember', 'understand', 'apply', 'analyze', 'evaluate'),
    prompt: sentence,
    explanation: sentence,
    evidence: fc.record({
      paragraph: fc.nat(99).map((n) => `p${n + 1}`),
      quote: fc.stringMatching(/^[a-z ]{8,20}$/),
    }),
    hints: fc.array(sentence, { maxLength: 2 }),
    feedback: fc.record({ correct: sentence, incorrect: sentence }, { requiredKeys: [] }),
  },
  { requiredKeys: ['id', 'lesson', 'objective', 'bloom', 'prompt', 'explanation', 'evidence'] },
);

const options = (min: number) =>
  localIds(min, 8).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({ id: fc.constant(id), text: word, feedback: sentence }, { requiredKeys: ['id', 'text'] }),
      ),
    ),
  );

const single = fc
  .tuple(common, options(2))
  .chain(([c, opts]) =>
    fc
      .constantFrom(...opts.map((o) => o.id))
      .map((answer) => ({ ...c, type: 'single', options: opts, answer })),
  );

const multiple = fc.tuple(common, options(2)).chain(([c, opts]) =>
  fc
    .shuffledSubarray(
      opts.map((o) => o.id),
      { minLength: 1 },
    )
    .map((answers) => ({ ...c, type: 'multiple', options: opts, answers })),
);

const truefalse = fc
  .tuple(
    common,
    fc.boolean(),
    fc.option(sentence, { nil: undefined }),
    fc.option(sentence, { nil: undefined }),
  )
  .map(([c, answer, feedbackTrue, feedbackFalse]) => ({
    ...c,
    type: 'truefalse',
    answer,
    feedbackTrue,
    feedbackFalse,
  }));

const numeric = fc
  .tuple(
    common,
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
    fc.option(
      fc.record({
        kind: fc.constantFrom('absolute', 'relative'),
        value: fc.double({ noNaN: true, min: 0, max: 100 }),
      }),
      { nil: undefined },
    ),
    fc.option(fc.constantFrom('%', 'km', '°C', 'people'), { nil: undefined }),
  )
  .map(([c, answer, tolerance, unit]) => ({ ...c, type: 'numeric', answer, tolerance, unit }));

const typos = fc.option(fc.constantFrom('auto' as const, 0 as const), { nil: undefined });
const accept = fc.array(word, { minLength: 1, maxLength: 3 });

const text = fc
  .tuple(common, accept, typos)
  .map(([c, acc, t]) => ({ ...c, type: 'text', accept: acc, typos: t }));

const ordering = fc
  .tuple(common, localIds(2, 10))
  .chain(([c, ids]) =>
    fc
      .tuple(...ids.map(() => word))
      .map((texts) => ({ ...c, type: 'ordering', items: ids.map((id, i) => ({ id, text: texts[i] })) })),
  );

const matching = fc
  .tuple(
    common,
    localIds(2, 10).filter((ids) => ids.every((id) => !/^d\d+$/.test(id))),
    fc.nat(3),
  )
  .chain(([c, ids, extra]) =>
    fc
      .tuple(
        fc.tuple(...ids.map(() => word)),
        fc.uniqueArray(word, {
          minLength: ids.length + extra,
          maxLength: ids.length + extra,
          selector: normalizeText,
        }),
      )
      .map(([lefts, rights]) => ({
        ...c,
        type: 'matching',
        pairs: ids.map((id, i) => ({ id, left: lefts[i], right: rights[i] })),
        distractors: extra > 0 ? rights.slice(ids.length) : undefined,
      })),
  );

const cloze = fc.tuple(common, localIds(1, 5)).chain(([c, ids]) =>
  fc
    .tuple(
      fc.tuple(...ids.map(() => fc.tuple(accept, typos))),
      fc.tuple(...ids.map(() => sentence)),
      fc.shuffledSubarray(ids, { minLength: ids.length }),
    )
    .map(([specs, words, order]) => ({
      ...c,
      type: 'cloze',
      text: order.map((id, i) => `${words[i] ?? ''} {{${id}}}`).join(' ') + '.',
      blanks: ids.map((id, i) => ({ id, accept: specs[i]?.[0] ?? [], typos: specs[i]?.[1] })),
    })),
);

const arbitraries = {
  single,
  multiple,
  truefalse,
  numeric,
  text,
  ordering,
  matching,
  cloze,
} satisfies Record<QuestionType, fc.Arbitrary<unknown>>;

/** Any valid question: generated input, parsed. */
const anyQuestion: fc.Arbitrary<Question> = fc
  .oneof(...Object.values(arbitraries))
  .map((input) => questionSchema.parse(input));

/** Responses shaped like the real thing (subsets, permutations, partial maps, near-miss text) — or anything at all. */
function plausibleResponse(question: Question): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'single':
      return fc.constantFrom(...question.options.map((o) => o.id));
    case 'multiple':
      return fc.subarray(question.options.map((o) => o.id));
    case 'truefalse':
      return fc.boolean();
    case 'numeric':
      return fc.oneof(
        fc.double({ noNaN: true }),
        fc.constant(question.answer),
        fc.double({ min: -1, max: 1, noNaN: true }).map((d) => question.answer * (1 + d / 10)),
        fc.string(),
        fc.constant(`${question.answer} ${question.unit ?? ''}`),
      );
    case 'text':
      return fc.oneof(fc.constantFrom(...question.accept), word, fc.string());
    case 'ordering':
      return fc.shuffledSubarray(
        question.items.map((item) => item.id),
        { minLength: question.items.length },
      );
    case 'matching': {
      const ids = rightOptions(question).map((option) => option.id);
      return fc.dictionary(fc.constantFrom(...question.pairs.map((p) => p.id)), fc.constantFrom(...ids));
    }
    case 'cloze':
      return fc.dictionary(
        fc.constantFrom(...question.blanks.map((b) => b.id)),
        fc.oneof(fc.constantFrom(...question.blanks.flatMap((b) => b.accept)), word),
      );
  }
}

const questionAndResponse = anyQuestion.chain((question) =>
  fc.tuple(
    fc.constant(question),
    fc.oneof(plausibleResponse(question), fc.anything({ withNullPrototype: true, withMap: true })),
  ),
);

/** The same question with its options / pairs / blanks / accepted answers in another order. */
function permuted(question: Question): fc.Arbitrary<Question> {
  const reorder = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length });
  switch (question.type) {
    case 'single':
    case 'multiple':
      return reorder(question.options).map((opts) => ({ ...question, options: opts }));
    case 'text':
      return reorder(question.accept).map((acc) => ({ ...question, accept: acc }));
    case 'matching':
      return reorder(question.pairs).map((pairs) => ({ ...question, pairs }));
    case 'cloze':
      return reorder(question.blanks).map((blanks) => ({ ...question, blanks }));
    case 'truefalse':
    case 'numeric':
    case 'ordering':
      return fc.constant(question);
  }
}

const normalised = (result: GradeResult) => ({
  ...result,
  parts: [...result.parts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
});

// ---------------------------------------------------------------------------

describe('question arbitraries', () => {
  it.each(Object.entries(arbitraries))('%s generates valid questions', (_type, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const result = questionSchema.safeParse(input);
        expect(result.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('gradeResponse properties', () => {
  it('never throws and scores in [0, 1] for ANY response', () => {
    fc.assert(
      fc.property(questionAndResponse, ([question, response]) => {
        const result = gradeResponse(question, response);
        expect(gradeResultSchema.safeParse(result).success).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(result.correct).toBe(result.score === 1);
        expect(result.parts.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for fc.anything() responses', () => {
    fc.assert(
      fc.property(anyQuestion, fc.anything(), (question, response) => {
        const { score } = gradeResponse(question, response);
        expect(score >= 0 && score <= 1).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('the answer key scores 1, correct, with no typo note, and is well-formed', () => {
    fc.assert(
      fc.property(anyQuestion, (question) => {
        const key = answerKey(question);
        expect(responseSchemas[question.type].safeParse(key).success).toBe(true);
        const result = gradeResponse(question, key);
        expect(result).toMatchObject({ score: 1, correct: true });
        expect(result.note).toBeUndefined();
        expect(describeAnswer(question).length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('the key survives a JSON round trip (storage, e2e)', () => {
    fc.assert(
      fc.property(anyQuestion, (question) => {
        const key: unknown = JSON.parse(JSON.stringify(answerKey(question)));
        expect(gradeResponse(question, key).correct).toBe(true);
      }),
    );
  });

  it('permuting options / pairs / blanks / accepted answers does not change the grade', () => {
    fc.assert(
      fc.property(
        questionAndResponse.chain(([question, response]) =>
          fc.tuple(fc.constant(question), permuted(question), fc.constant(response)),
        ),
        ([question, reordered, response]) => {
          expect(normalised(gradeResponse(reordered, response))).toEqual(
            normalised(gradeResponse(question, response)),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('grading is pure: same inputs, same result, inputs untouched', () => {
    fc.assert(
      fc.property(questionAndResponse, ([question, response]) => {
        const before = questionHash(question);
        expect(gradeResponse(question, response)).toEqual(gradeResponse(question, response));
        expect(questionHash(question)).toBe(before);
      }),
    );
  });
});

describe('displayOrder properties', () => {
  const ids = (question: Question): string[] => {
    switch (question.type) {
      case 'single':
      case 'multiple':
        return question.options.map((o) => o.id);
      case 'ordering':
        return question.items.map((i) => i.id);
      case 'matching':
        return rightOptions(question).map((o) => o.id);
      default:
        return [];
    }
  };

  it('is a deterministic permutation of the ids, and never shows an ordering solved', () => {
    fc.assert(
      fc.property(anyQuestion, fc.string(), (question, seed) => {
        const order = displayOrder(question, seed);
        expect(displayOrder(question, seed)).toEqual(order);
        expect([...order].sort()).toEqual([...ids(question)].sort());
        if (question.type === 'ordering') expect(order).not.toEqual(ids(question));
      }),
      { numRuns: 1000 },
    );
  });

  it('defaults the seed to the question id', () => {
    fc.assert(
      fc.property(anyQuestion, (question) => {
        expect(displayOrder(question)).toEqual(displayOrder(question, question.id));
      }),
    );
  });

  it('letters describeAnswer by display order', () => {
    const question = questionSchema.parse({
      type: 'single',
      id: 'q',
      lesson: 'l',
      objective: 'lo1',
      bloom: 'remember',
      prompt: 'P',
      explanation: 'E',
      evidence: { paragraph: 'p1', quote: 'a quote here' },
      options: [
        { id: 'a', text: 'Alpha' },
        { id: 'b', text: 'Beta' },
        { id: 'c', text: 'Gamma' },
      ],
      answer: 'c',
    });
    const order = displayOrder(question, 'seed');
    expect(describeAnswer(question, order)).toBe(`${'ABC'[order.indexOf('c')]}. Gamma`);
  });
});

describe('questionHash on questions', () => {
  it('is deterministic, ignores key order, and changes with the prompt', () => {
    fc.assert(
      fc.property(anyQuestion, (question) => {
        const reversed = Object.fromEntries(Object.entries(question).reverse()) as Question;
        expect(questionHash(reversed)).toBe(questionHash(question));
        expect(questionHash(structuredClone(question))).toBe(questionHash(question));
        expect(questionHash({ ...question, prompt: `${question.prompt}!` })).not.toBe(questionHash(question));
      }),
    );
  });

  it('is the same before and after parsing (parsing adds nothing)', () => {
    fc.assert(
      fc.property(fc.oneof(...Object.values(arbitraries)), (input) => {
        expect(questionHash(questionSchema.parse(input))).toBe(questionHash(input as QuestionInput));
      }),
    );
  });
});

describe('questionSchema and bankSchema', () => {
  const base = {
    id: 'mali-q01',
    lesson: 'mali',
    objective: 'lo1',
    bloom: 'remember',
    prompt: 'True?',
    explanation: 'Because.',
    evidence: { paragraph: 'p1', quote: 'a verbatim quote' },
  };

  it('rejects an unknown type at ["type"]', () => {
    const result = questionSchema.safeParse({ ...base, type: 'essay' });
    expect(result.error?.issues[0]?.path).toEqual(['type']);
  });

  it('reports the failing field inside the selected variant', () => {
    const result = questionSchema.safeParse({
      ...base,
      type: 'single',
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      answer: 'c',
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['answer']]);
  });

  it('reports duplicate ids in a bank, naming the id', () => {
    const q = (id: string) => ({ ...base, id, type: 'truefalse', answer: true });
    const result = bankSchema.safeParse([q('mali-q01'), q('mali-q02'), q('mali-q01'), q('mali-q02')]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [[2, 'id'], 'Duplicate question id "mali-q01" (first used at index 0)'],
      [[3, 'id'], 'Duplicate question id "mali-q02" (first used at index 1)'],
    ]);
  });

  it('accepts a bank with unique ids', () => {
    const q = (id: string) => ({ ...base, id, type: 'truefalse', answer: false });
    expect(bankSchema.safeParse([q('a'), q('b')]).success).toBe(true);
  });
});

describe('types', () => {
  it('maps each type to its response shape', () => {
    expectTypeOf<ResponseOf<'single'>>().toEqualTypeOf<string>();
    expectTypeOf<ResponseOf<'multiple'>>().toEqualTypeOf<string[]>();
    expectTypeOf<ResponseOf<'truefalse'>>().toEqualTypeOf<boolean>();
    expectTypeOf<ResponseOf<'numeric'>>().toEqualTypeOf<number | string>();
    expectTypeOf<ResponseOf<'text'>>().toEqualTypeOf<string>();
    expectTypeOf<ResponseOf<'ordering'>>().toEqualTypeOf<string[]>();
    expectTypeOf<ResponseOf<'matching'>>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<ResponseOf<'cloze'>>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<Response>().toEqualTypeOf<string | string[] | boolean | number | Record<string, string>>();
  });

  it('makes a registry missing a type a compile error', () => {
    const { cloze: _cloze, ...incomplete } = questionTypes;
    // @ts-expect-error — `cloze` is missing
    const registry: typeof questionTypes = incomplete;
    expect(Object.keys(registry)).toHaveLength(7);
  });
});
