/**
 * Pure: no DOM, no framework — and no zod.
 *
 * What every grader returns (`GradeResult`) and the small helpers graders use
 * to stay total. This module and the `grade.ts` files are what the browser
 * loads (through `client.ts`), so nothing here may import zod at runtime; the
 * matching zod schema `gradeResultSchema` lives in `common.ts`, which checks
 * at compile time that it agrees with these types.
 */
import type { PartWords, WorksheetBlock } from './contract.ts';

/** Feedback for one part of a response: an option, item, pair or blank. */
export interface GradePart {
  /** Option / item / pair / blank id, or `response` / `answer` for whole-response parts. */
  id: string;
  /** Whether the learner got this part right (for options: picked iff it is in the key). */
  correct: boolean;
  /** Text to show for this part, e.g. the option's own feedback or why a response was rejected. */
  feedback?: string | undefined;
}

/** What every grader returns. */
export interface GradeResult {
  /** Credit in [0, 1]. */
  score: number;
  /** True only for a fully correct answer (score 1). */
  correct: boolean;
  /** Per-option / per-item / per-pair / per-blank feedback for the UI. */
  parts: GradePart[];
  /** `typo`: accepted only thanks to typo tolerance; the UI should show the canonical spelling. */
  note?: 'typo' | undefined;
}

/** Part id used when the whole response is rejected as malformed. */
export const RESPONSE_PART = 'response';

/** Score 0 with a single part explaining why the response could not be graded. */
export function malformed(reason: string, id: string = RESPONSE_PART): GradeResult {
  return { score: 0, correct: false, parts: [{ id, correct: false, feedback: reason }] };
}

/** A part, omitting `feedback` when there is none. */
export function part(id: string, correct: boolean, feedback?: string): GradePart {
  return feedback === undefined ? { id, correct } : { id, correct, feedback };
}

/** True for a plain object (`{}` or `Object.create(null)`): not null, an array, a Map, a Date… */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own keys of `value` that are not in `allowed`. */
export function unknownKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): string[] {
  return Object.keys(value).filter((key) => !allowed.has(key));
}

/** True for an array whose every element is a string. */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/** Option letter for a 0-based position: A, B, … */
export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

/**
 * "B. Telegram; D. Twitter": the key options, each lettered by its position in
 * `order` (option ids in display order) or, without it, in authored order.
 */
export function describeOptions(
  options: readonly { id: string; text: string }[],
  key: readonly string[],
  order?: readonly string[],
): string {
  const ids = order ?? options.map((option) => option.id);
  const wanted = new Set(key);
  return options
    .filter((option) => wanted.has(option.id))
    .map((option) => ({ option, position: ids.indexOf(option.id) }))
    .sort((a, b) => a.position - b.position)
    .map(({ option, position }) => (position < 0 ? option.text : `${letter(position)}. ${option.text}`))
    .join('; ');
}

/** Clamp a computed share into [0, 1], treating NaN as 0. */
export function clampScore(score: number): number {
  if (!(score > 0)) return 0;
  return score > 1 ? 1 : score;
}

/** Whether `response` (an option id or a list of them) picks option `id`. */
export function isPicked(response: unknown, id: string): boolean {
  return Array.isArray(response) ? response.includes(id) : response === id;
}

/**
 * The words for one option of a choice question: "Correct" for a right pick, `words.wrong` for a
 * wrong one, and for a key option not picked `words.missed` with the ✓ of an answer.
 */
export function optionPartWords(
  options: readonly { id: string; text: string }[],
  inKey: boolean,
  chosen: boolean,
  id: string,
  words: { wrong: string; missed: string },
): PartWords {
  const label = options.find((o) => o.id === id)?.text ?? id;
  if (chosen && inKey) return { label, status: 'Correct' };
  if (chosen) return { label, status: words.wrong };
  return inKey ? { label, status: words.missed, key: true } : { label, status: words.missed };
}

/** A copy of `value` if it is an object of strings whose keys are all in `keys`, else undefined. */
export function stringRecordOf(value: unknown, keys: readonly string[]): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const allowed = new Set(keys);
  const ok = Object.entries(value).every(([key, entry]) => allowed.has(key) && typeof entry === 'string');
  return ok ? { ...(value as Record<string, string>) } : undefined;
}

/** Whether an object response (pair → option, blank → text) has at least one non-blank entry. */
export function hasFilledEntry(response: unknown): boolean {
  return (
    typeof response === 'object' &&
    response !== null &&
    !Array.isArray(response) &&
    Object.values(response).some((v) => typeof v === 'string' && v.trim() !== '')
  );
}

/**
 * A choice question on paper or a card: its options lettered in authored order ("A. Telegram"),
 * and the worksheet to tick them on, the answer key lettered the same way.
 */
export function choiceHandout(
  options: readonly { id: string; text: string }[],
  tick: string,
): { anki: { blocks: string[][] }; worksheet: { blocks: WorksheetBlock[]; keyOrder: string[] } } {
  const lettered = options.map((o, i) => `${letter(i)}. ${o.text}`);
  return {
    anki: { blocks: [lettered] },
    worksheet: {
      blocks: [
        { kind: 'note', text: tick },
        { kind: 'list', entries: lettered.map((line) => `☐ ${line}`) },
      ],
      keyOrder: options.map((o) => o.id),
    },
  };
}

/** Text a student typed, quoted as typed (“ 75 % ”), for `given`. */
export function quoted(text: string): string {
  return `“${text}”`;
}
