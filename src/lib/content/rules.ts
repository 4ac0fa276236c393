/**
 * The course's coverage rules, as checks over a lesson's bank: size, variety of types, Bloom spread
 * and objective coverage. Content tests run these over every lesson (they need the lesson's
 * objectives); the item-writing rules run in the build (items.ts). Pure: no astro, no DOM.
 */
import type { Question } from '../../questions/index.ts';

export const RULES = {
  minQuestions: 12,
  minTypes: 4,
  minBloomLevels: 3,
  /** Share of questions above `understand` (apply, analyze, evaluate). */
  minHigherOrderShare: 0.4,
  minPerObjective: 2,
} as const;

const HIGHER_ORDER = new Set(['apply', 'analyze', 'evaluate']);

export interface LessonBankStats {
  questions: number;
  types: string[];
  bloom: Record<string, number>;
  higherOrderShare: number;
  perObjective: Record<string, number>;
  /** Numeric questions that only ask to recall or restate a figure (remember, understand). */
  numericRecall: string[];
  /** Questions marked `skill: source-evaluation`. */
  sourceEvaluation: string[];
}

export function bankStats(questions: readonly Question[], objectiveIds: readonly string[]): LessonBankStats {
  const bloom: Record<string, number> = {};
  const perObjective: Record<string, number> = Object.fromEntries(objectiveIds.map((id) => [id, 0]));
  for (const q of questions) {
    bloom[q.bloom] = (bloom[q.bloom] ?? 0) + 1;
    perObjective[q.objective] = (perObjective[q.objective] ?? 0) + 1;
  }
  const higher = questions.filter((q) => HIGHER_ORDER.has(q.bloom)).length;
  return {
    questions: questions.length,
    types: [...new Set(questions.map((q) => q.type))].sort(),
    bloom,
    higherOrderShare: questions.length ? higher / questions.length : 0,
    perObjective,
    numericRecall: questions
      .filter((q) => q.type === 'numeric' && !HIGHER_ORDER.has(q.bloom))
      .map((q) => q.id),
    sourceEvaluation: questions.filter((q) => q.skill === 'source-evaluation').map((q) => q.id),
  };
}

/** Problems with one lesson's bank, each naming the question or the rule. Empty when it passes. */
export function checkLessonBank(
  lesson: string,
  questions: readonly Question[],
  objectiveIds: readonly string[],
): string[] {
  const problems: string[] = [];
  const s = bankStats(questions, objectiveIds);
  if (s.questions < RULES.minQuestions)
    problems.push(`${lesson}: ${s.questions} questions; at least ${RULES.minQuestions} needed`);
  if (s.types.length < RULES.minTypes)
    problems.push(
      `${lesson}: uses ${s.types.length} question types (${s.types.join(', ')}); at least ${RULES.minTypes} needed`,
    );
  if (Object.keys(s.bloom).length < RULES.minBloomLevels)
    problems.push(
      `${lesson}: uses ${Object.keys(s.bloom).length} Bloom levels; at least ${RULES.minBloomLevels} needed`,
    );
  if (s.higherOrderShare < RULES.minHigherOrderShare) {
    problems.push(
      `${lesson}: ${Math.round(s.higherOrderShare * 100)}% of questions are above "understand"; at least ${RULES.minHigherOrderShare * 100}% needed`,
    );
  }
  for (const [objective, count] of Object.entries(s.perObjective)) {
    if (!objectiveIds.includes(objective))
      problems.push(`${lesson}: questions cite objective "${objective}", which the lesson does not define`);
    else if (count < RULES.minPerObjective)
      problems.push(
        `${lesson}: objective ${objective} has ${count} question(s); at least ${RULES.minPerObjective} needed`,
      );
  }
  return problems;
}
