import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBank, validateCourse, type BankArticle } from './bank.ts';
import { countBounds, hiddenNegative, RULE } from './items.ts';

/** Fixture banks: small banks built in code that pass every rule, then break one rule each. */
const LESSON = 'fixture-lesson';
const FILE = `content/quizzes/${LESSON}.yaml`;
const PARAGRAPH = 'The conflict is taking place both on the ground as well as online.';
const articles = new Map<string, BankArticle>([
  [LESSON, { id: LESSON, paragraphs: [{ id: 'p2', text: PARAGRAPH }] }],
]);
const common = (id: string) => ({
  id,
  lesson: LESSON,
  objective: 'lo1',
  bloom: 'understand',
  explanation: 'Paragraph 2 says so.',
  evidence: { paragraph: 'p2', quote: 'taking place both on the ground' },
});
const letters = 'abcdefgh';

/** A four-option single-choice item whose key is at `position` (1-based); options of equal length. */
function single(
  id: string,
  position: number,
  texts = ['Option one', 'Option two', 'Option six', 'Option ten'],
) {
  return {
    ...common(id),
    type: 'single',
    prompt: 'Where does the conflict take place?',
    options: texts.map((text, i) => ({
      id: letters[i],
      text,
      ...(i + 1 === position ? {} : { feedback: 'Reread paragraph 2.' }),
    })),
    answer: letters[position - 1],
  };
}
function multiple(id: string, keys: number[]) {
  return {
    ...common(id),
    type: 'multiple',
    prompt: 'Which places does paragraph 2 name? Select all that apply.',
    options: ['Choice one', 'Choice two', 'Choice six', 'Choice ten', 'Choice new'].map((text, i) => ({
      id: letters[i],
      text,
      feedback: 'Reread paragraph 2.',
    })),
    answers: keys.map((k) => letters[k - 1]),
  };
}
function truefalse(id: string, answer: boolean) {
  return {
    ...common(id),
    type: 'truefalse',
    prompt: 'The conflict is taking place online as well.',
    answer,
    feedbackTrue: 'Reread paragraph 2.',
    feedbackFalse: 'Reread paragraph 2.',
  };
}
const sourceEvaluation = <T extends object>(q: T) => ({ ...q, skill: 'source-evaluation' });

/** Passes every rule: keys on positions 1–4, multiple keys spread, one True and one False. */
function goodBank(): Record<string, unknown>[] {
  return [
    sourceEvaluation(single('fx-q01', 1)),
    sourceEvaluation(single('fx-q02', 2)),
    single('fx-q03', 3),
    single('fx-q04', 4),
    multiple('fx-q05', [1, 3]),
    multiple('fx-q06', [2, 4, 5]),
    truefalse('fx-q07', true),
    truefalse('fx-q08', false),
  ];
}
const check = (bank: unknown[]) => validateBank(FILE, LESSON, bank, articles).errors;

describe('the item-writing check on a bank', () => {
  it('passes a bank that follows every rule', () => {
    expect(check(goodBank())).toEqual([]);
  });

  it('fails when single-choice keys crowd one position, naming the position and the items', () => {
    const bank = goodBank();
    bank[2] = single('fx-q03', 1);
    bank[3] = single('fx-q04', 1);
    const errors = check(bank);
    expect(errors).toContain(
      `${FILE}: ${RULE.keyPosition}: position 1 holds 3 of 4 keys in 4-option Single choice items (75%); 1 allowed (fx-q01, fx-q03, fx-q04)`,
    );
    expect(errors.some((e) => e.includes('position 3 holds 0 of 4'))).toBe(true);
  });

  it('fails when multiple-response keys always open the list', () => {
    const bank = goodBank();
    bank[4] = multiple('fx-q05', [1, 2]);
    bank[5] = multiple('fx-q06', [1, 2, 3]);
    expect(check(bank).filter((e) => e.includes(RULE.keyPosition))).toEqual([]);
    // Two keys of five on position 1 is within one bank's rounding; over more items it is not.
    const bigger = [...bank, multiple('fx-q09', [1, 2]), multiple('fx-q10', [1, 3])];
    expect(check(bigger).filter((e) => e.includes(RULE.keyPosition))).toEqual([
      `${FILE}: ${RULE.keyPosition}: position 1 holds 4 of 9 keys in 5-option Multiple choice items (44%); 1–3 allowed (fx-q05, fx-q06, fx-q09, fx-q10)`,
      `${FILE}: ${RULE.keyPosition}: position 4 holds 0 of 9 keys in 5-option Multiple choice items (0%); 1–3 allowed`,
      `${FILE}: ${RULE.keyPosition}: position 5 holds 0 of 9 keys in 5-option Multiple choice items (0%); 1–3 allowed`,
    ]);
  });

  it('fails when the key is most often the strictly longest option', () => {
    // One character longer than the rest is enough for a test-wise learner to pick it.
    const bank = goodBank();
    for (const [i, position] of [1, 2, 3].entries()) {
      const texts = ['Option one', 'Option two', 'Option six', 'Option ten'];
      texts[position - 1] = 'Option one!';
      bank[i] = {
        ...single(`fx-q0${i + 1}`, position, texts),
        skill: i < 2 ? 'source-evaluation' : undefined,
      };
    }
    expect(check(bank)).toContain(
      `${FILE}: ${RULE.longestOption}: the strictly longest option is the key (or in it) in 3 of 6 choice items (50%); 0–2 allowed (fx-q01, fx-q02, fx-q03)`,
    );
  });

  it('flags an item whose key is more than 1.5× its distractors’ mean length', () => {
    const bank = goodBank();
    bank[2] = single('fx-q03', 3, ['Option one', 'Option two', 'A much longer option', 'Option ten']);
    expect(check(bank)).toContain(
      `${FILE}: question "fx-q03": ${RULE.keyLength}: a key option is 2.00× the mean length of the distractors (at most 1.5×); shorten it or make the distractors as full`,
    );
    // Exactly 1.5× is allowed.
    bank[2] = single('fx-q03', 3, ['Option one', 'Option two', 'Option one, two', 'Option ten']);
    expect(check(bank).filter((e) => e.includes(RULE.keyLength))).toEqual([]);
  });

  it('fails when true/false keys lean to one side', () => {
    const bank = goodBank();
    bank[6] = truefalse('fx-q07', false);
    expect(check(bank)).toContain(
      `${FILE}: ${RULE.keyPosition}: “True” is the key in 0 of 2 True / false items (0%); 1 allowed`,
    );
  });

  it.each(['All of the above', 'None of the above', 'all of these'])('bans the option "%s"', (text) => {
    const bank = goodBank();
    bank[3] = single('fx-q04', 4, ['Option one', 'Option two', 'Option six', text]);
    expect(check(bank).filter((e) => e.includes(RULE.bannedForm))).toEqual([
      `${FILE}: question "fx-q04": ${RULE.bannedForm}: option d says "${text}"`,
    ]);
  });

  it('fails a negative stem unless the negative word is emphasised', () => {
    const bank = goodBank();
    bank[2] = { ...single('fx-q03', 3), prompt: 'Which place does paragraph 2 NOT name?' };
    bank[3] = { ...single('fx-q04', 4), prompt: 'Which of these is *not* named in paragraph 2?' };
    expect(check(bank)).toEqual([
      `${FILE}: question "fx-q03": ${RULE.negativeStem}: the prompt says "NOT" without emphasis; write *NOT* or reword the stem positively`,
    ]);
  });

  it('fails a bank with fewer than two source-evaluation items', () => {
    const bank = goodBank();
    bank[1] = single('fx-q02', 2);
    expect(check(bank)).toContain(
      `${FILE}: ${RULE.sourceEvaluation}: 1 item(s) marked "skill: source-evaluation"; at least 2 needed`,
    );
  });
});

