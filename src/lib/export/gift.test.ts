// GIFT escaping, checked with gift-pegjs, a third-party GIFT parser: what escapeGift writes must
// read back as the same text in a parser this project did not write.
import fc from 'fast-check';
import { parse } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { escapeGift } from './gift.ts';

/** Text with every GIFT special character well represented, plus line breaks and anything else. */
const giftish = fc
  .array(
    fc.oneof(fc.constantFrom('~', '=', '#', '{', '}', ':', '\\', '\n', '\r\n', ' ', '->', '%'), fc.string()),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

/** gift-pegjs turns line breaks into spaces and collapses runs of spaces (as Moodle shows HTML text). */
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('escapeGift', () => {
  it.each([
    ['a ~ b', 'a \\~ b'],
    ['x = y', 'x \\= y'],
    ['#1', '\\#1'],
    ['{a}', '\\{a\\}'],
    ['re: that', 're\\: that'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
  ])('escapeGift(%j) = %j', (input, expected) => {
    expect(escapeGift(input)).toBe(expected);
  });

  it('escaped text never contains a bare special character or a line break', () => {
    fc.assert(
      fc.property(giftish, (text) => {
        const escaped = escapeGift(text);
        expect(escaped).not.toMatch(/[\r\n]/);
        // Remove every escape pair; nothing special may be left.
        expect(escaped.replace(/\\./g, '')).not.toMatch(/[~=#{}:\\]/);
      }),
    );
  });

  it('a question with arbitrary prompt, answers and feedback reads back the same in gift-pegjs', () => {
    const clean = giftish.filter(
      (s) =>
        spaced(s) !== '' &&
        !s.includes('->') &&
        !/^\s*%/.test(s) &&
        // `[html]` and the like at the start of a text name its format.
        !/^\s*\[/.test(s),
    );
    fc.assert(
      fc.property(clean, clean, clean, clean, (prompt, right, wrong, feedback) => {
        const source = `::t::${escapeGift(prompt)} {=${escapeGift(right)}#${escapeGift(feedback)} ~${escapeGift(wrong)} ####${escapeGift(feedback)}}`;
        const [q] = parse(source);
        if (q?.type !== 'MC') throw new Error(`read as ${q?.type}`);
        expect(spaced(q.stem.text)).toBe(spaced(prompt));
        expect(
          q.choices.map((c) => [c.isCorrect, spaced(c.text.text), c.feedback && spaced(c.feedback.text)]),
        ).toEqual([
          [true, spaced(right), spaced(feedback)],
          [false, spaced(wrong), null],
        ]);
        expect(spaced(q.globalFeedback?.text ?? '')).toBe(spaced(feedback));
      }),
    );
  });
});
