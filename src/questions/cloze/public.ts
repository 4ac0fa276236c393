/**
 * Pure: no DOM, no framework, no zod.
 *
 * `cloze` in public (see ../public.ts): the text with its blanks; each blank's accepted (and
 * rejected) answers stay secret.
 */
import { sameResponse, type PublicOf } from '../public.ts';
import type { QuestionOf } from '../index.ts';

export const clozePublic: PublicOf<QuestionOf<'cloze'>> = {
  fields: (q) => ({ text: q.text, blanks: q.blanks.map((b) => ({ id: b.id })) }),
  fromPublic: sameResponse,
};
