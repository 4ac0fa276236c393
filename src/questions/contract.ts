/**
 * Pure: no DOM, no framework, no zod. Types only.
 *
 * What a question type supplies to the browser, one interface per weight class. This follows
 * Moodle's question types (a plugin that owns its behaviour and its import/export) and
 * mdbook-quiz's `QuestionMethods` (one interface per type): code outside `src/questions/<type>/`
 * asks the type, through a registry, and never names it.
 *
 * - `QuestionBehaviour`: what a quiz card on a lesson page needs (grading, key, display order,
 *   reading a response, feedback words). Registry: `questionTypes` in `client.ts`.
 * - `QuestionHandout`: what leaves the site in the learner's or instructor's hands from the
 *   browser, off lesson pages: the Anki card, the printed worksheet, and the options counted in
 *   item analysis. Registry: `handouts` in `client.ts`.
 * - The view: `View.svelte`, registry `views.ts`.
 * - The LMS formats (build and CLI only): `QuestionExport` in `src/lib/export/types.ts`, registry
 *   `exporters.ts`.
 */
import type { GradePart, GradeResult } from './grading.ts';
import type { QuestionOf, QuestionType, ResponseOf } from './index.ts';

/** How one graded part reads next to its option, item, pair or blank. */
export interface PartWords {
  /** What the part is: the option text, item text, left-hand entry, "Blank 2", "Your answer". */
  label: string;
  /** Short verdict for this part, e.g. "Correct", "Missed: this is also right". */
  status: string;
  /** A right answer the learner did not pick: shown with a ✓ like a right pick. */
  key?: true;
}

/** Everything a quiz card does that depends on the type. Lesson pages load all of it. */
export interface BehaviourOf<Q, R> {
  /** Plain-language name, for the muted line above a question: "Multiple choice". */
  label: string;
  /** Total: a malformed response scores 0 with one part saying why; never throws. */
  grade: (question: Q, response: unknown) => GradeResult;
  /** The correct response (scores 1). */
  key: (question: Q) => R;
  /** A readable key ("B. Telegram"), lettered by `order` (display order of option ids) when given. */
  describe: (question: Q, order?: readonly string[]) => string;
  /** The ids shown in shuffled order (options, items, right-hand options), or `[]`. */
  displayOrder: (question: Q, shuffle: (ids: readonly string[]) => string[]) => string[];
  /** `value` (a stored draft, a form value) if it is a well-formed response here, else undefined. */
  coerce: (question: Q, value: unknown) => R | undefined;
  /** What is graded when the learner touched nothing (an ordering is answered by its order on screen). */
  untouched?: (order: readonly string[]) => R;
  /** Whether there is something to grade yet. */
  isAnswered: (question: Q, response: unknown) => boolean;
  /** What to tell a learner who pressed "Check answer" with nothing to grade. */
  unanswered: string;
  /** The label and verdict words of one graded part (never the whole-response `response` part). */
  partWords: (question: Q, part: GradePart, response: unknown) => PartWords;
  /**
   * A right answer slower than this is rated Hard in spaced review (Easy under a third of it):
   * picking is quicker than typing, arranging or matching.
   */
  slowSeconds: number;
  /** Whether the view shows each part's note beside it; if not, the card shows the parts' summary. */
  partsBeside: boolean;
}

/** Everything a quiz card does for the question type `K` (see `BehaviourOf`). */
export type QuestionBehaviour<K extends QuestionType> = BehaviourOf<QuestionOf<K>, ResponseOf<K>>;

/** The front of an Anki card after the prompt, as plain text: `anki.ts` writes the HTML. */
export interface AnkiFront {
  /** Shown in brackets, in italics, under the prompt: "Put in order.". */
  instruction?: string;
  /** Lists shown after a blank line each, one entry a line. */
  blocks: string[][];
}

/** One piece of a printed question, as `Worksheet.svelte` draws it. */
export type WorksheetBlock =
  /** A muted instruction: "Tick one.". */
  | { kind: 'note'; text: string }
  /** A plain paragraph: "☐ True ☐ False", a line to write on, the cloze text with gaps. */
  | { kind: 'para'; text: string }
  /** An unbulleted list: "☐ A. Telegram", "___ First item". */
  | { kind: 'list'; entries: string[] }
  /** Lists side by side: the two columns of a matching. */
  | { kind: 'columns'; columns: string[][] };

/** One answer option whose picks item analysis counts ("distractor analysis"). */
export interface CountedOption {
  id: string;
  text: string;
  correct: boolean;
  /** Whether a recorded response picked this option. */
  picked: (response: unknown) => boolean;
}

/** What a question becomes outside the site, from the browser: a card, a worksheet entry, counts. */
export interface HandoutOf<Q> {
  /** The Anki card front; `order` is `displayOrder(question)`, the order the site shows. */
  anki: (question: Q, order: readonly string[]) => AnkiFront;
  /** The printed question; `keyOrder` letters the answer key like the printed options. */
  worksheet: (question: Q) => { blocks: WorksheetBlock[]; keyOrder?: string[] };
  /** The options item analysis counts picks of, or null when the type has none to count. */
  countedOptions: (question: Q) => CountedOption[] | null;
  /**
   * A student's response in words, as the instructor reads it beside the key and the student in a
   * result: the options picked ("B. Telegram", lettered by `order`, the order that student saw),
   * the text or number exactly as typed (“…”), the order given, each pair, each blank. Null when
   * `response` is not one this type reads (a hand-edited file); never throws.
   */
  given: (question: Q, response: unknown, order?: readonly string[]) => string | null;
}

/** What the question type `K` becomes outside the site (see `HandoutOf`). */
export type QuestionHandout<K extends QuestionType> = HandoutOf<QuestionOf<K>>;

/** One piece of the instructor's view of a question with its key (`QuestionKey.astro`). */
export type KeyBlock =
  /** Every option, the key marked, each with its own feedback. */
  | { kind: 'options'; options: { text: string; key: boolean; feedback?: string | undefined }[] }
  /** A passage, e.g. cloze text with its blanks as `[Blank 1]`. */
  | { kind: 'passage'; text: string }
  /** Lines that are right (pairs) or not (distractors). */
  | { kind: 'lines'; lines: { text: string; right: boolean }[] };

/** How an instructor reviews a question of this type before class (build time). */
export interface InstructorKey<Q> {
  /** The type's name for instructors: "Single choice", "Cloze". */
  name: string;
  /** What shows between the prompt and the details. */
  blocks: (question: Q) => KeyBlock[];
  /** Feedback for particular answers, listed as "Feedback" in the details. */
  answerFeedback: (question: Q) => string[];
  /** Item-writing problems beyond the schema (`src/lib/content/items.ts` prefixes the question). */
  writingProblems: (question: Q, rules: { bannedOption: RegExp }) => string[];
  /**
   * The options a learner chooses from, in authored order with the key marked, for the item-writing
   * spread rules (`src/lib/content/items.ts`: key position, longest option, key length); null when the
   * type has none. `fixed: true` when the options are the type's own words, the same in every item
   * (True, False): their lengths cannot hint at the key, and positions are named by them.
   */
  keyedChoices: (question: Q) => KeyedChoices | null;
}

/** See `InstructorKey.keyedChoices`. */
export interface KeyedChoices {
  options: { id: string; text: string; key: boolean }[];
  fixed: boolean;
}
