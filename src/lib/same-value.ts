/**
 * Test helper: the same value, structurally — same prototypes, same own keys in the same order,
 * primitives equal by Object.is (so `-0` ≠ `0`). Used by the property tests that hold a
 * hand-written checker equal to its zod schema (toStrictEqual compares `constructor` properties by
 * identity, which trips over records keyed "constructor").
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key, i) =>
        key === keysB[i] &&
        sameValue((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key]),
    )
  );
}
