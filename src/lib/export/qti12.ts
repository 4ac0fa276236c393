/**
 * Pure: no DOM, no framework.
 *
 * QTI 1.2 in Canvas's dialect (what Canvas's own quiz export writes and its importer reads):
 * an IMS content package with `imsmanifest.xml` and one `<assessment>` per lesson. Each item
 * carries `qtimetadata` with Canvas's `question_type`, per-option feedback as `itemfeedback`
 * `<option>_fb` shown by `displayfeedback`, general feedback `general_fb` (the explanation),
 * `correct_fb` and `general_incorrect_fb`.
 *
 * Mapping: single → multiple_choice_question, multiple → multiple_answers_question, truefalse →
 * true_false_question, numeric → numerical_question (exact ± margin), text →
 * short_answer_question, matching → matching_question, cloze → fill_in_multiple_blanks_question
 * (`[b1]` in the text), ordering → matching_question (position → item), with a report note.
 */
import type { Question, QuestionOf } from '../../questions/index.ts';
import {
  byLesson,
  clozeParts,
  correctIds,
  formatNumber,
  lessonTitle,
  matchingRights,
  NOTE,
  numericRange,
  ordinal,
  relativeToleranceNote,
  ReportBuilder,
  usesTypos,
} from './common.ts';
import type { ExportOptions, ExportResult } from './types.ts';
import { el, richHtml, xmlDocument, type XmlElement } from './xml.ts';
import { zipFiles } from './zip.ts';

const QTI_NS = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Canvas's name for each course type (ordering has none: it goes out as matching). */
export const CANVAS_TYPE = {
  single: 'multiple_choice_question',
  multiple: 'multiple_answers_question',
  truefalse: 'true_false_question',
  numeric: 'numerical_question',
  text: 'short_answer_question',
  matching: 'matching_question',
  ordering: 'matching_question',
  cloze: 'fill_in_multiple_blanks_question',
} as const satisfies Record<Question['type'], string>;

const html = (text: string): XmlElement =>
  el('material', {}, el('mattext', { texttype: 'text/html' }, richHtml(text)));
const plain = (text: string): XmlElement =>
  el('material', {}, el('mattext', { texttype: 'text/plain' }, text));

function field(label: string, entry: string): XmlElement {
  return el('qtimetadatafield', {}, el('fieldlabel', {}, label), el('fieldentry', {}, entry));
}

function feedback(ident: string, text: string | undefined): XmlElement | undefined {
  if (text === undefined) return undefined;
  return el('itemfeedback', { ident }, el('flow_mat', {}, html(text)));
}

function show(linkrefid: string): XmlElement {
  return el('displayfeedback', { feedbacktype: 'Response', linkrefid });
}

/** `<respcondition>`: when `condition` holds, set/add score and show feedback. */
function respcondition(
  continueAfter: boolean | undefined,
  condition: (XmlElement | string)[],
  ...actions: (XmlElement | undefined)[]
): XmlElement {
  return el(
    'respcondition',
    { continue: continueAfter === undefined ? undefined : continueAfter ? 'Yes' : 'No' },
    el('conditionvar', {}, ...condition),
    ...actions,
  );
}

const varequal = (respident: string, value: string): XmlElement => el('varequal', { respident }, value);
const other = (): XmlElement => el('other');
const setScore = (value: string, action: 'Set' | 'Add' = 'Set'): XmlElement =>
  el('setvar', { action, varname: 'SCORE' }, value);

/** Option idents are prefixed so that `<ident>_fb` can never clash with `correct_fb` and friends. */
const optionIdent = (id: string): string => `o_${id}`;

interface Built {
  /** `response_lid` / `response_str` elements after the prompt. */
  responses: XmlElement[];
  /** Scoring and per-answer feedback conditions (before the general incorrect one). */
  conditions: XmlElement[];
  /** Per-answer `itemfeedback`. */
  feedbacks: (XmlElement | undefined)[];
  /** The text shown as the question (default: the prompt). */
  questionHtml?: string;
  answerIds: string[];
}

function choiceLid(
  ident: string,
  card: 'Single' | 'Multiple',
  options: { id: string; text: string }[],
): XmlElement {
  return el(
    'response_lid',
    { ident, rcardinality: card },
    el(
      'render_choice',
      {},
      options.map((o) => el('response_label', { ident: o.id }, html(o.text))),
    ),
  );
}

