/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * `ordering` in the LMS formats: Moodle's `ordering` type (credit per correctly ordered pair, as on
 * the site, but the type must be installed), QTI 2.1 `orderInteraction` (all-or-nothing), SCORM
 * `sequencing`. Canvas and GIFT have no ordering: there it is a matching of positions
 * (1st → item), with partial credit per position.
 */
import { lettered } from '../../lib/export/csv.ts';
import { ordinal } from '../../lib/export/common.ts';
import { answerBlock, GENERAL_FEEDBACK_DROPPED, head, matchingLines } from '../../lib/export/gift.ts';
import { answer, combined } from '../../lib/export/moodle.ts';
import { buildMatching } from '../../lib/export/qti12.ts';
import { declaration, prompt, qtiId, whenCorrect } from '../../lib/export/qti21.ts';
import { incorrectFeedbackProblems } from '../common.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import { el, richHtml, richNodes } from '../../lib/export/xml.ts';
import { orderingScorm } from './scorm.ts';

export const ORDERING_NOTE =
  'Moodle "ordering" type needed (core since Moodle 4.4, the qtype_ordering plugin before); without it the import skips this question: use the QTI 1.2 or GIFT export, which give it as a matching of positions';
export const AS_MATCHING =
  'ordering exported as matching (position → item); partial credit is per position, not per ordered pair';
export const ALL_OR_NOTHING =
  'ordering scored all-or-nothing (the site gives credit per correctly ordered pair)';

export const orderingExport: QuestionExport<'ordering'> = {
  instructor: {
    name: 'Ordering',
    blocks: () => [],
    answerFeedback: () => [],
    writingProblems: incorrectFeedbackProblems,
    keyedChoices: () => null,
  },
  moodle: {
    qtype: 'ordering',
    body: (q) => [
      el('layouttype', {}, 'VERTICAL'),
      el('selecttype', {}, 'ALL'),
      el('selectcount', {}, '0'),
      // Counts every pair of items in the right relative order: the site's own partial credit.
      el('gradingtype', {}, 'RELATIVE_ALL_PREVIOUS_AND_NEXT'),
      el('showgrading', {}, 'SHOW'),
      el('numberingstyle', {}, 'none'),
      ...combined(q),
      // The combined feedback's "show the number of correct responses". Without it,
      // qtype_ordering's importer pads the hint options to two and a one-hint question fails to save.
      el('shownumcorrect'),
      q.items.map((it, i) => answer(String(i + 1), richHtml(it.text))),
    ],
    // Moodle's importer reads <shownumcorrect/> and <clearwrong/> on each hint (see `hint`).
    hints: 'parts',
    losses: () => [ORDERING_NOTE],
  },
  qti12: {
    // Canvas has no ordering question: it goes out as a matching of positions.
    canvasType: 'matching_question',
    build: (q) =>
      buildMatching(
        q.items.map((it, i) => ({ id: `pos${i + 1}`, text: `${ordinal(i + 1)}`, rightId: it.id })),
        // Rights in authored order would be the answer key read top to bottom: sort them by text.
        [...q.items]
          .sort((a, b) => a.text.localeCompare(b.text, 'en'))
          .map((it) => ({ id: it.id, text: it.text })),
      ),
    scoredByParts: true,
    losses: () => [AS_MATCHING],
  },
  qti21: {
    parts: (q) => ({
      declarations: [
        declaration(
          'RESPONSE',
          'ordered',
          'identifier',
          q.items.map((it) => qtiId.orderItem(it.id)),
        ),
      ],
      body: [
        el(
          'orderInteraction',
          { responseIdentifier: 'RESPONSE', shuffle: 'true' },
          prompt(q.prompt),
          q.items.map((it) => el('simpleChoice', { identifier: qtiId.orderItem(it.id) }, richNodes(it.text))),
        ),
      ],
      scoring: [whenCorrect()],
      feedback: [],
    }),
    losses: () => [ALL_OR_NOTHING],
  },
  gift: {
    blocks: (q) => [
      `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} ${answerBlock(
        matchingLines(
          q.items.map((_, i) => ordinal(i + 1)),
          q.items.map((it) => it.text),
        ),
        q,
      )}`,
    ],
    losses: (q) => [...(q.feedback ? [GENERAL_FEEDBACK_DROPPED] : []), AS_MATCHING],
  },
  // Sorted so the cell does not give the order away; the answer column has it.
  csv: {
    options: (q) => lettered([...q.items].map((it) => it.text).sort((a, b) => a.localeCompare(b, 'en'))),
  },
  scorm: { ...orderingScorm, losses: () => [] },
};
