/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * What the package's player works out once, when it opens: the LMS session (or none: a practice
 * copy), and the questions in this student's order with their option orders. The student is the
 * LMS's `cmi.core.student_id`, so shuffling is per student as on /assignment/.
 */
import type { Question } from '../../questions/index.ts';
import { displayOrder } from '../quiz/shuffle.ts';
import { optionSeed, questionOrder } from '../assign/core.ts';
import type { PackagedAssignment } from './package.ts';
import { openSession, type Scorm12Api, type ScormSession } from './runtime.ts';

export interface PlayerLaunch {
  data: PackagedAssignment;
  startedAt: number;
  /** The LMS session; null for a practice copy or when the LMS refused to start one (`error`). */
  session: ScormSession | null;
  /** Why the LMS did not start a session although it was found. */
  error: string | null;
  /** Questions in the order this student sees them. */
  shown: PackagedAssignment['questions'];
  /** Questions in assignment order (how suspend_data and the interactions list them). */
  inSpecOrder: Question[];
  /** Display order of options / items per question id. */
  orders: ReadonlyMap<string, string[]>;
}

export function launchPlayer(data: PackagedAssignment, api: Scorm12Api | null, nowMs: number): PlayerLaunch {
  const opened = api ? openSession(api, nowMs) : null;
  const session = opened?.ok ? opened.session : null;
  const studentKey = session?.launch.studentId || 'practice';
  const byId = new Map(data.questions.map((entry) => [entry.id, entry]));
  const shown = questionOrder(data.spec, studentKey).flatMap((id) => byId.get(id) ?? []);
  const seed = optionSeed(data.spec, studentKey);
  return {
    data,
    startedAt: nowMs,
    session,
    error: opened && !opened.ok ? opened.error : null,
    shown,
    inSpecOrder: data.questions.map((entry) => entry.question),
    orders: new Map(shown.map((entry) => [entry.id, displayOrder(entry.question, seed)])),
  };
}
