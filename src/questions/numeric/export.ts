/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * `numeric` in the LMS formats: Moodle `numerical` (units optional, as on the site), Canvas
 * `numerical_question` (exact value or range), QTI 2.1 `textEntryInteraction` scored with `equal`
 * (absolute and relative tolerance both carry over), GIFT `{#answer:margin}`, SCORM `numeric`.
 * Moodle, Canvas and GIFT take only an absolute margin: a relative tolerance is converted, and said.
 */
import { formatNumber, tidy } from '../../lib/export/common.ts';
import { fb, general, head } from '../../lib/export/gift.ts';
import { answer } from '../../lib/export/moodle.ts';
import { respcondition, setScore, varequal } from '../../lib/export/qti12.ts';
import { base, declaration, notNull, para, setOutcome, v, when } from '../../lib/export/qti21.ts';
import { incorrectFeedbackProblems } from '../common.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import { el, richHtml } from '../../lib/export/xml.ts';
import type { NumericQuestion } from './schema.ts';
import { numericScorm } from './scorm.ts';

/** The note when a format has no units. */
/** Canvas (QTI 1.2) takes a numeric answer as a decimal: a typed unit makes it invalid. */
export const UNIT_DROPPED =
  'unit dropped (Canvas numeric answers are decimals): learners must type the bare number';
/**
 * Moodle reads a number and ignores what follows it (`qtype_numerical_answer_processor::apply_units`),
 * so a GIFT numeric question, which has no unit, still scores "75 %"; a unit before the number does not.
 */
export const UNIT_NOT_WRITTEN_GIFT =
  'unit not written (GIFT has no units): Moodle grades the number and ignores a unit typed after it ("75 %" scores), but a unit typed before it ("$75") scores 0';
/** Moodle XML carries the unit, on one side of the number: `unitsleft` (the site takes either side). */
export const UNIT_SIDE_MOODLE = {
  after:
    'Moodle takes the unit after the number ("75 %") or no unit; typed before the number it scores 0 (the site takes either side)',
  before:
    'Moodle takes a currency unit before the number ("$30000") or no unit; typed after the number ("30000 $") it scores 0 (the site takes either side)',
} as const;

/** Currency symbols go before the number in Moodle (`unitsleft`), as they are written. */
const unitBefore = (unit: string): boolean => /^[$€£¥]$/.test(unit);

export interface NumericRange {
  answer: number;
  /** Absolute margin (≥ 0); 0 for an exact answer. */
  margin: number;
  low: number;
  high: number;
}

/** The accepted range, with a relative tolerance turned into ± an absolute margin. */
export function numericRange(question: NumericQuestion): NumericRange {
  const t = question.tolerance;
  const margin = !t ? 0 : tidy(t.kind === 'absolute' ? t.value : t.value * Math.abs(question.answer));
  return {
    answer: question.answer,
    margin,
    low: tidy(question.answer - margin),
    high: tidy(question.answer + margin),
  };
}

/** The note for a relative tolerance a format can only take as absolute (none for other tolerances). */
export function relativeToleranceNote(question: NumericQuestion): string | undefined {
  const t = question.tolerance;
  if (t?.kind !== 'relative') return undefined;
  const percent = tidy(t.value * 100);
  return `relative tolerance ${percent}% converted to ±${formatNumber(numericRange(question).margin)}`;
}

const numericScormLosses = (q: NumericQuestion): string[] =>
  q.tolerance && numericRange(q).margin !== 0
    ? [
        'tolerance not in the interaction record: SCORM 1.2 has one correct number, so the LMS report shows the exact answer',
      ]
    : [];

const html = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : richHtml(text);

