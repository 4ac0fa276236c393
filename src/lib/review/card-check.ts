/**
 * Pure: no DOM, no framework, no zod.
 *
 * Zod-free validation of stored review cards, for the browser.
 *
 * card-schema.ts (zod) stays the documented source of truth for the card
 * format, but zod is ~26 KB gzipped and the `/review/` page would ship it only
 * to read cards, so card.ts (`parseCard`) validates with `checkCard` instead.
 * card-check.test.ts proves, with fast-check, that `checkCard` accepts exactly
 * what `reviewCardSchema` accepts and returns the same value, and that
 * `StoredCard` is exactly the schema's output type.
 *
 * The result mirrors `z.looseObject`: the known fields first, in schema order,
 * then every other enumerable string key of the input (`for…in`, so inherited
 * ones too, as zod does) except `__proto__`, which would replace the copy's
 * prototype. Unlike progress/schema.ts it reports no issues: an unreadable card
 * is simply rebuilt from the attempts (see `cardFor`).
 */

/** FSRS card state as stored: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type StoredState = 0 | 1 | 2 | 3;

/**
 * A review card as stored in `progress.reviews[qid]` (plain JSON; extra
 * fields from a newer build may be present at run time). Field meanings are
 * documented on `cardShape` in card-schema.ts. A type alias, not an
 * interface, so that it is assignable to JSON types (`progress.reviews`).
 */
export type StoredCard = {
  /** Content hash of the question version these reviews were of. */
  hash: string;
  /** When the question is next due (ms epoch). */
  due: number;
  /** FSRS stability in days. */
  stability: number;
  /** FSRS difficulty, 1 (easy) .. 10 (hard). */
  difficulty: number;
  /** Days between the last two reviews. */
  elapsed_days: number;
  /** Days from the last review to `due`. */
  scheduled_days: number;
  /** Current (re)learning step. */
  learning_steps: number;
  /** Number of reviews that moved the schedule. */
  reps: number;
  /** Number of times a known question was forgotten. */
  lapses: number;
  /** FSRS state. */
  state: StoredState;
  /** Time of the last review that moved the schedule (ms epoch). */
  last_review: number;
  /** Time of the newest attempt folded into this card (ms epoch). */
  seen: number;
};

/** `z.string()`. */
function isString(value: unknown): boolean {
  return typeof value === 'string';
}

/** `z.number().min(0)`: finite (no NaN, no ±Infinity) and ≥ 0; `-0` passes. */
function isNonNegativeNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** `z.number().int().min(0)`: a safe integer ≥ 0 (zod's `.int()` is the safe-integer format). */
function isNonNegativeInt(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** The union of literals 0–3; like zod's `Set#has`, `-0` counts as 0 and is kept as is. */
function isState(value: unknown): boolean {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

/** One check per field, in `cardShape` order (which is the output's key order). */
const FIELDS: Readonly<Record<keyof StoredCard, (value: unknown) => boolean>> = {
  hash: isString,
  due: isNonNegativeInt,
  stability: isNonNegativeNumber,
  difficulty: isNonNegativeNumber,
  elapsed_days: isNonNegativeNumber,
  scheduled_days: isNonNegativeNumber,
  learning_steps: isNonNegativeInt,
  reps: isNonNegativeInt,
  lapses: isNonNegativeInt,
  state: isState,
  last_review: isNonNegativeInt,
  seen: isNonNegativeInt,
};

const FIELD_NAMES = Object.keys(FIELDS) as (keyof StoredCard)[];

/** What `z.object` accepts as an object: anything non-null of type object except arrays. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `reviewCardSchema.safeParse(value)` without zod: a fresh copy of the card
 * when `value` is a valid stored card (unknown keys kept), else undefined.
 * Never throws on JSON input.
 */
export function checkCard(value: unknown): StoredCard | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) {
    const field = value[name];
    if (!FIELDS[name](field)) return undefined;
    out[name] = field;
  }
  for (const key in value) {
    if (key === '__proto__' || Object.hasOwn(FIELDS, key)) continue;
    out[key] = value[key];
  }
  return out as unknown as StoredCard;
}
