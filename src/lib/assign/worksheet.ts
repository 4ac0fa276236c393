/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * A question as it appears on a printed worksheet: the prompt, then what a student needs to answer
 * on paper — lettered options, "True / False", a line to write on, items to number, two columns to
 * match, or the cloze text with gaps. Options are lettered in the order given (the builder passes
 * authored order, so the worksheet and its answer key agree). The answer key line is
 * `describeAnswer` with the same letters.
 */
import type { Question } from '../../questions/index.ts';
import { describeAnswer } from '../../questions/client.ts';
import { rightOptions } from '../../questions/matching/grade.ts';
import { clozeSegments } from '../../questions/cloze/grade.ts';

export type WorksheetBody =
  | { kind: 'choices'; multiple: boolean; options: { label: string; text: string }[] }
  | { kind: 'truefalse' }
  | { kind: 'line'; unit?: string }
  | { kind: 'ordering'; items: string[] }
  | { kind: 'matching'; left: { label: string; text: string }[]; right: { label: string; text: string }[] }
  | { kind: 'cloze'; text: string };

export interface WorksheetItem {
  id: string;
  prompt: string;
  /** What to answer on, without the answer. */
  body: WorksheetBody;
  /** The key, lettered like `body` ("B. Telegram"). */
  key: string;
  explanation: string;
}

const letter = (index: number): string => String.fromCharCode(65 + index);

/** The gap printed for a blank or a written answer. */
export const GAP = '__________';

export function worksheetItem(question: Question): WorksheetItem {
  let body: WorksheetBody;
  switch (question.type) {
    case 'single':
    case 'multiple':
      body = {
        kind: 'choices',
        multiple: question.type === 'multiple',
        options: question.options.map((o, i) => ({ label: letter(i), text: o.text })),
      };
      break;
    case 'truefalse':
      body = { kind: 'truefalse' };
      break;
    case 'numeric':
      body = question.unit ? { kind: 'line', unit: question.unit } : { kind: 'line' };
      break;
    case 'text':
      body = { kind: 'line' };
      break;
    case 'ordering':
      // Authored order is the answer: print the items sorted by text so the sheet does not give it away.
      body = {
        kind: 'ordering',
        items: question.items.map((item) => item.text).sort((a, b) => a.localeCompare(b, 'en')),
      };
      break;
    case 'matching':
      body = {
        kind: 'matching',
        left: question.pairs.map((pair, i) => ({ label: String(i + 1), text: pair.left })),
        right: rightOptions(question)
          .slice()
          .sort((a, b) => a.text.localeCompare(b.text, 'en'))
          .map((option, i) => ({ label: letter(i), text: option.text })),
      };
      break;
    case 'cloze':
      body = {
        kind: 'cloze',
        text: clozeSegments(question.text)
          .map((s) => (s.kind === 'text' ? s.text : GAP))
          .join(''),
      };
      break;
  }
  const order =
    question.type === 'single' || question.type === 'multiple'
      ? question.options.map((o) => o.id)
      : undefined;
  return {
    id: question.id,
    prompt: question.prompt,
    body,
    key: describeAnswer(question, order),
    explanation: question.explanation,
  };
}
