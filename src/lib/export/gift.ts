/**
 * Pure: no DOM, no framework.
 *
 * GIFT (Moodle's plain-text format): `$CATEGORY:` per lesson, `::id::` titles, `[html]` texts
 * (escaped, `*emphasis*` as `<em>`), the explanation as general feedback `####`.
 * `~ = # { } :` and `\` are backslash-escaped and line breaks written `\n`, so no text can end
 * a question or open an answer.
 *
 * What GIFT cannot hold: hints, general correct/incorrect feedback (folded into true/false and
 * numeric/short-answer feedback where it fits, else reported), units, typo tolerance. Ordering
 * has no GIFT form: it is written as a matching of positions (1st → item). Standard GIFT allows
 * one answer set per question, so a cloze becomes one short-answer question per blank (the other
 * blanks shown as `_____`), titled `<id>-<blank>`.
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
  ordinal,
  relativeToleranceNote,
  ReportBuilder,
  usesTypos,
} from './common.ts';
import { categorySegment, fraction } from './moodle.ts';
import type { ExportOptions, ExportResult } from './types.ts';
import { richHtml } from './xml.ts';

/** Backslash-escapes GIFT's special characters (`\` first) and writes line breaks as `\n`. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Learner-facing text: HTML (the question is `[html]`), then GIFT-escaped. */
const rich = (text: string): string => escapeGift(richHtml(text));
/** Typed answers and matching right-hand options: plain text, GIFT-escaped. */
const plain = (text: string): string => escapeGift(text);

const fb = (text: string | undefined): string => (text === undefined ? '' : `#${rich(text)}`);

function joined(...texts: (string | undefined)[]): string | undefined {
  const present = texts.filter((t): t is string => t !== undefined);
  return present.length === 0 ? undefined : present.join(' ');
}

function head(id: string, promptHtml: string): string {
  return `::${escapeGift(id)}::[html]${escapeGift(promptHtml)}`;
}

const general = (q: Question): string => `####${rich(q.explanation)}`;

function answerBlock(lines: string[], q: Question): string {
  return `{\n${lines.map((l) => `\t${l}`).join('\n')}\n\t${general(q)}\n}`;
}

function choice(q: QuestionOf<'single'> | QuestionOf<'multiple'>): string {
  const right = correctIds(q);
  const k = right.size;
  // Each wrong pick costs as much as a right pick earns (−100/k), exactly the site's own rule
  // (right − wrong picks) / k; the LMS floors the total at 0 as the site does.
  const lines = q.options.map((o) => {
    if (q.type === 'single') return `${right.has(o.id) ? '=' : '~'}${rich(o.text)}${fb(o.feedback)}`;
    const weight = right.has(o.id) ? fraction(100 / k) : fraction(-100 / k);
    return `~%${weight}%${rich(o.text)}${fb(o.feedback)}`;
  });
  return `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} ${answerBlock(lines, q)}`;
}

function truefalse(q: QuestionOf<'truefalse'>): string {
  // GIFT: {T#shown for the wrong answer#shown for the right answer}.
  const right = joined(q.answer ? q.feedbackTrue : q.feedbackFalse, q.feedback?.correct);
  const wrong = joined(q.answer ? q.feedbackFalse : q.feedbackTrue, q.feedback?.incorrect);
  const feedback =
    right === undefined && wrong === undefined
      ? ''
      : `#${wrong === undefined ? '' : rich(wrong)}${fb(right)}`;
  return `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} {${q.answer ? 'T' : 'F'}${feedback}${general(q)}}`;
}

function numeric(q: QuestionOf<'numeric'>, report: ReportBuilder): string {
  const range = numericRange(q);
  const note = relativeToleranceNote(q);
  if (note) report.note(q, note);
  if (q.unit !== undefined) report.note(q, NOTE.unitDropped);
  if (q.feedback?.incorrect !== undefined)
    report.note(q, 'general incorrect feedback dropped (GIFT numeric has no "any other answer")');
  const value = `${formatNumber(range.answer)}${range.margin === 0 ? '' : `:${formatNumber(range.margin)}`}`;
  return `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} {#\n\t=${value}${fb(q.feedback?.correct)}\n\t${general(q)}\n}`;
}

