/**
 * Pure: no DOM, no framework, no zod.
 *
 * `multiple` outside the site: the options lettered in authored order, tick every correct one;
 * item analysis counts each option's picks.
 */
import type { QuestionHandout } from '../contract.ts';
import { choiceHandout, describeOptions, isStringArray } from '../grading.ts';

export const multipleHandout: QuestionHandout<'multiple'> = {
  anki: (question) => ({
    // Authors often say it in the prompt already; say it once.
    ...(/all that apply/i.test(question.prompt) ? {} : { instruction: 'Select all that apply.' }),
    ...choiceHandout(question.options, '').anki,
  }),
  worksheet: (question) => choiceHandout(question.options, 'Tick every correct option.').worksheet,
  countedOptions: (question) =>
    question.options.map((o) => ({
      id: o.id,
      text: o.text,
      correct: question.answers.includes(o.id),
      picked: (response) => Array.isArray(response) && response.includes(o.id),
    })),
  given: (question, response, order) =>
    isStringArray(response) && response.every((id) => question.options.some((o) => o.id === id))
      ? describeOptions(question.options, response, order)
      : null,
};
