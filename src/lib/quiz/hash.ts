/**
 * Pure: no DOM, no framework.
 *
 * Stable content hashes: `stableStringify` serialises JSON-like data with
 * sorted object keys (so key order never matters), and `questionHash` hashes
 * that with cyrb53 into 14 hex characters. Any change to a question's content
 * changes its hash — used to tell when stored progress refers to an edited
 * question.
 */
import type { Question, QuestionInput } from '../../questions/index.ts';

/**
 * JSON with object keys sorted (by code unit). Like `JSON.stringify`:
 * `undefined`, functions and symbols are dropped from objects and become
 * `null` in arrays; non-finite numbers become `null`; `toJSON` is honoured.
 * Throws on cycles and bigints, as `JSON.stringify` does.
 */
export function stableStringify(value: unknown): string {
  return serialise(value, new Set()) ?? 'null';
}

function serialise(value: unknown, stack: Set<object>): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return serialise((value as { toJSON: () => unknown }).toJSON(), stack);
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('stableStringify: cannot serialise a bigint');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
  }
  const object = value as object;
  if (stack.has(object)) throw new TypeError('stableStringify: cyclic structure');
  stack.add(object);
  let out: string;
  if (Array.isArray(object)) {
    out = `[${object.map((entry: unknown) => serialise(entry, stack) ?? 'null').join(',')}]`;
  } else {
    const record = object as Record<string, unknown>;
    const fields: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const serialised = serialise(record[key], stack);
      if (serialised !== undefined) fields.push(`${JSON.stringify(key)}:${serialised}`);
    }
    out = `{${fields.join(',')}}`;
  }
  stack.delete(object);
  return out;
}

/** cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic). */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 14 lowercase hex characters: cyrb53 of `stableStringify(value)`. */
export function contentHash(value: unknown): string {
  return cyrb53(stableStringify(value)).toString(16).padStart(14, '0');
}

/** A question's content hash: changes with any field, ignores key order. */
export function questionHash(question: Question | QuestionInput): string {
  return contentHash(question);
}
