import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePath, readJson, syntaxErrorAt, type JsonPath } from './read-json.ts';

const LIMITS = { maxChars: 100_000, maxDepth: 8 };

/** Nesting depth of a parsed value: `{}` and `[]` are 1, a scalar 0. */
function depth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depth));
}

/** JSON values whose strings and keys hold quotes, backslashes, brackets and any code unit. */
const tricky = fc.string({
  unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', 'a', '\u0000', '\ud800'),
});
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(
      tricky,
      fc.string({ unit: 'binary' }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(tricky, fc.string()), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('readJson', () => {
  it('reads what JSON.stringify wrote, unchanged, whenever it is within the depth limit', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const result = readJson(text, LIMITS);
        if (depth(value) > LIMITS.maxDepth) {
          expect(result).toMatchObject({ ok: false, reason: 'too-deep' });
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(JSON.stringify(result.value)).toBe(
          JSON.stringify(JSON.parse(text, (k, v: unknown) => (k === '__proto__' ? undefined : v))),
        );
        expect(result.unkept.every((key) => key.why === 'reserved' && key.key === '__proto__')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('stops at the depth limit and names the path of the first value too deep', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.nat(3)), { minLength: 1, maxLength: 14 }),
        (steps) => {
          // Build a chain: a string step is an object key, a number an array index (padded with
          // nulls). Every level but the innermost also holds a sibling array after the chain.
          let text = '0';
          for (let i = steps.length - 1; i >= 0; i--) {
            const step = steps[i]!;
            const sibling = i < steps.length - 1 ? ',[1,"]"]' : '';
            text =
              typeof step === 'string'
                ? `{"o":1,${JSON.stringify(step)}:${text}${sibling.replace(',', ',"s":')}}`
                : `[${'null,'.repeat(step)}${text}${sibling}]`;
          }
          const result = readJson(text, LIMITS);
          if (steps.length <= LIMITS.maxDepth) {
            expect(result.ok).toBe(true);
          } else {
            expect(result).toMatchObject({
              ok: false,
              reason: 'too-deep',
              path: steps.slice(0, LIMITS.maxDepth),
            });
            if (!result.ok) expect(result.message).toContain(describePath(result.path!));
          }
        },
      ),
    );
  });

  it('survives nesting far beyond any stack before parsing anything', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(readJson(deep, { maxChars: 3_000_000, maxDepth: 64 })).toMatchObject({
      ok: false,
      reason: 'too-deep',
    });
  });

  it('finds a key an object repeats, with the path of that object', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 5 }), tricky, (keys, repeated) => {
        const inner = `{${JSON.stringify(repeated)}:1,"z\\"":[{"a":1}],${JSON.stringify(repeated)}:2}`;
        let text = inner;
        for (let i = keys.length - 1; i >= 0; i--) text = `{${JSON.stringify(keys[i])}:${text}}`;
        const result = readJson(text, { maxChars: 10_000, maxDepth: 10 });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const path: JsonPath = keys;
        expect(result.unkept).toContainEqual({
          path,
          key: repeated,
          why: repeated === '__proto__' ? 'reserved' : 'repeated',
        });
      }),
    );
  });

  it('drops __proto__ keys as data, touching no prototype', () => {
    const result = readJson('{"a":{"__proto__":{"polluted":1},"b":2}}', LIMITS);
    expect(result).toMatchObject({ ok: true, unkept: [{ path: ['a'], key: '__proto__', why: 'reserved' }] });
    if (!result.ok) return;
    const a = (result.value as { a: Record<string, unknown> }).a;
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.keys(a)).toEqual(['b']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses text over the size limit before scanning it', () => {
    expect(readJson('[' + '1,'.repeat(60_000) + '1]', LIMITS)).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
  });

  it('says where JSON is broken, and never throws on any text', () => {
    expect(readJson('{\n  "a": 1,\n  oops\n}', LIMITS)).toMatchObject({
      ok: false,
      reason: 'invalid-json',
      message: expect.stringMatching(/^Not valid JSON at line 3, column \d+\.$/),
    });
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', '1', 'a') }),
        (text) => {
          const result = readJson(text, LIMITS);
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          if (!parses) expect(result.ok).toBe(false);
        },
      ),
    );
  });
});

describe('syntaxErrorAt', () => {
  const valid = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('puts the fault of text cut short at its end', () => {
    fc.assert(
      fc.property(json, fc.nat(), (value, cut) => {
        const text = JSON.stringify(value, null, 1);
        const prefix = text.slice(0, cut % (text.length + 1));
        fc.pre(!valid(prefix) && prefix.trim() !== '');
        // The fault is at the end, unless the prefix already broke earlier (e.g. "1" + "2" → "12" is fine, "-" is not)
        expect(syntaxErrorAt(prefix)).toBe(prefix.length);
      }),
    );
  });

  it('puts the fault of anything after a whole value right after it', () => {
    fc.assert(
      fc.property(json, fc.constantFrom('x', ',', '}', ']', '"', '{}'), (value, extra) => {
        const text = JSON.stringify(value);
        fc.pre(!valid(text + ' ' + extra));
        expect(syntaxErrorAt(`${text} ${extra}`)).toBe(text.length + 1);
      }),
    );
  });

  it.each([
    ['{"a": 1,,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['["\\x"]', 3],
    ['#', 0],
    ['{\n  "k": tru', 12],
  ])('%j → %i', (text, at) => expect(syntaxErrorAt(text)).toBe(at));
});

describe('describePath', () => {
  it.each<[JsonPath, string]>([
    [[], '(top level)'],
    [['questions', 'mali-q03', 'attempts', 2, 'score'], 'questions["mali-q03"].attempts[2].score'],
    [[0, 'a b'], '[0]["a b"]'],
  ])('%j → %s', (path, text) => expect(describePath(path)).toBe(text));
});
