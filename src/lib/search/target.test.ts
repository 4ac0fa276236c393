import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHighlightNote } from './note.ts';
import { excerptTerms, matchAnchor, termRanges } from './target.ts';

describe('excerptTerms', () => {
  it('gives the marked words once each, in order', () => {
    expect(
      excerptTerms('the <mark>Hawala</mark> network and <mark>hawala</mark> brokers, <mark>bitcoin</mark>'),
    ).toEqual(['Hawala', 'bitcoin']);
    expect(excerptTerms('nothing marked')).toEqual([]);
    expect(excerptTerms('in <mark>Catania.</mark> and <mark>“Tripoli”,</mark> <mark>…</mark>')).toEqual([
      'Catania',
      'Tripoli',
    ]);
  });
});

describe('matchAnchor', () => {
  const anchors = [
    { id: 'p1', location: 10 },
    { id: 'p2', location: 40 },
    { id: 'p3', location: 90 },
  ];
  it.each<[string, number[], string | undefined]>([
    ['inside the second paragraph', [55, 120], 'p2'],
    ['on the anchor word itself', [40], 'p2'],
    ['before any anchor', [3], undefined],
    ['no match positions', [], undefined],
    ['the earliest match decides, whatever the order', [95, 12], 'p1'],
  ])('%s', (_name, locations, id) => {
    expect(matchAnchor(anchors, locations)).toBe(id);
  });
});

describe('termRanges', () => {
  it('finds whole words, ignoring case', () => {
    const text = 'Hawala, not hawalas; HAWALA again.';
    expect(termRanges(text, ['hawala']).map(([a, b]) => text.slice(a, b))).toEqual(['Hawala', 'HAWALA']);
  });

  it('prefers the longer of two terms that start together, and escapes punctuation', () => {
    const text = 'crypto cryptocurrency (c++)';
    expect(termRanges(text, ['crypto', 'cryptocurrency']).map(([a, b]) => text.slice(a, b))).toEqual([
      'crypto',
      'cryptocurrency',
    ]);
    expect(termRanges('a.b axb', ['a.b'])).toEqual([[0, 3]]);
  });

  it('ranges are in order, inside the text, never overlapping, and each is one of the terms', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 4 }),
        (text, terms) => {
          const ranges = termRanges(text, terms);
          let end = 0;
          for (const [a, b] of ranges) {
            expect(a).toBeGreaterThanOrEqual(end);
            expect(b).toBeLessThanOrEqual(text.length);
            expect(terms.map((t) => t.trim().toLowerCase())).toContain(text.slice(a, b).toLowerCase());
            end = b;
          }
        },
      ),
    );
  });
});

describe('parseHighlightNote', () => {
  it('reads a note and refuses anything else without throwing', () => {
    expect(parseHighlightNote('{"path":"/a/","terms":["x",3]}')).toEqual({ path: '/a/', terms: ['x'] });
    for (const raw of [null, '', '{', 'null', '[]', '{"path":1,"terms":[]}', '{"path":"/"}'])
      expect(parseHighlightNote(raw)).toBeUndefined();
  });
});
