/**
 * Pure: no DOM, no framework, no zod.
 *
 * `cloze` outside the site: the passage with its blanks numbered (Anki) or as gaps to write in.
 */
import type { QuestionHandout } from '../contract.ts';
import { clozeSegments } from './grade.ts';

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
};
