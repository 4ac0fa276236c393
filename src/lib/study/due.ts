/**
 * Pure: no DOM, no framework, no imports (the navigation badge script on
 * every page imports it, and must stay a few hundred bytes).
 *
 * The "Review (3)" badge without FSRS on every page. The review page, which
 * runs the real queue, stores a summary — each reviewable question's due
 * time — under `DUE_SUMMARY_KEY`; the badge counts the entries due by now,
 * so it stays right as time passes without recomputing anything.
 *
 * Answers given after the summary was written (e.g. on a lesson page) are not
 * in it. For those the badge applies the one rule it can know without FSRS:
 * every answer schedules the question at least a day later (the shortest
 * interval here; a wrong answer gets exactly that). So a question missed on a
 * lesson today counts as due tomorrow, and one answered right leaves the
 * count, until the review page recomputes the exact summary. The badge never
 * shows a question as due earlier than FSRS would.
 */
import { withinLimits } from '../json-scan.ts';
import { PROGRESS_LIMITS } from '../progress/keys.ts';

/** localStorage key of the summary. */
export const DUE_SUMMARY_KEY = 'eoc:review:due-summary';

const DAY = 86_400_000;

/** What the review page stores: when it computed the queue, and each reviewable question's due time (ms). */
export interface DueSummary {
  v: 1;
  at: number;
  due: Record<string, number>;
}

/** The summary to store after computing cards at time `at`. */
export function dueSummary(cards: readonly { id: string; due: number }[], at: number): DueSummary {
  const due: Record<string, number> = {};
  for (const card of cards) due[card.id] = card.due;
  return { v: 1, at, due };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored summary, or undefined when missing or not one (never throws). */
export function parseDueSummary(raw: string | null | undefined): DueSummary | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = withinLimits(raw, { maxChars: 1_000_000, maxDepth: 4 })
      ? JSON.parse(raw)
      : undefined;
    if (!isRecord(value) || value.v !== 1 || typeof value.at !== 'number' || !isRecord(value.due))
      return undefined;
    const due: Record<string, number> = {};
    for (const [id, time] of Object.entries(value.due)) if (typeof time === 'number') due[id] = time;
    return { v: 1, at: value.at, due };
  } catch {
    return undefined;
  }
}

/**
 * The newest attempt time per question in a stored progress document (raw
 * JSON of `eoc:progress`); empty when unreadable. Reads only what it needs.
 */
export function newestAttempts(raw: string | null | undefined): Record<string, number> {
  const newest: Record<string, number> = {};
  if (!raw) return newest;
  try {
    const doc: unknown = withinLimits(raw, PROGRESS_LIMITS) ? JSON.parse(raw) : undefined;
    const questions = isRecord(doc) && isRecord(doc.questions) ? doc.questions : {};
    for (const [id, entry] of Object.entries(questions)) {
      const attempts = isRecord(entry) && Array.isArray(entry.attempts) ? entry.attempts : [];
      for (const attempt of attempts) {
        const at = isRecord(attempt) ? attempt.at : undefined;
        if (typeof at === 'number' && !(at <= (newest[id] ?? -Infinity))) newest[id] = at;
      }
    }
  } catch {
    // unreadable progress: the badge shows the summary alone
  }
  return newest;
}

/** How many questions are due at `now`: the summary's, corrected for answers given since (see the module comment). */
export function countDue(
  summary: DueSummary | undefined,
  newest: Record<string, number>,
  now: number,
): number {
  const due: Record<string, number> = { ...summary?.due };
  const since = summary?.at ?? -Infinity;
  for (const [id, at] of Object.entries(newest)) {
    if (at > since) due[id] = Math.max(due[id] ?? -Infinity, at + DAY);
  }
  return Object.values(due).filter((time) => time <= now).length;
}
