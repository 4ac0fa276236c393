/**
 * Pure: no DOM, no framework.
 *
 * Classical item analysis with Moodle's definitions (docs.moodle.org "Quiz statistics
 * calculations"; code in question/classes/statistics/questions/calculator.php and
 * mod/quiz/report/statistics/classes/calculator.php), so a teacher who knows Moodle's report
 * reads the same numbers. Every item is worth 1 (its score in [0, 1]); percentages are of that.
 *
 * Notation: n students, p items, x_sj the score of student s on item j, T_s = Σ_j x_sj the total,
 * R_sj = T_s − x_sj the rest-of-test score. Variances and covariances divide by n − 1.
 * - Test: mean, median, SD of T as % of p; skewness k3/k2^1.5 (n > 2) and kurtosis k4/k2² (n > 3)
 *   from the unbiased cumulants k2, k3, k4 of T;
 *   coefficient of internal consistency CIC = 100 · p/(p−1) · (1 − Σ_j V(x_j) / V(T))
 *   (Cronbach's α in %), error ratio ER = 100 · √(1 − CIC/100), standard error SE = ER/100 · SD.
 *   As in Moodle, CIC/ER/SE need n > 2, p > 1 and V(T) > 0.
 * - Item: facility F = 100 · mean(x_j); SD = 100 · √V(x_j);
 *   discrimination index D = 100 · C(x_j, R_j) / √(V(x_j) V(R_j)) (item–rest correlation);
 *   discriminative efficiency E = 100 · C(x_j, R_j) / Cmax, where Cmax pairs the sorted x_j with
 *   the sorted R_j (the largest covariance these marginals allow).
 * Students who left an item unanswered count with 0 on it (as in a finished Moodle attempt);
 * `attempted` reports how many answered. Anything undefined (n < 2, zero variance) is null, never NaN.
 */
import { handoutOf } from '../../questions/handouts.ts';
import type { Question } from '../../questions/index.ts';
import type { ScoreMatrix } from '../gradebook/grade.ts';

export interface TestStats {
  /** Students in the analysis. */
  n: number;
  /** Items (questions). */
  items: number;
  /** Mean total, % of the maximum. */
  mean: number | null;
  /** Median total, % of the maximum. */
  median: number | null;
  /** SD of the totals (n − 1), % of the maximum. */
  sd: number | null;
  skewness: number | null;
  kurtosis: number | null;
  /** Coefficient of internal consistency (Cronbach's α), %. At most 100; may be negative. */
  cic: number | null;
  /** Error ratio, %. */
  errorRatio: number | null;
  /** Standard error of measurement, % of the maximum. */
  standardError: number | null;
}

export interface OptionFrequency {
  /** Option id (`true` / `false` for true/false questions). */
  id: string;
  text: string;
  /** Whether the option is (part of) the key. */
  correct: boolean;
  /** Students who chose it. */
  count: number;
  /** count ÷ students who answered the item × 100; null when nobody answered. */
  percent: number | null;
}

export interface ItemStats {
  id: string;
  type: Question['type'];
  prompt: string;
  /** Students in the analysis (unanswered counts as 0). */
  n: number;
  /** Students who answered. */
  attempted: number;
  /** Mean score, %. */
  facility: number | null;
  /** SD of the score, %. */
  sd: number | null;
  /** Item–rest correlation, % (−100..100). */
  discrimination: number | null;
  /** Discrimination ÷ the maximum the marginals allow, %. */
  efficiency: number | null;
  /** For single / multiple / truefalse: every option, chosen or not; otherwise null. */
  options: OptionFrequency[] | null;
}

export interface ItemAnalysis {
  test: TestStats;
  items: ItemStats[];
}

// Variances below this are float noise around zero (scores are multiples of simple fractions).
const EPS = 1e-12;

function median(sorted: Float64Array): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** How often each counted option (its type's `countedOptions`: choices, true/false) was picked. */
function optionFrequencies(
  question: Question,
  matrix: ScoreMatrix,
  j: number,
  attempted: number,
): OptionFrequency[] | null {
  const m = matrix.questions.length;
  const options = handoutOf(question).countedOptions(question);
  if (!options) return null;
  return options.map(({ picked, ...option }) => {
    let count = 0;
    for (let s = 0; s < matrix.students; s++) if (picked(matrix.responses[s * m + j])) count++;
    return { ...option, count, percent: attempted === 0 ? null : (count / attempted) * 100 };
  });
}

const clamp = (value: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, value));

