/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * `text` in the LMS formats: every accepted answer is a right answer (Moodle `shortanswer`, Canvas
 * `short_answer_question`, QTI 2.1 mapping, GIFT `=a =b`, SCORM `fill-in`). No LMS has the site's
 * normalisation and typo tolerance: when the question relies on them, the report says so.
 */
import { NOTE, rejectedAnswers, usesTypos } from '../../lib/export/common.ts';
import { answerBlock, fb, head, plain } from '../../lib/export/gift.ts';
import { answer } from '../../lib/export/moodle.ts';
import { respcondition, setScore, varequal } from '../../lib/export/qti12.ts';
import { declaration, mapping, mapScore, para } from '../../lib/export/qti21.ts';
import { incorrectFeedbackProblems } from '../common.ts';
import { SCORM_TYPO_NOTE } from '../../lib/export/scorm.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import { el, richHtml } from '../../lib/export/xml.ts';
import type { TextQuestion } from './schema.ts';
import { textScorm } from './scorm.ts';

const html = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : richHtml(text);
const typoLoss = (q: TextQuestion): string[] => (usesTypos(q) ? [NOTE.typos] : []);
/** What formats without a place for known wrong answers lose. */
const losses = (q: TextQuestion): string[] => [...typoLoss(q), ...(q.reject ? [NOTE.rejectedDropped] : [])];

export const textExport: QuestionExport<'text'> = {
  instructor: {
    name: 'Short text',
    blocks: () => [],
    answerFeedback: (q) =>
      rejectedAnswers(q).map(
        (r) => `“${r.answer}” is wrong${r.feedback === undefined ? '' : `: ${r.feedback}`}`,
      ),
    writingProblems: incorrectFeedbackProblems,
    keyedChoices: () => null,
  },
  moodle: {
    qtype: 'shortanswer',
    body: (q) => {
      const correct = html(q.feedback?.correct);
      const incorrect = html(q.feedback?.incorrect);
      return [
        el('usecase', {}, '0'),
        q.accept.map((a) => answer('100', a, correct, 'moodle_auto_format')),
        // Known wrong answers come before "*", so Moodle gives them their own feedback.
        rejectedAnswers(q).map((r) =>
          answer('0', r.answer, html(r.feedback) ?? incorrect, 'moodle_auto_format'),
        ),
        incorrect !== undefined && answer('0', '*', incorrect, 'moodle_auto_format'),
      ];
    },
    // Moodle's importer reads the hint's text only.
    hints: 'text',
    losses: typoLoss,
  },
  qti12: {
    canvasType: 'short_answer_question',
    build: (q, correctFb) => ({
      responses: [
        el(
          'response_str',
          { ident: 'response1', rcardinality: 'Single' },
          el('render_fib', {}, el('response_label', { ident: 'answer1', rshuffle: 'No' })),
        ),
      ],
      conditions: [
        respcondition(
          false,
          q.accept.map((a) => varequal('response1', a)),
          setScore('100'),
          correctFb,
        ),
      ],
      feedbacks: [],
      answerIds: q.accept.map((_, i) => `a${i + 1}`),
    }),
    losses,
  },
  qti21: {
    parts: (q) => ({
      declarations: [
        declaration(
          'RESPONSE',
          'single',
          'string',
          [q.accept[0] ?? ''],
          mapping(q.accept.map((a) => ({ key: a, value: 1, caseSensitive: false }))),
        ),
      ],
      body: [
        para(q.prompt),
        el('p', {}, el('textEntryInteraction', { responseIdentifier: 'RESPONSE', expectedLength: '30' })),
      ],
      scoring: [mapScore('RESPONSE')],
      feedback: [],
    }),
    losses,
  },
  gift: {
    blocks: (q) => [
      `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} ${answerBlock(
        q.accept.map((a) => `=${plain(a)}${fb(q.feedback?.correct)}`),
        q,
      )}`,
    ],
    losses: (q) => [
      ...losses(q),
      ...(q.feedback?.incorrect !== undefined
        ? ['general incorrect feedback dropped (GIFT short answer has no "any other answer")']
        : []),
    ],
  },
  csv: { options: () => '' },
  scorm: { ...textScorm, losses: (q) => (usesTypos(q) ? [SCORM_TYPO_NOTE] : []) },
};
