/**
 * Pure: no DOM, no framework, no zod. Browser-safe: the SCORM package's player loads it.
 *
 * `numeric` as a SCORM 1.2 interaction (see `src/lib/export/scorm.ts`): `numeric`, the number read as the site
 * reads it (a unit typed beside it is left out).
 */
import { formatNumber } from '../../lib/export/common.ts';
import type { ScormWriter } from '../../lib/export/scorm.ts';
import { parseNumber } from './grade.ts';
import type { NumericQuestion } from './schema.ts';

export const numericScorm: ScormWriter<NumericQuestion> = {
  type: 'numeric',
  correct: (q) => [formatNumber(q.answer)],
  response: (q, response) => {
    const value =
      typeof response === 'number'
        ? response
        : typeof response === 'string'
          ? parseNumber(response, q.unit)
          : undefined;
    return value === undefined || !Number.isFinite(value) ? undefined : formatNumber(value);
  },
};
