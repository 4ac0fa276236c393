import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BankArticle } from './bank.ts';
import {
  POOL_RULES,
  comparesArticles,
  poolStats,
  promptSimilarity,
  validatePool,
  validatePoolFile,
  type PoolContext,
  type PoolItem,
  type PoolRules,
} from './pool.ts';

/** Two one-paragraph articles in two modules, and a bank of two questions. */
const ONE = 'lesson-one';
const TWO = 'lesson-two';
const context: PoolContext = {
  articles: new Map<string, BankArticle>([
    [
      ONE,
      {
        id: ONE,
        paragraphs: [
          { id: 'p1', text: 'The conflict is taking place both on the ground as well as online.' },
        ],
      },
    ],
    [
      TWO,
      {
        id: TWO,
        paragraphs: [{ id: 'p1', text: 'Banning or blocking these tools will not ensure victory.' }],
      },
    ],
  ]),
  modules: new Map([
    ['first', [ONE]],
    ['second', [TWO]],
  ]),
  bank: [
    {
      id: 'one-q01',
      prompt: 'Which statement best describes where the author says the conflict is taking place?',
      file: 'content/quizzes/lesson-one.yaml',
    },
    {
      id: 'two-q01',
      prompt: 'What does the author conclude about blocking tools?',
      file: 'content/quizzes/lesson-two.yaml',
    },
  ],
};
const FILE = 'content/assessment/pool/first.yaml';

/** Prompts with no word pair in common, so fixture items never count as one another reworded. */
const PROMPTS = [
  'An analyst reading the article would place the conflict in two arenas at once.',
  'Fighting happens offline as well as on websites, according to this source.',
  'Observers see both battlefield and internet activity in this war.',
  'Two settings, ground and web, host the struggle described here.',
  'A reader learns the clash spans physical territory plus cyberspace.',
];

/** A valid true/false pool item of lesson ONE; the key alternates with the number in its id. */
function item(id: string, extra: Record<string, unknown> = {}) {
  const n = Number(id.replace(/\D/g, ''));
  return {
    id,
    type: 'truefalse',
    lesson: ONE,
    objective: 'lo1',
    bloom: 'apply',
    prompt: PROMPTS[n % PROMPTS.length],
    answer: n % 2 === 0,
    feedbackTrue: 'Check paragraph 1.',
    feedbackFalse: 'Check paragraph 1 again.',
    explanation: 'Paragraph 1 names both arenas.',
    evidence: { paragraph: 'p1', quote: 'both on the ground as well as online' },
    ...extra,
  };
}

function read(data: unknown[], file = FILE, module = 'first') {
  return validatePoolFile(file, module, data, context);
}

/** Rules scaled down to the fixtures, so that one rule at a time can be broken. */
const LOOSE: PoolRules = {
  ...POOL_RULES,
  minItems: 2,
  minPerModule: 0,
  minScenario: 0,
  minComparison: 0,
  minSourceEvaluation: 0,
};

describe('validatePoolFile', () => {
  it('accepts an item with a verbatim quote from another article, and marks it as comparing articles', () => {
    const { items, errors } = read([
      item('fa-1', {
        also: [{ lesson: TWO, paragraph: 'p1', quote: 'will not ensure victory' }],
        scenario: true,
      }),
    ]);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ module: 'first', file: FILE, scenario: true });
    expect(items[0]!.hash).toMatch(/\S/);
    expect(comparesArticles(items[0]!)).toBe(true);
  });

  it('publishes options under opaque ids, as lesson banks do: not the authored handles', () => {
    const {
      feedbackTrue: _t,
      feedbackFalse: _f,
      ...single
    } = item('fa-2', {
      type: 'single',
      answer: 'b',
      options: [
        { id: 'a', text: 'Ground, not online', feedback: 'Paragraph 1 names online too.' },
        { id: 'b', text: 'Ground and online' },
        { id: 'c', text: 'Online, not ground', feedback: 'Paragraph 1 names the ground too.' },
      ],
    });
    const { items, errors } = read([single]);
    expect(errors).toEqual([]);
    const q = items[0]!.question;
    if (q.type !== 'single') throw new Error('expected a single-choice item');
    const ids = q.options.map((o) => o.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{6}$/);
    expect(q.answer).toBe(ids[1]);
  });

  it('checks every `also` quote verbatim, naming the item and the quote', () => {
    const { errors } = read([
      item('fa-1', {
        also: [
          { lesson: TWO, paragraph: 'p1', quote: 'will surely ensure victory' },
          { lesson: 'no-such-lesson', paragraph: 'p1', quote: 'whatever it says' },
        ],
      }),
    ]);
    expect(errors).toEqual([
      `${FILE}: question "fa-1": also[0]: the quote is not verbatim in p1: “will surely ensure victory”`,
      `${FILE}: question "fa-1": also[1]: no article has the id "no-such-lesson"`,
    ]);
  });

  it('refuses an item whose lesson is outside the file’s module, and a file named after no module', () => {
    expect(
      read([item('fa-1', { lesson: TWO, evidence: { paragraph: 'p1', quote: 'will not ensure' } })]).errors,
    ).toEqual([`${FILE}: question "fa-1": lesson: "${TWO}" is not a lesson of module "first" (${ONE})`]);
    expect(read([], 'content/assessment/pool/third.yaml', 'third').errors[0]).toMatch(
      /no module has the id "third" \(the file name must be a module id/,
    );
  });

  it('reports misspelt pool fields and question fields by path, and the item-writing rules', () => {
    const { errors } = read([
      item('fa-1', { scenario: 'yes', hint: ['x'] }),
      item('fa-2', { prompt: 'The analyst cannot place the conflict in two arenas.' }),
    ]);
    expect(errors).toEqual([
      expect.stringMatching(/^content\/assessment\/pool\/first\.yaml: question "fa-1": scenario: /),
      expect.stringMatching(/question "fa-1": \(question\): Unrecognized key: "hint"/),
      `${FILE}: question "fa-2": negative stem: the prompt says "cannot" without emphasis; write *cannot* or reword the stem positively`,
    ]);
  });

  it('says what it found when the file is not a list', () => {
    expect(read({ id: 'fa-1' } as unknown as unknown[]).errors).toEqual([
      `${FILE}: expected a list of items, found object`,
    ]);
  });
});

