/**
 * Keeping tabs in step: nothing one tab records is lost to another tab's write, and nothing a
 * tab deliberately removed (resetting a lesson) is brought back by a tab that had not seen it.
 *
 * Data flow (src/stores/progress.ts): every action reads the latest stored document, takes it in
 * (`takeIn`), applies its change and writes the result, stamped `sync: { rev, base }` (`rev`
 * names this write, `base` the write it was made over). A `storage` event from another tab is
 * taken in the same way, and written back when this tab holds something that write lacks.
 *
 * Why stamps: browsers do not make a read-merge-write in one tab atomic with respect to another
 * tab (Chromium propagates localStorage between renderer processes asynchronously, and a tab may
 * hear of another's write after making its own), so a tab may write over a value it never saw.
 * Merging alone would fix that, but would also undo a reset made in another tab. The stamp tells
 * the two apart.
 *
 * Pure: the store supplies the revision ids and does the reading and writing.
 */
import { mergeProgress } from './merge.ts';
import type { Progress } from './schema.ts';

/** The stamp a write carries in its stored document (never in exports). */
export interface SyncStamp {
  /** This write. */
  rev: string;
  /** The write it was made over, when there was one. */
  base?: string;
}

/** The document without its stamp, and the stamp if it has a well-formed one. */
export function splitStamp(state: Progress): { state: Progress; stamp?: SyncStamp } {
  if (!Object.hasOwn(state, 'sync')) return { state };
  const { sync, ...rest } = state;
  const stamp = sync as { rev?: unknown; base?: unknown } | null;
  if (typeof stamp !== 'object' || stamp === null || typeof stamp.rev !== 'string') return { state: rest };
  return {
    state: rest,
    stamp: typeof stamp.base === 'string' ? { rev: stamp.rev, base: stamp.base } : { rev: stamp.rev },
  };
}

/** The document as stored: with its stamp. */
export function withStamp(state: Progress, stamp: SyncStamp): Progress {
  return { ...state, sync: stamp };
}

/**
 * What a tab holds after another tab's write comes in. A write made over the very state this tab
 * holds (its `base` is a write with exactly that content) saw all of it, so it is taken as it is: whatever it
 * lacks was removed on purpose. Any other write did not see this tab's state — it raced this
 * tab's write, or is heard of late — so the two are merged and nothing either holds is lost. (A
 * reset made in one tab while another tab was writing may then come back: merging keeps too much
 * rather than too little.)
 *
 * `current.revs` are the writes whose content is exactly `current.state` (the store writes back
 * whenever a merge gives more than the incoming write held).
 */
export function takeIn(
  current: { state: Progress; revs: ReadonlySet<string> },
  incoming: { state: Progress; stamp: SyncStamp | undefined },
): Progress {
  const base = incoming.stamp?.base;
  const over =
    base !== undefined ? current.revs.has(base) : incoming.stamp !== undefined && current.revs.size === 0;
  return over ? incoming.state : mergeProgress(incoming.state, current.state);
}
