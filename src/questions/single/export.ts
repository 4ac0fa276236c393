/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * `single` in the LMS formats: Moodle `multichoice` (one right), Canvas
 * `multiple_choice_question`, QTI 2.1 `choiceInteraction` (one choice), GIFT `=right ~wrong`,
 * SCORM `choice`. Options keep their own feedback everywhere; GIFT has no place for the general
 * correct/incorrect feedback.
 */
import { lettered } from '../../lib/export/csv.ts';
import { choiceBlock, GENERAL_FEEDBACK_DROPPED } from '../../lib/export/gift.ts';
import { choiceBody } from '../../lib/export/moodle.ts';
import { buildChoice } from '../../lib/export/qti12.ts';
import { choiceParts } from '../../lib/export/qti21.ts';
import { choicesWithKey, keyedOptions, optionWritingProblems } from '../common.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import type { SingleQuestion } from './schema.ts';
import { singleScorm } from './scorm.ts';

const key = (q: SingleQuestion): Set<string> => new Set([q.answer]);
const none = (): string[] => [];

export const singleExport: QuestionExport<'single'> = {
  instructor: {
    name: 'Single choice',
    blocks: (q) => [keyedOptions(q.options, key(q))],
    answerFeedback: none,
    writingProblems: (q, rules) => optionWritingProblems(q.options, key(q), rules.bannedOption),
    keyedChoices: (q) => choicesWithKey(q.options, key(q)),
  },
  moodle: { qtype: 'multichoice', body: (q) => choiceBody(q, key(q), true), hints: 'parts', losses: none },
  qti12: {
    canvasType: 'multiple_choice_question',
    build: (q, correctFb) => buildChoice(q, key(q), true, correctFb),
    losses: none,
  },
  qti21: { parts: (q) => choiceParts(q, key(q), true), losses: none },
  gift: {
    blocks: (q) => [choiceBlock(q, key(q), true)],
    losses: (q) => (q.feedback ? [GENERAL_FEEDBACK_DROPPED] : []),
  },
  csv: { options: (q) => lettered(q.options.map((o) => o.text)) },
  scorm: { ...singleScorm, losses: none },
};
