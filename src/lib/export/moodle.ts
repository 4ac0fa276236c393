/**
 * Pure: no DOM, no framework.
 *
 * Moodle XML (`<quiz>`): a category per lesson (`$course$/<course>/<lesson title>`), then one
 * `<question>` per course question with its explanation as `generalfeedback`, per-answer
 * `feedback`, combined `correctfeedback` / `partiallycorrectfeedback` / `incorrectfeedback`,
 * `hint`s, and `tags` naming lesson, objective and Bloom level. Texts are HTML (escaped, with
 * `*emphasis*` as `<em>`); typed answers stay plain because Moodle compares them as typed.
 *
 * Scoring: `multiple` gives each right option 100/k % and each wrong one −100/k % (k right), the
 * site's own rule (right − wrong picks) / k; Moodle floors the total at 0 as the site does. `numerical` tolerance is absolute (a relative one is
 * converted); `ordering` needs the ordering question type; `cloze` uses embedded answers.
 */
import type { Question, QuestionOf } from '../../questions/index.ts';
import {
  byLesson,
  clozeParts,
  correctIds,
  DEFAULT_COURSE,
  formatNumber,
  lessonTitle,
  matchingRights,
  NOTE,
  numericRange,
  relativeToleranceNote,
  ReportBuilder,
  usesTypos,
} from './common.ts';
import type { ExportOptions, ExportResult } from './types.ts';
import { el, richHtml, xmlDocument, type Child, type XmlElement } from './xml.ts';

export const MOODLE_TYPE = {
  single: 'multichoice',
  multiple: 'multichoice',
  truefalse: 'truefalse',
  numeric: 'numerical',
  text: 'shortanswer',
  matching: 'matching',
  ordering: 'ordering',
  cloze: 'cloze',
} as const satisfies Record<Question['type'], string>;

export const ORDERING_NOTE =
  'Moodle "ordering" type needed (core since Moodle 4.4, the qtype_ordering plugin before); without it the import skips this question: use the QTI 1.2 or GIFT export, which give it as a matching of positions';

/** A `<text>` holder: `<tag format="html"><text>…</text></tag>`. */
function htmlText(tag: string, htmlContent: string): XmlElement {
  return el(tag, { format: 'html' }, el('text', {}, htmlContent));
}

const rich = (tag: string, text: string | undefined): XmlElement =>
  htmlText(tag, text === undefined ? '' : richHtml(text));

/** Moodle fractions are percentages with at most 7 decimals; it lists 1/3 as 33.33333. */
export function fraction(percent: number): string {
  return String(Number(percent.toFixed(5)));
}

