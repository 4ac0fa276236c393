/**
 * The limits of JSON this code will read, checked in one linear, non-recursive pass over the text
 * before anything parses it: nesting depth, and the keys `JSON.parse` cannot give back as written
 * (a key repeated in one object keeps only its last value; `__proto__` is no data). Kept apart
 * from read-json.ts so that the page shell can check stored progress without carrying messages.
 */

/** Where a value sits: object keys and array indexes from the top. */
export type JsonPath = (string | number)[];

export interface JsonLimits {
  /** Longest accepted text, in UTF-16 code units (what `string.length` counts). */
  maxChars: number;
  /** Deepest accepted nesting of objects and arrays; `{}` is depth 1. */
  maxDepth: number;
  /**
   * Keys the caller cannot carry, reported as `reserved` (`__proto__` always is, and is dropped):
   * a validator that skips some keys to guard prototypes would otherwise lose them in silence.
   */
  reserved?: ReadonlySet<string>;
}

/** A key whose value `JSON.parse` cannot give back as written. */
export interface UnkeptKey {
  /** The object holding the key. */
  path: JsonPath;
  key: string;
  /**
   * `repeated`: the object has the key more than once (parsing keeps the last value);
   * `reserved`: `__proto__` (dropped when parsed) or a key in `JsonLimits.reserved`.
   */
  why: 'repeated' | 'reserved';
}

/**
 * Whether `text` is within `limits`, checked without parsing: for a reader that only needs to
 * know it may go on to `JSON.parse` (the page shell, which stays small without the messages).
 */
export function withinLimits(text: string, limits: JsonLimits): boolean {
  return text.length <= limits.maxChars && !('tooDeep' in scanJson(text, limits.maxDepth));
}

interface Frame {
  /** Keys seen so far, for objects; undefined for arrays. */
  keys: Set<string> | undefined;
  /** The current member: its key (objects) or index (arrays). */
  at: string | number;
  /** Objects: the next string is a key. */
  expectKey: boolean;
}

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/**
 * One pass over the text with an explicit stack. It does not validate: on text that is not JSON it
 * stops early or reports nonsense, and `JSON.parse` then says what is wrong.
 */
export function scanJson(
  text: string,
  maxDepth: number,
  reserved: ReadonlySet<string> = new Set(),
): { unkept: UnkeptKey[] } | { tooDeep: JsonPath } {
  const stack: Frame[] = [];
  const unkept: UnkeptKey[] = [];
  /** Where the innermost open value sits (`holder`: the object or array itself, not its member). */
  const path = (holder = false): JsonPath => (holder ? stack.slice(0, -1) : stack).map((frame) => frame.at);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let slashes = 0;
        for (let j = end - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) break;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        let key = text.slice(i + 1, end);
        try {
          // Look for an escape in the key only: searching the text before it made the scan quadratic
          // (a returning learner's 50 KB of progress took 100 ms on every page, for the due badge).
          if (key.includes('\\')) key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          break;
        }
        top.expectKey = false;
        if (key === '__proto__' || reserved.has(key)) unkept.push({ path: path(true), key, why: 'reserved' });
        else if (top.keys.has(key)) unkept.push({ path: path(true), key, why: 'repeated' });
        top.keys.add(key);
        top.at = key;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const object = c === OPEN_OBJECT;
      if (stack.length >= maxDepth) return { tooDeep: path() };
      stack.push({ keys: object ? new Set() : undefined, at: object ? '' : 0, expectKey: object });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
    } else if (c === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return { unkept };
}
