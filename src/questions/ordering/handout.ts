/**
 * Pure: no DOM, no framework, no zod.
 *
 * `ordering` outside the site, never in the answer's order: the Anki card lists the items as the
 * site shows them, the worksheet sorted by text.
 */
import type { QuestionHandout } from '../contract.ts';
import { isStringArray } from '../grading.ts';

export const orderingHandout: QuestionHandout<'ordering'> = {
  anki: (question, order) => {
    const byId = new Map(question.items.map((item) => [item.id, item.text]));
    return { instruction: 'Put in order.', blocks: [order.map((id) => `• ${byId.get(id) ?? id}`)] };
  },
  worksheet: (question) => ({
    blocks: [
      { kind: 'note', text: 'Number the items in order.' },
      {
        kind: 'list',
        entries: question.items
          .map((item) => item.text)
          .sort((a, b) => a.localeCompare(b, 'en'))
          .map((text) => `___ ${text}`),
      },
    ],
  }),
  countedOptions: () => null,
  given: (question, response) => {
    const text = new Map(question.items.map((item) => [item.id, item.text]));
    return isStringArray(response) && response.every((id) => text.has(id))
      ? `Order: ${response.map((id) => text.get(id)).join(' → ')}`
      : null;
  },
};