/** A category path segment: Moodle reads `/` as a separator and `//` as a literal slash. */
export function categorySegment(name: string): string {
  return name.replace(/\//g, '//');
}

/**
 * Escapes an answer inside a Moodle embedded-answer (cloze) field, where `} # ~ / " \` are syntax.
 * The answer sits in HTML question text, so it is HTML-escaped first.
 */
export function escapeClozeAnswer(answer: string): string {
  return richlessHtml(answer).replace(/[\\}#~/"]/g, (c) => `\\${c}`);
}

function richlessHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function combined(q: Question): XmlElement[] {
  return [
    rich('correctfeedback', q.feedback?.correct),
    rich('partiallycorrectfeedback', q.feedback?.incorrect),
    rich('incorrectfeedback', q.feedback?.incorrect),
  ];
}

function answer(
  fractionPercent: string,
  content: string,
  feedbackHtml?: string,
  format = 'html',
  extra: XmlElement[] = [],
) {
  return el(
    'answer',
    { fraction: fractionPercent, format },
    el('text', {}, content),
    extra,
    htmlText('feedback', feedbackHtml ?? ''),
  );
}

/** Joins feedback texts that apply to the same answer, e.g. an option's own and the general "correct". */
function joinFeedback(...texts: (string | undefined)[]): string | undefined {
  const present = texts.filter((t): t is string => t !== undefined);
  return present.length === 0 ? undefined : present.join(' ');
}

function choiceBody(q: QuestionOf<'single'> | QuestionOf<'multiple'>): Child[] {
  const right = correctIds(q);
  const k = right.size;
  // Each wrong pick costs as much as a right pick earns (−100/k), exactly the site's own rule
  // (right − wrong picks) / k; the LMS floors the total at 0 as the site does.
  const grade = (id: string): string =>
    q.type === 'single' ? (right.has(id) ? '100' : '0') : fraction(right.has(id) ? 100 / k : -100 / k);
  return [
    el('single', {}, q.type === 'single' ? 'true' : 'false'),
    el('shuffleanswers', {}, 'true'),
    el('answernumbering', {}, 'abc'),
    el('showstandardinstruction', {}, '0'),
    ...combined(q),
    q.type === 'multiple' && el('shownumcorrect'),
    q.options.map((o) =>
      answer(grade(o.id), richHtml(o.text), o.feedback === undefined ? undefined : richHtml(o.feedback)),
    ),
  ];
}

function truefalseBody(q: QuestionOf<'truefalse'>): Child[] {
  // Moodle's true/false has no combined feedback: fold "correct"/"incorrect" into each answer's own.
  const forAnswer = (value: boolean): string | undefined => {
    const own = value ? q.feedbackTrue : q.feedbackFalse;
    const general = value === q.answer ? q.feedback?.correct : q.feedback?.incorrect;
    const text = joinFeedback(own, general);
    return text === undefined ? undefined : richHtml(text);
  };
  return [
    answer(q.answer ? '100' : '0', 'true', forAnswer(true), 'moodle_auto_format'),
    answer(q.answer ? '0' : '100', 'false', forAnswer(false), 'moodle_auto_format'),
  ];
}

function numericBody(q: QuestionOf<'numeric'>, report: ReportBuilder): Child[] {
  const range = numericRange(q);
  const note = relativeToleranceNote(q);
  if (note) report.note(q, note);
  const unit = q.unit;
  const correct = q.feedback?.correct === undefined ? undefined : richHtml(q.feedback.correct);
  const incorrect = q.feedback?.incorrect === undefined ? undefined : richHtml(q.feedback.incorrect);
  return [
    answer('100', formatNumber(range.answer), correct, 'moodle_auto_format', [
      el('tolerance', {}, formatNumber(range.margin)),
    ]),
    // `*` is Moodle's "any other answer": where the site's general incorrect feedback goes.
    incorrect !== undefined && answer('0', '*', incorrect, 'moodle_auto_format', [el('tolerance', {}, '0')]),
    unit !== undefined &&
      el('units', {}, el('unit', {}, el('multiplier', {}, '1'), el('unit_name', {}, unit))),
    // Units optional: a learner may type "75" or "75 %", as on the site.
    el('unitgradingtype', {}, '0'),
    el('unitpenalty', {}, '0'),
    el('showunits', {}, unit === undefined ? '3' : '0'),
    el('unitsleft', {}, unit !== undefined && /^[$€£¥]$/.test(unit) ? '1' : '0'),
  ];
}

function textBody(q: QuestionOf<'text'>, report: ReportBuilder): Child[] {
  if (usesTypos(q)) report.note(q, NOTE.typos);
  const correct = q.feedback?.correct === undefined ? undefined : richHtml(q.feedback.correct);
  const incorrect = q.feedback?.incorrect === undefined ? undefined : richHtml(q.feedback.incorrect);
  return [
    el('usecase', {}, '0'),
    q.accept.map((a) => answer('100', a, correct, 'moodle_auto_format')),
    incorrect !== undefined && answer('0', '*', incorrect, 'moodle_auto_format'),
  ];
}

function matchingBody(q: QuestionOf<'matching'>): Child[] {
  const rights = matchingRights(q);
  return [
    el('shuffleanswers', {}, 'true'),
    ...combined(q),
    q.pairs.map((p) =>
      el(
        'subquestion',
        { format: 'html' },
        el('text', {}, richHtml(p.left)),
        el('answer', {}, el('text', {}, p.right)),
      ),
    ),
    // A subquestion with no text is how Moodle stores an extra (distractor) answer.
    rights
      .slice(q.pairs.length)
      .map((d) =>
        el('subquestion', { format: 'html' }, el('text', {}, ''), el('answer', {}, el('text', {}, d.text))),
      ),
  ];
}

function orderingBody(q: QuestionOf<'ordering'>, report: ReportBuilder): Child[] {
  report.note(q, ORDERING_NOTE);
  return [
    el('layouttype', {}, 'VERTICAL'),
    el('selecttype', {}, 'ALL'),
    el('selectcount', {}, '0'),
    // Counts every pair of items in the right relative order: the site's own partial credit.
    el('gradingtype', {}, 'RELATIVE_ALL_PREVIOUS_AND_NEXT'),
    el('showgrading', {}, 'SHOW'),
    el('numberingstyle', {}, 'none'),
    ...combined(q),
    q.items.map((it, i) => answer(String(i + 1), richHtml(it.text))),
  ];
}

/** The cloze passage with `{1:SHORTANSWER:=a~=b}` fields, each blank worth 1 (share of blanks, as on the site). */
export function moodleClozeText(q: QuestionOf<'cloze'>): string {
  const passage = clozeParts(q)
    .map((p) =>
      p.kind === 'text'
        ? richHtml(p.text)
        : `{1:SHORTANSWER:${p.blank.accept.map((a) => `=${escapeClozeAnswer(a)}`).join('~')}}`,
    )
    .join('');
  return `<p>${richHtml(q.prompt)}</p><p>${passage}</p>`;
}

function question(q: Question, report: ReportBuilder): XmlElement {
  let body: Child[] = [];
  let questionHtml = `<p>${richHtml(q.prompt)}</p>`;
  switch (q.type) {
    case 'single':
    case 'multiple':
      body = choiceBody(q);
      break;
    case 'truefalse':
      body = truefalseBody(q);
      break;
    case 'numeric':
      body = numericBody(q, report);
      break;
    case 'text':
      body = textBody(q, report);
      break;
    case 'matching':
      body = matchingBody(q);
      break;
    case 'ordering':
      body = orderingBody(q, report);
      break;
    case 'cloze':
      questionHtml = moodleClozeText(q);
      if (q.blanks.some(usesTypos)) report.note(q, NOTE.typos);
      if (q.feedback)
        report.note(
          q,
          'general correct/incorrect feedback dropped (Moodle cloze has none; the explanation is kept)',
        );
      break;
  }
  // Moodle's true/false ignores hints on import.
  const hints = q.type === 'truefalse' ? [] : (q.hints ?? []);
  if (q.type === 'truefalse' && q.hints?.length) report.note(q, NOTE.hintsDropped);
  report.done(q);
  return el(
    'question',
    { type: MOODLE_TYPE[q.type] },
    el('name', {}, el('text', {}, q.id)),
    htmlText('questiontext', questionHtml),
    rich('generalfeedback', q.explanation),
    el('defaultgrade', {}, '1'),
    el('penalty', {}, '0.3333333'),
    el('hidden', {}, '0'),
    el('idnumber', {}, q.id),
    body,
    hints.map((h) => rich('hint', h)),
    el(
      'tags',
      {},
      [`lesson:${q.lesson}`, `objective:${q.objective}`, `bloom:${q.bloom}`].map((t) =>
        el('tag', {}, el('text', {}, t)),
      ),
    ),
  );
}

/** One Moodle XML file with a category per lesson. */
export function exportMoodle(questions: readonly Question[], options: ExportOptions = {}): ExportResult {
  const report = new ReportBuilder('moodle', questions.length);
  const course = categorySegment(options.course ?? DEFAULT_COURSE);
  const children: XmlElement[] = [];
  for (const [lesson, list] of byLesson(questions)) {
    const path = `$course$/${course}/${categorySegment(lessonTitle(lesson, options))}`;
    children.push(el('question', { type: 'category' }, el('category', {}, el('text', {}, path))));
    for (const q of list) children.push(question(q, report));
  }
  return {
    files: [{ path: 'moodle.xml', content: xmlDocument(el('quiz', {}, children)) }],
    report: report.report(),
  };
}
