/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * `matching` in the LMS formats: Moodle `matching` (distractors as answers without a question),
 * Canvas `matching_question` (one list per left entry, credit per pair), QTI 2.1
 * `matchInteraction` (share of pairs), GIFT `left -> right`, SCORM `matching`.
 */
import { lettered } from '../../lib/export/csv.ts';
import { answerBlock, GENERAL_FEEDBACK_DROPPED, head, matchingLines } from '../../lib/export/gift.ts';
import { combined } from '../../lib/export/moodle.ts';
import { buildMatching } from '../../lib/export/qti12.ts';
import { declaration, mapping, mapScore, prompt, qtiId } from '../../lib/export/qti21.ts';
import { incorrectFeedbackProblems } from '../common.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import { el, richHtml, richNodes } from '../../lib/export/xml.ts';
import { keyMatching, rightIdOf, rightOptions } from './grade.ts';
import { matchingScorm } from './scorm.ts';

export const matchingExport: QuestionExport<'matching'> = {
  instructor: {
    name: 'Matching',
    blocks: (q) => [
      {
        kind: 'lines',
        lines: [
          ...q.pairs.map((p) => ({ text: `${p.left} → ${p.right}`, right: true })),
          ...(q.distractors ?? []).map((d) => ({ text: `Distractor: ${d}`, right: false })),
        ],
      },
    ],
    answerFeedback: () => [],
    writingProblems: incorrectFeedbackProblems,
    keyedChoices: () => null,
  },
  moodle: {
    qtype: 'matching',
    body: (q) => [
      el('shuffleanswers', {}, 'true'),
      ...combined(q),
      q.pairs.map((p) =>
        el(
          'subquestion',
          { format: 'html' },
          el('text', {}, richHtml(p.left)),
          el('answer', {}, el('text', {}, p.right)),
        ),
      ),
      // A subquestion with no text is how Moodle stores an extra (distractor) answer.
      rightOptions(q)
        .slice(q.pairs.length)
        .map((d) =>
          el('subquestion', { format: 'html' }, el('text', {}, ''), el('answer', {}, el('text', {}, d.text))),
        ),
    ],
    // Moodle's importer reads <shownumcorrect/> and <clearwrong/> on each hint (see `hint`).
    hints: 'parts',
    losses: () => [],
  },
  qti12: {
    canvasType: 'matching_question',
    build: (q) =>
      buildMatching(
        q.pairs.map((p) => ({ id: p.id, text: p.left, rightId: rightIdOf(rightOptions(q), p.id) })),
        rightOptions(q),
      ),
    scoredByParts: true,
    losses: () => [],
  },
  qti21: {
    parts: (q) => {
      const n = q.pairs.length;
      const key = keyMatching(q);
      const pairs = q.pairs.map((p) => `${qtiId.pair(p.id)} ${qtiId.right(key[p.id] ?? '')}`);
      return {
        declarations: [
          declaration(
            'RESPONSE',
            'multiple',
            'directedPair',
            pairs,
            mapping(pairs.map((key) => ({ key, value: 1 / n }))),
          ),
        ],
        body: [
          el(
            'matchInteraction',
            { responseIdentifier: 'RESPONSE', shuffle: 'true', maxAssociations: String(n) },
            prompt(q.prompt),
            el(
              'simpleMatchSet',
              {},
              q.pairs.map((p) =>
                el(
                  'simpleAssociableChoice',
                  { identifier: qtiId.pair(p.id), matchMax: '1' },
                  richNodes(p.left),
                ),
              ),
            ),
            el(
              'simpleMatchSet',
              {},
              rightOptions(q).map((r) =>
                el(
                  'simpleAssociableChoice',
                  { identifier: qtiId.right(r.id), matchMax: String(n) },
                  richNodes(r.text),
                ),
              ),
            ),
          ),
        ],
        scoring: [mapScore('RESPONSE')],
        feedback: [],
      };
    },
    losses: () => [],
  },
  gift: {
    blocks: (q) => [
      `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} ${answerBlock(
        matchingLines(
          q.pairs.map((p) => p.left),
          rightOptions(q).map((r) => r.text),
        ),
        q,
      )}`,
    ],
    losses: (q) => (q.feedback ? [GENERAL_FEEDBACK_DROPPED] : []),
  },
  csv: {
    options: (q) =>
      `${q.pairs.map((p, i) => `${i + 1}) ${p.left}`).join('|')} || ${lettered(
        rightOptions(q)
          .map((r) => r.text)
          .sort((a, b) => a.localeCompare(b, 'en')),
      )}`,
  },
  scorm: { ...matchingScorm, losses: () => [] },
};
