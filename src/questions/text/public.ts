/**
 * Pure: no DOM, no framework, no zod.
 *
 * `text` in public (see ../public.ts): nothing of its own; accepted and rejected answers stay secret.
 */
import { sameResponse, type PublicOf } from '../public.ts';
import type { QuestionOf } from '../index.ts';

export const textPublic: PublicOf<QuestionOf<'text'>> = {
  fields: () => ({}),
  fromPublic: sameResponse,
};
