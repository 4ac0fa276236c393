import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerForm, differsByNegation, editDistance, normalizeText, typoAllowance } from './normalize.ts';

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

describe('answerForm (numbers by value)', () => {
  it.each([
    ['30,000', '#30000'],
    ['30 000', '#30000'],
    ['30 000', '#30000'],
    ["1'000'000", '#1000000'],
    ['30000', '#30000'],
    ['3,5', '#3.5'],
    ['1.5 million', '#1.5 million'],
    ['about 30,000 deaths a year', 'about #30000 deaths a year'],
    ['2015–2016', '#2015 #2016'],
    ['Al-Qaeda', 'al qaeda'],
  ])('%j → %j', (input, expected) => {
    expect(answerForm(input)).toBe(expected);
  });

  it('(property) equals normalizeText on text without digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        fc.pre(!/\d/.test(s.normalize('NFKC')));
        expect(answerForm(s)).toBe(normalizeText(s));
      }),
    );
  });
});

describe('differsByNegation', () => {
  it.each([
    ['ineffective', 'effective', true],
    ['in effective', 'effective', true],
    ['non-state actors', 'nonstate actor', false],
    ['non-state actors', 'state actors', true],
    ['desecuritization', 'securitization', true],
    ['desecuritisation', 'securitization', true],
    ['not effective', 'effective', true],
    ['isnt effective', 'is effective', true],
    ['atypical', 'typical', true],
    ['efective', 'effective', false],
    ['intrest', 'interest', false],
    ['atack', 'attack', false],
    ['informaton', 'information', false],
  ])('%j against %j → %s', (a, b, expected) => {
    expect(differsByNegation(answerForm(a), answerForm(b))).toBe(expected);
    expect(differsByNegation(answerForm(b), answerForm(a))).toBe(expected);
  });
});
