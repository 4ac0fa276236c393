/**
 * Pure: no DOM, no framework, no zod. Browser-safe: the SCORM package's player loads it.
 *
 * `cloze` as a SCORM 1.2 interaction (see `src/lib/export/scorm.ts`): one `fill-in` for the whole passage,
 * the blanks in reading order separated by commas.
 */
import { scormText, type ScormWriter } from '../../lib/export/scorm.ts';
import { clozeSegments } from './grade.ts';
import type { ClozeQuestion } from './schema.ts';

/** The blanks in reading order. */
const inOrder = (q: ClozeQuestion): ClozeQuestion['blanks'] =>
  clozeSegments(q.text).flatMap((segment) =>
    segment.kind === 'blank' ? q.blanks.filter((blank) => blank.id === segment.id) : [],
  );

export const clozeScorm: ScormWriter<ClozeQuestion> = {
  type: 'fill-in',
  correct: (q) => [
    scormText(
      inOrder(q)
        .map((blank) => blank.accept[0] ?? '')
        .join(','),
    ),
  ],
  response: (q, response) => {
    if (typeof response !== 'object' || response === null || Array.isArray(response)) return undefined;
    const given = response as Record<string, unknown>;
    if (!Object.values(given).every((v) => typeof v === 'string')) return undefined;
    return scormText(
      inOrder(q)
        .map((blank) => (given[blank.id] as string | undefined) ?? '')
        .join(','),
    );
  },
};
