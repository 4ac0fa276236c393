/**
 * Pure: no DOM, no framework.
 *
 * How deep and how big parsed JSON may be before anything else looks at it. A submission is a
 * shallow object (a response is at most a map of strings, six levels down), so a file nested
 * thousands deep, or holding millions of values, is an attack or garbage: it is refused before it
 * is validated, hashed or graded. The walk is iterative, so measuring cannot overflow the stack.
 */

/** Deepest nesting a submission may have; a real one reaches 6 (file → attempts → responses → answer). */
export const MAX_DEPTH = 32;
/** Most values (objects, arrays and scalars together) a submission may hold. */
export const MAX_VALUES = 200_000;

export type ShapeProblem = { problem: 'too-deep' | 'oversized'; message: string };

/** Null when `value` fits the limits, else what is wrong, in words. Never throws, never recurses. */
export function shapeProblem(
  value: unknown,
  limits: { maxDepth?: number; maxValues?: number } = {},
): ShapeProblem | null {
  const maxDepth = limits.maxDepth ?? MAX_DEPTH;
  const maxValues = limits.maxValues ?? MAX_VALUES;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  let count = 0;
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop() as { value: unknown; depth: number };
    if (++count > maxValues) {
      return {
        problem: 'oversized',
        message: `it holds more than ${maxValues.toLocaleString('en')} values; a submission holds a few hundred`,
      };
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth > maxDepth) {
      return {
        problem: 'too-deep',
        message: `it is nested more than ${maxDepth} levels deep; a submission is nested about 6 deep, so this file was made by hand or damaged`,
      };
    }
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}