describe('the item-writing check over the course', () => {
  const bankOf = (prefix: string, items: Record<string, unknown>[]) =>
    validateBank(
      FILE,
      LESSON,
      items.map((q) => ({ ...q, id: `${prefix}-${String(q.id)}` })),
      articles,
    );

  it('applies the exact shares that a single bank is allowed to round', () => {
    // Each bank: 3 true/false items, 2 True (67%), within one bank's 1–2; together 4 of 6.
    const bank = [...goodBank(), truefalse('fx-q09', true)];
    const a = bankOf('a', bank);
    const b = bankOf('b', bank);
    expect([...a.errors, ...b.errors]).toEqual([]);
    expect(validateCourse('content/quizzes', [...a.questions, ...b.questions])).toEqual([
      `content/quizzes (course-wide): ${RULE.keyPosition}: “True” is the key in 4 of 6 True / false items (67%); 40–60% allowed`,
    ]);
  });

  it('fails keys that lean to one position across banks', () => {
    // Five single items per bank: 2/1/1/1 is the best a bank can do, but position 1 then gathers 40%.
    const bank = [...goodBank(), single('fx-q09', 1)];
    const a = bankOf('a', bank);
    const b = bankOf('b', bank);
    expect([...a.errors, ...b.errors]).toEqual([]);
    expect(validateCourse('content/quizzes', [...a.questions, ...b.questions])).toEqual([
      `content/quizzes (course-wide): ${RULE.keyPosition}: position 1 holds 4 of 10 keys in 4-option Single choice items (40%); 15–35% allowed (a-fx-q01, a-fx-q09, b-fx-q01, b-fx-q09)`,
    ]);
  });
});

describe('countBounds (a bank’s share bounds as whole items)', () => {
  it.each([
    [6, 0.15, 0.35, [1, 2]],
    [4, 0.15, 0.35, [1, 1]],
    [72, 0.15, 0.35, [11, 25]],
    [2, 0.4, 0.6, [1, 1]],
    [1, 0.4, 0.6, [0, 1]],
    [3, 0.4, 0.6, [1, 2]],
    [10, 0, 0.3, [0, 3]],
    [0, 0.15, 0.35, [0, 0]],
  ])('%i items, %f–%f → %j', (n, lo, hi, bounds) => {
    expect(countBounds(n, lo, hi)).toEqual(bounds);
  });

  it('allows every count the exact share allows, and none more than half an item beyond it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (n, a, b) => {
          const [lo, hi] = [Math.min(a, b) / 100, Math.max(a, b) / 100];
          const [min, max] = countBounds(n, lo, hi);
          for (let c = 0; c <= n; c++) {
            const share = c / n;
            if (share >= lo && share <= hi) expect(c >= min && c <= max).toBe(true);
            if (c >= min && c <= max) {
              expect(share).toBeGreaterThanOrEqual(lo - 0.5 / n - 1e-9);
              expect(share).toBeLessThanOrEqual(hi + 0.5 / n + 1e-9);
            }
          }
        },
      ),
    );
  });
});

describe('hiddenNegative', () => {
  it.each([
    ['Which place is NOT named?', 'NOT'],
    ['Which of these does the author not claim?', 'not'],
    ['All of these are named EXCEPT which?', 'EXCEPT'],
    ["Which of these isn't named?", "isn't"],
    ['Which of these is *not* named?', null],
    ['Which place is *NOT* named?', null],
    ['Why does the author write “not truly cyberterrorism”?', null],
    ['Which statement is the author’s inference?', null],
    ['What does the notion of nexus mean?', null],
  ])('%s → %s', (prompt, word) => {
    expect(hiddenNegative(prompt)).toBe(word);
  });
});
