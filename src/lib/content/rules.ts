/**
 * The course's item-writing rules, as checks over a lesson's bank: size, variety of types, Bloom
 * spread, objective coverage and per-option feedback. Content tests run these over every lesson;
 * the instructor can trust a bank that passes. Pure: no astro, no DOM.
 */
import { exporters } from '../../questions/exporters.ts';
import type { Question } from '../../questions/index.ts';
import { exportOf } from '../export/common.ts';
import type { Exporters } from '../export/types.ts';

export const RULES = {
  minQuestions: 12,
  minTypes: 4,
  minBloomLevels: 3,
  /** Share of questions above `understand` (apply, analyze, evaluate). */
  minHigherOrderShare: 0.3,
  minPerObjective: 2,
} as const;

const HIGHER_ORDER = new Set(['apply', 'analyze', 'evaluate']);
/** Phrases item-writing guides rule out: they reward test-wiseness, not understanding. */
const BANNED_OPTIONS = /\b(all|none) of the (above|these)\b/i;
/** A negative stem must be emphasised (NOT, *not*) so a hurried reader does not miss it. */
const UNEMPHASISED_NEGATIVE = /\b(?<![*])(not|except)(?![*])\b/;

export interface LessonBankStats {
  questions: number;
  types: string[];
  bloom: Record<string, number>;
  higherOrderShare: number;
  perObjective: Record<string, number>;
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
  for (const q of questions) problems.push(...checkItemWriting(q));
  return problems;
}

/** Item-writing rules for one question: the stem, then its type's own (`instructor.writingProblems`). */
export function checkItemWriting(q: Question, types: Exporters = exporters): string[] {
  const at = `question "${q.id}"`;
  const stem = UNEMPHASISED_NEGATIVE.test(q.prompt)
    ? [`${at}: prompt: a negative stem must be emphasised, e.g. *not*`]
    : [];
  const instructor = exportOf(q, types).instructor;
  const own = instructor.writingProblems(q, { bannedOption: BANNED_OPTIONS }).map((p) => `${at}: ${p}`);
  return [...stem, ...own];
}