export const numericExport: QuestionExport<'numeric'> = {
  instructor: {
    name: 'Numeric',
    blocks: () => [],
    answerFeedback: () => [],
    writingProblems: incorrectFeedbackProblems,
    keyedChoices: () => null,
  },
  moodle: {
    qtype: 'numerical',
    body: (q) => {
      const range = numericRange(q);
      const unit = q.unit;
      const incorrect = html(q.feedback?.incorrect);
      return [
        answer('100', formatNumber(range.answer), html(q.feedback?.correct), 'moodle_auto_format', [
          el('tolerance', {}, formatNumber(range.margin)),
        ]),
        // `*` is Moodle's "any other answer": where the site's general incorrect feedback goes.
        incorrect !== undefined &&
          answer('0', '*', incorrect, 'moodle_auto_format', [el('tolerance', {}, '0')]),
        unit !== undefined &&
          el('units', {}, el('unit', {}, el('multiplier', {}, '1'), el('unit_name', {}, unit))),
        // Units optional: a learner may type "75" or "75 %", as on the site.
        el('unitgradingtype', {}, '0'),
        el('unitpenalty', {}, '0'),
        el('showunits', {}, unit === undefined ? '3' : '0'),
        el('unitsleft', {}, unit !== undefined && unitBefore(unit) ? '1' : '0'),
      ];
    },
    // Moodle's importer reads the hint's text only.
    hints: 'text',
    losses: (q) =>
      [
        relativeToleranceNote(q),
        q.unit === undefined ? undefined : UNIT_SIDE_MOODLE[unitBefore(q.unit) ? 'before' : 'after'],
      ].filter((n): n is string => n !== undefined),
  },
  qti12: {
    canvasType: 'numerical_question',
    build: (q, correctFb) => {
      const range = numericRange(q);
      // Canvas writes the exact value and the range it accepts, even for a zero margin.
      const condition = [
        el(
          'or',
          {},
          varequal('response1', formatNumber(range.answer)),
          el(
            'and',
            {},
            el('vargte', { respident: 'response1' }, formatNumber(range.low)),
            el('varlte', { respident: 'response1' }, formatNumber(range.high)),
          ),
        ),
      ];
      return {
        responses: [
          el(
            'response_str',
            { ident: 'response1', rcardinality: 'Single' },
            el('render_fib', { fibtype: 'Decimal' }, el('response_label', { ident: 'answer1' })),
          ),
        ],
        conditions: [respcondition(false, condition, setScore('100'), correctFb)],
        feedbacks: [],
        answerIds: ['answer1'],
      };
    },
    losses: (q) =>
      [q.unit !== undefined ? UNIT_DROPPED : undefined, relativeToleranceNote(q)].filter(
        (n): n is string => n !== undefined,
      ),
  },
  qti21: {
    parts: (q) => {
      const range = numericRange(q);
      const t = q.tolerance;
      // QTI 2.1 has relative tolerance in percent, so both kinds carry over exactly.
      const equal =
        !t || range.margin === 0
          ? el('equal', { toleranceMode: 'exact' }, v('RESPONSE'), base('float', formatNumber(q.answer)))
          : el(
              'equal',
              {
                toleranceMode: t.kind,
                tolerance:
                  t.kind === 'absolute'
                    ? `${formatNumber(t.value)} ${formatNumber(t.value)}`
                    : `${formatNumber(t.value * 100)} ${formatNumber(t.value * 100)}`,
              },
              v('RESPONSE'),
              base('float', formatNumber(q.answer)),
            );
      return {
        declarations: [declaration('RESPONSE', 'single', 'float', [formatNumber(q.answer)])],
        body: [
          para(q.prompt),
          el(
            'p',
            {},
            el('textEntryInteraction', { responseIdentifier: 'RESPONSE', expectedLength: '12' }),
            q.unit !== undefined && ` ${q.unit}`,
          ),
        ],
        scoring: [when(el('and', {}, notNull('RESPONSE'), equal), setOutcome('SCORE', base('float', 1)))],
        feedback: [],
      };
    },
    losses: (q) =>
      q.unit !== undefined ? ['unit shown after the input box; a typed unit ("75 %") is not accepted'] : [],
  },
  gift: {
    blocks: (q) => {
      const range = numericRange(q);
      const value = `${formatNumber(range.answer)}${range.margin === 0 ? '' : `:${formatNumber(range.margin)}`}`;
      return [
        `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} {#\n\t=${value}${fb(q.feedback?.correct)}\n\t${general(q)}\n}`,
      ];
    },
    losses: (q) =>
      [
        relativeToleranceNote(q),
        q.unit !== undefined ? UNIT_NOT_WRITTEN_GIFT : undefined,
        q.feedback?.incorrect !== undefined
          ? 'general incorrect feedback dropped (GIFT numeric has no "any other answer")'
          : undefined,
      ].filter((n): n is string => n !== undefined),
  },
  csv: { options: (q) => q.unit ?? '' },
  scorm: { ...numericScorm, losses: numericScormLosses },
};
