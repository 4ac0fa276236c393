/**
 * Pure: no DOM, no framework, no zod.
 *
 * Turns a `GradeResult` into the words a quiz card shows: the overall verdict,
 * one line per part (option, item, pair, blank) with a ✓/✗ mark AND text (never
 * colour alone), the "Last time: …" line and relative times.
 */
import type { GradeResult } from '../../questions/grading.ts';
import type { Question, Response } from '../../questions/index.ts';
import { rightOptions } from '../../questions/matching/grade.ts';
import { clozeSegments } from '../../questions/cloze/grade.ts';

export type VerdictKind = 'correct' | 'partial' | 'incorrect';

/** Share as a whole percentage: 0.6 → "60%". */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

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

function picked(response: Response | undefined, id: string): boolean {
  return Array.isArray(response) ? response.includes(id) : response === id;
}

/**
 * The parts of `result` with labels and per-part verdicts, in the order the
 * grader gave them. For `single` / `multiple` a key option the learner did
 * not pick is shown as the answer ("This is the answer" / "Missed: this is also right").
 */
export function partViews(
  question: Question,
  result: GradeResult,
  response: Response | undefined,
): PartView[] {
  return result.parts.map((part): PartView => {
    const base = (label: string, status: string): PartView =>
      part.feedback === undefined
        ? { id: part.id, label, correct: part.correct, status }
        : { id: part.id, label, correct: part.correct, status, feedback: part.feedback };
    if (part.id === 'response') return base('Your answer', 'Could not be graded');
    switch (question.type) {
      case 'single':
      case 'multiple': {
        const option = question.options.find((o) => o.id === part.id);
        const label = option?.text ?? part.id;
        const inKey =
          question.type === 'single' ? question.answer === part.id : question.answers.includes(part.id);
        const chosen = picked(response, part.id);
        if (chosen && inKey) return base(label, 'Correct');
        if (chosen) return base(label, question.type === 'single' ? 'Incorrect' : 'Should not be selected');
        return {
          ...base(label, question.type === 'single' ? 'This is the answer' : 'Missed: this is also right'),
          ...(inKey ? { key: true as const } : {}),
        };
      }
      case 'truefalse':
        return base(part.id === 'true' ? 'True' : 'False', part.correct ? 'Correct' : 'Incorrect');
      case 'numeric':
      case 'text':
        return base('Your answer', part.correct ? 'Correct' : 'Incorrect');
      case 'ordering': {
        const item = question.items.find((i) => i.id === part.id);
        return base(item?.text ?? part.id, part.correct ? 'In the right place' : 'Not in the right place');
      }
      case 'matching': {
        const pair = question.pairs.find((p) => p.id === part.id);
        return base(pair?.left ?? part.id, part.correct ? 'Correct match' : 'Incorrect match');
      }
      case 'cloze': {
        const n = blankNumbers(question.text).get(part.id) ?? 0;
        return base(`Blank ${n}`, part.correct ? 'Correct' : 'Incorrect');
      }
    }
  });
}

/** Blank id → its 1-based position in reading order. */
export function blankNumbers(text: string): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const segment of clozeSegments(text)) {
    if (segment.kind === 'blank' && !numbers.has(segment.id)) numbers.set(segment.id, numbers.size + 1);
  }
  return numbers;
}

/** Right-hand option id → text, for matching views and feedback. */
export function matchingOptionText(question: Extract<Question, { type: 'matching' }>): Map<string, string> {
  return new Map(rightOptions(question).map((o) => [o.id, o.text]));
}

/** "correct", "partly correct (60%)" or "not quite": how a past attempt went. */
export function scoreWords(score: number): string {
  if (score >= 1) return 'correct';
  if (score > 0) return `partly correct (${percent(score)})`;
  return 'not quite';
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "just now", "5 minutes ago", "2 days ago", "yesterday", "last week". */
export function timeAgo(at: number, nowMs: number): string {
  const elapsed = Math.max(0, nowMs - at);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
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
export const TYPE_LABELS: Readonly<Record<Question['type'], string>> = {
  single: 'Multiple choice',
  multiple: 'Select all that apply',
  truefalse: 'True or false',
  numeric: 'Number',
  text: 'Short answer',
  ordering: 'Put in order',
  matching: 'Matching',
  cloze: 'Fill in the blanks',
};

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
