/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * A question as it appears on a printed worksheet: the prompt, then what a student needs to answer
 * on paper, as the question's type gives it (`handout.worksheet`: lettered options, "True / False",
 * a line to write on, items to number, two columns to match, or the cloze text with gaps), drawn
 * by `Worksheet.svelte`. Options are lettered in authored order, so the worksheet and its answer
 * key agree: the key line is `describeAnswer` with the type's `keyOrder`.
 */
import type { WorksheetBlock } from '../../questions/contract.ts';
import { describeAnswer } from '../../questions/client.ts';
import { handoutOf, type BrowserRegistries } from '../../questions/handouts.ts';
import type { Question } from '../../questions/index.ts';

export type { WorksheetBlock } from '../../questions/contract.ts';

export interface WorksheetItem {
  id: string;
  prompt: string;
  /** What to answer on, without the answer. */
  body: WorksheetBlock[];
  /** The key, lettered like `body` ("B. Telegram"). */
  key: string;
  explanation: string;
}

/** The printed form of `question` (registries default to the real ones; a test adds a type through them). */
export function worksheetItem(question: Question, types: BrowserRegistries = {}): WorksheetItem {
  const { blocks, keyOrder } = handoutOf(question, types.handouts).worksheet(question);
  return {
    id: question.id,
    prompt: question.prompt,
    body: blocks,
    key: describeAnswer(question, keyOrder, types.behaviours),
    explanation: question.explanation,
  };
}
