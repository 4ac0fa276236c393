/**
 * Pure: no DOM, no framework.
 *
 * Spaced review, the pure core: FSRS cards (card.ts), the review queue and
 * objective practice (queue.ts), the daily goal and streak (daily.ts) and the
 * Anki export (anki.ts). See README.md in this folder for the rules.
 */
export * from './card.ts';
export * from './queue.ts';
export * from './daily.ts';
export * from './anki.ts';
