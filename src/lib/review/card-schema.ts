/**
 * The shape of a stored review card (`progress.reviews[qid]`), as a zod schema.
 *
 * This stays the documented source of truth for the card format, but the
 * browser does not use it: zod is ~26 KB gzipped and only the `/review/` page
 * reads cards, so card.ts validates with the hand-written mirror in
 * card-check.ts instead. card-check.test.ts proves, with fast-check, that
 * `checkCard` accepts exactly what `reviewCardSchema` accepts and returns the
 * same value. Import this module only from tests, docs or build-time code.
 */
import '../zod-jitless.ts';
import { z } from 'astro/zod';

/** Milliseconds since the Unix epoch: a safe integer ≥ 0. */
const epochMs = z.number().int().min(0);

/** Fields of a stored review card, in output order; see `reviewCardSchema`. */
export const cardShape = {
  /** Content hash of the question version these reviews were of. */
  hash: z.string(),
  /** When the question is next due (ms epoch). */
  due: epochMs,
  /** FSRS stability in days: the interval after which recall probability falls to 90 %. */
  stability: z.number().min(0),
  /** FSRS difficulty, 1 (easy) .. 10 (hard). */
  difficulty: z.number().min(0),
  /** Days between the last two reviews (ts-fsrs, deprecated there; kept for a lossless round trip). */
  elapsed_days: z.number().min(0),
  /** Days from the last review to `due`. */
  scheduled_days: z.number().min(0),
  /** Current (re)learning step; always 0 with short-term scheduling off. */
  learning_steps: z.number().int().min(0),
  /** Number of reviews that moved the schedule. */
  reps: z.number().int().min(0),
  /** Number of times a known question was forgotten (rated Again in Review state). */
  lapses: z.number().int().min(0),
  /** FSRS state: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  /** Time of the last review that moved the schedule (ms epoch); merge prefers the later one. */
  last_review: epochMs,
  /** Time of the newest attempt folded into this card, including retries that did not move it. */
  seen: epochMs,
};

/**
 * A review card as stored in `progress.reviews[qid]`: ts-fsrs's `Card` with
 * dates as ms epoch numbers, plus the question hash it belongs to and the
 * newest attempt it has seen. Unknown fields are kept (loose object) so an
 * older build does not strip what a newer one added.
 */
export const reviewCardSchema = z.looseObject(cardShape);

/**
 * The schema's output without the loose index signature; card-check.test.ts
 * asserts that it is exactly the hand-written `StoredCard` of card-check.ts.
 */
export type StoredCardSchemaOutput = z.output<z.ZodObject<typeof cardShape>>;
