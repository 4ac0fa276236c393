/**
 * Pure: no DOM, no framework, no zod.
 *
 * The assignment builder's draft in storage (issue 17): everything the instructor has chosen, kept
 * until the link is shared or the draft discarded, so a reload loses nothing; with it the
 * assignment's key, so the release link of a draft stays the same. Reading is total: a field that
 * is missing or of the wrong kind takes its default, a value outside its list (`choices`) too,
 * anything else is ignored, and a value that is not a saved draft gives null.
 */

/** What is stored. */
export interface SavedDraft<D> {
  v: 1;
  /** When it was saved (ISO). */
  savedAt: string;
  draft: D;
  /** The assignment key (43 base64url characters), or ''. */
  assignmentKey: string;
}

/** localStorage key of the builder's draft. */
export const DRAFT_KEY = 'eoc-builder-draft';

type Plain = Record<string, string | boolean | string[]>;

/**
 * `value` as a saved draft shaped like `defaults`, each bad field at its default; null when it is
 * not one. `choices` lists the allowed values of fields that take one of a few. Never throws.
 */
export function readDraft<D extends object>(
  value: unknown,
  defaults: D,
  choices: Partial<Record<keyof D, readonly string[]>> = {},
): SavedDraft<D> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const saved = value as Record<string, unknown>;
  const raw = saved.draft;
  if (saved.v !== 1 || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const given = raw as Record<string, unknown>;
  const draft: Plain = { ...(defaults as Plain) };
  for (const [key, fallback] of Object.entries(defaults as Plain)) {
    const x = Object.hasOwn(given, key) ? given[key] : undefined;
    const allowed = choices[key as keyof D];
    if (Array.isArray(fallback)) {
      if (Array.isArray(x))
        draft[key] = x.filter((id): id is string => typeof id === 'string').slice(0, 20_000);
    } else if (typeof x === typeof fallback && (typeof x !== 'string' || x.length <= 10_000)) {
      if (!allowed || allowed.includes(x as string)) draft[key] = x as string | boolean;
    }
  }
  const key = typeof saved.assignmentKey === 'string' ? saved.assignmentKey : '';
  return {
    v: 1,
    savedAt: typeof saved.savedAt === 'string' ? saved.savedAt : '',
    draft: draft as unknown as D,
    assignmentKey: /^[A-Za-z0-9_-]{43}$/.test(key) ? key : '',
  };
}
