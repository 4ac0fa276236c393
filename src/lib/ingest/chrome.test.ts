/**
 * Site chrome dropped anywhere leaves the article as it was. The property takes each seed page,
 * injects lines from a catalogue of chrome (navigation, widget labels, share buttons, newsletter
 * boxes, cookie banners, claps and counters) at random places at the top, in the middle and at
 * the bottom, and checks that ingest gives the same articles, ids, paragraphs and side material
 * included.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestPage, type Article } from './index.ts';
import { CHROME_LINES } from './lines.ts';

const seedsDir = `${import.meta.dirname}/../../../seeds/`;
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(seedsDir + file, 'utf8') }));

/** As a page prints them: capitalised, sometimes with a colon. */
const display = (line: string) => line.charAt(0).toUpperCase() + line.slice(1);

/**
 * Lines that are chrome wherever they stand. `Published`, `on` and `Continue Reading` are left
 * out: on a digest page they are the markers that split it into articles, not noise.
 */
const ANYWHERE: (string | string[])[] = [
  ...Object.values(CHROME_LINES)
    .flat()
    .filter((l) => !['published', 'on', 'continue reading'].includes(l))
    .map(display),
  ['Share this:', 'Twitter', 'Facebook'],
  ['Share this article', 'Facebook', 'Twitter', 'LinkedIn', 'Email'],
  'Labels: extremism, finance',
  'Tags: terrorism, internet',
  'Read more: How small platforms handle terrorist content',
  'Sign up for our weekly newsletter',
  'Get the best analysis in your inbox every Friday.',
  'By signing up you agree to our privacy policy. You can unsubscribe at any time.',
  'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.',
  'This website uses cookies.',
  'Thanks for reading The Example Brief! Subscribe for free to receive new posts and support my work.',
  '1.2K',
  '18',
  '--',
  '·',
  '6 min read',
  'Home › Analysis › Counter-terrorism',
  'Privacy ∙ Terms ∙ Collection notice',
];
/** Chrome that only comes after an article: it ends the text, so it is injected at the bottom. */
const BOTTOM: string[] = [
  'Blog Archive',
  '► 2019 (11)',
  'About Me',
  'Followers',
  'Newer Post Older Post Home',
  'Subscribe to: Post Comments (Atom)',
  'Responses (18)',
  'Recommended from Medium',
  'Leave a Reply Cancel reply',
  'Related posts',
  'No comments:',
];

/** Insert chrome into a page at line positions (0 = top, length = bottom), each line on its own. */
function inject(text: string, at: { index: number; line: string | string[] }[]): string {
  const lines = text.split('\n');
  const sorted = [...at].sort((a, b) => b.index - a.index);
  for (const { index, line } of sorted)
    lines.splice(Math.min(index, lines.length), 0, '', ...[line].flat().flatMap((l) => [l, '']));
  return lines.join('\n');
}

/**
 * What must not change: everything but the publication, which a line such as `Thanks for reading
 * The Example Brief!` names on purpose.
 */
const text = (articles: Article[]) => articles.map(({ publication: _publication, ...rest }) => rest);

/** Line positions that sit between paragraphs: a blank line or the top and bottom of the page. */
function boundaries(text: string): number[] {
  const lines = text.split('\n');
  const out = [0, lines.length];
  lines.forEach((l, i) => {
    if (l.trim() === '') out.push(i);
  });
  return out;
}

describe('chrome injected anywhere', () => {
  it.each(seeds.map((s) => [s.file, s]))(
    '%s: the articles come out unchanged',
    (_file, seed) => {
      const expected = ingestPage(seed.text, seed.file);
      const places = boundaries(seed.text);
      const last = places.length - 1;
      const top = fc.record({ index: fc.constant(0), line: fc.constantFrom(...ANYWHERE) });
      const middle = fc.record({
        index: fc.constantFrom(...places),
        line: fc.constantFrom(...ANYWHERE),
      });
      const bottom = fc.record({
        index: fc.constant(places[1] ?? last),
        line: fc.constantFrom(...ANYWHERE, ...BOTTOM),
      });
      fc.assert(
        fc.property(
          fc.array(top, { maxLength: 4 }),
          fc.array(middle, { maxLength: 6 }),
          fc.array(bottom, { maxLength: 4 }),
          (t, m, b) => {
            expect(text(ingestPage(inject(seed.text, [...t, ...m, ...b]), seed.file))).toEqual(
              text(expected),
            );
          },
        ),
        { numRuns: seed.text.length > 20_000 ? 300 : 1000 },
      );
    },
    120_000,
  );
});
