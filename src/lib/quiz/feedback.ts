/**
 * Pure: no DOM, no framework, no zod.
 *
 * Turns a `GradeResult` into the words a quiz card shows: the overall verdict,
 * one line per part (option, item, pair, blank) with a ✓/✗ mark AND text (never
 * colour alone), the "Last time: …" line and relative times.
 */
import { behaviourOf, questionTypes } from '../../questions/client.ts';
import type { GradeResult } from '../../questions/grading.ts';
import type { Question, QuestionType, Response } from '../../questions/index.ts';
import { percent } from './percent.ts';

export { percent };

export type VerdictKind = 'correct' | 'partial' | 'incorrect';

/** "Correct", "Partly correct 60%" or "Not quite". */
export function verdict(result: Pick<GradeResult, 'score' | 'correct'>): { kind: VerdictKind; text: string } {
  if (result.correct) return { kind: 'correct', text: 'Correct' };
  if (result.score > 0) return { kind: 'partial', text: `Partly correct ${percent(result.score)}` };
  return { kind: 'incorrect', text: 'Not quite' };
}

/** One part of the feedback, ready to show next to its option/item/pair/blank and in the summary. */
export interface PartView {
  id: string;
  /** What the part is: the option text, item text, left-hand entry, "Blank 2", "Your answer". */
  label: string;
  /** Whether the learner got this part right. */
  correct: boolean;
  /**
   * The part is a right answer the learner did not pick ("This is the answer"): shown with a ✓ like
   * a right pick (the icon says which options are right, the words what the learner did), as
   * Moodle's review does.
   */
  key?: true;
  /** Short verdict for this part, e.g. "Correct", "Missed: this is also right". */
  status: string;
  /** The author's feedback for it, or why the response was rejected. */
  feedback?: string;
}

/** Whether a part shows as right (✓, green): a right pick, or a right answer not picked. */
export const looksRight = (part: Pick<PartView, 'correct' | 'key'>): boolean =>
  part.correct || part.key === true;

/** The part's icon: ✓ or ✗ (decorative; its words carry the meaning). */
export const partIcon = (part: Pick<PartView, 'correct' | 'key'>): string => (looksRight(part) ? '✓' : '✗');

/** "✓ Correct" — the icon and its words, for places that show both. */
export function marked(part: Pick<PartView, 'correct' | 'key' | 'status'>): string {
  return `${partIcon(part)} ${part.status}`;
}

/**
 * Feedback without an opening verdict word ("Right: …", "Correct. …", "Wrong – …"): the status
 * beside it says so already, and "✓ Correct: Right: …" said it twice.
 */
export function withoutVerdict(feedback: string): string {
  const rest = feedback.replace(
    /^\s*(?:right|correct|yes|true|wrong|incorrect|no|not quite)\s*[:.!,;–—-]\s*/i,
    '',
  );
  return rest === '' ? feedback : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * The parts of `result` with labels and per-part verdicts, in the order the
 * grader gave them; each type words its own parts. For choice questions a key
 * option the learner did not pick is shown as the answer ("This is the answer"
 * / "Missed: this is also right").
 */
export function partViews(
  question: Question,
  result: GradeResult,
  response: Response | undefined,
): PartView[] {
  const behaviour = behaviourOf(question);
  return result.parts.map((part): PartView => {
    const words =
      part.id === 'response'
        ? { label: 'Your answer', status: 'Could not be graded' }
        : behaviour.partWords(question, part, response);
    const view: PartView =
      part.feedback === undefined
        ? { id: part.id, label: words.label, correct: part.correct, status: words.status }
        : {
            id: part.id,
            label: words.label,
            correct: part.correct,
            status: words.status,
            feedback: withoutVerdict(part.feedback),
          };
    return words.key ? { ...view, key: true } : view;
  });
}

/**
 * `result` as a first wrong answer may show it: without the parts that show a right answer the
 * learner did not give (`PartView.key`: "This is the answer", "Missed: this is also right"). What
 * the learner chose keeps its verdict and feedback; the key waits for a second wrong answer or
 * "Show answer".
 */
export function withoutKey(
  question: Question,
  result: GradeResult,
  response: Response | undefined,
): GradeResult {
  const hidden = new Set(
    partViews(question, result, response)
      .filter((part) => part.key === true)
      .map((part) => part.id),
  );
  return hidden.size === 0
    ? result
    : { ...result, parts: result.parts.filter((part) => !hidden.has(part.id)) };
}

/** The source paragraph link without its text fragment, which would highlight the answer. */
export function paragraphHref(source: string): string {
  const at = source.indexOf(':~:');
  return at < 0 ? source : source.slice(0, at);
}

/** "correct", "partly correct (60%)" or "not quite": how a past attempt went. */
export function scoreWords(score: number): string {
  if (score >= 1) return 'correct';
  if (score > 0) return `partly correct (${percent(score)})`;
  return 'not quite';
}

const UNITS: [unit: string, ms: number, last: string][] = [
  ['year', 365 * 86_400_000, 'last year'],
  ['month', 30 * 86_400_000, 'last month'],
  ['week', 7 * 86_400_000, 'last week'],
  ['day', 86_400_000, 'yesterday'],
  ['hour', 3_600_000, '1 hour ago'],
  ['minute', 60_000, '1 minute ago'],
];

/**
 * "just now", "5 minutes ago", "2 days ago", "yesterday", "last week": what
 * `Intl.RelativeTimeFormat('en', { numeric: 'auto' })` writes, without it. A page's first
 * `Intl` formatter loads the locale's data (15–65 ms on a laptop), in the task that draws the card.
 */
export function timeAgo(at: number, nowMs: number): string {
  const elapsed = Math.max(0, nowMs - at);
  for (const [unit, ms, last] of UNITS) {
    if (elapsed < ms) continue;
    const n = Math.floor(elapsed / ms);
    return n === 1 ? last : `${n} ${unit}s ago`;
  }
  return 'just now';
}

/** "Last time: correct, 2 days ago". */
export function lastTimeText(attempt: { score: number; at: number }, nowMs: number): string {
  return `Last time: ${scoreWords(attempt.score)}, ${timeAgo(attempt.at, nowMs)}`;
}

/** `partViews` by part id, for views that show each part next to its option / item / pair / blank. */
export function partsById(
  question: Question,
  result: GradeResult | null | undefined,
  response: Response | undefined,
): Map<string, PartView> {
  if (!result) return new Map();
  return new Map(partViews(question, result, response).map((part) => [part.id, part]));
}

/** Plain-language name of each question type, for the muted line above a question. */
export const TYPE_LABELS: Readonly<Record<QuestionType, string>> = Object.fromEntries(
  Object.entries(questionTypes).map(([type, behaviour]) => [type, behaviour.label]),
) as Record<QuestionType, string>;

/** "Understand", "Analyse"… from a Bloom level id. */
export function bloomLabel(bloom: Question['bloom']): string {
  return bloom === 'analyze' ? 'Analyse' : bloom.charAt(0).toUpperCase() + bloom.slice(1);
}

/** Splits `*emphasis*` in a prompt into plain and emphasised runs (the only markup prompts may use). */
export function emphasisRuns(text: string): { text: string; em: boolean; key: string }[] {
  const runs: { text: string; em: boolean; key: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(/\*([^*\n]+)\*/g)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), em: false, key: `t${last}` });
    runs.push({ text: match[1] ?? '', em: true, key: `e${match.index}` });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), em: false, key: `t${last}` });
  return runs;
}
