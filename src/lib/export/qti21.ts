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
 */
import type { Question, QuestionOf } from '../../questions/index.ts';
import {
  clozeParts,
  correctIds,
  formatNumber,
  matchingRights,
  NOTE,
  numericRange,
  ReportBuilder,
  usesTypos,
} from './common.ts';
import type { ExportOptions, ExportResult } from './types.ts';
import { el, richNodes, xmlDocument, type XmlElement, type XmlNode } from './xml.ts';
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

const v = (identifier: string): XmlElement => el('variable', { identifier });
const base = (baseType: string, value: string | number): XmlElement =>
  el('baseValue', { baseType }, String(value));
const setOutcome = (identifier: string, value: XmlElement): XmlElement =>
  el('setOutcomeValue', { identifier }, value);
const addFeedback = (id: string): XmlElement =>
  setOutcome('FEEDBACK', el('multiple', {}, v('FEEDBACK'), base('identifier', id)));
const when = (condition: XmlElement, ...then: XmlElement[]): XmlElement =>
  el('responseCondition', {}, el('responseIf', {}, condition, ...then));
const whenElse = (condition: XmlElement, then: XmlElement[], otherwise: XmlElement[]): XmlElement =>
  el('responseCondition', {}, el('responseIf', {}, condition, ...then), el('responseElse', {}, ...otherwise));
const notNull = (identifier: string): XmlElement => el('not', {}, el('isNull', {}, v(identifier)));

function outcome(identifier: string, cardinality: string, baseType: string, value?: string): XmlElement {
  return el(
    'outcomeDeclaration',
    { identifier, cardinality, baseType },
    value !== undefined && el('defaultValue', {}, el('value', {}, value)),
  );
}

