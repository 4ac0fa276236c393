/**
 * Pure: no DOM, no framework, no zod.
 *
 * `matching` outside the site: the lefts numbered in authored order, the right-hand options
 * lettered (as the site shows them on the Anki card, sorted by text on the worksheet).
 */
import type { QuestionHandout } from '../contract.ts';
import { isRecord, letter } from '../grading.ts';
import { matchingOptionText, rightOptions } from './grade.ts';

export const matchingHandout: QuestionHandout<'matching'> = {
  anki: (question, order) => {
    const rights = new Map(rightOptions(question).map((option) => [option.id, option.text]));
    return {
      instruction: 'Match each item to one option.',
      blocks: [
        question.pairs.map((pair) => `• ${pair.left}`),
        order.map((id, i) => `${letter(i)}. ${rights.get(id) ?? id}`),
      ],
    };
  },
  worksheet: (question) => ({
    blocks: [
      { kind: 'note', text: 'Write the letter of the match next to each number.' },
      {
        kind: 'columns',
        columns: [
          question.pairs.map((pair, i) => `${i + 1}. ${pair.left} → ___`),
          rightOptions(question)
            .sort((a, b) => a.text.localeCompare(b.text, 'en'))
            .map((option, i) => `${letter(i)}. ${option.text}`),
        ],
      },
    ],
  }),
  countedOptions: () => null,
  given: (question, response) => {
    if (!isRecord(response)) return null;
    const rights = matchingOptionText(question);
    return question.pairs
      .map((pair) => {
        const chosen = response[pair.id];
        const right = typeof chosen === 'string' ? rights.get(chosen) : undefined;
        return `${pair.left} → ${right ?? (chosen === undefined ? '(not matched)' : `(${JSON.stringify(chosen)})`)}`;
      })
      .join('; ');
  },
};
