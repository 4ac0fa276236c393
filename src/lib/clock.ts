/**
 * The app's single source of "now".
 *
 * Progress timestamps feed merge order, mastery ("right on two different days")
 * and backup key names, so tests must be able to pin time. Everything that needs
 * the current time calls `now()`; nothing else reads `Date.now()` directly.
 */

/** A function returning milliseconds since the Unix epoch. */
export type Clock = () => number;

const systemClock: Clock = () => Date.now();

let clock: Clock = systemClock;

/** Current time in ms since the epoch, from the injected clock. */
export function now(): number {
  return clock();
}

/** Replace the clock (tests, demos). Stays in effect until `resetClock()`. */
export function setClock(fn: Clock): void {
  clock = fn;
}

/** Go back to the system clock. */
export function resetClock(): void {
  clock = systemClock;
}
