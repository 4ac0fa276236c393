/**
 * Pure: no DOM, no framework.
 *
 * QTI 1.2 in Canvas's dialect (what Canvas's own quiz export writes and its importer reads):
 * an IMS content package with `imsmanifest.xml` and one `<assessment>` per lesson. Each item
 * carries `qtimetadata` with Canvas's `question_type`, per-option feedback as `itemfeedback`
 * `<option>_fb` shown by `displayfeedback`, general feedback `general_fb` (the explanation),
 * `correct_fb` and `general_incorrect_fb`.
 *
 * This file writes the package, the assessment per lesson and what every item shares (metadata,
 * general feedback, the score variable); each question type gives its Canvas `question_type`, its
 * responses and scoring conditions, and what it cannot carry over (`exporter.qti12` in
 * `src/questions/<type>/export.ts`). The helpers below are for those parts.
 */
import type { Question } from '../../questions/index.ts';
import { byLesson, exportOf, lessonTitle, NOTE, ReportBuilder } from './common.ts';
import type { ExportOptions, ExportResult, Exporters } from './types.ts';
import { el, richHtml, xmlDocument, type XmlElement } from './xml.ts';
import { zipFiles } from './zip.ts';

const QTI_NS = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** What one question type writes in a QTI 1.2 (Canvas) item. */
/** `Q`: the question type's questions. */
export interface Qti12Part<Q> {
  /** Canvas's `question_type` metadata. */
  canvasType: string;
  /** The item's responses, scoring conditions and feedback; `correctFb` shows `correct_fb`. */
  build: (question: Q, correctFb: XmlElement | undefined) => Qti12Built;
  /**
   * Scored part by part (the score is added up), so, as in Canvas's own export, no condition marks
   * the whole answer wrong: no `general_incorrect_fb` condition (its text still goes in).
   */
  scoredByParts?: true;
  /** What QTI 1.2 / Canvas cannot represent exactly for this question. */
  losses: (question: Q) => string[];
}

export const html = (text: string): XmlElement =>
  el('material', {}, el('mattext', { texttype: 'text/html' }, richHtml(text)));
export const plain = (text: string): XmlElement =>
  el('material', {}, el('mattext', { texttype: 'text/plain' }, text));

function field(label: string, entry: string): XmlElement {
  return el('qtimetadatafield', {}, el('fieldlabel', {}, label), el('fieldentry', {}, entry));
}

export function feedback(ident: string, text: string | undefined): XmlElement | undefined {
  if (text === undefined) return undefined;
  return el('itemfeedback', { ident }, el('flow_mat', {}, html(text)));
}

export function show(linkrefid: string): XmlElement {
  return el('displayfeedback', { feedbacktype: 'Response', linkrefid });
}

/** `<respcondition>`: when `condition` holds, set/add score and show feedback. */
export function respcondition(
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

export const varequal = (respident: string, value: string): XmlElement =>
  el('varequal', { respident }, value);
const other = (): XmlElement => el('other');
export const setScore = (value: string, action: 'Set' | 'Add' = 'Set'): XmlElement =>
  el('setvar', { action, varname: 'SCORE' }, value);

/** Option idents are prefixed so that `<ident>_fb` can never clash with `correct_fb` and friends. */
export const optionIdent = (id: string): string => `o_${id}`;

/** The type's side of an item. */
export interface Qti12Built {
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

/**
 * A choice among `options`, written in authored order. `shuffle` declares that the
 * LMS may show them in any order (`shuffle="Yes"`), as the site does; true/false keeps its order.
 */
export function choiceLid(
  ident: string,
  card: 'Single' | 'Multiple',
  options: { id: string; text: string }[],
  shuffle: boolean,
): XmlElement {
  return el(
    'response_lid',
    { ident, rcardinality: card },
    el(
      'render_choice',
      // QTI 1.2 leaves choices in order unless told; the site shuffles options (True/False stays put).
      { shuffle: shuffle ? 'Yes' : 'No' },
      options.map((o) => el('response_label', { ident: o.id }, html(o.text))),
    ),
  );
}

export function buildChoice(
  q: Question & { options: { id: string; text: string; feedback?: string | undefined }[] },
  right: ReadonlySet<string>,
  oneRight: boolean,
  correctFb: XmlElement | undefined,
): Qti12Built {
  const options = q.options.map((o) => ({ ...o, id: optionIdent(o.id), right: right.has(o.id) }));
  const perOption = options
    .filter((o) => o.feedback !== undefined)
    .map((o) => respcondition(true, [varequal('response1', o.id)], show(`${o.id}_fb`)));
  const condition = oneRight
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
    responses: [choiceLid('response1', oneRight ? 'Single' : 'Multiple', options, true)],
    conditions: [...perOption, respcondition(false, condition, setScore('100'), correctFb)],
    feedbacks: options.map((o) => feedback(`${o.id}_fb`, o.feedback)),
    answerIds: options.map((o) => o.id),
  };
}

/** Canvas matching: one `response_lid` per left entry, each offering every right-hand option. */
export function buildMatching(
  lefts: { id: string; text: string; rightId: string }[],
  rights: { id: string; text: string }[],
): Qti12Built {
  const points = (100 / lefts.length).toFixed(2);
  return {
    responses: lefts.map((left) =>
      el(
        'response_lid',
        { ident: `response_${left.id}` },
        html(left.text),
        el(
          'render_choice',
          // The site shows the right-hand options shuffled.
          { shuffle: 'Yes' },
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

function item(q: Question, report: ReportBuilder, types: Exporters): XmlElement {
  const part = exportOf(q, types).qti12;
  const correctText = q.feedback?.correct;
  const incorrectText = q.feedback?.incorrect;
  const correctFb = correctText === undefined ? undefined : show('correct_fb');
  const built = part.build(q, correctFb);
  for (const loss of part.losses(q)) report.note(q, loss);
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
        field('question_type', part.canvasType),
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
        !part.scoredByParts &&
        respcondition(true, [other()], show('general_incorrect_fb')),
    ),
    feedback('general_fb', q.explanation),
    feedback('correct_fb', correctText),
    feedback('general_incorrect_fb', incorrectText),
    built.feedbacks,
  );
}

/** The QTI 1.2 package: `imsmanifest.xml` + `<lesson>/<lesson>.xml`, zipped. */
export function exportQti12(
  questions: readonly Question[],
  options: ExportOptions,
  types: Exporters,
): ExportResult {
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
          list.map((q) => item(q, report, types)),
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
