import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeGift } from './gift.ts';
import { parseGift, unescapeGift } from './gift-parse.ts';

/** Text with every GIFT special character well represented, plus line breaks and anything else. */
const giftish = fc
  .array(
    fc.oneof(fc.constantFrom('~', '=', '#', '{', '}', ':', '\\', '\n', '\r\n', ' ', '->', '%'), fc.string()),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

describe('escapeGift / unescapeGift', () => {
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

  it('round-trips any text (line breaks normalised to \\n)', () => {
    fc.assert(
      fc.property(giftish, (text) => {
        expect(unescapeGift(escapeGift(text))).toBe(text.replace(/\r\n|\r/g, '\n'));
      }),
    );
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

  it('a question with arbitrary prompt, answers and feedback parses back to the same texts', () => {
    const clean = giftish.filter(
      (s) => s === s.trim() && s.length > 0 && !s.includes('->') && !s.startsWith('%'),
    );
    fc.assert(
      fc.property(clean, clean, clean, clean, (prompt, right, wrong, feedback) => {
        const source = `::t::${escapeGift(prompt)} {=${escapeGift(right)}#${escapeGift(feedback)} ~${escapeGift(wrong)} ####${escapeGift(feedback)}}`;
        const [q] = parseGift(source);
        const n = (s: string): string => s.replace(/\r\n|\r/g, '\n');
        expect(q?.text).toBe(n(prompt));
        expect(q?.answers.map((a) => [a.mark, a.text, a.feedback])).toEqual([
          ['=', n(right), n(feedback)],
          ['~', n(wrong), undefined],
        ]);
        expect(q?.generalFeedback).toBe(n(feedback));
      }),
    );
  });
});

describe('parseGift', () => {
  it('reads categories, comments, titles and every answer form', () => {
    const source = [
      '$CATEGORY: $course$/A',
      '',
      '// a comment',
      '::mc::Pick {=right#yes ~%50%half ~wrong#no}',
      '',
      '::tf::Sky is green {F#wrong fb#right fb####general}',
      '',
      '::num::Value? {#=75:0.5#ok}',
      '',
      '::match::Match {=a -> 1 =b -> 2 = -> 3}',
      '',
      '::missing::Before {=x =y} after.',
    ].join('\n');
    const questions = parseGift(source);
    expect(questions.map((q) => [q.title, q.kind, q.answers.length, q.category])).toEqual([
      ['mc', 'choice', 3, '$course$/A'],
      ['tf', 'truefalse', 0, '$course$/A'],
      ['num', 'numeric', 1, '$course$/A'],
      ['match', 'matching', 3, '$course$/A'],
      ['missing', 'short', 2, '$course$/A'],
    ]);
    expect(questions[0]?.answers[1]).toEqual({ mark: '~', weight: 50, text: 'half' });
    expect(questions[1]).toMatchObject({
      truth: false,
      truefalseFeedback: ['wrong fb', 'right fb'],
      generalFeedback: 'general',
    });
    expect(questions[2]?.answers[0]).toEqual({ mark: '=', text: '75:0.5', feedback: 'ok' });
    expect(questions[3]?.answers[2]).toEqual({ mark: '=', text: '', match: '3' });
    expect(questions[4]).toMatchObject({ text: 'Before', after: 'after.' });
  });

  it.each([
    ['::t::No answers here', /GIFT block 1 \(t\): no answer block/],
    ['::t::Open {=a', /answer block "\{" is not closed/],
    ['::t Title never closed {=a}', /title "::" is not closed/],
    ['::t::Empty {just text}', /no = or ~ answer/],
  ])('rejects %j', (source, message) => {
    expect(() => parseGift(source)).toThrow(message);
  });
});