function text(q: QuestionOf<'text'>, report: ReportBuilder): string {
  if (usesTypos(q)) report.note(q, NOTE.typos);
  if (q.feedback?.incorrect !== undefined)
    report.note(q, 'general incorrect feedback dropped (GIFT short answer has no "any other answer")');
  const lines = q.accept.map((a) => `=${plain(a)}${fb(q.feedback?.correct)}`);
  return `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} ${answerBlock(lines, q)}`;
}

function matchingLines(lefts: string[], rights: string[]): string[] {
  // Left sides are HTML, so a literal "->" in them is written "-&gt;" and cannot split the pair.
  return rights.map((right, i) => `=${lefts[i] === undefined ? '' : rich(lefts[i])} -> ${plain(right)}`);
}

function matching(q: QuestionOf<'matching'>): string {
  const rights = matchingRights(q).map((r) => r.text);
  return `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} ${answerBlock(
    matchingLines(
      q.pairs.map((p) => p.left),
      rights,
    ),
    q,
  )}`;
}

function ordering(q: QuestionOf<'ordering'>, report: ReportBuilder): string {
  report.note(q, NOTE.orderingAsMatching);
  const lefts = q.items.map((_, i) => ordinal(i + 1));
  return `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} ${answerBlock(
    matchingLines(
      lefts,
      q.items.map((it) => it.text),
    ),
    q,
  )}`;
}

/** One short-answer ("missing word") question per blank; the other blanks show as `_____`. */
function cloze(q: QuestionOf<'cloze'>, report: ReportBuilder): string[] {
  report.note(
    q,
    `cloze split into ${q.blanks.length} short-answer questions, one per blank (standard GIFT allows one answer set per question)`,
  );
  if (q.blanks.some(usesTypos)) report.note(q, NOTE.typos);
  const parts = clozeParts(q);
  return q.blanks.map((blank) => {
    const at = parts.findIndex((p) => p.kind === 'blank' && p.blank.id === blank.id);
    const show = (from: number, to: number): string =>
      parts
        .slice(from, to)
        .map((p) => (p.kind === 'text' ? richHtml(p.text) : '_____'))
        .join('');
    const before = `<p>${richHtml(q.prompt)}</p><p>${show(0, at)}`;
    const after = `${show(at + 1, parts.length)}</p>`;
    const answers = blank.accept.map((a) => `=${plain(a)}`).join(' ');
    return `${head(`${q.id}-${blank.id}`, before)}{${answers} ${general(q)}}${escapeGift(after)}`;
  });
}

function questionBlocks(q: Question, report: ReportBuilder): string[] {
  if (q.hints?.length) report.note(q, NOTE.hintsDropped);
  const multiPart =
    q.type === 'single' ||
    q.type === 'multiple' ||
    q.type === 'matching' ||
    q.type === 'ordering' ||
    q.type === 'cloze';
  if (multiPart && q.feedback)
    report.note(q, 'general correct/incorrect feedback dropped (GIFT has none for this type)');
  switch (q.type) {
    case 'single':
    case 'multiple':
      return [choice(q)];
    case 'truefalse':
      return [truefalse(q)];
    case 'numeric':
      return [numeric(q, report)];
    case 'text':
      return [text(q, report)];
    case 'matching':
      return [matching(q)];
    case 'ordering':
      return [ordering(q, report)];
    case 'cloze':
      return cloze(q, report);
  }
}

/** One GIFT file: a `$CATEGORY:` per lesson, questions separated by blank lines. */
export function exportGift(questions: readonly Question[], options: ExportOptions = {}): ExportResult {
  const report = new ReportBuilder('gift', questions.length);
  const course = categorySegment(options.course ?? DEFAULT_COURSE);
  const blocks: string[] = [];
  for (const [lesson, list] of byLesson(questions)) {
    blocks.push(`$CATEGORY: $course$/${course}/${categorySegment(lessonTitle(lesson, options))}`);
    for (const q of list) {
      const written = questionBlocks(q, report);
      report.done(q, written.length);
      blocks.push(`// ${q.id} (${q.type}, ${q.objective}, ${q.bloom})\n${written.join('\n\n')}`);
    }
  }
  return {
    files: [{ path: 'questions.gift', content: `${blocks.join('\n\n')}\n` }],
    report: report.report(),
  };
}
