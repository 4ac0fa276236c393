/**
 * Pure: no DOM, no framework.
 *
 * QTI 2.1: an IMS content package with `imsmanifest.xml` and one `assessmentItem` per question
 * under `items/`. Interactions: `choiceInteraction` (single, multiple, true/false),
 * `textEntryInteraction` (text, numeric, and one per cloze blank in the passage),
 * `orderInteraction`, `matchInteraction`. Scoring is written out in `responseProcessing` so it
 * matches the site where QTI can: a `mapping` gives `multiple` its ±1/k per option and matching
 * its share of pairs, numeric uses `equal` with the absolute or relative tolerance, a cloze
 * scores the share of blanks right. Feedback is `modalFeedback` keyed by the `FEEDBACK`
 * outcome: the explanation always, per-option feedback when that option was picked, and the
 * general correct/incorrect feedback.
 *
 * This file writes the package, the item around each question and its feedback; each question
 * type gives its declarations, body, scoring and per-answer feedback, and what it cannot carry
 * over (`exporter.qti21` in `src/questions/<type>/export.ts`). The helpers below are for those parts.
 */
import type { Question } from '../../questions/index.ts';
import { exportOf, formatNumber, NOTE, ReportBuilder } from './common.ts';
import type { ExportOptions, ExportResult, Exporters } from './types.ts';
import { el, richNodes, xmlDocument, type XmlElement } from './xml.ts';
import { zipFiles } from './zip.ts';

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** QTI identifiers cannot start with a digit, which local ids may: every one gets a letter prefix. */
export const qtiId = {
  item: (id: string): string => (/^[0-9]/.test(id) ? `q${id}` : id),
  option: (id: string): string => `o_${id}`,
  pair: (id: string): string => `p_${id}`,
  right: (id: string): string => `r_${id}`,
  orderItem: (id: string): string => `i_${id}`,
  blank: (id: string): string => `RESPONSE_${id}`,
};

export const v = (identifier: string): XmlElement => el('variable', { identifier });
export const base = (baseType: string, value: string | number): XmlElement =>
  el('baseValue', { baseType }, String(value));
export const setOutcome = (identifier: string, value: XmlElement): XmlElement =>
  el('setOutcomeValue', { identifier }, value);
const addFeedback = (id: string): XmlElement =>
  setOutcome('FEEDBACK', el('multiple', {}, v('FEEDBACK'), base('identifier', id)));
export const when = (condition: XmlElement, ...then: XmlElement[]): XmlElement =>
  el('responseCondition', {}, el('responseIf', {}, condition, ...then));
const whenElse = (condition: XmlElement, then: XmlElement[], otherwise: XmlElement[]): XmlElement =>
  el('responseCondition', {}, el('responseIf', {}, condition, ...then), el('responseElse', {}, ...otherwise));
export const notNull = (identifier: string): XmlElement => el('not', {}, el('isNull', {}, v(identifier)));

function outcome(identifier: string, cardinality: string, baseType: string, value?: string): XmlElement {
  return el(
    'outcomeDeclaration',
    { identifier, cardinality, baseType },
    value !== undefined && el('defaultValue', {}, el('value', {}, value)),
  );
}

export function mapping(
  entries: { key: string; value: number; caseSensitive?: boolean }[],
  upper = 1,
): XmlElement {
  return el(
    'mapping',
    { lowerBound: '0', upperBound: String(upper), defaultValue: '0' },
    entries.map((e) =>
      el('mapEntry', {
        mapKey: e.key,
        mappedValue: formatNumber(e.value),
        caseSensitive: e.caseSensitive === undefined ? undefined : String(e.caseSensitive),
      }),
    ),
  );
}

export function declaration(
  identifier: string,
  cardinality: 'single' | 'multiple' | 'ordered',
  baseType: string,
  correct: string[],
  map?: XmlElement,
): XmlElement {
  return el(
    'responseDeclaration',
    { identifier, cardinality, baseType },
    el(
      'correctResponse',
      {},
      correct.map((c) => el('value', {}, c)),
    ),
    map,
  );
}

export const para = (text: string): XmlElement => el('p', {}, richNodes(text));
export const prompt = (text: string): XmlElement => el('prompt', {}, richNodes(text));

/** The type's side of an `assessmentItem`. */
export interface Qti21Parts {
  declarations: XmlElement[];
  body: XmlElement[];
  /** Sets SCORE. */
  scoring: XmlElement[];
  /** Per-answer feedback: [identifier, text, condition that shows it]. */
  feedback: { id: string; text: string; condition: XmlElement }[];
}

/** What one question type writes in a QTI 2.1 `assessmentItem`. */
/** `Q`: the question type's questions. */
export interface Qti21Part<Q> {
  parts: (question: Q) => Qti21Parts;
  /** What QTI 2.1 cannot represent exactly for this question. */
  losses: (question: Q) => string[];
}

/**
 * A choice question: `choiceInteraction` over the options, the key `right`; `oneRight` = one
 * answer, else a `mapping` gives ±1/k per option (k right), the site's own rule.
 */
