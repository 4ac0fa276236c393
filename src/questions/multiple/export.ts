/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * `multiple` in the LMS formats, scored as on the site where the format can: each right option
 * earns 1/k and each wrong pick costs 1/k (k right), floored at 0. Moodle `multichoice`, Canvas
 * `multiple_answers_question`, QTI 2.1 with a mapping, GIFT `~%weight%`, SCORM `choice` with the
 * key as a set.
 */
import { lettered } from '../../lib/export/csv.ts';
import { choiceBlock, GENERAL_FEEDBACK_DROPPED } from '../../lib/export/gift.ts';
import { choiceBody } from '../../lib/export/moodle.ts';
import { buildChoice } from '../../lib/export/qti12.ts';
import { choiceParts } from '../../lib/export/qti21.ts';
import { choicesWithKey, keyedOptions, optionWritingProblems } from '../common.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import type { MultipleQuestion } from './schema.ts';
import { multipleScorm } from './scorm.ts';

const key = (q: MultipleQuestion): Set<string> => new Set(q.answers);
const none = (): string[] => [];

export const multipleExport: QuestionExport<'multiple'> = {
  instructor: {
    name: 'Multiple choice',
    blocks: (q) => [keyedOptions(q.options, key(q))],
    answerFeedback: none,
    writingProblems: (q, rules) => optionWritingProblems(q.options, key(q), rules.bannedOption),
    keyedChoices: (q) => choicesWithKey(q.options, key(q)),
  },
  moodle: { qtype: 'multichoice', body: (q) => choiceBody(q, key(q), false), hints: 'parts', losses: none },
  qti12: {
    canvasType: 'multiple_answers_question',
    build: (q, correctFb) => buildChoice(q, key(q), false, correctFb),
    losses: none,
  },
  qti21: { parts: (q) => choiceParts(q, key(q), false), losses: none },
  gift: {
    blocks: (q) => [choiceBlock(q, key(q), false)],
    losses: (q) => (q.feedback ? [GENERAL_FEEDBACK_DROPPED] : []),
  },
  csv: { options: (q) => lettered(q.options.map((o) => o.text)) },
  scorm: { ...multipleScorm, losses: none },
};