function mapping(entries: { key: string; value: number; caseSensitive?: boolean }[], upper = 1): XmlElement {
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

function declaration(
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

const para = (text: string): XmlElement => el('p', {}, richNodes(text));
const prompt = (text: string): XmlElement => el('prompt', {}, richNodes(text));

interface Parts {
  declarations: XmlElement[];
  body: XmlElement[];
  /** Sets SCORE. */
  scoring: XmlElement[];
  /** Per-answer feedback: [identifier, text, condition that shows it]. */
  feedback: { id: string; text: string; condition: XmlElement }[];
}

function choice(q: QuestionOf<'single'> | QuestionOf<'multiple'>): Parts {
  const right = correctIds(q);
  const single = q.type === 'single';
  const k = right.size;
  const picked = (id: string): XmlElement =>
    single
      ? el('match', {}, v('RESPONSE'), base('identifier', qtiId.option(id)))
      : el('member', {}, base('identifier', qtiId.option(id)), v('RESPONSE'));
  return {
    declarations: [
      declaration(
        'RESPONSE',
        single ? 'single' : 'multiple',
        'identifier',
        [...right].map(qtiId.option),
        single
          ? undefined
          : mapping(
              q.options.map((o) => ({ key: qtiId.option(o.id), value: right.has(o.id) ? 1 / k : -1 / k })),
            ),
      ),
    ],
    body: [
      el(
        'choiceInteraction',
        { responseIdentifier: 'RESPONSE', shuffle: 'true', maxChoices: single ? '1' : '0' },
        prompt(q.prompt),
        q.options.map((o) => el('simpleChoice', { identifier: qtiId.option(o.id) }, richNodes(o.text))),
      ),
    ],
    scoring: single
      ? [
          when(
            el('match', {}, v('RESPONSE'), el('correct', { identifier: 'RESPONSE' })),
            setOutcome('SCORE', base('float', 1)),
          ),
        ]
      : [when(notNull('RESPONSE'), setOutcome('SCORE', el('mapResponse', { identifier: 'RESPONSE' })))],
    feedback: q.options.flatMap((o) =>
      o.feedback === undefined
        ? []
        : [{ id: `FB_${qtiId.option(o.id)}`, text: o.feedback, condition: picked(o.id) }],
    ),
  };
}

function truefalse(q: QuestionOf<'truefalse'>): Parts {
  const choices = [
    { id: 'true', text: 'True', feedback: q.feedbackTrue },
    { id: 'false', text: 'False', feedback: q.feedbackFalse },
  ];
  return {
    declarations: [declaration('RESPONSE', 'single', 'identifier', [q.answer ? 'true' : 'false'])],
    body: [
      el(
        'choiceInteraction',
        { responseIdentifier: 'RESPONSE', shuffle: 'false', maxChoices: '1' },
        prompt(q.prompt),
        choices.map((c) => el('simpleChoice', { identifier: c.id }, c.text)),
      ),
    ],
    scoring: [
      when(
        el('match', {}, v('RESPONSE'), el('correct', { identifier: 'RESPONSE' })),
        setOutcome('SCORE', base('float', 1)),
      ),
    ],
    feedback: choices.flatMap((c) =>
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
  };
}

function numeric(q: QuestionOf<'numeric'>, report: ReportBuilder): Parts {
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
  if (q.unit !== undefined)
    report.note(q, 'unit shown after the input box; a typed unit ("75 %") is not accepted');
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
}

function text(q: QuestionOf<'text'>, report: ReportBuilder): Parts {
  if (usesTypos(q)) report.note(q, NOTE.typos);
  return {
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
    scoring: [when(notNull('RESPONSE'), setOutcome('SCORE', el('mapResponse', { identifier: 'RESPONSE' })))],
    feedback: [],
  };
}

function ordering(q: QuestionOf<'ordering'>, report: ReportBuilder): Parts {
  report.note(q, NOTE.orderingAllOrNothing);
  return {
    declarations: [
      declaration(
        'RESPONSE',
        'ordered',
        'identifier',
        q.items.map((it) => qtiId.orderItem(it.id)),
      ),
    ],
    body: [
      el(
        'orderInteraction',
        { responseIdentifier: 'RESPONSE', shuffle: 'true' },
        prompt(q.prompt),
        q.items.map((it) => el('simpleChoice', { identifier: qtiId.orderItem(it.id) }, richNodes(it.text))),
      ),
    ],
    scoring: [
      when(
        el('match', {}, v('RESPONSE'), el('correct', { identifier: 'RESPONSE' })),
        setOutcome('SCORE', base('float', 1)),
      ),
    ],
    feedback: [],
  };
}

function matching(q: QuestionOf<'matching'>): Parts {
  const n = q.pairs.length;
  const pairs = q.pairs.map((p) => `${qtiId.pair(p.id)} ${qtiId.right(p.id)}`);
  return {
    declarations: [
      declaration(
        'RESPONSE',
        'multiple',
        'directedPair',
        pairs,
        mapping(pairs.map((key) => ({ key, value: 1 / n }))),
      ),
    ],
    body: [
      el(
        'matchInteraction',
        { responseIdentifier: 'RESPONSE', shuffle: 'true', maxAssociations: String(n) },
        prompt(q.prompt),
        el(
          'simpleMatchSet',
          {},
          q.pairs.map((p) =>
            el('simpleAssociableChoice', { identifier: qtiId.pair(p.id), matchMax: '1' }, richNodes(p.left)),
          ),
        ),
        el(
          'simpleMatchSet',
          {},
          matchingRights(q).map((r) =>
            el(
              'simpleAssociableChoice',
              { identifier: qtiId.right(r.id), matchMax: String(n) },
              richNodes(r.text),
            ),
          ),
        ),
      ),
    ],
    scoring: [when(notNull('RESPONSE'), setOutcome('SCORE', el('mapResponse', { identifier: 'RESPONSE' })))],
    feedback: [],
  };
}

function cloze(q: QuestionOf<'cloze'>, report: ReportBuilder): Parts {
  if (q.blanks.some(usesTypos)) report.note(q, NOTE.typos);
  const passage: XmlNode[] = clozeParts(q).flatMap((p) =>
    p.kind === 'text'
      ? richNodes(p.text)
      : [el('textEntryInteraction', { responseIdentifier: qtiId.blank(p.blank.id), expectedLength: '15' })],
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
}

function partsOf(q: Question, report: ReportBuilder): Parts {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return choice(q);
    case 'truefalse':
      return truefalse(q);
    case 'numeric':
      return numeric(q, report);
    case 'text':
      return text(q, report);
    case 'ordering':
      return ordering(q, report);
    case 'matching':
      return matching(q);
    case 'cloze':
      return cloze(q, report);
  }
}

/** One question as a QTI 2.1 `assessmentItem` document. */
export function assessmentItem(q: Question, report: ReportBuilder): string {
  const parts = partsOf(q, report);
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
export function exportQti21(questions: readonly Question[], options: ExportOptions = {}): ExportResult {
  const report = new ReportBuilder('qti21', questions.length);
  const items = questions.map((q) => ({ path: `items/${q.id}.xml`, q, content: assessmentItem(q, report) }));
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
