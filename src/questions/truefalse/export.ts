/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * `truefalse` in the LMS formats: Moodle `truefalse` (no combined feedback and no hints on import:
 * the general correct/incorrect feedback is folded into each answer's own), Canvas
 * `true_false_question`, QTI 2.1 `choiceInteraction` over `true`/`false`, GIFT `{T}`/`{F}`, SCORM
 * `true-false`.
 */
import { fb, general, head, joined, rich } from '../../lib/export/gift.ts';
import { NOTE } from '../../lib/export/common.ts';
import { answer, joinFeedback } from '../../lib/export/moodle.ts';
import { choiceLid, feedback, respcondition, setScore, show, varequal } from '../../lib/export/qti12.ts';
import { base, declaration, prompt, v, whenCorrect } from '../../lib/export/qti21.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import { el, richHtml } from '../../lib/export/xml.ts';
import type { TruefalseQuestion } from './schema.ts';
import { truefalseScorm } from './scorm.ts';

const none = (): string[] => [];
/** Both answers with their own feedback, `true` first. */
const choices = (q: TruefalseQuestion) => [
  { id: 'true', text: 'True', feedback: q.feedbackTrue },
  { id: 'false', text: 'False', feedback: q.feedbackFalse },
];

export const truefalseExport: QuestionExport<'truefalse'> = {
  instructor: {
    name: 'True / false',
    blocks: () => [],
    answerFeedback: (q) => [
      ...(q.feedbackTrue ? [`If “true”: ${q.feedbackTrue}`] : []),
      ...(q.feedbackFalse ? [`If “false”: ${q.feedbackFalse}`] : []),
    ],
    writingProblems: (q) =>
      (q.answer ? q.feedbackFalse : q.feedbackTrue) || q.feedback?.incorrect
        ? []
        : [`feedback for the wrong answer (${String(!q.answer)}) is missing`],
    keyedChoices: (q) => ({
      options: [
        { id: 'true', text: 'True', key: q.answer },
        { id: 'false', text: 'False', key: !q.answer },
      ],
      fixed: true,
    }),
  },
  moodle: {
    qtype: 'truefalse',
    body: (q) => {
      // Moodle's true/false has no combined feedback: fold "correct"/"incorrect" into each answer's own.
      const forAnswer = (value: boolean): string | undefined => {
        const own = value ? q.feedbackTrue : q.feedbackFalse;
        const generalText = value === q.answer ? q.feedback?.correct : q.feedback?.incorrect;
        const text = joinFeedback(own, generalText);
        return text === undefined ? undefined : richHtml(text);
      };
      return [
        answer(q.answer ? '100' : '0', 'true', forAnswer(true), 'moodle_auto_format'),
        answer(q.answer ? '0' : '100', 'false', forAnswer(false), 'moodle_auto_format'),
      ];
    },
    // Moodle's true/false ignores hints on import.
    hints: false,
    losses: (q) => (q.hints?.length ? [NOTE.hintsDropped] : []),
  },
  qti12: {
    canvasType: 'true_false_question',
    build: (q, correctFb) => {
      const options = choices(q);
      const key = q.answer ? 'true' : 'false';
      return {
        responses: [choiceLid('response1', 'Single', options, false)],
        conditions: [
          ...options
            .filter((o) => o.feedback !== undefined)
            .map((o) => respcondition(true, [varequal('response1', o.id)], show(`${o.id}_fb`))),
          respcondition(false, [varequal('response1', key)], setScore('100'), correctFb),
        ],
        feedbacks: options.map((o) => feedback(`${o.id}_fb`, o.feedback)),
        answerIds: options.map((o) => o.id),
      };
    },
    losses: none,
  },
  qti21: {
    parts: (q) => ({
      declarations: [declaration('RESPONSE', 'single', 'identifier', [q.answer ? 'true' : 'false'])],
      body: [
        el(
          'choiceInteraction',
          { responseIdentifier: 'RESPONSE', shuffle: 'false', maxChoices: '1' },
          prompt(q.prompt),
          choices(q).map((c) => el('simpleChoice', { identifier: c.id }, c.text)),
        ),
      ],
      scoring: [whenCorrect()],
      feedback: choices(q).flatMap((c) =>
        c.feedback === undefined
          ? []
          : [
              {
                id: `FB_${c.id}`,
                text: c.feedback,
                condition: el('match', {}, v('RESPONSE'), base('identifier', c.id)),
              },
            ],
      ),
    }),
    losses: none,
  },
  gift: {
    blocks: (q) => {
      // GIFT: {T#shown for the wrong answer#shown for the right answer}.
      const right = joined(q.answer ? q.feedbackTrue : q.feedbackFalse, q.feedback?.correct);
      const wrong = joined(q.answer ? q.feedbackFalse : q.feedbackTrue, q.feedback?.incorrect);
      const feedbackText =
        right === undefined && wrong === undefined
          ? ''
          : `#${wrong === undefined ? '' : rich(wrong)}${fb(right)}`;
      return [
        `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} {${q.answer ? 'T' : 'F'}${feedbackText}${general(q)}}`,
      ];
    },
    losses: none,
  },
  csv: { options: () => 'True|False' },
  scorm: { ...truefalseScorm, losses: none },
};
