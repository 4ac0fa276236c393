/**
 * Pure: no DOM, no framework, no zod.
 *
 * A `ordering` question from its fields, for code that writes questions rather than reading them from
 * a bank (the draft quiz of a new source): the type's name stays in its own folder.
 */
import type { QuestionOf } from '../index.ts';

export function makeOrdering(fields: Omit<QuestionOf<'ordering'>, 'type'>): QuestionOf<'ordering'> {
  return { type: 'ordering', ...fields };
}
