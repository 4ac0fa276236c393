/**
 * card-check.ts must accept exactly what card-schema.ts (zod) accepts and return the same value;
 * card-schema.ts stays the source of truth, card.ts (the `/review/` page) uses the zod-free mirror.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkCard, type StoredCard } from './card-check.ts';
import { cardShape, reviewCardSchema, type StoredCardSchemaOutput } from './card-schema.ts';
import { parseCard } from './card.ts';
import { sameValue } from '../same-value.ts';

const RUNS = { numRuns: 1000 };
// Property runs are many; give them room on a busy machine (the whole suite runs in parallel).
const SLOW = 60_000;

const FIELDS = Object.keys(cardShape) as (keyof StoredCard)[];

/** Both validators agree on `value`: same verdict and, when both accept, the same output. Returns the verdict. */
function agree(value: unknown): boolean {
  const ours = checkCard(value);
  const theirs = reviewCardSchema.safeParse(value);
  expect(ours !== undefined, 'same verdict').toBe(theirs.success);
  if (ours !== undefined && theirs.success) {
    expect(sameValue(ours, theirs.data), 'same output value').toBe(true);
    expect(ours, 'a fresh copy').not.toBe(value);
  }
  return theirs.success;
}

/** A card as `scheduleAttempt` writes it. */
const VALID: StoredCard = {
  hash: 'h1',
  due: 1_741_770_000_000,
  stability: 3.173,
  difficulty: 5.28,
  elapsed_days: 0,
  scheduled_days: 3,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: 1_741_510_800_000,
  seen: 1_741_510_800_000,
};

const withField = (key: string, value: unknown): Record<string, unknown> => ({ ...VALID, [key]: value });
function without(key: keyof StoredCard): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...VALID };
  delete copy[key];
  return copy;
}

const INT_FIELDS = ['due', 'learning_steps', 'reps', 'lapses', 'last_review', 'seen'] as const;
const NUMBER_FIELDS = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days'] as const;

