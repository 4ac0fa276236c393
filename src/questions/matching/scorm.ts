/**
 * Pure: no DOM, no framework, no zod. Browser-safe: the SCORM package's player loads it.
 *
 * `matching` as a SCORM 1.2 interaction (see `src/lib/export/scorm.ts`): `matching`, each matched pair as
 * source (pair position, `1`…) `.` target (right-hand option position, `a`…).
 */
import { scormLetter, scormSource, type ScormWriter } from '../../lib/export/scorm.ts';
import { keyMatching, rightOptions } from './grade.ts';
import type { MatchingQuestion } from './schema.ts';

/** `1.b,2.a`: each matched pair as source (pair position) . target (right-option position). */
function scormPairs(q: MatchingQuestion, response: Readonly<Record<string, string>>): string | undefined {
  const targets = rightOptions(q).map((option) => option.id);
  const pairs: string[] = [];
  for (const [pairId, rightId] of Object.entries(response)) {
    const source = q.pairs.findIndex((pair) => pair.id === pairId);
    const target = targets.indexOf(rightId);
    if (source < 0 || target < 0) return undefined;
    pairs.push(`${scormSource(source)}.${scormLetter(target)}`);
  }
  return pairs.sort().join(',');
}

export const matchingScorm: ScormWriter<MatchingQuestion> = {
  type: 'matching',
  correct: (q) => [`{${scormPairs(q, keyMatching(q)) ?? ''}}`],
  response: (q, response) => {
    if (typeof response !== 'object' || response === null || Array.isArray(response)) return undefined;
    const entries = Object.entries(response);
    if (!entries.every(([, v]) => typeof v === 'string')) return undefined;
    return scormPairs(q, Object.fromEntries(entries.filter(([, v]) => v !== '')) as Record<string, string>);
  },
};
