/**
 * Pure: no DOM, no framework, no imports.
 *
 * Scores as words, apart from feedback.ts so that a page showing only scores (Progress) does not load
 * every question type's code with it.
 */

/** Share as a whole percentage: 0.6 → "60%". */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
