/**
 * Pure: no DOM, no framework, no zod.
 *
 * `single` outside the site: the options lettered in authored order (so the printed key agrees),
 * tick one; item analysis counts each option's picks.
 */
import type { QuestionHandout } from '../contract.ts';
import { choiceHandout, describeOptions } from '../grading.ts';

export const singleHandout: QuestionHandout<'single'> = {
  anki: (question) => choiceHandout(question.options, '').anki,
  worksheet: (question) => choiceHandout(question.options, 'Tick one.').worksheet,
  countedOptions: (question) =>
    question.options.map((o) => ({
      id: o.id,
      text: o.text,
      correct: o.id === question.answer,
      picked: (response) => response === o.id,
    })),
  given: (question, response, order) =>
    typeof response === 'string' && question.options.some((o) => o.id === response)
      ? describeOptions(question.options, [response], order)
      : null,
};