/** Test and item statistics for a score matrix (see the module comment for the formulas). */
export function itemAnalysis(matrix: ScoreMatrix): ItemAnalysis {
  const n = matrix.students;
  const p = matrix.questions.length;
  const x = matrix.scores;

  const totals = new Float64Array(n);
  const itemSums = new Float64Array(p);
  for (let s = 0; s < n; s++) {
    let t = 0;
    for (let j = 0; j < p; j++) {
      const v = x[s * p + j] as number;
      t += v;
      itemSums[j] = (itemSums[j] as number) + v;
    }
    totals[s] = t;
  }
  let totalSum = 0;
  for (let s = 0; s < n; s++) totalSum += totals[s] as number;
  const meanT = n > 0 ? totalSum / n : 0;

  let p2 = 0;
  let p3 = 0;
  let p4 = 0;
  for (let s = 0; s < n; s++) {
    const d = (totals[s] as number) - meanT;
    const d2 = d * d;
    p2 += d2;
    p3 += d2 * d;
    p4 += d2 * d2;
  }
  const varT = n > 1 ? p2 / (n - 1) : null;

  // Per item: mean, variance, item–rest covariance and the rest variance, then the sorted pairing.
  const items: ItemStats[] = [];
  let sumItemVar = 0;
  const column = new Float64Array(n);
  const rest = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const question = matrix.questions[j] as Question;
    const meanX = n > 0 ? (itemSums[j] as number) / n : 0;
    const meanR = meanT - meanX;
    let vx = 0;
    let vr = 0;
    let c = 0;
    let attempted = 0;
    for (let s = 0; s < n; s++) {
      const v = x[s * p + j] as number;
      column[s] = v;
      rest[s] = (totals[s] as number) - v;
      const dx = v - meanX;
      const dr = (rest[s] as number) - meanR;
      vx += dx * dx;
      vr += dr * dr;
      c += dx * dr;
      attempted += matrix.attempted[s * p + j] as number;
    }
    let discrimination: number | null = null;
    let efficiency: number | null = null;
    let sd: number | null = null;
    if (n > 1) {
      vx /= n - 1;
      vr /= n - 1;
      c /= n - 1;
      sumItemVar += vx;
      sd = 100 * Math.sqrt(vx);
      if (vx > EPS && vr > EPS) discrimination = clamp((100 * c) / Math.sqrt(vx * vr), -100, 100);
      column.sort();
      rest.sort();
      let cmax = 0;
      for (let s = 0; s < n; s++) cmax += ((column[s] as number) - meanX) * ((rest[s] as number) - meanR);
      cmax /= n - 1;
      if (cmax > EPS) efficiency = (100 * c) / cmax;
    }
    items.push({
      id: question.id,
      type: question.type,
      prompt: question.prompt,
      n,
      attempted,
      facility: n > 0 ? 100 * meanX : null,
      sd,
      discrimination,
      efficiency,
      options: optionFrequencies(question, matrix, j, attempted),
    });
  }

  const scale = p > 0 ? 100 / p : 0;
  const sortedTotals = totals.slice().sort();
  const test: TestStats = {
    n,
    items: p,
    mean: n > 0 && p > 0 ? meanT * scale : null,
    median: p > 0 && n > 0 ? (median(sortedTotals) as number) * scale : null,
    sd: varT !== null && p > 0 ? Math.sqrt(varT) * scale : null,
    skewness: null,
    kurtosis: null,
    cic: null,
    errorRatio: null,
    standardError: null,
  };
  if (n > 2 && varT !== null && varT > EPS) {
    const m2 = p2 / n;
    const m3 = p3 / n;
    const m4 = p4 / n;
    const k2 = varT;
    const k3 = (n * n * m3) / ((n - 1) * (n - 2));
    test.skewness = k3 / Math.pow(k2, 1.5);
    if (n > 3) {
      const k4 = (n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2)) / ((n - 1) * (n - 2) * (n - 3));
      test.kurtosis = k4 / (k2 * k2);
    }
    if (p > 1) {
      // Mathematically ≤ 100 (V(T) ≤ p Σ V(x_j)); the clamp only removes float noise.
      const cic = Math.min(100, ((100 * p) / (p - 1)) * (1 - sumItemVar / k2));
      test.cic = cic;
      test.errorRatio = 100 * Math.sqrt(1 - cic / 100);
      test.standardError = test.sd === null ? null : (test.errorRatio * test.sd) / 100;
    }
  }
  return { test, items };
}
