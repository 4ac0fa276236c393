/**
 * Pure: no DOM, no framework, no zod.
 *
 * `single` in public (see ../public.ts): the option texts, without the key or any option's feedback.
 * Option ids are authoring handles that do not follow the key, so responses need no renaming.
 */
import { sameResponse, type PublicOf } from '../public.ts';
import type { QuestionOf } from '../index.ts';

export const singlePublic: PublicOf<QuestionOf<'single'>> = {
  fields: (q) => ({ options: q.options.map((o) => ({ id: o.id, text: o.text })) }),
  fromPublic: sameResponse,
};
