/**
 * Pure: no DOM, no framework.
 *
 * Moodle XML (`<quiz>`): a category per lesson (`$course$/<course>/<lesson title>`), then one
 * `<question>` per course question with its explanation as `generalfeedback`, per-answer
 * `feedback`, combined `correctfeedback` / `partiallycorrectfeedback` / `incorrectfeedback`,
 * `hint`s, and `tags` naming lesson, objective and Bloom level. Texts are HTML (escaped, with
 * `*emphasis*` as `<em>`); typed answers stay plain because Moodle compares them as typed.
 *
 * This file writes what every question shares (name, text, general feedback, grade, hints, tags)
 * and the categories; each question type writes its own part (`exporter.moodle` in
 * `src/questions/<type>/export.ts`: Moodle's `qtype`, the answers and options, and what it cannot
 * carry over), as Moodle's own question types do in `export_to_xml`. The helpers below are for
 * those parts.
 */
import type { Question } from '../../questions/index.ts';
import { byLesson, DEFAULT_COURSE, exportOf, lessonTitle, ReportBuilder } from './common.ts';
import type { ExportOptions, ExportResult, Exporters } from './types.ts';
import { el, richHtml, xmlDocument, type Child, type XmlElement } from './xml.ts';

/** What one question type writes in Moodle XML. */
/** `Q`: the question type's questions. */
export interface MoodlePart<Q> {
  /** Moodle's question type: `<question type="…">`. */
  qtype: string;
  /** The question text as HTML (default: the prompt as a paragraph). */
  questionHtml?: (question: Q) => string;
  /** The type's elements after `idnumber`: options, answers, units, combined feedback. */
  body: (question: Q) => Child[];
  /**
   * How Moodle's importer for this qtype reads a `<hint>`: `false`, it ignores hints (none are
   * written); `'text'`, the text only (`import_hints` without parts: shortanswer, numerical);
   * `'parts'`, the text and the two options `<shownumcorrect/>` and `<clearwrong/>`
   * (`import_hints($qo, $xml, true)`: multichoice, matching, cloze, ordering). See `hint`.
   */
  hints: false | 'text' | 'parts';
  /** What Moodle cannot represent exactly for this question, for the export report. */
  losses: (question: Q) => string[];
}

/** A `<text>` holder: `<tag format="html"><text>…</text></tag>`. */
export function htmlText(tag: string, htmlContent: string): XmlElement {
  return el(tag, { format: 'html' }, el('text', {}, htmlContent));
}

/** An HTML text element from author text (escaped, `*emphasis*` as `<em>`); empty when absent. */
export const rich = (tag: string, text: string | undefined): XmlElement =>
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

/**
 * One `<hint>`. With `parts`, both hint options are written on every hint, as Moodle's own export
 * writes a hint whose options are on:
 * - `<shownumcorrect/>`: after a wrong try, Moodle says how many parts are right; the site shows
 *   the feedback of every part, which tells more;
 * - `<clearwrong/>`: "Try again" clears the wrong parts; the site clears the whole answer.
 * Writing them on every hint is also what keeps qtype_ordering's importer from padding: it fills
 * the hint options up to two entries when the question has no `<shownumcorrect/>` of its own, and
 * the padded second hint, with no text, fails to save ("Error writing to database"; see
 * `moodle.test.ts`).
 */
export function hint(text: string, parts: boolean): XmlElement {
  return el(
    'hint',
    { format: 'html' },
    el('text', {}, richHtml(text)),
    parts && el('shownumcorrect'),
    parts && el('clearwrong'),
  );
}

/** Moodle's combined feedback: the site's general correct / incorrect feedback. */
export function combined(q: Question): XmlElement[] {
  return [
    rich('correctfeedback', q.feedback?.correct),
    rich('partiallycorrectfeedback', q.feedback?.incorrect),
    rich('incorrectfeedback', q.feedback?.incorrect),
  ];
}

/** An `<answer>` with its fraction, text, extra elements (e.g. `tolerance`) and feedback. */
export function answer(
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
export function joinFeedback(...texts: (string | undefined)[]): string | undefined {
  const present = texts.filter((t): t is string => t !== undefined);
  return present.length === 0 ? undefined : present.join(' ');
}

/**
 * The options of a choice question: `single` with 100 % for the key (`oneRight`), or each right
 * option 100/k % and each wrong one −100/k % (k right): exactly the site's rule
 * (right − wrong picks) / k; Moodle floors the total at 0 as the site does.
 */
export function choiceBody(
  q: Question & { options: { id: string; text: string; feedback?: string | undefined }[] },
  right: ReadonlySet<string>,
  oneRight: boolean,
): Child[] {
  const k = right.size;
  const grade = (id: string): string =>
    oneRight ? (right.has(id) ? '100' : '0') : fraction(right.has(id) ? 100 / k : -100 / k);
  return [
    el('single', {}, oneRight ? 'true' : 'false'),
    el('shuffleanswers', {}, 'true'),
    el('answernumbering', {}, 'abc'),
    el('showstandardinstruction', {}, '0'),
    ...combined(q),
    !oneRight && el('shownumcorrect'),
    q.options.map((o) =>
      answer(grade(o.id), richHtml(o.text), o.feedback === undefined ? undefined : richHtml(o.feedback)),
    ),
  ];
}

function question(q: Question, report: ReportBuilder, types: Exporters): XmlElement {
  const part = exportOf(q, types).moodle;
  for (const loss of part.losses(q)) report.note(q, loss);
  report.done(q);
  return el(
    'question',
    { type: part.qtype },
    el('name', {}, el('text', {}, q.id)),
    htmlText('questiontext', part.questionHtml?.(q) ?? `<p>${richHtml(q.prompt)}</p>`),
    rich('generalfeedback', q.explanation),
    el('defaultgrade', {}, '1'),
    el('penalty', {}, '0.3333333'),
    el('hidden', {}, '0'),
    el('idnumber', {}, q.id),
    part.body(q),
    (part.hints === false ? [] : (q.hints ?? [])).map((h) => hint(h, part.hints === 'parts')),
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
export function exportMoodle(
  questions: readonly Question[],
  options: ExportOptions,
  types: Exporters,
): ExportResult {
  const report = new ReportBuilder('moodle', questions.length);
  const course = categorySegment(options.course ?? DEFAULT_COURSE);
  const children: XmlElement[] = [];
  for (const [lesson, list] of byLesson(questions)) {
    const path = `$course$/${course}/${categorySegment(lessonTitle(lesson, options))}`;
    children.push(el('question', { type: 'category' }, el('category', {}, el('text', {}, path))));
    for (const q of list) children.push(question(q, report, types));
  }
  return {
    files: [{ path: 'moodle.xml', content: xmlDocument(el('quiz', {}, children)) }],
    report: report.report(),
  };
}
