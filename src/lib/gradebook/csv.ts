/**
 * Pure: no DOM, no framework.
 *
 * The gradebook as CSV, three ways (all through `unparse`, which neutralises formula-like cells):
 * - `gradebookCsv`: every file, counted or not, with everything the page shows (flags in words,
 *   overrides, the comment), for the instructor's own records;
 * - `moodleGradesCsv`: for Moodle's "Import grades from CSV" (Grade administration → Import →
 *   CSV file). Moodle maps one column to a user field — "Email address" to `useremail` or
 *   "ID number" to `useridnumber` — and each other column to a grade item or to its feedback
 *   (docs.moodle.org/en/Grade_import; grade/import/csv/classes/load_data.php). Grades are out of
 *   100, Moodle's default maximum, and the instructor's comment goes to the feedback column. A row
 *   with an empty user field is skipped by Moodle, hence the assignment option to ask for an id;
 * - `canvasGradesCsv`: for Canvas's gradebook import (Grades → Import), in the layout of Canvas's
 *   own export: `Student, ID, SIS User ID, SIS Login ID, Section`, then one column per assignment
 *   (a new title creates the assignment), and a "Points Possible" row. Canvas finds each student by
 *   ID, else SIS User ID, else SIS Login ID, else the name (app/models/gradebook_importer.rb); the
 *   student's own number goes to SIS User ID and an email address to SIS Login ID.
 * Only the file that counts for each student goes to an LMS.
 */
import { round, unparse } from '../stats/csv.ts';
import type { GradebookRow } from './grade.ts';
import { isEmail } from '../assign/session.ts';

export const GRADEBOOK_COLUMNS = [
  'name',
  'id',
  'score_percent',
  'points',
  'max_points',
  'answered',
  'minutes',
  'late',
  'rules_checked',
  'extension_minutes',
  'attempts',
  'counted_attempt',
  'counts',
  'overridden_questions',
  'flags',
  'comment',
  'submitted_at',
  'checksum',
];

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** One line per file (those that do not count included, marked). */
export function gradebookCsv(rows: readonly GradebookRow[]): string {
  return unparse(
    GRADEBOOK_COLUMNS,
    rows.map((r) => [
      r.name,
      r.id ?? '',
      round(r.score),
      round(r.points),
      r.maxPoints,
      r.answered,
      round(r.minutes),
      yesNo(r.late),
      yesNo(r.rulesChecked),
      round(r.extensionMinutes),
      r.attempts,
      r.countedAttempt,
      yesNo(!r.superseded),
      r.overridden,
      [...r.flags.map((f) => `${f.kind}: ${f.message}`), ...r.notes].join(' | '),
      r.comment,
      r.submittedAt,
      r.checksum,
    ]),
  );
}

const counted = (rows: readonly GradebookRow[]) => rows.filter((r) => !r.superseded);

export const MOODLE_COLUMNS = (title: string) => [
  'Full name',
  'ID number',
  'Email address',
  title,
  'Feedback',
];

/** The counted grades for Moodle's CSV grade import; see the module comment. */
export function moodleGradesCsv(rows: readonly GradebookRow[], title: string): string {
  return unparse(
    MOODLE_COLUMNS(title),
    counted(rows).map((r) => {
      const id = r.id?.trim() ?? '';
      return [r.name, isEmail(id) ? '' : id, isEmail(id) ? id : '', round(r.score), r.comment];
    }),
  );
}

export const CANVAS_COLUMNS = (title: string) => [
  'Student',
  'ID',
  'SIS User ID',
  'SIS Login ID',
  'Section',
  title,
];

/** The counted grades for Canvas's gradebook import, out of 100 points; see the module comment. */
export function canvasGradesCsv(rows: readonly GradebookRow[], title: string): string {
  return unparse(CANVAS_COLUMNS(title), [
    ['Points Possible', '', '', '', '', 100],
    ...counted(rows).map((r) => {
      const id = r.id?.trim() ?? '';
      return [r.name, '', isEmail(id) ? '' : id, isEmail(id) ? id : '', '', round(r.score)];
    }),
  ]);
}
