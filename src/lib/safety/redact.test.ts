import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSensitive } from './detect.ts';
import { REMOVED_MARKER, describeRemovals, redactArticle, redactForDisplay } from './redact.ts';

const ADDRESS = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';

/** Prose with sensitive pieces planted among ordinary words and punctuation. */
const planted = fc.oneof(
  fc.constantFrom(
    ADDRESS,
    'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    '0x52908400098527886E0F7030069857D2E4169EE7',
    'https://t.me/somechannel',
    '@handle_1',
    '#khilafah',
    '# taghut',
  ),
  fc.constantFrom('word', 'the', 'Bitcoin', '2020', 'C#', 'a@b.org', '#12', '–', '“quoted”'),
  fc.string({ maxLength: 12 }),
);
const prose = fc
  .array(planted, { maxLength: 12 })
  .chain((parts) =>
    fc
      .array(fc.constantFrom(' ', ', ', '. ', '\n', ''), { minLength: parts.length, maxLength: parts.length })
      .map((gaps) => parts.map((p, i) => p + (gaps[i] ?? '')).join('')),
  );

describe('redactForDisplay', () => {
  it('replaces an address and counts it', () => {
    expect(redactForDisplay(`– ${ADDRESS};`)).toEqual({
      text: '– [address removed];',
      removed: { 'crypto-address': 1 },
    });
  });

  it('replaces each kind with its own marker', () => {
    expect(redactForDisplay('Follow @AnneSpeckhard on t.me/x with #dawlah').text).toBe(
      'Follow [handle removed] on [link removed] with [hashtag removed]',
    );
  });

  it('leaves the shown text with nothing sensitive, whatever is planted', () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(findSensitive(redactForDisplay(text).text)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent and changes text without findings not at all', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const once = redactForDisplay(text).text;
        expect(redactForDisplay(once)).toEqual({ text: once, removed: {} });
        if (findSensitive(text).length === 0) expect(once).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts exactly the markers it put in', () => {
    fc.assert(
      fc.property(prose, (text) => {
        fc.pre(!text.includes('removed]'));
        const { text: shown, removed } = redactForDisplay(text);
        for (const [kind, marker] of Object.entries(REMOVED_MARKER)) {
          expect(shown.split(marker).length - 1, kind).toBe(
            removed[kind as keyof typeof REMOVED_MARKER] ?? 0,
          );
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('redactArticle', () => {
  const article = {
    id: 'x',
    title: 'A title',
    sections: [
      {
        heading: null,
        paragraphs: [
          { id: 'p1', text: 'Donate here:' },
          { id: 'p2', text: `– ${ADDRESS};` },
          { id: 'p3', text: 'list', items: ['Follow @someone', 'plain'] },
        ],
      },
    ],
    captions: ['A banner with #tawheed'],
    footnotes: [],
    bios: ['Follow @AnneSpeckhard'],
    notes: [],
  };

  it('redacts a copy, keeps the stored article as it was, and says where', () => {
    const before = structuredClone(article);
    const { article: shown, removals } = redactArticle(article);
    expect(article).toEqual(before);
    expect(shown.sections[0]!.paragraphs[1]!.text).toBe('– [address removed];');
    expect(shown.sections[0]!.paragraphs[2]!.items).toEqual(['Follow [handle removed]', 'plain']);
    expect(shown.bios).toEqual(['Follow [handle removed]']);
    expect(removals).toEqual([
      { kind: 'crypto-address', place: 'p2', count: 1 },
      { kind: 'handle', place: 'p3', count: 1 },
      { kind: 'hashtag', place: 'image captions', count: 1 },
      { kind: 'handle', place: 'author biography', count: 1 },
    ]);
  });
});

describe('describeRemovals', () => {
  it.each([
    [[], null],
    [
      [
        { kind: 'crypto-address', place: 'p27', count: 1 },
        { kind: 'crypto-address', place: 'p28', count: 1 },
      ],
      'This copy shows “[address removed]” in place of 2 cryptocurrency addresses (paragraphs 27 and 28).',
    ],
    [
      [
        { kind: 'hashtag', place: 'p35', count: 3 },
        { kind: 'handle', place: 'p30', count: 1 },
        { kind: 'handle', place: 'p35', count: 1 },
        { kind: 'handle', place: 'author biography', count: 1 },
      ],
      'This copy shows “[handle removed]” in place of 3 account handles (paragraphs 30 and 35, and the author biography); and “[hashtag removed]” in place of 3 hashtags (paragraph 35).',
    ],
    [
      [{ kind: 'channel-link', place: 'references', count: 1 }],
      'This copy shows “[link removed]” in place of 1 link to a messaging channel (the references).',
    ],
  ] as const)('%j', (removals, sentence) => {
    expect(describeRemovals(removals)).toBe(sentence);
  });
});
