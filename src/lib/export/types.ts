/**
 * Pure: no DOM, no framework.
 *
 * The shapes every exporter shares: formats, options, the files an export produces and the
 * `ExportReport` that says what could not be carried over exactly, so an instructor knows
 * what to check in the LMS after importing.
 */
import type { InstructorKey } from '../../questions/contract.ts';
import type { QuestionOf, QuestionType } from '../../questions/index.ts';
import type { CsvPart } from './csv.ts';
import type { GiftPart } from './gift.ts';
import type { MoodlePart } from './moodle.ts';
import type { Qti12Part } from './qti12.ts';
import type { Qti21Part } from './qti21.ts';
import type { ScormPart } from './scorm.ts';

/** `qti12` (Canvas), `qti21`, `moodle` (Moodle XML), `gift`, `csv`. */
export type ExportFormat = 'qti12' | 'qti21' | 'moodle' | 'gift' | 'csv';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['qti12', 'qti21', 'moodle', 'gift', 'csv'];

export interface ExportOptions {
  /** Course name: Moodle / GIFT category root, QTI package title. Default `Extremism Online`. */
  course?: string;
  /** Lesson id → lesson (article) title, for categories and assessment titles; the id is used when absent. */
  lessonTitles?: Readonly<Record<string, string>>;
  /**
   * `YYYY-MM-DD` stamped on zip entries (and nowhere else). Default 1980-01-01, the earliest
   * date a zip can hold, so that the same bank always gives the same bytes.
   */
  date?: string;
}

/** One file of the export: a path relative to the output and its content. */
export interface ExportFile {
  path: string;
  content: string | Uint8Array;
}

/** One thing the target format could not represent exactly, for one question. */
export interface ExportNote {
  questionId: string;
  message: string;
}

export interface ExportReport {
  format: ExportFormat;
  /** Questions given to the exporter. */
  questions: number;
  /** Questions written (in some form) to the output. */
  exported: number;
  /** Items written in the target format (a cloze split into one GIFT question per blank counts each). */
  items: number;
  /** Exported questions by their course type. */
  byType: Partial<Record<QuestionType, number>>;
  /** Everything not represented exactly, and every question skipped, with why. */
  notes: ExportNote[];
}

export interface ExportResult {
  files: ExportFile[];
  report: ExportReport;
}

/**
 * Everything one question type writes for the LMS formats, with what each format cannot carry
 * over ("losses", which make the export report), and the instructor's view of it. Lives in `src/questions/<type>/export.ts`, a
 * build/CLI-only module, so that lesson pages never load it. The formats in this folder write the
 * container (manifest, categories, packaging, what every question shares) and ask the type for
 * its part, as Moodle's question formats ask each question type.
 */
export interface ExportOf<Q> {
  /** The instructor's review of the question and its key, and the item-writing rules. */
  instructor: InstructorKey<Q>;
  moodle: MoodlePart<Q>;
  qti12: Qti12Part<Q>;
  qti21: Qti21Part<Q>;
  gift: GiftPart<Q>;
  csv: CsvPart<Q>;
  scorm: ScormPart<Q>;
}

/** What the question type `K` writes (see `ExportOf`). */
export type QuestionExport<K extends QuestionType> = ExportOf<QuestionOf<K>>;

/** Every type's export, as a mapped type: a missing or extra type is a compile error. */
export type Exporters = { readonly [K in QuestionType]: QuestionExport<K> };