export function choiceParts(
  q: Question & { options: { id: string; text: string; feedback?: string | undefined }[] },
  right: ReadonlySet<string>,
  oneRight: boolean,
): Qti21Parts {
  const k = right.size;
  const picked = (id: string): XmlElement =>
    oneRight
      ? el('match', {}, v('RESPONSE'), base('identifier', qtiId.option(id)))
      : el('member', {}, base('identifier', qtiId.option(id)), v('RESPONSE'));
  return {
    declarations: [
      declaration(
        'RESPONSE',
        oneRight ? 'single' : 'multiple',
        'identifier',
        [...right].map(qtiId.option),
        oneRight
          ? undefined
          : mapping(
              q.options.map((o) => ({ key: qtiId.option(o.id), value: right.has(o.id) ? 1 / k : -1 / k })),
            ),
      ),
    ],
    body: [
      el(
        'choiceInteraction',
        { responseIdentifier: 'RESPONSE', shuffle: 'true', maxChoices: oneRight ? '1' : '0' },
        prompt(q.prompt),
        q.options.map((o) => el('simpleChoice', { identifier: qtiId.option(o.id) }, richNodes(o.text))),
      ),
    ],
    scoring: oneRight ? [whenCorrect()] : [mapScore('RESPONSE')],
    feedback: q.options.flatMap((o) =>
      o.feedback === undefined
        ? []
        : [{ id: `FB_${qtiId.option(o.id)}`, text: o.feedback, condition: picked(o.id) }],
    ),
  };
}

/** SCORE 1 when RESPONSE is the correct response. */
export function whenCorrect(): XmlElement {
  return when(
    el('match', {}, v('RESPONSE'), el('correct', { identifier: 'RESPONSE' })),
    setOutcome('SCORE', base('float', 1)),
  );
}

/** SCORE from the response's `mapping`, once there is a response. */
export function mapScore(identifier: string): XmlElement {
  return when(notNull(identifier), setOutcome('SCORE', el('mapResponse', { identifier })));
}

/** One question as a QTI 2.1 `assessmentItem` document. */
export function assessmentItem(q: Question, report: ReportBuilder, types: Exporters): string {
  const part = exportOf(q, types).qti21;
  const parts = part.parts(q);
  for (const loss of part.losses(q)) report.note(q, loss);
  if (q.hints?.length) report.note(q, NOTE.hintsDropped);
  const feedbacks = [
    { id: 'EXPLANATION', text: q.explanation, title: 'Explanation' },
    ...parts.feedback.map((f) => ({ id: f.id, text: f.text, title: undefined })),
    q.feedback?.correct !== undefined && { id: 'CORRECT', text: q.feedback.correct, title: 'Correct' },
    q.feedback?.incorrect !== undefined && {
      id: 'INCORRECT',
      text: q.feedback.incorrect,
      title: 'Not quite',
    },
  ].filter((f): f is { id: string; text: string; title: string | undefined } => f !== false);
  const verdict =
    q.feedback &&
    whenElse(
      el('gte', {}, v('SCORE'), v('MAXSCORE')),
      q.feedback.correct !== undefined ? [addFeedback('CORRECT')] : [],
      q.feedback.incorrect !== undefined ? [addFeedback('INCORRECT')] : [],
    );
  const item = el(
    'assessmentItem',
    {
      xmlns: QTI_NS,
      'xmlns:xsi': XSI,
      'xsi:schemaLocation': `${QTI_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd`,
      identifier: qtiId.item(q.id),
      title: q.id,
      adaptive: 'false',
      timeDependent: 'false',
    },
    parts.declarations,
    outcome('SCORE', 'single', 'float', '0'),
    outcome('MAXSCORE', 'single', 'float', '1'),
    outcome('FEEDBACK', 'multiple', 'identifier'),
    el('itemBody', {}, parts.body),
    el(
      'responseProcessing',
      {},
      parts.scoring,
      setOutcome('FEEDBACK', el('multiple', {}, v('FEEDBACK'), base('identifier', 'EXPLANATION'))),
      parts.feedback.map((f) => when(f.condition, addFeedback(f.id))),
      verdict,
    ),
    feedbacks.map((f) =>
      el(
        'modalFeedback',
        { outcomeIdentifier: 'FEEDBACK', identifier: f.id, showHide: 'show', title: f.title },
        para(f.text),
      ),
    ),
  );
  report.done(q);
  return xmlDocument(item);
}

/** The QTI 2.1 package: `imsmanifest.xml` + `items/<id>.xml`, zipped. */
export function exportQti21(
  questions: readonly Question[],
  options: ExportOptions,
  types: Exporters,
): ExportResult {
  const report = new ReportBuilder('qti21', questions.length);
  const items = questions.map((q) => ({
    path: `items/${q.id}.xml`,
    q,
    content: assessmentItem(q, report, types),
  }));
  const manifest = el(
    'manifest',
    {
      identifier: 'extremism-online-qti21',
      xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
      'xmlns:imsmd': 'http://www.imsglobal.org/xsd/imsmd_v1p2',
      'xmlns:xsi': XSI,
      'xsi:schemaLocation':
        'http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd',
    },
    el('metadata', {}, el('schema', {}, 'QTIv2.1 Package'), el('schemaversion', {}, '1.0.0')),
    el('organizations'),
    el(
      'resources',
      {},
      items.map((it) =>
        el(
          'resource',
          { identifier: `item-${qtiId.item(it.q.id)}`, type: 'imsqti_item_xmlv2p1', href: it.path },
          el(
            'metadata',
            {},
            el(
              'imsmd:lom',
              {},
              el(
                'imsmd:general',
                {},
                el('imsmd:keyword', {}, el('imsmd:langstring', {}, `lesson:${it.q.lesson}`)),
                el('imsmd:keyword', {}, el('imsmd:langstring', {}, `objective:${it.q.objective}`)),
                el('imsmd:keyword', {}, el('imsmd:langstring', {}, `bloom:${it.q.bloom}`)),
              ),
            ),
          ),
          el('file', { href: it.path }),
        ),
      ),
    ),
  );
  const entries = [
    { path: 'imsmanifest.xml', content: xmlDocument(manifest) },
    ...items.map(({ path, content }) => ({ path, content })),
  ];
  return {
    files: [{ path: 'qti21.zip', content: zipFiles(entries, options.date) }],
    report: report.report(),
  };
}
