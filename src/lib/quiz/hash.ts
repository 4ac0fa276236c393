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
 *
 * Iterative, not recursive: a submission nested thousands deep (an attack on
 * the gradebook) must never overflow the call stack of whoever hashes it.
 */
export function stableStringify(value: unknown): string {
  /** A container being written: its remaining children and what they gave. */
  interface Frame {
    object: object;
    /** Array items, or the sorted keys of an object. */
    keys: string[] | null;
    items: readonly unknown[];
    next: number;
    parts: string[];
  }
  const stack: Frame[] = [];
  const open = new Set<object>();
  let pending: unknown = value;
  let hasPending = true;
  for (;;) {
    let text: string | undefined;
    if (hasPending) {
      hasPending = false;
      const v = withToJson(pending);
      const scalar = scalarText(v);
      if (scalar !== CONTAINER) {
        text = scalar;
      } else {
        const object = v as object;
        if (open.has(object)) throw new TypeError('stableStringify: cyclic structure');
        open.add(object);
        if (Array.isArray(object)) {
          stack.push({ object, keys: null, items: object, next: 0, parts: [] });
        } else {
          const record = object as Record<string, unknown>;
          const keys = Object.keys(record).sort();
          stack.push({ object, keys, items: keys.map((k) => record[k]), next: 0, parts: [] });
        }
        continue;
      }
    } else {
      const top = stack[stack.length - 1] as Frame;
      if (top.next < top.items.length) {
        pending = top.items[top.next++];
        hasPending = true;
        continue;
      }
      stack.pop();
      open.delete(top.object);
      text = top.keys === null ? `[${top.parts.join(',')}]` : `{${top.parts.join(',')}}`;
    }
    // Hand `text` to the container it belongs to, or finish.
    const parent = stack[stack.length - 1];
    if (!parent) return text ?? 'null';
    if (parent.keys === null) parent.parts.push(text ?? 'null');
    else if (text !== undefined) parent.parts.push(`${JSON.stringify(parent.keys[parent.next - 1])}:${text}`);
  }
}

const CONTAINER = Symbol('container');

/** `value` after its `toJSON` (repeatedly, as `JSON.stringify` would through nested calls). */
function withToJson(value: unknown): unknown {
  let v = value;
  for (let i = 0; i < 100; i++) {
    if (v === null || typeof v !== 'object') return v;
    const toJson = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJson !== 'function') return v;
    v = (toJson as () => unknown).call(v);
  }
  throw new TypeError('stableStringify: toJSON keeps returning objects with toJSON');
}

/** The JSON text of a scalar, `undefined` for what JSON drops, or CONTAINER for an array/object. */
function scalarText(value: unknown): string | undefined | typeof CONTAINER {
  if (value === null) return 'null';
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
    default:
      return CONTAINER;
  }
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
