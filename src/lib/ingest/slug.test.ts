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

  it('cuts long titles at a word boundary, at most 80 characters', () => {
    const title =
      'How AlQaeda and ISIS Teach Central Asian Children: Different Methods, Common Goals and More Words';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('how-alqaeda-and-isis-teach-central-asian-children-different-methods-common-goals');
    expect(slugify('x'.repeat(100))).toHaveLength(80);
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
