/**
 * Pure: no DOM, no framework, no zod.
 *
 * What the Progress page shows, computed from a progress document and the
 * course structure the page is built with: per module and lesson the visit /
 * read marks, quiz scores, questions answered and per-objective mastery;
 * "continue where you left off"; the export file name; and what an import
 * changed ("Added 12 attempts across 3 questions").
 */
import type { Progress } from './schema.ts';
import {
  lastActivity,
  lessonSummary,
  objectiveMastery,
  type LessonSummary,
  type MasteryLevel,
  type QuestionRef,
} from './query.ts';

export interface DashboardLesson {
  id: string;
  title: string;
  href: string;
  objectives: { id: string; text: string }[];
  /** The lesson's questions as currently published. */
  questions: QuestionRef[];
}

export interface DashboardModule {
  id: string;
  title: string;
  lessons: DashboardLesson[];
}

/** The course structure the Progress page gets from Astro (no question content, just ids). */
export interface DashboardCourse {
  modules: DashboardModule[];
}

export interface ObjectiveRow {
  id: string;
  text: string;
  level: MasteryLevel;
  label: string;
  /** 0..1: share of the objective's questions right on their latest attempt. */
  share: number;
  answered: number;
  total: number;
}

export interface LessonRow {
  lesson: DashboardLesson;
  summary: LessonSummary;
  objectives: ObjectiveRow[];
}

export const MASTERY_LABELS: Readonly<Record<MasteryLevel, string>> = {
  'not-started': 'Not started',
  attempted: 'Attempted',
  familiar: 'Familiar',
  proficient: 'Proficient',
  mastered: 'Mastered',
};

export function lessonRow(state: Progress, lesson: DashboardLesson): LessonRow {
  const mastery = objectiveMastery(state, lesson.questions);
  const objectives = lesson.objectives.map((objective): ObjectiveRow => {
    const m = mastery[objective.id];
    const level = m?.level ?? 'not-started';
    return {
      id: objective.id,
      text: objective.text,
      level,
      label: MASTERY_LABELS[level],
      share: m?.share ?? 0,
      answered: m?.answered ?? 0,
      total: m?.total ?? 0,
    };
  });
  return { lesson, summary: lessonSummary(state, lesson.id, lesson.questions), objectives };
}

/** Rows for every module and lesson, in course order. */
export function dashboardRows(
  state: Progress,
  course: DashboardCourse,
): { module: DashboardModule; rows: LessonRow[] }[] {
  return course.modules.map((module) => ({
    module,
    rows: module.lessons.map((lesson) => lessonRow(state, lesson)),
  }));
}

/** What the Progress summary counts, for the course and for each module. */
export interface SummaryCounts {
  lessonsRead: number;
  lessons: number;
  answered: number;
  questions: number;
  /** Objectives at Proficient or Mastered (of those with questions). */
  secure: number;
  objectives: number;
}

/** One module in the course summary. */
export interface ModuleSummary extends SummaryCounts {
  module: DashboardModule;
  /** The lowest level among the module's objectives that have questions ('not-started' if none answered). */
  level: MasteryLevel;
}

/** The top of the Progress page: the whole course in a few numbers, then one line per module. */
export interface CourseSummary extends SummaryCounts {
  modules: ModuleSummary[];
}

const LEVEL_ORDER: readonly MasteryLevel[] = [
  'not-started',
  'attempted',
  'familiar',
  'proficient',
  'mastered',
];
const SECURE: ReadonlySet<MasteryLevel> = new Set(['proficient', 'mastered']);

/** Sums `dashboardRows` per module and over the course (objectives without questions are left out). */
export function courseSummary(
  groups: readonly { module: DashboardModule; rows: LessonRow[] }[],
): CourseSummary {
  const modules = groups.map(({ module, rows }): ModuleSummary => {
    const objectives = rows.flatMap((row) => row.objectives.filter((o) => o.total > 0));
    const lowest = Math.min(...objectives.map((o) => LEVEL_ORDER.indexOf(o.level)));
    return {
      module,
      lessonsRead: rows.filter((row) => row.summary.readAt !== undefined).length,
      lessons: rows.length,
      answered: rows.reduce((sum, row) => sum + row.summary.answered, 0),
      questions: rows.reduce((sum, row) => sum + row.summary.total, 0),
      secure: objectives.filter((o) => SECURE.has(o.level)).length,
      objectives: objectives.length,
      level: LEVEL_ORDER[Number.isFinite(lowest) ? lowest : 0] ?? 'not-started',
    };
  });
  const total = (key: keyof SummaryCounts) => modules.reduce((sum, m) => sum + m[key], 0);
  return {
    lessonsRead: total('lessonsRead'),
    lessons: total('lessons'),
    answered: total('answered'),
    questions: total('questions'),
    secure: total('secure'),
    objectives: total('objectives'),
    modules,
  };
}

/** The lesson to continue with (most recent visit or read mark), if it is in the course. */
export function continueLesson(
  state: Progress,
  course: DashboardCourse,
): { lesson: DashboardLesson; at: number } | undefined {
  const last = lastActivity(state);
  if (!last) return undefined;
  for (const module of course.modules) {
    const lesson = module.lessons.find((l) => l.id === last.lessonId);
    if (lesson) return { lesson, at: last.at };
  }
  return undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `extremism-online-progress-YYYY-MM-DD.json`, dated in the learner's time zone. */
export function exportFileName(ms: number): string {
  const d = new Date(ms);
  return `extremism-online-progress-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** British English short month names, as `Intl.DateTimeFormat('en-GB')` writes them. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * "3 Mar 2025", in the learner's time zone: what `Intl.DateTimeFormat('en-GB', { day: 'numeric',
 * month: 'short', year: 'numeric' })` writes, without it. A page's first `Intl.DateTimeFormat` loads
 * the locale's data, 15–65 ms on a laptop, in the task that draws the Progress page.
 */
export function formatDate(ms: number): string {
  const date = new Date(ms);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * What merging an imported file changed, comparing the document before and
 * after: "Added 12 attempts across 3 questions", plus lessons newly marked
 * read or visited; or that nothing was new.
 */
export function importSummary(before: Progress, after: Progress): string {
  let attempts = 0;
  let questions = 0;
  for (const [id, question] of Object.entries(after.questions)) {
    const had = Object.hasOwn(before.questions, id) ? (before.questions[id]?.attempts.length ?? 0) : 0;
    const added = question.attempts.length - had;
    if (added > 0) {
      attempts += added;
      questions++;
    }
  }
  let read = 0;
  let visited = 0;
  for (const [id, lesson] of Object.entries(after.lessons)) {
    const old = Object.hasOwn(before.lessons, id) ? before.lessons[id] : undefined;
    if (lesson.readAt !== undefined && old?.readAt === undefined) read++;
    if (lesson.visitedAt !== undefined && old?.visitedAt === undefined) visited++;
  }
  const parts: string[] = [];
  if (attempts > 0)
    parts.push(`Added ${plural(attempts, 'attempt')} across ${plural(questions, 'question')}`);
  if (read > 0) parts.push(`${parts.length ? 'marked' : 'Marked'} ${plural(read, 'lesson')} as read`);
  if (visited > 0) parts.push(`${parts.length ? 'added' : 'Added'} ${plural(visited, 'visited lesson')}`);
  if (parts.length === 0) return 'Nothing new: everything in this file was already in your progress.';
  return `${parts.join('; ')}.`;
}
