/**
 * Pure: no DOM, no framework, no zod.
 *
 * `ordering` on a quiz card: the items start shuffled (never already solved) and the response is
 * every item id in the learner's order; untouched, the order on screen is the answer.
 */
import type { QuestionBehaviour } from '../contract.ts';
import { describeOrdering, gradeOrdering, keyOrdering } from './grade.ts';

export const orderingBehaviour: QuestionBehaviour<'ordering'> = {
  label: 'Put in order',
  grade: gradeOrdering,
  key: keyOrdering,
  describe: describeOrdering,
  displayOrder: (question, shuffle) => {
    const ids = question.items.map((item) => item.id);
    const order = shuffle(ids);
    // If the shuffle gives the answer, rotate it by one: an ordering is never shown solved.
    const solved = order.every((id, index) => id === ids[index]);
    return solved && order.length >= 2 ? [...order.slice(1), ...order.slice(0, 1)] : order;
  },
  coerce: (question, value) => {
    const ids = question.items.map((item) => item.id);
    const ok =
      Array.isArray(value) &&
      value.length === ids.length &&
      new Set(value).size === ids.length &&
      value.every((id) => typeof id === 'string' && ids.includes(id));
    return ok ? (value as string[]) : undefined;
  },
  untouched: (order) => [...order],
  isAnswered: () => true,
  unanswered: '',
  partWords: (question, part) => ({
    label: question.items.find((i) => i.id === part.id)?.text ?? part.id,
    status: part.correct ? 'In the right place' : 'Not in the right place',
  }),
  slowSeconds: 60,
  partsBeside: true,
};
