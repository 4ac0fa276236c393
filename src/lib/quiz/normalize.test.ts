import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, normalizeText, typoAllowance } from './normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['Zawāhirī', 'zawahiri'],
    ['  Hello   World \t\n', 'hello world'],
    ['al-Qaeda', 'al qaeda'],
    ['al–Qaeda — online', 'al qaeda online'],
    ['Qa‘ida', 'qaida'],
    ["Qa'ida", 'qaida'],
    ['al-Qāʿida', 'al qaida'],
    ['“Inspire”', 'inspire'],
    ['«Dabiq»', 'dabiq'],
    ['U.S.', 'us'],
    ['Hello, world!', 'hello world'],
    ['Straße', 'strasse'],
    ['Ærø', 'aero'],
    ['Łódź', 'lodz'],
    ['ﬁnal', 'final'],
    ['ＴＥＬＥＧＲＡＭ', 'telegram'],
    ['Ça va?', 'ca va'],
    ['#hashtag @user', 'hashtag user'],
    ['', ''],
    ['?!…', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (s) => normalizeText(normalizeText(s)) === normalizeText(s),
      ),
    );
  });
});

describe('typoAllowance', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [8, 1],
    [9, 2],
    [16, 2],
    [17, 3],
    [100, 3],
  ])('%i chars → %i edits', (length, edits) => {
    expect(typoAllowance(length)).toBe(edits);
  });
});

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['abcd', 'abdc', 1],
    ['ca', 'abc', 3],
    ['telegram', 'telegarm', 1],
    ['zawahiri', 'zawahari', 1],
    ['flaw', 'lawn', 2],
    ['ā', 'a', 1],
    ['😀a', 'a😀', 1],
  ])('%j ↔ %j = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('exits early with max + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    expect(editDistance('abc', 'abd', 0)).toBe(1);
  });

  it('capped result agrees with the full distance', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(6), (a, b, max) => {
        const full = editDistance(a, b);
        expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
    );
  });

  it('is a symmetric premetric bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(Array.from(a).length - Array.from(b).length));
      }),
    );
  });
});
