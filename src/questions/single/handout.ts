/**
 * Pure: no DOM, no framework, no zod.
 *
 * `single` outside the site: the options lettered in authored order (so the printed key agrees),
 * tick one; item analysis counts each option's picks.
 */
import type { QuestionHandout } from '../contract.ts';
import { letter } from '../grading.ts';

export const singleHandout: QuestionHandout<'single'> = {
  anki: (question) => ({ blocks: [question.options.map((o, i) => `${letter(i)}. ${o.text}`)] }),
  worksheet: (question) => ({
    blocks: [
      { kind: 'note', text: 'Tick one.' },
      { kind: 'list', entries: question.options.map((o, i) => `☐ ${letter(i)}. ${o.text}`) },
    ],
    keyOrder: question.options.map((o) => o.id),
  }),
  countedOptions: (question) =>
    question.options.map((o) => ({
      id: o.id,
      text: o.text,
      correct: o.id === question.answer,
      picked: (response) => response === o.id,
    })),
};
