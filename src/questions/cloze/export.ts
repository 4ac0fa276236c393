/**
 * Pure: no DOM, no framework. Build and CLI only.
 *
 * `cloze` in the LMS formats, scored as the share of blanks right where the format can: Moodle
 * embedded answers (`{1:SHORTANSWER:=a~=b}`), Canvas `fill_in_multiple_blanks_question` (`[b1]` in
 * the text), QTI 2.1 one `textEntryInteraction` per blank. Standard GIFT allows one answer set per
 * question, so GIFT gets one short-answer question per blank; SCORM 1.2 one `fill-in` for the
 * whole passage.
 */
import { NOTE, rejectedAnswers, usesTypos } from '../../lib/export/common.ts';
import { escapeGift, GENERAL_FEEDBACK_DROPPED, general, head, plain } from '../../lib/export/gift.ts';
import { escapeClozeAnswer } from '../../lib/export/moodle.ts';
import { plain as plainMaterial, respcondition, setScore, varequal } from '../../lib/export/qti12.ts';
import { base, declaration, mapping, para, qtiId, setOutcome } from '../../lib/export/qti21.ts';
import { incorrectFeedbackProblems } from '../common.ts';
import { SCORM_TYPO_NOTE } from '../../lib/export/scorm.ts';
import type { QuestionExport } from '../../lib/export/types.ts';
import { el, richHtml, richNodes, type XmlNode } from '../../lib/export/xml.ts';
import { BLANK, blankNumbers, clozeSegments } from './grade.ts';
import type { ClozeQuestion } from './schema.ts';
import { clozeScorm } from './scorm.ts';

type Blank = ClozeQuestion['blanks'][number];
export type ClozePart = { kind: 'prose'; text: string } | { kind: 'blank'; blank: Blank };

/** The passage as runs of text and blanks (with their accepted answers), in reading order. */
export function clozeParts(question: ClozeQuestion): ClozePart[] {
  const blanks = new Map(question.blanks.map((blank) => [blank.id, blank]));
  return clozeSegments(question.text).flatMap((segment): ClozePart[] => {
    if (segment.kind === 'prose') return segment.text === '' ? [] : [{ kind: 'prose', text: segment.text }];
    const blank = blanks.get(segment.id);
    return blank ? [{ kind: 'blank', blank }] : [];
  });
}

