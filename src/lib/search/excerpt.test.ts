import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEntities, excerptRuns } from './excerpt.ts';

describe('excerptRuns', () => {
  it.each([
    ['plain text', [{ text: 'plain text', mark: false }]],
    [
      'the <mark>hawala</mark> system',
      [
        { text: 'the ', mark: false },
        { text: 'hawala', mark: true },
        { text: ' system', mark: false },
      ],
    ],
    ['<mark>a</mark><mark>b</mark>', [{ text: 'ab', mark: true }]],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', [{ text: '<script>alert(1)</script>', mark: false }]],
    ['Tom &amp; Jerry&#39;s &quot;x&quot; &#x27;y&#x27;', [{ text: "Tom & Jerry's \"x\" 'y'", mark: false }]],
    [
      'a <b>bold</b> <MARK>word</MARK>',
      [
        { text: 'a bold ', mark: false },
        { text: 'word', mark: true },
      ],
    ],
    ['', []],
  ])('%j', (excerpt, runs) => {
    expect(excerptRuns(excerpt)).toEqual(runs);
  });

  const escape = (s: string) =>
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');

  it('gives back exactly the text Pagefind escaped, with the marked words marked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.string({ minLength: 1 }), mark: fc.boolean() })),
        (pieces) => {
          const html = pieces
            .map((p) => (p.mark ? `<mark>${escape(p.text)}</mark>` : escape(p.text)))
            .join('');
          const runs = excerptRuns(html);
          expect(runs.map((r) => r.text).join('')).toBe(pieces.map((p) => p.text).join(''));
          expect(
            runs
              .filter((r) => r.mark)
              .map((r) => r.text)
              .join(''),
          ).toBe(
            pieces
              .filter((p) => p.mark)
              .map((p) => p.text)
              .join(''),
          );
        },
      ),
    );
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&unknown; stays', '&unknown; stays'],
    ['&#0; stays', '&#0; stays'],
    ['&#x110000; stays', '&#x110000; stays'],
    ['&#128512;', '😀'],
    ['&nbsp;', '\u00a0'],
  ])('%j', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});
