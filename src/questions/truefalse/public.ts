/**
 * Pure: no DOM, no framework, no zod.
 *
 * `truefalse` in public (see ../public.ts): the statement only; no answer, no feedback for either side.
 */
import { sameResponse, type PublicOf } from '../public.ts';
import type { QuestionOf } from '../index.ts';

export const truefalsePublic: PublicOf<QuestionOf<'truefalse'>> = {
  fields: () => ({}),
  fromPublic: sameResponse,
};