describe('validatePool', () => {
  const pool = (...raw: ReturnType<typeof item>[]): PoolItem[] => read(raw).items;

  it('passes a pool that meets the rules', () => {
    expect(validatePool('content/assessment/pool', pool(item('fa-1'), item('fa-2')), context, LOOSE)).toEqual(
      [],
    );
  });

  it('refuses an item that reuses a lesson-bank id', () => {
    const errors = validatePool('pool', pool(item('one-q01'), item('fa-2')), context, LOOSE);
    expect(errors).toEqual([
      `${FILE}: question "one-q01": id: also a lesson-bank question in content/quizzes/lesson-one.yaml`,
    ]);
  });

  it('refuses a lesson-bank question lightly reworded, and a repeat inside the pool', () => {
    const reworded = item('fa-1', {
      prompt: 'Which statement best describes where the author says that the conflict takes place?',
    });
    const repeat = item('fa-3', { prompt: item('fa-2').prompt });
    const errors = validatePool('pool', pool(reworded, item('fa-2'), repeat, item('fa-4')), context, LOOSE);
    expect(errors).toEqual([
      expect.stringMatching(
        /^content\/assessment\/pool\/first\.yaml: question "fa-1": prompt: the same question as lesson-bank question "one-q01" in content\/quizzes\/lesson-one\.yaml \(prompts \d+% alike; at most 60% allowed\)$/,
      ),
      `${FILE}: question "fa-3": prompt: the same question as pool item "fa-2" (prompts 100% alike)`,
    ]);
  });

  it('counts the pool against its size, module, Bloom and kind-of-item rules', () => {
    const items = pool(item('fa-1', { bloom: 'understand' }), item('fa-2', { bloom: 'remember' }));
    const errors = validatePool('pool', items, context, {
      ...POOL_RULES,
      minItems: 3,
      minPerModule: 1,
      minScenario: 1,
      minComparison: 1,
      minSourceEvaluation: 1,
    });
    expect(errors).toEqual([
      'pool (the pool): 2 items; at least 3 needed',
      'pool (the pool): module "second" has 0 item(s); at least 1 needed',
      'pool (the pool): 0 of 2 items (0%) are at "apply" or above; at least 60% needed',
      'pool (the pool): 0 scenario items ("scenario: true"); at least 1 needed',
      'pool (the pool): 0 items comparing articles ("also" quoting another lesson); at least 1 needed',
      'pool (the pool): 0 items marked "skill: source-evaluation"; at least 1 needed',
    ]);
  });

  it('applies the key-position rule at the exact course-wide shares', () => {
    // Two true/false items keyed True: 100% True, where a bank of two would need exactly one.
    const items = pool(item('fa-2'), item('fa-4'));
    expect(validatePool('pool', items, context, LOOSE)).toEqual([
      'pool (the pool): key position: “True” is the key in 2 of 2 True / false items (100%); 40–60% allowed',
    ]);
  });
});

describe('promptSimilarity', () => {
  const words = fc.array(
    fc.constantFrom('the', 'author', 'says', 'conflict', 'online', 'analyst', 'which', 'source'),
    {
      minLength: 2,
      maxLength: 20,
    },
  );

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const s = promptSimilarity(a.join(' '), b.join(' '));
        expect(s).toBe(promptSimilarity(b.join(' '), a.join(' ')));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('ignores case, accents, punctuation and emphasis, as answer matching does', () => {
    fc.assert(
      fc.property(words, (w) => {
        const plain = w.join(' ');
        const dressed = `*${w.map((x, i) => (i % 2 ? x.toUpperCase() : `${x},`)).join(' ')}?*`;
        expect(promptSimilarity(plain, dressed)).toBe(1);
      }),
    );
  });

  it('scores a light rewording high and a different question on the same article low', () => {
    const bank =
      'Which is the strongest reason for caution about the article’s positive assessment of the Instagram campaign?';
    expect(
      promptSimilarity(
        bank,
        'Which is the strongest reason for caution about the positive assessment of the Instagram campaign?',
      ),
    ).toBeGreaterThanOrEqual(POOL_RULES.nearSamePrompt);
    expect(
      promptSimilarity(
        bank,
        'How firmly does the article establish its reason for the drop in viewer retention on Instagram?',
      ),
    ).toBeLessThan(0.3);
  });
});

describe('poolStats', () => {
  it('counts types, Bloom levels, modules and the kinds of item', () => {
    const items = read([
      item('fa-1', { scenario: true, skill: 'source-evaluation' }),
      item('fa-2', {
        bloom: 'understand',
        also: [{ lesson: TWO, paragraph: 'p1', quote: 'will not ensure victory' }],
      }),
    ]).items;
    expect(poolStats(items)).toEqual({
      items: 2,
      types: [['truefalse', 2]],
      bloom: { apply: 1, understand: 1 },
      applyOrAbove: ['fa-1'],
      scenario: ['fa-1'],
      comparison: ['fa-2'],
      sourceEvaluation: ['fa-1'],
      perModule: { first: 2 },
    });
  });
});
