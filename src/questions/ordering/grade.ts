/**
 * Pure: no DOM, no framework.
 *
 * Grades an `ordering` question, Kendall-tau style: score = share of item pairs
 * whose relative order matches the key (concordant pairs / all pairs);
 * `correct` only when fully right. Parts: one per item, `correct` when the item
 * sits at its exact position. A response that is not a permutation of the item
 * ids scores 0.
 */
import { isStringArray, malformed, part } from '../grading.ts';
import type { GradeResult } from '../grading.ts';
import type { OrderingQuestion, OrderingResponse } from './schema.ts';

export function gradeOrdering(question: OrderingQuestion, response: unknown): GradeResult {
  if (!isStringArray(response)) return malformed('Expected a list of item ids');
  const rank = new Map(question.items.map((item, index) => [item.id, index]));
  const ranks = response.map((id) => rank.get(id));
  const isPermutation =
    response.length === question.items.length &&
    new Set(response).size === response.length &&
    ranks.every((r) => r !== undefined);
  if (!isPermutation) return malformed('Expected every item exactly once');

  const n = ranks.length;
  let concordant = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if ((ranks[i] ?? 0) < (ranks[j] ?? 0)) concordant++;
    }
  }
  const total = (n * (n - 1)) / 2;
  const correct = concordant === total;
  const parts = question.items.map((item, index) => part(item.id, response[index] === item.id));
  return { score: total === 0 ? 1 : concordant / total, correct, parts };
}

/** The correct response: item ids in authored order. */
export function keyOrdering(question: OrderingQuestion): OrderingResponse {
  return question.items.map((item) => item.id);
}

/** "Order: A → B → C" with the item texts. */
export function describeOrdering(question: OrderingQuestion): string {
  return `Order: ${question.items.map((item) => item.text).join(' → ')}`;
}