describe('checkCard: table cases', () => {
  const valid: [string, unknown][] = [
    ['a scheduled card', VALID],
    ['a new card (all zero)', { ...VALID, stability: 0, difficulty: 0, reps: 0, state: 0, due: 0 }],
    ...[0, 1, 2, 3].map((state): [string, unknown] => [`state ${state}`, withField('state', state)]),
    [
      '-0 in every number field, state -0',
      Object.fromEntries(FIELDS.map((k) => [k, k === 'hash' ? '' : -0])),
    ],
    ['the largest safe integer as a time', withField('due', Number.MAX_SAFE_INTEGER)],
    ['huge fractional stability', withField('stability', 1e300)],
    ['an empty hash', withField('hash', '')],
    ['extra keys from a newer build (kept)', { ...VALID, fuzz: [1, { a: null }], n: undefined, 7: 'x' }],
    ['keys in another order', Object.fromEntries(Object.entries(VALID).reverse())],
    [
      'an own `__proto__` key from JSON.parse (skipped)',
      JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(VALID).slice(1)}`),
    ],
    ['fields inherited from a prototype (read and copied, as zod does)', Object.create(VALID)],
    ['a null-prototype object', Object.assign(Object.create(null), VALID)],
    ['a Date carrying the fields', Object.assign(new Date(0), VALID)],
  ];
  it.each(valid)('accepts %s', (_name, value) => {
    expect(agree(value)).toBe(true);
    expect(checkCard(value)).toBeDefined();
  });

  it('keeps unknown keys after the known ones and drops `__proto__`', () => {
    const input = JSON.parse(`{"extra":1,"__proto__":{"polluted":true},${JSON.stringify(VALID).slice(1)}`);
    const card = checkCard(input);
    expect(card && Object.keys(card)).toEqual([...FIELDS, 'extra']);
    expect(card && Object.getPrototypeOf(card)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  const invalid: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', JSON.stringify(VALID)],
    ['a number', 1],
    ['an array', [VALID]],
    ['an array carrying the fields', Object.assign([], VALID)],
    ['an empty object', {}],
    ['a Map', new Map(Object.entries(VALID))],
    ...FIELDS.map((k): [string, unknown] => [`without ${k}`, without(k)]),
    ...FIELDS.map((k): [string, unknown] => [`${k} undefined`, withField(k, undefined)]),
    ...FIELDS.map((k): [string, unknown] => [`${k} null`, withField(k, null)]),
    ['hash a number', withField('hash', 1)],
    ['hash a boxed string', withField('hash', new String('h1'))],
    ...[...INT_FIELDS, ...NUMBER_FIELDS].flatMap((k): [string, unknown][] => [
      [`${k} negative`, withField(k, -1)],
      [`${k} slightly negative`, withField(k, -1e-9)],
      [`${k} NaN`, withField(k, NaN)],
      [`${k} Infinity`, withField(k, Infinity)],
      [`${k} a numeric string`, withField(k, '3')],
      [`${k} a boolean`, withField(k, true)],
      [`${k} a boxed number`, withField(k, new Number(3))],
      [`${k} a bigint`, withField(k, 3n)],
    ]),
    ...INT_FIELDS.flatMap((k): [string, unknown][] => [
      [`${k} fractional`, withField(k, 1.5)],
      [`${k} beyond the safe integers`, withField(k, Number.MAX_SAFE_INTEGER + 1)],
      [`${k} an ISO date`, withField(k, '2025-03-10T09:00:00.000Z')],
    ]),
    ['state 4', withField('state', 4)],
    ['state -1', withField('state', -1)],
    ['state 1.5', withField('state', 1.5)],
    ['state "Review"', withField('state', 'Review')],
    ['state "2"', withField('state', '2')],
  ];
  it.each(invalid)('rejects %s', (_name, value) => {
    expect(agree(value)).toBe(false);
    expect(checkCard(value)).toBeUndefined();
  });

  it('parseCard is checkCard', () => {
    expect(parseCard(VALID)).toEqual(VALID);
    expect(parseCard(withField('state', 9))).toBeUndefined();
  });

  it('StoredCard is exactly the schema output type', () => {
    expectTypeOf<StoredCard>().toEqualTypeOf<StoredCardSchemaOutput>();
  });

  it('card.ts and card-check.ts do not import zod or card-schema.ts', () => {
    for (const file of ['./card.ts', './card-check.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(
        /^\s*(import|export)\b[^;]*['"](astro\/zod|zod|\.\/card-schema\.ts)['"]/m,
      );
    }
  });
});

// Generators. Times and counts cover the boundaries of the safe-integer rule; plain numbers the
// boundaries of `min(0)`.
const intArb = fc.oneof(
  fc.integer({ min: 0, max: 4_000_000_000_000 }),
  fc.nat({ max: 20 }),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER),
);
const numberArb = fc.oneof(
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.nat({ max: 400 }),
  fc.constantFrom(0, -0, Number.MIN_VALUE, Number.MAX_VALUE),
);
const extrasArb = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('constructor', 'toString', '0', 'hash', 'due')),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);
/** Valid cards, some with extra keys (which never replace a known field: those come after). */
const validCardArb = fc
  .tuple(
    fc.record({
      hash: fc.string({ maxLength: 6 }),
      due: intArb,
      stability: numberArb,
      difficulty: numberArb,
      elapsed_days: numberArb,
      scheduled_days: numberArb,
      learning_steps: intArb,
      reps: intArb,
      lapses: intArb,
      state: fc.constantFrom(0, 1, 2, 3, -0),
      last_review: intArb,
      seen: intArb,
    }),
    extrasArb,
  )
  .map(([card, extras]) => {
    const out: Record<string, unknown> = { ...card };
    for (const [key, value] of Object.entries(extras)) if (!Object.hasOwn(out, key)) out[key] = value;
    return out;
  });

/** Values a corruption writes: near misses for every field type, some still valid somewhere. */
const mutationArb = fc.oneof(
  fc.constantFrom(-1, -0, 0, 1, 2, 3, 4, 1.5, -0.5, 2 ** 53, 2 ** 53 - 1, -(2 ** 60), 1e300),
  fc.constantFrom(NaN, Infinity, -Infinity, '', 'h', '1', true, false, null, undefined, [], {}, 3n),
  fc.jsonValue({ maxDepth: 1 }),
  fc.anything({ maxDepth: 1, withBoxedValues: true, withDate: true, withMap: true, withNullPrototype: true }),
);
const DELETE = Symbol('delete');
const PROTO = Symbol('own __proto__ key');
const INHERIT = Symbol('move fields to a prototype');
const HIDE = Symbol('make a field non-enumerable');
const SYMBOL_KEY = Symbol('add a symbol key');

/** A valid card with one edit: a field (known or extra) replaced or deleted, or a structural change. */
const nearValidArb = fc
  .tuple(
    validCardArb,
    fc.oneof(fc.constantFrom(...FIELDS), fc.constantFrom('extra', '__proto__')),
    fc.oneof(
      { weight: 6, arbitrary: mutationArb },
      { weight: 1, arbitrary: fc.constantFrom(DELETE, PROTO, INHERIT, HIDE, SYMBOL_KEY) },
    ),
  )
  .map(([card, key, edit]): unknown => {
    switch (edit) {
      case DELETE:
        delete card[key];
        return card;
      case PROTO:
        Object.defineProperty(card, '__proto__', { value: { polluted: true }, enumerable: true });
        return card;
      case INHERIT: {
        const child: Record<string, unknown> = Object.create(card);
        child[key] = card[key];
        return child;
      }
      case HIDE:
        Object.defineProperty(card, key, { value: card[key], enumerable: false });
        return card;
      case SYMBOL_KEY:
        return { ...card, [Symbol('s')]: 1 };
      default:
        if (key === '__proto__') Object.defineProperty(card, key, { value: edit, enumerable: true });
        else card[key] = edit;
        return card;
    }
  });

/**
 * Runs `fc.assert` and counts verdicts: a property that never sees both an accepted and a rejected
 * value proves nothing, so each must be at least `minShare` of the runs.
 */
function assertAgreement(arb: fc.Arbitrary<unknown>, minShare: number): void {
  const counts = { accepted: 0, rejected: 0 };
  fc.assert(
    fc.property(arb, (value) => {
      counts[agree(value) ? 'accepted' : 'rejected']++;
      // Through JSON too, as values arrive from localStorage.
      const text = JSON.stringify(value, (_key, item: unknown) =>
        typeof item === 'bigint' ? String(item) : item,
      );
      if (text !== undefined) agree(JSON.parse(text));
    }),
    RUNS,
  );
  const total = counts.accepted + counts.rejected;
  expect(counts.accepted / total, `accepted share of ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(
    minShare,
  );
  expect(counts.rejected / total, `rejected share of ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(
    minShare,
  );
}

describe('checkCard ⇔ reviewCardSchema (fast-check)', () => {
  it(
    'on arbitrary JSON-ish values, mixed with valid cards',
    () => {
      assertAgreement(
        fc.oneof(
          fc.jsonValue(),
          fc.anything({ withBoxedValues: true, withNullPrototype: true, withSparseArray: true }),
          validCardArb,
        ),
        0.2,
      );
    },
    SLOW,
  );

  it(
    'on near-valid cards (one field mutated)',
    () => {
      assertAgreement(nearValidArb, 0.1);
    },
    SLOW,
  );
});
