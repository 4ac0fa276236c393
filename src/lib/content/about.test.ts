import { describe, expect, it } from 'vitest';
import { dateLabel, draftAbout, validateAbout, type AboutArticle } from './about.ts';

const article: AboutArticle = {
  id: 'crypto',
  title: 'Crypto',
  authors: ['A. Writer'],
  publication: 'Modern Diplomacy',
  paragraphs: [
    { id: 'p1', text: 'On August 13, 2020, the department announced a seizure.' },
    { id: 'p2', text: 'We do not know how much was raised.' },
  ],
  notes: ['First published in our partner RIAC'],
  bios: [],
  captions: [],
  footnotes: ['[1] Accessed July 13, 2020.'],
  page: 'Connect with us\nCopyright © 2020 Example',
};
const articles = new Map([[article.id, article]]);

/** A valid entry; tests change one field at a time. */
function entry(overrides: Record<string, unknown> = {}) {
  return {
    article: 'crypto',
    publisher: {
      name: 'Modern Diplomacy',
      kind: 'opinion platform',
      about: [
        { text: 'It says it came from a partner.', cite: [{ part: 'notes', quote: 'our partner RIAC' }] },
      ],
    },
    author: { name: 'A. Writer', affiliation: null },
    date: {
      value: '2020-09',
      given: false,
      earliest: '2020-08-13',
      latest: '2020',
      reasoning: [
        { text: 'It opens with the announcement.', cite: [{ paragraph: 'p1', quote: 'On August 13, 2020' }] },
      ],
    },
    genre: 'analysis',
    genreReasons: [
      { text: 'It interprets what it reports.', cite: [{ paragraph: 'p2', quote: 'We do not know' }] },
    ],
    audience: [{ text: 'Policy readers, as we know from elsewhere.', outside: true }],
    notTold: [
      { text: 'How much was raised, overall.', cite: [{ paragraph: 'p2', quote: 'how much was raised' }] },
    ],
    ...overrides,
  };
}

const errorsOf = (data: unknown) => validateAbout('about.yaml', data, articles).errors;

describe('validateAbout', () => {
  it('accepts a valid entry', () => {
    const result = validateAbout('about.yaml', [entry()], articles);
    expect(result.errors).toEqual([]);
    expect(result.entries[0]!.disputed).toEqual([]);
  });

  it.each([
    [
      'a misquote, naming the field and where the words really are',
      {
        genreReasons: [
          { text: 'It interprets what it reports.', cite: [{ paragraph: 'p1', quote: 'We do not know' }] },
        ],
      },
      'about.yaml: crypto: genreReasons[0].cite[0]: the quote is not in p1 but is in p2',
    ],
    [
      'a quote missing from a part of the page',
      {
        notTold: [
          {
            text: 'Where it first appeared, exactly.',
            cite: [{ part: 'footnotes', quote: 'first published in' }],
          },
        ],
      },
      "about.yaml: crypto: notTold[0].cite[0]: the quote is not verbatim in the page's footnotes: “first published in”",
    ],
    [
      'a statement that neither cites nor says it comes from outside',
      { audience: [{ text: 'Policy readers, we think.' }] },
      'about.yaml: crypto: audience[0]: A statement cites the article (cite) or is marked outside: true',
    ],
    [
      'an author the byline does not give',
      { author: { name: 'Someone Else', affiliation: null } },
      'about.yaml: crypto: author.name: the byline reads “A. Writer”, not “Someone Else”',
    ],
    [
      'a date outside its own bounds',
      {
        date: {
          value: '2020-07',
          given: false,
          earliest: '2020-08-13',
          reasoning: [
            {
              text: 'It opens with the announcement.',
              cite: [{ paragraph: 'p1', quote: 'August 13, 2020' }],
            },
          ],
        },
      },
      'about.yaml: crypto: date.value: 2020-07 is before date.earliest 2020-08-13',
    ],
    [
      'a date before a date the text mentions',
      {
        date: {
          value: '2020-08',
          given: false,
          latest: '2020-08-10',
          reasoning: [
            {
              text: 'It opens with the announcement.',
              cite: [{ paragraph: 'p1', quote: 'August 13, 2020' }],
            },
          ],
        },
      },
      'about.yaml: crypto: date: the article mentions 13 August 2020 (p1: “August 13, 2020”), after date.latest',
    ],
    [
      'an estimate resting on outside facts only',
      {
        date: {
          value: '2020',
          given: false,
          reasoning: [{ text: 'Everyone knows the year.', outside: true }],
        },
      },
      'about.yaml: crypto: date.reasoning: an estimated date needs at least one statement citing the article',
    ],
    [
      'too many outside statements',
      {
        audience: [1, 2, 3, 4].map((n) => ({ text: `Outside fact number ${n}.`, outside: true })),
      },
      'about.yaml: crypto: 4 statements come from outside the article; keep them to 3 or fewer',
    ],
  ])('reports %s', (_what, overrides, message) => {
    expect(errorsOf([entry(overrides)])).toContain(message);
  });

  it('reports an unknown article and a second entry for the same one', () => {
    expect(errorsOf([entry({ article: 'nope' })])).toEqual(['about.yaml: nope: no article has this id']);
    expect(errorsOf([entry(), entry()])).toEqual(['about.yaml: crypto: a second entry for the same article']);
  });
});

describe('dateLabel', () => {
  const reasoning = [{ text: 'x'.repeat(10), outside: true as const }];
  it.each([
    [{ value: '2013-01-30', given: true }, '30 January 2013'],
    [
      { value: '2020-09', given: false, earliest: '2020-08-13', latest: '2020-09' },
      'between 13 August and September 2020',
    ],
    [{ value: '2018', given: false, earliest: '2015', latest: '2018' }, 'between 2015 and the end of 2018'],
    [
      { value: '2018-11', given: false, earliest: '2018-10-29', latest: '2018' },
      'between 29 October and the end of 2018',
    ],
    [{ value: '2018', given: false, earliest: '2018', latest: '2018' }, '2018'],
    [{ value: '2020', given: false, earliest: '2015', latest: '2020-09' }, 'between 2015 and September 2020'],
    [{ value: '2007-07', given: false, earliest: '2007-06' }, 'about July 2007, not before June 2007'],
    [{ value: '2016-05', given: false, earliest: '2016-05' }, 'not before May 2016'],
    [{ value: '2019', given: false, latest: '2020-09' }, 'about 2019, by September 2020'],
    [{ value: '2019', given: false }, 'about 2019'],
  ])('%j → %s', (date, label) => expect(dateLabel({ ...date, reasoning })).toBe(label));
});

describe('draftAbout', () => {
  it('estimates a date from the latest date the text mentions, and says it is a draft', () => {
    const about = draftAbout(article);
    expect(about.reviewed).toBe(false);
    expect(about.author.name).toBe('A. Writer');
    expect(about.date).toMatchObject({ value: '2020-08-13', earliest: '2020-08-13', given: false });
    expect(about.date?.reasoning[0]?.cite).toEqual([{ paragraph: 'p1', quote: 'August 13, 2020' }]);
    expect(about.genre).toBeNull();
  });

  it('has no date when the text mentions none', () => {
    expect(draftAbout({ ...article, paragraphs: [{ id: 'p1', text: 'No dates.' }] }).date).toBeNull();
  });
});