/** The cloze passage with `{1:SHORTANSWER:=a~=b}` fields, each blank worth 1 (share of blanks, as on the site). */
export function moodleClozeText(q: ClozeQuestion): string {
  const passage = clozeParts(q)
    .map((p) =>
      p.kind === 'prose'
        ? richHtml(p.text)
        : `{1:SHORTANSWER:${[
            ...p.blank.accept.map((a) => `=${escapeClozeAnswer(a)}`),
            // Known wrong answers score 0 with their own feedback (`%0%answer#feedback`).
            ...rejectedAnswers(p.blank).map(
              (r) =>
                `%0%${escapeClozeAnswer(r.answer)}${r.feedback === undefined ? '' : `#${escapeClozeAnswer(r.feedback)}`}`,
            ),
          ].join('~')}}`,
    )
    .join('');
  return `<p>${richHtml(q.prompt)}</p><p>${passage}</p>`;
}

const clozeScormLosses = (q: ClozeQuestion): string[] => [
  'cloze recorded as one fill-in interaction: the blanks in reading order, separated by commas; only the first accepted answer of each blank is listed as correct',
  ...(q.blanks.some(usesTypos) ? [SCORM_TYPO_NOTE] : []),
];
/** What formats without a place for known wrong answers lose. */
const losses = (q: ClozeQuestion): string[] => [
  ...(q.blanks.some(usesTypos) ? [NOTE.typos] : []),
  ...(q.blanks.some((blank) => blank.reject) ? [NOTE.rejectedDropped] : []),
];

export const clozeExport: QuestionExport<'cloze'> = {
  instructor: {
    name: 'Cloze',
    // Blanks by number in reading order, as the learner's page and the answer key name them.
    blocks: (q) => {
      const numbers = blankNumbers(q.text);
      return [
        { kind: 'passage', text: q.text.replace(BLANK, (_, id: string) => `[Blank ${numbers.get(id)}]`) },
      ];
    },
    answerFeedback: (q) => {
      const numbers = blankNumbers(q.text);
      return q.blanks.flatMap((blank) =>
        rejectedAnswers(blank).map(
          (r) =>
            `Blank ${numbers.get(blank.id)}: “${r.answer}” is wrong${r.feedback === undefined ? '' : `: ${r.feedback}`}`,
        ),
      );
    },
    writingProblems: incorrectFeedbackProblems,
    keyedChoices: () => null,
  },
  moodle: {
    qtype: 'cloze',
    questionHtml: moodleClozeText,
    body: () => [],
    // Moodle's importer reads <shownumcorrect/> and <clearwrong/> on each hint (see `hint`).
    hints: 'parts',
    losses: (q) => [
      ...(q.blanks.some(usesTypos) ? [NOTE.typos] : []),
      ...(q.feedback
        ? ['general correct/incorrect feedback dropped (Moodle cloze has none; the explanation is kept)']
        : []),
    ],
  },
  qti12: {
    canvasType: 'fill_in_multiple_blanks_question',
    build: (q) => {
      const blanks = q.blanks;
      const points = (100 / blanks.length).toFixed(2);
      // Canvas marks every listed answer of a blank as correct; scoring names the canonical one.
      const labelId = (blankId: string, i: number): string => `${blankId}_a${i + 1}`;
      const passage = clozeParts(q)
        .map((p) => (p.kind === 'prose' ? richHtml(p.text) : `[${p.blank.id}]`))
        .join('');
      return {
        questionHtml: `<p>${richHtml(q.prompt)}</p><p>${passage}</p>`,
        responses: blanks.map((blank) =>
          el(
            'response_lid',
            { ident: `response_${blank.id}` },
            el('material', {}, el('mattext', {}, blank.id)),
            el(
              'render_choice',
              {},
              blank.accept.map((a, i) =>
                el('response_label', { ident: labelId(blank.id, i) }, plainMaterial(a)),
              ),
            ),
          ),
        ),
        conditions: blanks.map((blank) =>
          respcondition(
            undefined,
            [varequal(`response_${blank.id}`, labelId(blank.id, 0))],
            setScore(points, 'Add'),
          ),
        ),
        feedbacks: [],
        answerIds: blanks.flatMap((blank) => blank.accept.map((_, i) => labelId(blank.id, i))),
      };
    },
    scoredByParts: true,
    losses: losses,
  },
  qti21: {
    parts: (q) => {
      const passage: XmlNode[] = clozeParts(q).flatMap((p) =>
        p.kind === 'prose'
          ? richNodes(p.text)
          : [
              el('textEntryInteraction', {
                responseIdentifier: qtiId.blank(p.blank.id),
                expectedLength: '15',
              }),
            ],
      );
      return {
        declarations: q.blanks.map((b) =>
          declaration(
            qtiId.blank(b.id),
            'single',
            'string',
            [b.accept[0] ?? ''],
            mapping(b.accept.map((a) => ({ key: a, value: 1, caseSensitive: false }))),
          ),
        ),
        body: [para(q.prompt), el('p', {}, passage)],
        scoring: [
          setOutcome(
            'SCORE',
            el(
              'divide',
              {},
              el(
                'sum',
                {},
                q.blanks.map((b) => el('mapResponse', { identifier: qtiId.blank(b.id) })),
              ),
              base('float', q.blanks.length),
            ),
          ),
        ],
        feedback: [],
      };
    },
    losses: losses,
  },
  gift: {
    /** One short-answer ("missing word") question per blank; the other blanks show as `_____`. */
    blocks: (q) => {
      const parts = clozeParts(q);
      return q.blanks.map((blank) => {
        const at = parts.findIndex((p) => p.kind === 'blank' && p.blank.id === blank.id);
        const show = (from: number, to: number): string =>
          parts
            .slice(from, to)
            .map((p) => (p.kind === 'prose' ? richHtml(p.text) : '_____'))
            .join('');
        const before = `<p>${richHtml(q.prompt)}</p><p>${show(0, at)}`;
        const after = `${show(at + 1, parts.length)}</p>`;
        const answers = blank.accept.map((a) => `=${plain(a)}`).join(' ');
        return `${head(`${q.id}-${blank.id}`, before)}{${answers} ${general(q)}}${escapeGift(after)}`;
      });
    },
    losses: (q) => [
      ...(q.feedback ? [GENERAL_FEEDBACK_DROPPED] : []),
      `cloze split into ${q.blanks.length} short-answer questions, one per blank (standard GIFT allows one answer set per question)`,
      ...losses(q),
    ],
  },
  csv: {
    options: (q) => {
      const numbers = blankNumbers(q.text);
      return clozeParts(q)
        .map((p) => (p.kind === 'prose' ? p.text : `[Blank ${numbers.get(p.blank.id)}]`))
        .join('');
    },
  },
  scorm: { ...clozeScorm, losses: clozeScormLosses },
};
