import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import type { ScoreMatrix } from '../gradebook/grade.ts';
import { itemAnalysis, type ItemAnalysis } from './items.ts';
import { syntheticCohort } from './bench.ts';
import { gradeSubmissions } from '../gradebook/grade.ts';

const base = (id: string) => ({
  id,
  lesson: 'l1',
  objective: 'lo1',
  bloom: 'remember' as const,
  prompt: `Prompt ${id}`,
  explanation: 'Because.',
  evidence: { paragraph: 'p1', quote: 'a verbatim quote' },
});
const numericQ = (id: string): Question => ({ type: 'numeric', ...base(id), answer: 1 });

/** A matrix from rows of scores; every cell counts as attempted unless `responses` says otherwise. */
function matrix(rows: number[][], questions?: Question[], responses?: unknown[][]): ScoreMatrix {
  const p = rows[0]?.length ?? questions?.length ?? 0;
  const qs = questions ?? Array.from({ length: p }, (_, j) => numericQ(`q${j + 1}`));
  const flatResponses = responses ? responses.flat() : rows.flat().map(() => 1);
  return {
    questions: qs,
    students: rows.length,
    scores: Float64Array.from(rows.flat()),
    attempted: Uint8Array.from(flatResponses.map((r) => (r === undefined ? 0 : 1))),
    responses: flatResponses,
  };
}

