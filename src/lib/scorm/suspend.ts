/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * The student's work in `cmi.suspend_data`, so that they can leave a SCORM package and come back:
 * answers, when each was last changed (for the interactions' latency), which answers were checked
 * and whether the work was handed in. SCORM 1.2 gives suspend_data 4,096 characters
 * (CMIString4096), and Moodle refuses a longer value, so the JSON is compact: questions are
 * written by their position in the assignment, and times in whole seconds. Thirty questions with
 * the bank's longest answers take about 1,800 characters (`suspend.test.ts`), which leaves room
 * for typed answers; a state that does not fit is reported, never cut.
 *
 * `decodeSuspend` is total: unreadable data gives a sentence saying so (the caller keeps a copy),
 * and an answer that no longer fits its question is left out and counted, never thrown on.
 */
import type { Question, Response } from '../../questions/index.ts';
import { coerceResponse } from '../quiz/response.ts';
import { stableStringify } from '../quiz/hash.ts';

/** SCORM 1.2 CMIString4096. */
export const SUSPEND_DATA_LIMIT = 4096;

/** What the player keeps between launches. */
export interface PlayerState {
  /** Responses by question id. */
  answers: Record<string, Response>;
  /** Milliseconds from the launch to the last change of each answer (whole seconds are kept). */
  latency: Record<string, number>;
  /** Questions already checked with "Check answer" (review policy `immediate`). */
  checked: string[];
  /** The work was handed in. */
  submitted: boolean;
}

export const emptyState = (): PlayerState => ({ answers: {}, latency: {}, checked: [], submitted: false });

/** On the wire (JSON): `a` = [position, response, seconds][], `c` = checked positions, `s` = submitted. */
interface Wire {
  v: 1;
  a: [number, unknown, number][];
  c?: number[];
  s?: 1;
}

export type EncodeResult = { ok: true; data: string } | { ok: false; length: number };

/** `state` as suspend_data for the questions in `ids` (assignment order), or its length when too long. */
export function encodeSuspend(state: PlayerState, ids: readonly string[]): EncodeResult {
  const position = new Map(ids.map((id, index) => [id, index]));
  const wire: Wire = {
    v: 1,
    a: ids
      .filter((id) => state.answers[id] !== undefined)
      .map((id) => [
        position.get(id) as number,
        state.answers[id],
        Math.round((state.latency[id] ?? 0) / 1000),
      ]),
  };
  const checked = state.checked.map((id) => position.get(id)).filter((n) => n !== undefined);
  if (checked.length > 0) wire.c = checked;
  if (state.submitted) wire.s = 1;
  const data = stableStringify(wire);
  return data.length <= SUSPEND_DATA_LIMIT ? { ok: true, data } : { ok: false, length: data.length };
}

export type DecodeResult = { ok: true; state: PlayerState; dropped: number } | { ok: false; error: string };

/** suspend_data → state for `questions` (assignment order). Empty text = a fresh start. Never throws. */
export function decodeSuspend(text: string, questions: readonly Question[]): DecodeResult {
  if (text === '') return { ok: true, state: emptyState(), dropped: 0 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const wire = value as Partial<Wire> | undefined;
  if (typeof wire !== 'object' || wire === null || wire.v !== 1 || !Array.isArray(wire.a)) {
    return { ok: false, error: 'The answers saved in the LMS for this assignment cannot be read.' };
  }
  const state = emptyState();
  let dropped = 0;
  for (const entry of wire.a) {
    const [index, raw, seconds] = Array.isArray(entry) ? entry : [];
    const question = typeof index === 'number' ? questions[index] : undefined;
    const response = question ? coerceResponse(question, raw) : undefined;
    if (!question || response === undefined) {
      dropped++;
      continue;
    }
    state.answers[question.id] = response;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) {
      state.latency[question.id] = seconds * 1000;
    }
  }
  for (const index of Array.isArray(wire.c) ? wire.c : []) {
    const id = typeof index === 'number' ? questions[index]?.id : undefined;
    if (id !== undefined && !state.checked.includes(id)) state.checked.push(id);
  }
  state.submitted = wire.s === 1;
  return { ok: true, state, dropped };
}
