/**
 * Pure: no DOM, no framework, no zod.
 *
 * Option identity that says nothing. Authors write option, item and pair ids as short handles
 * (`a`, `b`, …), and they follow authored order: every single-choice key was `a`, an ordering's
 * items were `a, b, c` in the right order, and a matching's right-hand option had its pair's id.
 * Whatever reaches a page (input values, element ids, island props) uses instead an id derived
 * from the text alone: a short hash, the same in every build while the text stays the same, and
 * independent of position and correctness. Each type's `publish` (in its `schema.ts`, applied by
 * `validateBank` at load time) swaps the ids and says which handle became which id, so that
 * responses saved under the handles can be carried over (`renameIds`).
 *
 * As in starlight-quiz's `lib/id.ts`: stable ids derived from content, not position.
 */
import { cyrb53 } from '../lib/quiz/hash.ts';

/** Length of an opaque id: 6 base-36 characters, 2 × 10⁹ values, for at most a dozen options. */
const ID_LENGTH = 6;

/**
 * An opaque id for each of `texts`, in order: 6 lowercase base-36 characters of a hash of the
 * text. Ids are unique among themselves and never equal an id in `avoid` (the handles they
 * replace, so a saved response is never ambiguous); a clash takes the next seed of the hash.
 */
export function opaqueIds(texts: readonly string[], avoid: Iterable<string> = []): string[] {
  const taken = new Set(avoid);
  return texts.map((text) => {
    for (let seed = 0; ; seed++) {
      const id = cyrb53(text, seed).toString(36).padStart(ID_LENGTH, '0').slice(-ID_LENGTH);
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  });
}

/** A validated question as the site publishes it, with the handles it renamed. */
export interface Published<Q> {
  question: Q;
  /** Handle (as saved in old responses) → the published id; empty when nothing was renamed. */
  renamed: Record<string, string>;
}

/** A type without ids to hide publishes its question as it is. */
export const unchanged = <Q>(question: Q): Published<Q> => ({ question, renamed: {} });

/** `{ handle: id }` for handles and ids in the same order. */
export function renaming(handles: readonly string[], ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(handles.map((handle, i) => [handle, ids[i] ?? handle]));
}

/**
 * A saved response with every renamed handle replaced by its published id, wherever a response
 * holds option ids: the response itself (one choice), the entries of a list (choices, an order)
 * or the values of a record (the chosen right-hand option of each matching pair; the keys are pair
 * ids, which stay). Anything else is returned as it is, so a response that already uses published
 * ids, or typed text (a text question has no renames), is unchanged: renaming is idempotent.
 */
export function renameIds(response: unknown, renamed: Readonly<Record<string, string>>): unknown {
  const rename = (value: unknown): unknown =>
    typeof value === 'string' && Object.hasOwn(renamed, value) ? renamed[value] : value;
  if (Object.keys(renamed).length === 0) return response;
  if (typeof response === 'string') return rename(response);
  if (Array.isArray(response)) {
    const out = response.map(rename);
    return out.every((value, i) => value === response[i]) ? response : out;
  }
  if (typeof response === 'object' && response !== null) {
    const entries = Object.entries(response);
    if (!entries.some(([, value]) => rename(value) !== value)) return response;
    return Object.fromEntries(entries.map(([key, value]) => [key, rename(value)]));
  }
  return response;
}

/** A list of `{ id, text }` (options, items) with opaque ids, and which handle became which id. */
export function publishList<T extends { id: string; text: string }>(
  list: readonly T[],
): { list: T[]; renamed: Record<string, string> } {
  const handles = list.map((entry) => entry.id);
  const ids = opaqueIds(
    list.map((entry) => entry.text),
    handles,
  );
  return {
    list: list.map((entry, i) => ({ ...entry, id: ids[i] ?? entry.id })),
    renamed: renaming(handles, ids),
  };
}