function buildChoice(
  q: QuestionOf<'single'> | QuestionOf<'multiple'>,
  correctFb: XmlElement | undefined,
): Built {
  const right = correctIds(q);
  const options = q.options.map((o) => ({ ...o, id: optionIdent(o.id), right: right.has(o.id) }));
  const perOption = options
    .filter((o) => o.feedback !== undefined)
    .map((o) => respcondition(true, [varequal('response1', o.id)], show(`${o.id}_fb`)));
  const condition =
    q.type === 'single'
      ? [varequal('response1', options.find((o) => o.right)?.id ?? '')]
      : [
          el(
            'and',
            {},
            options.map((o) =>
              o.right ? varequal('response1', o.id) : el('not', {}, varequal('response1', o.id)),
            ),
          ),
        ];
  return {
    responses: [choiceLid('response1', q.type === 'single' ? 'Single' : 'Multiple', options)],
    conditions: [...perOption, respcondition(false, condition, setScore('100'), correctFb)],
    feedbacks: options.map((o) => feedback(`${o.id}_fb`, o.feedback)),
    answerIds: options.map((o) => o.id),
  };
}

function buildTruefalse(q: QuestionOf<'truefalse'>, correctFb: XmlElement | undefined): Built {
  const options = [
    { id: 'true', text: 'True', feedback: q.feedbackTrue },
    { id: 'false', text: 'False', feedback: q.feedbackFalse },
  ];
  const key = q.answer ? 'true' : 'false';
  return {
    responses: [choiceLid('response1', 'Single', options)],
    conditions: [
      ...options
        .filter((o) => o.feedback !== undefined)
        .map((o) => respcondition(true, [varequal('response1', o.id)], show(`${o.id}_fb`))),
      respcondition(false, [varequal('response1', key)], setScore('100'), correctFb),
    ],
    feedbacks: options.map((o) => feedback(`${o.id}_fb`, o.feedback)),
    answerIds: options.map((o) => o.id),
  };
}

function buildNumeric(q: QuestionOf<'numeric'>, correctFb: XmlElement | undefined): Built {
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
}

function buildText(q: QuestionOf<'text'>, correctFb: XmlElement | undefined): Built {
  return {
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
  };
}

/** Canvas matching: one `response_lid` per left entry, each offering every right-hand option. */
function buildMatching(
  lefts: { id: string; text: string; rightId: string }[],
  rights: { id: string; text: string }[],
): Built {
  const points = (100 / lefts.length).toFixed(2);
  return {
    responses: lefts.map((left) =>
      el(
        'response_lid',
        { ident: `response_${left.id}` },
        html(left.text),
        el(
          'render_choice',
          {},
          rights.map((r) => el('response_label', { ident: r.id }, plain(r.text))),
        ),
      ),
    ),
    conditions: lefts.map((left) =>
      respcondition(undefined, [varequal(`response_${left.id}`, left.rightId)], setScore(points, 'Add')),
    ),
    feedbacks: [],
    answerIds: lefts.map((left) => left.id),
  };
}

function buildCloze(q: QuestionOf<'cloze'>): Built {
  const parts = clozeParts(q);
  const blanks = q.blanks;
  const points = (100 / blanks.length).toFixed(2);
  // Canvas marks every listed answer of a blank as correct; scoring names the canonical one.
  const labelId = (blankId: string, i: number): string => `${blankId}_a${i + 1}`;
  const passage = parts.map((p) => (p.kind === 'text' ? richHtml(p.text) : `[${p.blank.id}]`)).join('');
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
          blank.accept.map((a, i) => el('response_label', { ident: labelId(blank.id, i) }, plain(a))),
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
}

