/**
 * Pure: no DOM, no framework, no zod.
 *
 * What a quiz card needs to know about a learner's response before grading:
 * whether a stored draft still fits the question (`coerceResponse` — drafts
 * survive edits to the question, so they are re-checked on load), what is
 * graded when nothing was touched (`effectiveResponse`: an ordering question
 * is answered by its display order), and whether there is anything to grade
 * yet (`isAnswered`).
 */
import type { Question, Response } from '../../questions/index.ts';

const isString = (value: unknown): value is string => typeof value === 'string';

function isStringRecord(value: unknown, keys: ReadonlySet<string>): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([key, entry]) => keys.has(key) && isString(entry));
}

/**
 * `value` (e.g. a draft read back from storage) if it is a well-formed
 * response for `question` — right shape, known ids — else `undefined`.
 */
export function coerceResponse(question: Question, value: unknown): Response | undefined {
  switch (question.type) {
    case 'single':
      return isString(value) && question.options.some((o) => o.id === value) ? value : undefined;
    case 'multiple': {
      const ids = new Set(question.options.map((o) => o.id));
      return Array.isArray(value) && value.every((id) => isString(id) && ids.has(id))
        ? [...new Set(value as string[])]
        : undefined;
    }
    case 'truefalse':
      return typeof value === 'boolean' ? value : undefined;
    case 'numeric':
    case 'text':
      return isString(value) ? value : undefined;
    case 'ordering': {
      const ids = question.items.map((item) => item.id);
      const ok =
        Array.isArray(value) &&
        value.length === ids.length &&
        new Set(value).size === ids.length &&
        value.every((id) => isString(id) && ids.includes(id));
      return ok ? (value as string[]) : undefined;
    }
    case 'matching':
      return isStringRecord(value, new Set(question.pairs.map((pair) => pair.id))) ? { ...value } : undefined;
    case 'cloze':
      return isStringRecord(value, new Set(question.blanks.map((blank) => blank.id)))
        ? { ...value }
        : undefined;
  }
}

/** The response that is graded: what the learner gave, or for `ordering` the order on screen. */
export function effectiveResponse(
  question: Question,
  response: Response | undefined,
  order: readonly string[],
): Response | undefined {
  if (question.type === 'ordering' && response === undefined) return [...order];
  return response;
}

/**
 * Whether there is something to grade: an option picked, a box ticked, text
 * typed, a pair matched or a blank filled. An ordering question always is.
 */
export function isAnswered(question: Question, response: Response | undefined): boolean {
  switch (question.type) {
    case 'ordering':
      return true;
    case 'single':
    case 'numeric':
    case 'text':
      return isString(response) && response.trim() !== '';
    case 'multiple':
      return Array.isArray(response) && response.length > 0;
    case 'truefalse':
      return typeof response === 'boolean';
    case 'matching':
    case 'cloze':
      return (
        typeof response === 'object' &&
        response !== null &&
        !Array.isArray(response) &&
        Object.values(response).some((v) => isString(v) && v.trim() !== '')
      );
  }
}

/** What to tell a learner who pressed "Check answer" with nothing to grade. */
export function unansweredMessage(question: Question): string {
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return 'Choose an answer first.';
    case 'multiple':
      return 'Select at least one option first.';
    case 'numeric':
      return 'Type a number first.';
    case 'text':
      return 'Type an answer first.';
    case 'matching':
      return 'Match at least one item first.';
    case 'cloze':
      return 'Fill in at least one blank first.';
    case 'ordering':
      return '';
  }
}

/** A copy of `list` with the entry at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = list.slice();
  const target = Math.min(next.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= next.length || target === index) return next;
  const [entry] = next.splice(index, 1) as [T];
  next.splice(target, 0, entry);
  return next;
}

/** The ticked option ids after ticking (`on`) or unticking `id`, in display `order`. */
export function toggleOption(
  order: readonly string[],
  picked: readonly string[] | undefined,
  id: string,
  on: boolean,
): string[] {
  return order.filter((optionId) => (optionId === id ? on : (picked ?? []).includes(optionId)));
}
