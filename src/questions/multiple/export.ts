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
import { scormLetter } from '../../lib/export/scorm.ts';
import { choicesWithKey, keyedOptions, optionWritingProblems } from '../common.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import type { MultipleQuestion } from './schema.ts';

const key = (q: MultipleQuestion): Set<string> => new Set(q.answers);
const none = (): string[] => [];
/** SCORM choice characters (authored positions) of `ids`, in authored order; undefined if one is unknown. */
const choicesOf = (q: MultipleQuestion, ids: readonly string[]): string | undefined => {
  const positions = ids.map((id) => q.options.findIndex((o) => o.id === id));
  if (positions.some((p) => p < 0)) return undefined;
  return [...new Set(positions)]
    .sort((a, b) => a - b)
    .map(scormLetter)
    .join(',');
};

export const multipleExport: QuestionExport<'multiple'> = {
  instructor: {
    name: 'Multiple choice',
    blocks: (q) => [keyedOptions(q.options, key(q))],
    answerFeedback: none,
    writingProblems: (q, rules) => optionWritingProblems(q.options, key(q), rules.bannedOption),
    keyedChoices: (q) => choicesWithKey(q.options, key(q)),
  },
  moodle: { qtype: 'multichoice', body: (q) => choiceBody(q, key(q), false), losses: none },
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
  scorm: {
    type: 'choice',
    correct: (q) => [`{${choicesOf(q, q.answers) ?? ''}}`],
    response: (q, response) =>
      Array.isArray(response) && response.every((id) => typeof id === 'string')
        ? choicesOf(q, response as string[])
        : undefined,
    losses: none,
  },
};
