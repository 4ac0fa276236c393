import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlugs } from './slug.ts';

describe('slugify', () => {
  it.each([
    ['Al Qaeda turns to organised crime', 'al-qaeda-turns-to-organised-crime'],
    [
      'Central Asian Jihadists’ Use of Cryptocurrencies in Bitcoin',
      'central-asian-jihadists-use-of-cryptocurrencies-in-bitcoin',
    ],
    [
      'Cyber Caliphate: What Apps Are the Islamic State Using?',
      'cyber-caliphate-what-apps-are-the-islamic-state-using',
    ],
    ["Don't panic", 'dont-panic'],
    ['Drahošová & Balco — café', 'drahosova-balco-cafe'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['', 'article'],
    ['???', 'article'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keeps a title of exactly 80 slug characters whole', () => {
    expect(
      slugify('How AlQaeda and ISIS Teach Central Asian Children: Different Methods, Common Goals'),
    ).toBe('how-alqaeda-and-isis-teach-central-asian-children-different-methods-common-goals');
  });

  it('cuts a longer title at a word boundary and ends it with a hash of the whole slug', () => {
    const title =
      'How AlQaeda and ISIS Teach Central Asian Children: Different Methods, Common Goals and More Words';
    const slug = slugify(title);
    expect(slug).toMatch(/^how-alqaeda-and-isis-teach-central-asian-children-different-methods-[0-9a-f]{6}$/);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugify(title)).toBe(slug);
    expect(slugify('x'.repeat(100))).toMatch(/^x{73}-[0-9a-f]{6}$/);
  });

  it('gives a long title and its copies distinct ids', () => {
    const title = 'How AlQaeda and ISIS Teach Central Asian Children: Different Methods, Common Goals';
    const ids = [title, `${title} — copy 1`, `${title} — copy 2`, `${title} — copy 10`].map(slugify);
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => id.length <= 80)).toBe(true);
  });

  it('never collides two titles that differ after the cut (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{3,10}( [a-z]{3,10}){12,20}$/),
        fc.integer({ min: 1, max: 999 }),
        (title, k) => slugify(title) !== slugify(`${title} copy ${k}`),
      ),
    );
  });
});

describe('uniqueSlugs', () => {
  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    [
      ['a', 'a', 'a'],
      ['a', 'a-2', 'a-3'],
    ],
    [
      ['a', 'a-2', 'a'],
      ['a', 'a-2', 'a-3'],
    ],
  ])('%j → %j', (input, expected) => {
    expect(uniqueSlugs(input)).toEqual(expected);
  });
});
