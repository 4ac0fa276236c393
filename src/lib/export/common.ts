/**
 * Pure: no DOM, no framework.
 *
 * What the exporters share: collecting report notes, lesson titles and grouping, numeric
 * tolerance as an absolute margin and range, the correct options of a choice question, and the
 * cloze passage split into text and blanks.
 */
import type { Question, QuestionOf, QuestionType } from '../../questions/index.ts';
import { clozeSegments } from '../../questions/cloze/grade.ts';
import type { ExportFormat, ExportNote, ExportOptions, ExportReport } from './types.ts';

export const DEFAULT_COURSE = 'Extremism Online';

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

export interface NumericRange {
  answer: number;
  /** Absolute margin (≥ 0); 0 for an exact answer. */
  margin: number;
  low: number;
  high: number;
}

/** The accepted range of a numeric question, with a relative tolerance turned into ± an absolute margin. */
export function numericRange(question: QuestionOf<'numeric'>): NumericRange {
  const t = question.tolerance;
  const margin = !t ? 0 : tidy(t.kind === 'absolute' ? t.value : t.value * Math.abs(question.answer));
  return {
    answer: question.answer,
    margin,
    low: tidy(question.answer - margin),
    high: tidy(question.answer + margin),
  };
}

/** The note for a relative tolerance a format can only take as absolute (none for other tolerances). */
export function relativeToleranceNote(question: QuestionOf<'numeric'>): string | undefined {
  const t = question.tolerance;
  if (t?.kind !== 'relative') return undefined;
  const percent = tidy(t.value * 100);
  return `relative tolerance ${percent}% converted to ±${formatNumber(numericRange(question).margin)}`;
}

/** Ids of the correct options of a choice question. */
export function correctIds(question: QuestionOf<'single'> | QuestionOf<'multiple'>): Set<string> {
  return new Set(question.type === 'single' ? [question.answer] : question.answers);
}

/** Right-hand options of a matching question: pair rights (id = pair id), then distractors `d1`, `d2`, … */
export function matchingRights(question: QuestionOf<'matching'>): { id: string; text: string }[] {
  return [
    ...question.pairs.map((pair) => ({ id: pair.id, text: pair.right })),
    ...(question.distractors ?? []).map((text, i) => ({ id: `d${i + 1}`, text })),
  ];
}

export type ClozePart =
  { kind: 'text'; text: string } | { kind: 'blank'; blank: QuestionOf<'cloze'>['blanks'][number] };

/** The cloze passage as text runs and blanks (with their accepted answers), in reading order. */
export function clozeParts(question: QuestionOf<'cloze'>): ClozePart[] {
  const blanks = new Map(question.blanks.map((blank) => [blank.id, blank]));
  return clozeSegments(question.text).flatMap((segment): ClozePart[] => {
    if (segment.kind === 'text') return segment.text === '' ? [] : [{ kind: 'text', text: segment.text }];
    const blank = blanks.get(segment.id);
    return blank ? [{ kind: 'blank', blank }] : [];
  });
}

/** Whether a text / cloze answer set relies on typo tolerance, which no LMS format has. */
export function usesTypos(entry: { typos?: 'auto' | 0 }): boolean {
  return entry.typos !== 0;
}

/** "1st", "2nd", "3rd", "4th", … for ordering positions. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** Fixed messages, so that `formatReport` can group the same limitation across questions. */
export const NOTE = {
  hintsDropped: 'hints dropped (the format has no hints)',
  typos:
    'typo tolerance and punctuation/diacritic normalisation dropped: only exact (case-insensitive) matches of the accepted answers score',
  orderingAsMatching:
    'ordering exported as matching (position → item); partial credit is per position, not per ordered pair',
  orderingAllOrNothing: 'ordering scored all-or-nothing (the site gives credit per correctly ordered pair)',
  unitDropped: 'unit dropped (the format has no units): learners must type the bare number',
} as const;
