/**
 * Pure: no DOM, no framework, no zod.
 *
 * `numeric` in public (see ../public.ts): the unit only; no answer, no tolerance.
 */
import { sameResponse, type PublicOf } from '../public.ts';
import type { QuestionOf } from '../index.ts';

export const numericPublic: PublicOf<QuestionOf<'numeric'>> = {
  fields: (q) => (q.unit === undefined ? {} : { unit: q.unit }),
  fromPublic: sameResponse,
};