describe('itemAnalysis: hand-computed fixtures', () => {
  it('a perfect Guttman pattern (4 students × 3 items)', () => {
    // Scores  T   | Item 1: x = 1 1 1 0, mean .75, V = (3·.0625 + .5625)/3 = .25 → F 75, SD 50.
    // 1 1 1   3   |   rest R = T − x = 2 1 0 0, mean .75, V(R) = 2.75/3; C = .75/3 = .25
    // 1 1 0   2   |   D = .25 / √(.25 · .916667) = 52.22 %; sorted pairing gives Cmax = .25 → E = 100 %.
    // 1 0 0   1   | Item 2: x = 1 1 0 0: F 50, V = 1/3 → SD 57.74; R = 2 1 1 0, V(R) = 2/3, C = 1/3
    // 0 0 0   0   |   D = (1/3)/√(2/9) = 1/√2 = 70.71 %; E = 100 %. Item 3 mirrors item 1: D 52.22, E 100.
    // Test: T = 3 2 1 0 of 3 → mean 50 %, median 50 %, V(T) = 5/3, SD = 1.29099/3 = 43.03 %.
    //   CIC = 100 · 3/2 · (1 − (.25 + 1/3 + .25)/(5/3)) = 150 · .5 = 75; ER = 100·√.25 = 50; SE = .5 · 43.03 = 21.52.
    //   Symmetric → skewness 0. m2 = 1.25, m4 = 2.5625, k4 = 16(5·2.5625 − 9·1.5625)/6 = −10/3,
    //   kurtosis = k4 / k2² = (−10/3)/(25/9) = −1.2.
    const result = itemAnalysis(
      matrix([
        [1, 1, 1],
        [1, 1, 0],
        [1, 0, 0],
        [0, 0, 0],
      ]),
    );
    expect(result.test.n).toBe(4);
    expect(result.test.mean).toBeCloseTo(50, 6);
    expect(result.test.median).toBeCloseTo(50, 6);
    expect(result.test.sd).toBeCloseTo(43.0331, 3);
    expect(result.test.skewness).toBeCloseTo(0, 6);
    expect(result.test.kurtosis).toBeCloseTo(-1.2, 6);
    expect(result.test.cic).toBeCloseTo(75, 6);
    expect(result.test.errorRatio).toBeCloseTo(50, 6);
    expect(result.test.standardError).toBeCloseTo(21.5166, 3);
    const [i1, i2, i3] = result.items;
    expect(i1).toMatchObject({ n: 4, attempted: 4 });
    expect(i1?.facility).toBeCloseTo(75, 6);
    expect(i1?.sd).toBeCloseTo(50, 6);
    expect(i1?.discrimination).toBeCloseTo(52.2233, 3);
    expect(i1?.efficiency).toBeCloseTo(100, 6);
    expect(i2?.facility).toBeCloseTo(50, 6);
    expect(i2?.sd).toBeCloseTo(57.735, 3);
    expect(i2?.discrimination).toBeCloseTo(70.7107, 3);
    expect(i2?.efficiency).toBeCloseTo(100, 6);
    expect(i3?.facility).toBeCloseTo(25, 6);
    expect(i3?.discrimination).toBeCloseTo(52.2233, 3);
  });

  it('partial credit: discrimination 30.15 %, efficiency 33.33 %', () => {
    // Item 1: x = 1 0 1 0 (mean .5, V 1/3); rest = item 2 = .5 1 1 0 (mean .625, V .6875/3).
    // Σ dx·dr = .5(−.125) − .5(.375) + .5(.375) − .5(−.625) = .25 → C = .25/3.
    // D = (.25/3)/√(1/3 · .6875/3) = 30.15 %. Sorted: x 0 0 1 1, R 0 .5 1 1 →
    // Σ = (−.5)(−.625) + (−.5)(−.125) + .5(.375) + .5(.375) = .75 → Cmax = .25 → E = (.25/3)/.25 = 33.33 %.
    const result = itemAnalysis(
      matrix([
        [1, 0.5],
        [0, 1],
        [1, 1],
        [0, 0],
      ]),
    );
    expect(result.items[0]?.discrimination).toBeCloseTo(30.1511, 3);
    expect(result.items[0]?.efficiency).toBeCloseTo(33.3333, 3);
  });

  it('a reversed item: discrimination −100 %; constant totals leave CIC, skewness and kurtosis null', () => {
    // x1 = 1 1 0 0, x2 = 0 0 1 1: everyone totals 1 (V(T) = 0); the rest of item 1 is item 2, the
    // exact opposite → D = −100. Cmax pairs sorted columns (+1/3) while C = −1/3 → E = −100.
    const result = itemAnalysis(
      matrix([
        [1, 0],
        [1, 0],
        [0, 1],
        [0, 1],
      ]),
    );
    expect(result.items[0]?.discrimination).toBeCloseTo(-100, 6);
    expect(result.items[0]?.efficiency).toBeCloseTo(-100, 6);
    expect(result.test).toMatchObject({
      sd: 0,
      skewness: null,
      kurtosis: null,
      cic: null,
      errorRatio: null,
      standardError: null,
    });
  });

  it.each([
    ['no students', [], { n: 0, mean: null, median: null, sd: null }],
    ['one student', [[1, 0]], { n: 1, mean: 50, median: 50, sd: null, cic: null }],
    [
      'two students',
      [
        [1, 0],
        [0, 0],
      ],
      { n: 2, mean: 25, median: 25, skewness: null, cic: null },
    ],
  ])('degenerate cohort: %s gives nulls, never NaN', (_label, rows, expected) => {
    const result = itemAnalysis(matrix(rows as number[][], [numericQ('a'), numericQ('b')]));
    expect(result.test).toMatchObject(expected);
    assertNoNaN(result);
  });

  it('an item everyone got right has facility 100 and no discrimination (zero variance)', () => {
    const result = itemAnalysis(
      matrix([
        [1, 1],
        [1, 0],
        [1, 1],
      ]),
    );
    expect(result.items[0]).toMatchObject({ facility: 100, sd: 0, discrimination: null, efficiency: null });
  });
});

