/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * The SCORM 1.2 side of the package's player: finding the LMS's `API` object, and the few calls
 * the player makes through it (RTE 3.3): open the session and read where the student left off,
 * save the answers as they change, report the graded work, close the session. The API object and
 * the window are passed in, so the same code runs against scorm-again in the tests.
 *
 * Every value set is checked: when the LMS refuses one, the call says which element and the LMS's
 * own error text, so the page can tell the student their work was not recorded.
 */
import { cmiTimespan, type ReportedInteraction } from './interactions.ts';

/** The SCORM 1.2 API an LMS puts on a window above the package (RTE 3.2). Values are strings. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

/** The part of `window` the search for the API walks. */
export interface ApiHost {
  API?: unknown;
  parent?: ApiHost | null;
  opener?: ApiHost | null;
}

const isApi = (value: unknown): value is Scorm12Api =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<Scorm12Api>).LMSInitialize === 'function' &&
  typeof (value as Partial<Scorm12Api>).LMSSetValue === 'function';

/** Frames an LMS may nest the package in before the API is found (the ADL search uses 7). */
const MAX_DEPTH = 10;

function searchUp(start: ApiHost | null | undefined): Scorm12Api | null {
  let host = start;
  for (let depth = 0; host && depth <= MAX_DEPTH; depth++) {
    let api: unknown;
    try {
      api = host.API;
    } catch {
      return null; // A frame from another origin: the API cannot be above it.
    }
    if (isApi(api)) return api;
    if (!host.parent || host.parent === host) return null;
    host = host.parent;
  }
  return null;
}

/** The SCORM 1.2 API in this window, its parents, or its opener's (a popup launch). */
export function findApi(win: ApiHost): Scorm12Api | null {
  const found = searchUp(win);
  if (found) return found;
  let opener: ApiHost | null | undefined;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return opener ? searchUp(opener) : null;
}

/** What the LMS says about this student and their earlier sessions. */
export interface LaunchData {
  studentId: string;
  studentName: string;
  /** `ab-initio` (first launch), `resume`, or `` (the LMS does not say). */
  entry: string;
  suspendData: string;
  lessonStatus: string;
  /** `review` when the LMS opens the attempt read-only. */
  lessonMode: string;
  /** `cmi.student_data.mastery_score` as a number 0–100, when the LMS sets one. */
  masteryScore: number | null;
}

export type CallResult = { ok: true } | { ok: false; error: string };

/** One session with the LMS. Create it with `openSession`. */
export class ScormSession {
  readonly launch: LaunchData;
  private readonly api: Scorm12Api;
  private readonly startedAt: number;
  private finished = false;

  constructor(api: Scorm12Api, launch: LaunchData, startedAt: number) {
    this.api = api;
    this.launch = launch;
    this.startedAt = startedAt;
  }

  private problem(what: string): string {
    const code = this.api.LMSGetLastError();
    const text = code && code !== '0' ? this.api.LMSGetErrorString(code) : '';
    return `${what} (LMS error ${code || '?'}${text ? `: ${text}` : ''})`;
  }

  private set(values: readonly (readonly [string, string])[]): CallResult {
    for (const [element, value] of values) {
      if (String(this.api.LMSSetValue(element, value)) !== 'true') {
        return { ok: false, error: this.problem(`The LMS refused ${element}`) };
      }
    }
    return { ok: true };
  }

  private commit(): CallResult {
    return String(this.api.LMSCommit('')) === 'true'
      ? { ok: true }
      : { ok: false, error: this.problem('The LMS did not save the work') };
  }

  /** Stores the answers so far (not handed in): the LMS resumes from them next time. */
  saveProgress(suspendData: string): CallResult {
    if (this.finished) return { ok: false, error: 'The LMS session is closed.' };
    const status = this.launch.lessonStatus;
    const done = ['completed', 'passed', 'failed'].includes(status);
    const set = this.set([
      ['cmi.suspend_data', suspendData],
      ...(done ? [] : ([['cmi.core.lesson_status', 'incomplete']] as const)),
      ['cmi.core.exit', 'suspend'],
    ]);
    return set.ok ? this.commit() : set;
  }

  /**
   * Reports the handed-in work: one interaction per question (appended after those already
   * there), the score as a percentage, the status (`passed`/`failed` against the LMS's mastery
   * score, else `completed`), the session time and the final suspend_data. Then commits.
   */
  reportResult(
    result: {
      interactions: readonly ReportedInteraction[];
      points: number;
      max: number;
      suspendData: string;
    },
    nowMs: number,
  ): CallResult {
    if (this.finished) return { ok: false, error: 'The LMS session is closed.' };
    const counted = Number.parseInt(this.api.LMSGetValue('cmi.interactions._count'), 10);
    const first = Number.isInteger(counted) && counted >= 0 ? counted : 0;
    const values: [string, string][] = [];
    result.interactions.forEach((interaction, offset) => {
      const n = `cmi.interactions.${first + offset}`;
      values.push(
        [`${n}.id`, interaction.id],
        [`${n}.type`, interaction.type],
        [`${n}.student_response`, interaction.studentResponse],
        ...interaction.correctPatterns.map(
          (pattern, k) => [`${n}.correct_responses.${k}.pattern`, pattern] as [string, string],
        ),
        [`${n}.weighting`, '1'],
        [`${n}.result`, interaction.result],
      );
      if (interaction.latency !== undefined) values.push([`${n}.latency`, interaction.latency]);
    });
    const percent = result.max > 0 ? Math.round((result.points / result.max) * 10_000) / 100 : 0;
    const mastery = this.launch.masteryScore;
    const status = mastery === null ? 'completed' : percent >= mastery ? 'passed' : 'failed';
    values.push(
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', String(percent)],
      ['cmi.core.lesson_status', status],
      ['cmi.core.session_time', cmiTimespan(nowMs - this.startedAt)],
      ['cmi.suspend_data', result.suspendData],
      ['cmi.core.exit', ''],
    );
    const set = this.set(values);
    if (!set.ok) return set;
    this.launch.lessonStatus = status;
    return this.commit();
  }

  /** Ends the session (page closing): session time, then LMSFinish. Safe to call twice. */
  close(nowMs: number): void {
    if (this.finished) return;
    this.finished = true;
    this.api.LMSSetValue('cmi.core.session_time', cmiTimespan(nowMs - this.startedAt));
    this.api.LMSFinish('');
  }
}

/** LMSInitialize and read the launch data. Returns the session, or why the LMS would not start one. */
export function openSession(
  api: Scorm12Api,
  nowMs: number,
): { ok: true; session: ScormSession } | { ok: false; error: string } {
  if (String(api.LMSInitialize('')) !== 'true') {
    const code = api.LMSGetLastError();
    return {
      ok: false,
      error: `The LMS did not start a session (LMS error ${code}: ${api.LMSGetErrorString(code)})`,
    };
  }
  const get = (element: string): string => String(api.LMSGetValue(element) ?? '');
  const mastery = Number.parseFloat(get('cmi.student_data.mastery_score'));
  const launch: LaunchData = {
    studentId: get('cmi.core.student_id'),
    studentName: get('cmi.core.student_name'),
    entry: get('cmi.core.entry'),
    suspendData: get('cmi.suspend_data'),
    lessonStatus: get('cmi.core.lesson_status'),
    lessonMode: get('cmi.core.lesson_mode'),
    masteryScore: Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery : null,
  };
  const session = new ScormSession(api, launch, nowMs);
  if (launch.lessonStatus === 'not attempted' || launch.lessonStatus === '') {
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    launch.lessonStatus = 'incomplete';
  }
  return { ok: true, session };
}
