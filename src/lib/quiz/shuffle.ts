/**
 * Pure: no DOM, no framework.
 *
 * Seeded randomness for display order: a string seed is hashed (cyrb128) into
 * the state of a small PRNG (sfc32), so the same seed gives the same sequence
 * in Node and every browser. Lessons use the question id as the seed (server
 * render and hydration agree); assignments pass `assignmentSeed + studentId`.
 */
import { behaviourOf, type Behaviours } from '../../questions/client.ts';
import type { Question } from '../../questions/index.ts';

/** cyrb128: four 32-bit hashes of a string, used to seed sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A deterministic PRNG for `seed`: each call returns a float in [0, 1). */
export function seededRandom(seed: string): () => number {
  let [a, b, c, d] = cyrb128(seed);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard a few outputs so similar seeds diverge.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Fisher–Yates shuffle driven by `seededRandom(seed)`; returns a new array. */
export function shuffle<T>(items: readonly T[], seed: string): T[] {
  const result = items.slice();
  const random = seededRandom(seed);
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return result;
}

/**
 * The ids a question shows in shuffled order, for `seed` (default: the
 * question id): option ids, item ids (never already solved), right-hand
 * option ids of a matching, or `[]` when the type has nothing to order (each
 * type says which, in its `displayOrder`). The question id is mixed into the
 * seed, so one assignment seed still gives each question its own order.
 */
export function displayOrder(question: Question, seed: string = question.id, types?: Behaviours): string[] {
  const mixed = `${seed}\u0000${question.id}`;
  return behaviourOf(question, types).displayOrder(question, (ids) => shuffle(ids, mixed));
}
