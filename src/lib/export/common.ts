/**
 * Pure: no DOM, no framework.
 *
 * What the exporters share: collecting report notes, lesson titles and grouping, numbers as the
 * formats want them, and the notes several question types give.
 */
import type { Question, QuestionType } from '../../questions/index.ts';
import type { ExportFormat, ExportNote, ExportOf, ExportOptions, ExportReport, Exporters } from './types.ts';

export const DEFAULT_COURSE = 'Extremism Online';

/**
 * What `question`'s type writes, from `types`. `types[question.type]` always fits `question`, but
 * TypeScript cannot correlate the two through a union, hence this one widening.
 */
export function exportOf(question: Pick<Question, 'type'>, types: Exporters): ExportOf<Question> {
  return types[question.type] as unknown as ExportOf<Question>;
}

/** Collects notes and counts while an exporter runs; `report()` gives the finished `ExportReport`. */
export class ReportBuilder {
  private readonly notes: ExportNote[] = [];
  private readonly byType: Partial<Record<QuestionType, number>> = {};
  private exported = 0;
  private items = 0;

  private readonly format: ExportFormat;
  private readonly total: number;

  constructor(format: ExportFormat, total: number) {
    this.format = format;
    this.total = total;
  }

  /** Something about `question` that the format cannot represent exactly. */
  note(question: Pick<Question, 'id'>, message: string): void {
    this.notes.push({ questionId: question.id, message });
  }

  /** `question` was written as `items` items of the target format. */
  done(question: Pick<Question, 'type'>, items = 1): void {
    this.exported += 1;
    this.items += items;
    this.byType[question.type] = (this.byType[question.type] ?? 0) + 1;
  }

  report(): ExportReport {
    return {
      format: this.format,
      questions: this.total,
      exported: this.exported,
      items: this.items,
      byType: this.byType,
      notes: this.notes,
    };
  }
}

/** The title shown for a lesson: its article title when given, else its id. */
export function lessonTitle(lesson: string, options: ExportOptions): string {
  return options.lessonTitles?.[lesson] ?? lesson;
}

/** Questions grouped by lesson, lessons in first-appearance order, questions in bank order. */
export function byLesson(questions: readonly Question[]): Map<string, Question[]> {
  const groups = new Map<string, Question[]>();
  for (const q of questions) {
    const list = groups.get(q.lesson);
    if (list) list.push(q);
    else groups.set(q.lesson, [q]);
  }
  return groups;
}

/**
 * Rounds away floating-point noise (10.2 − 0.05 = 10.149999999999999) so bounds print as an
 * author would write them. 12 significant digits is far finer than any tolerance in the course.
 */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** A number as the formats want it: plain decimal, no exponent for ordinary magnitudes. */
export function formatNumber(value: number): string {
  return String(tidy(value));
}

/** Whether a typed answer set relies on typo tolerance, which no LMS format has. */
export function usesTypos(entry: { typos?: 'auto' | 0 }): boolean {
  return entry.typos !== 0;
}

/** A known wrong answer as the export formats read it (`reject` of text questions and cloze blanks). */
export function rejectedAnswers(entry: {
  reject?: readonly (string | { answer: string; feedback: string })[] | undefined;
}): { answer: string; feedback?: string }[] {
  return (entry.reject ?? []).map((r) => (typeof r === 'string' ? { answer: r } : r));
}

/** "1st", "2nd", "3rd", "4th", … for positions. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * Fixed messages shared by several types or formats, so that `formatReport` can group the same
 * limitation across questions (a type's own messages live in its `export.ts`).
 */
export const NOTE = {
  hintsDropped: 'hints dropped (the format has no hints)',
  rejectedDropped:
    'known wrong answers (reject) and their feedback dropped: such an answer simply scores 0 there',
  typos:
    'typo tolerance and punctuation/diacritic normalisation dropped: only exact (case-insensitive) matches of the accepted answers score',
} as const;
