/**
 * Reading JSON this code did not just write: stored progress, drafts and sessions, imported
 * progress and submission files, assignment links.
 *
 * Data flow: text → size limit → one linear, non-recursive scan (nesting depth, keys an object
 * repeats or that `JSON.parse` cannot carry faithfully) → `JSON.parse` → value.
 *
 * Why a scan before parsing: everything after `JSON.parse` recurses (validation, `JSON.stringify`,
 * `structuredClone`, Svelte's state proxies), so a value nested a few thousand deep breaks the page
 * even when the parse itself survives. The limits apply before anything recursive runs. The scan
 * also finds what `JSON.parse` silently loses: of a key repeated in one object only the last value
 * survives, and a `__proto__` key cannot be copied into a plain object as data. The caller decides
 * what to do about those (progress keeps a backup of the original text and says so).
 */

import { BACKSLASH, QUOTE, scanJson, type JsonLimits, type JsonPath, type UnkeptKey } from './json-scan.ts';

export { withinLimits, type JsonLimits, type JsonPath, type UnkeptKey } from './json-scan.ts';

export type JsonFailure = {
  ok: false;
  reason: 'too-large' | 'too-deep' | 'invalid-json';
  /** One sentence for a person: what is wrong and where. */
  message: string;
  /** For `too-deep`: the first value nested too deep. */
  path?: JsonPath;
};

export type JsonRead = { ok: true; value: unknown; unkept: UnkeptKey[] } | JsonFailure;

/** Parse `text` within `limits`. Never throws. */
export function readJson(text: string, limits: JsonLimits): JsonRead {
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      reason: 'too-large',
      message: `Too large: ${text.length.toLocaleString('en')} characters, more than the ${limits.maxChars.toLocaleString('en')} allowed.`,
    };
  }
  const scan = scanJson(text, limits.maxDepth, limits.reserved);
  if ('tooDeep' in scan) {
    return {
      ok: false,
      reason: 'too-deep',
      path: scan.tooDeep,
      message: `Nested more than ${limits.maxDepth} levels deep at ${describePath(scan.tooDeep)}.`,
    };
  }
  try {
    const reserved = scan.unkept.some((key) => key.key === '__proto__');
    // A reviver returning undefined deletes the key: `__proto__` never reaches an object as data.
    const value: unknown = reserved
      ? JSON.parse(text, (key, item: unknown) => (key === '__proto__' ? undefined : item))
      : JSON.parse(text);
    return { ok: true, value, unkept: scan.unkept };
  } catch {
    return { ok: false, reason: 'invalid-json', message: describeJsonError(text) };
  }
}

/**
 * `questions["mali-q03"].attempts[2]`; `(top level)` for the empty path. Keys under a field named
 * in `records` are always bracketed, since they are ids rather than field names.
 */
export function describePath(path: JsonPath, records: ReadonlySet<string> = new Set()): string {
  let out = '';
  path.forEach((segment, i) => {
    const id = i > 0 && records.has(String(path[i - 1]));
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (!id && /^[A-Za-z_$][\w$]*$/.test(segment)) out += (out ? '.' : '') + segment;
    else out += `[${JSON.stringify(segment)}]`;
  });
  return out || '(top level)';
}

function describeJsonError(text: string): string {
  if (text.trim() === '') return 'Empty: there is no JSON in it.';
  const offset = syntaxErrorAt(text);
  const before = text.slice(0, offset).split('\n');
  const where = `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
  return offset >= text.length
    ? `Not valid JSON: it ends too early, at ${where}.`
    : `Not valid JSON at ${where}.`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORDS = ['true', 'false', 'null'];

/**
 * Where `text` stops being JSON: the offset of the first character at fault, or its length if it
 * ends early. Browsers word (and locate) this differently, or not at all, so it is found here, in
 * one pass with an explicit stack. Only called once `JSON.parse` has refused the text.
 */
export function syntaxErrorAt(text: string): number {
  const stack: string[] = [];
  let expect: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'next' = 'value';
  let i = 0;
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return text.length;
    const c = text[i]!;
    if (expect === 'next') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i; // something after the value
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if (c === (top === '{' ? '}' : ']')) stack.pop();
      else return i;
      i++;
      // A complete value: the fault is whatever follows it.
      if (stack.length === 0 && expect === 'next') return skipSpace(text, i);
    } else if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (expect === 'key-or-close' && c === '}') {
        stack.pop();
        i++;
        expect = 'next';
        if (stack.length === 0) return skipSpace(text, i);
      } else if (c === '"') {
        i = stringEnd(text, i);
        if (i < 0) return -i - 1;
        expect = 'colon';
      } else return i;
    } else if (expect === 'value-or-close' && c === ']') {
      stack.pop();
      i++;
      expect = 'next';
      if (stack.length === 0) return skipSpace(text, i);
    } else if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
    } else {
      if (c === '"') {
        i = stringEnd(text, i);
        if (i < 0) return -i - 1;
      } else {
        NUMBER.lastIndex = i;
        const number = NUMBER.exec(text);
        // A number still being written when the text ends ("1.", "2e-"): cut short, not wrong.
        const numeric = /^[\d.eE+-]*/.exec(text.slice(i, i + 400))![0].length;
        if (numeric > (number?.[0].length ?? 0) && i + numeric >= text.length) return text.length;
        const word = WORDS.find((w) => text.startsWith(w, i));
        if (number) i += number[0].length;
        else if (word) i += word.length;
        else {
          const partial = WORDS.find(
            (w) => w.startsWith(text.slice(i, i + w.length)) && i + w.length > text.length,
          );
          return partial ? text.length : i;
        }
      }
      expect = 'next';
      if (stack.length === 0) return skipSpace(text, i);
    }
  }
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  return i;
}

/** The offset after the string starting at `at`, or −(offset of the fault + 1). */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i + 1;
    if (code < 0x20) return -i - 1;
    if (code === BACKSLASH) {
      const next = text[i + 1];
      if (next === undefined) return -text.length - 1;
      if (next === 'u') {
        const hex = /^[0-9a-fA-F]*/.exec(text.slice(i + 2, i + 6))![0].length;
        if (hex < 4) return -(i + 2 + hex) - 1; // at the text's end when it was cut short there
        i += 5;
      } else if ('"\\/bfnrt'.includes(next)) i++;
      else return -(i + 1) - 1;
    }
  }
  return -text.length - 1;
}
