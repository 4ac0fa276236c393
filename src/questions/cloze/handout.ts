/**
 * Pure: no DOM, no framework, no zod.
 *
 * `cloze` outside the site: the passage with its blanks numbered (Anki) or as gaps to write in.
 */
import type { QuestionHandout } from '../contract.ts';
import { blankNumbers, clozeSegments } from './grade.ts';
import { isRecord, quoted } from '../grading.ts';

/** The gap printed for a blank. */
export const GAP = '__________';

export const clozeHandout: QuestionHandout<'cloze'> = {
  anki: (question) => {
    let blank = 0;
    const text = clozeSegments(question.text)
      .map((segment) => (segment.kind === 'prose' ? segment.text : `[${++blank}: …]`))
      .join('');
    return { blocks: [[text]] };
  },
  worksheet: (question) => ({
    blocks: [
      {
        kind: 'para',
        text: clozeSegments(question.text)
          .map((s) => (s.kind === 'prose' ? s.text : GAP))
          .join(''),
      },
    ],
  }),
  countedOptions: () => null,
  given: (question, response) => {
    if (!isRecord(response)) return null;
    const numbers = blankNumbers(question.text);
    return [...numbers]
      .map(([id, n]) => {
        const typed = response[id];
        return `Blank ${n}: ${typeof typed === 'string' && typed.trim() !== '' ? quoted(typed) : '(blank)'}`;
      })
      .join('; ');
  },
};
