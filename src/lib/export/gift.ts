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
 *
 * This file writes the categories, the comment line and what every question shares; each question
 * type writes its GIFT block(s) and says what GIFT cannot carry over (`exporter.gift` in
 * `src/questions/<type>/export.ts`). The helpers below are for those blocks.
 */
import type { Question } from '../../questions/index.ts';
import { byLesson, DEFAULT_COURSE, exportOf, lessonTitle, NOTE, ReportBuilder } from './common.ts';
import { categorySegment, fraction } from './moodle.ts';
import type { ExportOptions, ExportResult, Exporters } from './types.ts';
import { richHtml } from './xml.ts';

/** Backslash-escapes GIFT's special characters (`\` first) and writes line breaks as `\n`. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Learner-facing text: HTML (the question is `[html]`), then GIFT-escaped. */
export const rich = (text: string): string => escapeGift(richHtml(text));
/** Typed answers and matching right-hand options: plain text, GIFT-escaped. */
export const plain = (text: string): string => escapeGift(text);

export const fb = (text: string | undefined): string => (text === undefined ? '' : `#${rich(text)}`);

export function joined(...texts: (string | undefined)[]): string | undefined {
  const present = texts.filter((t): t is string => t !== undefined);
  return present.length === 0 ? undefined : present.join(' ');
}

export function head(id: string, promptHtml: string): string {
  return `::${escapeGift(id)}::[html]${escapeGift(promptHtml)}`;
}

export const general = (q: Pick<Question, 'explanation'>): string => `####${rich(q.explanation)}`;

export function answerBlock(lines: string[], q: Pick<Question, 'explanation'>): string {
  return `{\n${lines.map((l) => `\t${l}`).join('\n')}\n\t${general(q)}\n}`;
}

/** What one question type writes in GIFT. */
/** `Q`: the question type's questions. */
export interface GiftPart<Q> {
  /** The question's GIFT block(s): more than one when the type is split (a cloze, per blank). */
  blocks: (question: Q) => string[];
  /** What GIFT cannot represent exactly for this question (hints are the format's own note). */
  losses: (question: Q) => string[];
}

/** The note when GIFT has nowhere for the general correct/incorrect feedback of a type. */
export const GENERAL_FEEDBACK_DROPPED =
  'general correct/incorrect feedback dropped (GIFT has none for this type)';

/**
 * A choice question: `=right ~wrong` when `oneRight`, else each option weighted `~%±100/k%`, so
 * each wrong pick costs as much as a right pick earns: the site's own rule (right − wrong picks) / k;
 * the LMS floors the total at 0 as the site does.
 */
export function choiceBlock(
  q: Question & { options: { id: string; text: string; feedback?: string | undefined }[] },
  right: ReadonlySet<string>,
  oneRight: boolean,
): string {
  const k = right.size;
  const lines = q.options.map((o) => {
    if (oneRight) return `${right.has(o.id) ? '=' : '~'}${rich(o.text)}${fb(o.feedback)}`;
    const weight = right.has(o.id) ? fraction(100 / k) : fraction(-100 / k);
    return `~%${weight}%${rich(o.text)}${fb(o.feedback)}`;
  });
  return `${head(q.id, `<p>${richHtml(q.prompt)}</p>`)} ${answerBlock(lines, q)}`;
}

export function matchingLines(lefts: string[], rights: string[]): string[] {
  // Left sides are HTML, so a literal "->" in them is written "-&gt;" and cannot split the pair.
  return rights.map((right, i) => `=${lefts[i] === undefined ? '' : rich(lefts[i])} -> ${plain(right)}`);
}

/** One GIFT file: a `$CATEGORY:` per lesson, questions separated by blank lines. */
export function exportGift(
  questions: readonly Question[],
  options: ExportOptions,
  types: Exporters,
): ExportResult {
  const report = new ReportBuilder('gift', questions.length);
  const course = categorySegment(options.course ?? DEFAULT_COURSE);
  const blocks: string[] = [];
  for (const [lesson, list] of byLesson(questions)) {
    blocks.push(`$CATEGORY: $course$/${course}/${categorySegment(lessonTitle(lesson, options))}`);
    for (const q of list) {
      const part = exportOf(q, types).gift;
      if (q.hints?.length) report.note(q, NOTE.hintsDropped);
      for (const loss of part.losses(q)) report.note(q, loss);
      const written = part.blocks(q);
      report.done(q, written.length);
      blocks.push(`// ${q.id} (${q.type}, ${q.objective}, ${q.bloom})\n${written.join('\n\n')}`);
    }
  }
  return {
    files: [{ path: 'questions.gift', content: `${blocks.join('\n\n')}\n` }],
    report: report.report(),
  };
}