describe('option frequencies', () => {
  const single: Question = {
    type: 'single',
    ...base('s1'),
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id}` })),
    answer: 'b',
  };
  const multiple: Question = {
    type: 'multiple',
    ...base('m1'),
    options: ['a', 'b', 'c'].map((id) => ({ id, text: `Option ${id}` })),
    answers: ['a', 'c'],
  };
  const tf: Question = { type: 'truefalse', ...base('t1'), answer: false };

  it('counts every option, including those nobody chose, as a share of those who answered', () => {
    // 4 students; the 4th left all three blank. Single: b, b, a → a 1 (33.3 %), b 2, c 0, d 0.
    // Multiple: [a,c], [a], [c,c] → a 2, b 0, c 2 (a repeated id counts once). True/false: false, false, true.
    const responses = [
      ['b', ['a', 'c'], false],
      ['b', ['a'], false],
      ['a', ['c', 'c'], true],
      [undefined, undefined, undefined],
    ];
    const scores = [
      [1, 1, 1],
      [1, 0.5, 1],
      [0, 0.5, 0],
      [0, 0, 0],
    ];
    const [s, m, t] = itemAnalysis(matrix(scores, [single, multiple, tf], responses)).items;
    expect(s?.attempted).toBe(3);
    expect(s?.options?.map((o) => [o.id, o.correct, o.count])).toEqual([
      ['a', false, 1],
      ['b', true, 2],
      ['c', false, 0],
      ['d', false, 0],
    ]);
    expect(s?.options?.[0]?.percent).toBeCloseTo(33.333, 2);
    expect(s?.options?.[3]?.percent).toBe(0);
    expect(m?.options?.map((o) => [o.id, o.correct, o.count])).toEqual([
      ['a', true, 2],
      ['b', false, 0],
      ['c', true, 2],
    ]);
    expect(t?.options?.map((o) => [o.id, o.text, o.correct, o.count])).toEqual([
      ['true', 'True', false, 1],
      ['false', 'False', true, 2],
    ]);
  });

  it('other types have no options; nobody answering gives null percentages', () => {
    const result = itemAnalysis(matrix([[0, 0]], [numericQ('n1'), single], [[undefined, undefined]]));
    expect(result.items[0]?.options).toBeNull();
    expect(result.items[1]?.options?.every((o) => o.count === 0 && o.percent === null)).toBe(true);
  });
});

function assertNoNaN(result: ItemAnalysis): void {
  const numbers = [
    ...Object.values(result.test),
    ...result.items.flatMap((i) => [
      i.facility,
      i.sd,
      i.discrimination,
      i.efficiency,
      ...(i.options ?? []).map((o) => o.percent),
    ]),
  ];
  for (const value of numbers) {
    if (value !== null) expect(Number.isFinite(value)).toBe(true);
  }
}

describe('itemAnalysis: properties', () => {
  const rowsArb = fc
    .integer({ min: 1, max: 7 })
    .chain((p) =>
      fc.array(fc.array(fc.constantFrom(0, 0.25, 0.5, 1), { minLength: p, maxLength: p }), { maxLength: 30 }),
    );

  it('facility in [0, 100], discrimination in [−100, 100], CIC ≤ 100, no NaN', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const result = itemAnalysis(matrix(rows, rows.length === 0 ? [numericQ('a')] : undefined));
        assertNoNaN(result);
        if (result.test.cic !== null) expect(result.test.cic).toBeLessThanOrEqual(100);
        for (const item of result.items) {
          if (item.facility !== null) {
            expect(item.facility).toBeGreaterThanOrEqual(0);
            expect(item.facility).toBeLessThanOrEqual(100);
          }
          if (item.discrimination !== null) {
            expect(Math.abs(item.discrimination)).toBeLessThanOrEqual(100);
          }
          // The sorted pairing is the largest covariance the marginals allow.
          if (item.efficiency !== null) expect(item.efficiency).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
    );
  });

  it('is invariant under reordering the students', () => {
    fc.assert(
      fc.property(
        rowsArb.filter((rows) => rows.length > 0),
        fc.infiniteStream(fc.nat()),
        (rows, stream) => {
          const shuffled = rows
            .map((row) => ({ row, key: stream.next().value }))
            .sort((a, b) => a.key - b.key)
            .map((e) => e.row);
          const a = itemAnalysis(matrix(rows));
          const b = itemAnalysis(matrix(shuffled));
          const close = (x: number | null, y: number | null) =>
            x === null ? expect(y).toBeNull() : expect(y).toBeCloseTo(x, 6);
          for (const key of Object.keys(a.test) as (keyof typeof a.test)[]) close(a.test[key], b.test[key]);
          a.items.forEach((item, j) => {
            const other = b.items[j];
            close(item.facility, other?.facility ?? null);
            close(item.sd, other?.sd ?? null);
            close(item.discrimination, other?.discrimination ?? null);
            close(item.efficiency, other?.efficiency ?? null);
          });
        },
      ),
    );
  });
});

describe('performance', () => {
  // Speed is measured by `npm run bench`, not asserted here.
  it('analyses the synthetic cohort of 1,000 students × 60 items that the bench uses', () => {
    const cohort = syntheticCohort(1000, 60, 'perf');
    const graded = gradeSubmissions(cohort.submissions, new Map(cohort.questions.map((q) => [q.id, q])));
    const result = itemAnalysis(graded.matrix);
    expect(result.items).toHaveLength(60);
    // The synthetic model makes items agree with each other, so α is high.
    expect(result.test.cic).toBeGreaterThan(70);
  });
});