function item(q: Question, report: ReportBuilder): XmlElement {
  const correctText = q.feedback?.correct;
  const incorrectText = q.feedback?.incorrect;
  const correctFb = correctText === undefined ? undefined : show('correct_fb');
  let built: Built;
  switch (q.type) {
    case 'single':
    case 'multiple':
      built = buildChoice(q, correctFb);
      break;
    case 'truefalse':
      built = buildTruefalse(q, correctFb);
      break;
    case 'numeric':
      built = buildNumeric(q, correctFb);
      if (q.unit !== undefined) report.note(q, NOTE.unitDropped);
      if (relativeToleranceNote(q)) report.note(q, relativeToleranceNote(q) ?? '');
      break;
    case 'text':
      built = buildText(q, correctFb);
      if (usesTypos(q)) report.note(q, NOTE.typos);
      break;
    case 'matching':
      built = buildMatching(
        q.pairs.map((p) => ({ id: p.id, text: p.left, rightId: p.id })),
        matchingRights(q),
      );
      break;
    case 'ordering':
      built = buildMatching(
        q.items.map((it, i) => ({ id: `pos${i + 1}`, text: `${ordinal(i + 1)}`, rightId: it.id })),
        // Rights in authored order would be the answer key read top to bottom: sort them by text.
        [...q.items]
          .sort((a, b) => a.text.localeCompare(b.text, 'en'))
          .map((it) => ({ id: it.id, text: it.text })),
      );
      report.note(q, NOTE.orderingAsMatching);
      break;
    case 'cloze':
      built = buildCloze(q);
      if (q.blanks.some(usesTypos)) report.note(q, NOTE.typos);
      break;
  }
  // As in Canvas's own export: types scored part by part get no "incorrect" condition (their
  // score is added up, so no condition marks the whole answer wrong); the feedback text still goes in.
  const multiPart = q.type === 'matching' || q.type === 'ordering' || q.type === 'cloze';
  if (q.hints?.length) report.note(q, NOTE.hintsDropped);
  report.done(q);
  const questionHtml = built.questionHtml ?? `<p>${richHtml(q.prompt)}</p>`;
  return el(
    'item',
    { ident: q.id, title: q.id },
    el(
      'itemmetadata',
      {},
      el(
        'qtimetadata',
        {},
        field('question_type', CANVAS_TYPE[q.type]),
        field('points_possible', '1'),
        field('original_answer_ids', built.answerIds.join(',')),
      ),
    ),
    el(
      'presentation',
      {},
      el('material', {}, el('mattext', { texttype: 'text/html' }, `<div>${questionHtml}</div>`)),
      built.responses,
    ),
    el(
      'resprocessing',
      {},
      el(
        'outcomes',
        {},
        el('decvar', { maxvalue: '100', minvalue: '0', varname: 'SCORE', vartype: 'Decimal' }),
      ),
      respcondition(true, [other()], show('general_fb')),
      built.conditions,
      incorrectText !== undefined &&
        !multiPart &&
        respcondition(true, [other()], show('general_incorrect_fb')),
    ),
    feedback('general_fb', q.explanation),
    feedback('correct_fb', correctText),
    feedback('general_incorrect_fb', incorrectText),
    built.feedbacks,
  );
}

/** The QTI 1.2 package: `imsmanifest.xml` + `<lesson>/<lesson>.xml`, zipped. */
export function exportQti12(questions: readonly Question[], options: ExportOptions = {}): ExportResult {
  const report = new ReportBuilder('qti12', questions.length);
  const files: { path: string; content: string }[] = [];
  const resources: XmlElement[] = [];
  for (const [lesson, list] of byLesson(questions)) {
    const path = `${lesson}/${lesson}.xml`;
    const doc = el(
      'questestinterop',
      {
        xmlns: QTI_NS,
        'xmlns:xsi': XSI,
        'xsi:schemaLocation': `${QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd`,
      },
      el(
        'assessment',
        { ident: lesson, title: lessonTitle(lesson, options) },
        el(
          'section',
          { ident: 'root_section' },
          list.map((q) => item(q, report)),
        ),
      ),
    );
    files.push({ path, content: xmlDocument(doc) });
    resources.push(
      el(
        'resource',
        { identifier: `res-${lesson}`, type: 'imsqti_xmlv1p2', href: path },
        el('file', { href: path }),
      ),
    );
  }
  const manifest = el(
    'manifest',
    {
      identifier: 'extremism-online-qti12',
      xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
      'xmlns:xsi': XSI,
      'xsi:schemaLocation':
        'http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd',
    },
    el('metadata', {}, el('schema', {}, 'IMS Content'), el('schemaversion', {}, '1.1.3')),
    el('organizations'),
    el('resources', {}, resources),
  );
  const entries = [{ path: 'imsmanifest.xml', content: xmlDocument(manifest) }, ...files];
  return {
    files: [{ path: 'qti12.zip', content: zipFiles(entries, options.date) }],
    report: report.report(),
  };
}
