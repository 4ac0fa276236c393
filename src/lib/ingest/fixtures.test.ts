/**
 * Page shapes the seeds do not have: a news site, a Blogger post, wire stories, a CRLF
 * WordPress export, a paper with references and a bio, a digest with a repeated title. These
 * keep the rules general rather than fitted to five files.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestPage, ingestPages } from './index.ts';
import { readSeed } from './read.ts';
import type { Article } from './types.ts';

const dir = `${import.meta.dirname}/../../../tests/fixtures/pages/`;
function read(file: string): string {
  const page = readSeed(dir + file);
  if (!page.ok) throw new Error(`${file}: ${page.reason}`);
  return page.text;
}

interface Expected {
  title: string;
  authors: string[];
  publication: string | null;
  first: string;
  headings: (string | null)[];
  paragraphs: number;
  captions: string[];
  footnotes: number;
  bios: number;
  notes: string[];
  /** Text that must not appear anywhere in the article. */
  absent: string[];
}

const FIXTURES: [string, Expected][] = [
  [
    'news-generic.txt',
    {
      title: 'City council approves new cyber defence unit',
      authors: ['Jane Doe', 'John Roe'],
      publication: 'Daily Example News',
      first: 'The city council voted on Tuesday',
      headings: [null, 'Budget and staffing'],
      paragraphs: 5,
      captions: [
        'Police officers at the launch of the unit in Lyon. Photo: Jane Smith/AFP',
        'Image credit: Reuters',
      ],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [
        'Skip to content',
        'March 3, 2021',
        'Share this article',
        'Sign up for our newsletter',
        'Related articles',
        'Hackers target regional hospitals',
        'All rights reserved',
      ],
    },
  ],
  [
    'blogger-post.txt',
    {
      title: 'Why extremists love encrypted chat apps',
      authors: ['Someone'],
      publication: null,
      first: 'Encrypted messaging apps have become',
      headings: [null, 'What can be done'],
      paragraphs: 3,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [
        'Tuesday, March 2, 2021',
        'Posted by',
        'BlogThis',
        'Labels:',
        'No comments',
        'Post a Comment',
        'Great post',
        'Newer Post',
        'Subscribe to:',
      ],
    },
  ],
  [
    'wire-reuters.txt',
    {
      title: 'France arrests five over online jihadist fundraising',
      authors: [],
      publication: 'Reuters',
      first: 'PARIS (Reuters) - French police arrested five people',
      headings: [null],
      paragraphs: 3,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: ['Reporting by Jean Dupont; Editing by Mark Heinrich'],
      absent: [],
    },
  ],
  [
    'wire-ap.txt',
    {
      title: 'US seizes websites used by militant groups',
      authors: ['Matthew Lee'],
      publication: 'AP',
      first: 'WASHINGTON, March 3 (AP) — The Justice Department',
      headings: [null],
      paragraphs: 2,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: ['Additional reporting by Ellen Knickmeyer'],
      absent: ['By Matthew Lee'],
    },
  ],
  [
    'wordpress-crlf.txt',
    {
      title: 'Inside the Telegram channels of the Islamic State',
      authors: [],
      publication: 'Example Monitor',
      first: 'ISIS has moved most of its public propaganda to Telegram since 2015. Channels appear',
      headings: [null, 'Why Telegram'],
      paragraphs: 2,
      captions: ['Fighters at a rally in Raqqa. Photo: AFP'],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: ['yt_dropcap', '[caption', '[/caption]', '\r', '\u00a0', 'channels,secret'],
    },
  ],
  [
    'references-bio.txt',
    {
      title: 'Measuring Online Radicalisation: A Short Review',
      authors: ['Sarah Connor'],
      publication: null,
      first: 'Research on online radicalisation has grown quickly since 2014',
      headings: [null, 'Methods'],
      paragraphs: 3,
      captions: [],
      footnotes: 2,
      bios: 1,
      notes: [],
      absent: ['About the author'],
    },
  ],
  [
    'blogger-widgets.txt',
    {
      title: 'How moderators find terrorist content on video platforms',
      authors: ['Amira Haddad'],
      publication: 'Notes on Online Radicalisation',
      first: 'Video platforms now remove most terrorist videos',
      headings: [null],
      paragraphs: 3,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [
        'Pages',
        'Contact',
        'Wednesday, 14 August 2019',
        'Blog Archive',
        'About Me',
        'Followers',
        '► 2020',
        'View my complete profile',
        'I study how extremist',
        'Report Abuse',
      ],
    },
  ],
  [
    'date-above-title.txt',
    {
      title: 'Crowdfunding platforms and the financing of violent extremism',
      authors: [],
      publication: null,
      first: 'Crowdfunding has made it easy',
      headings: [null],
      paragraphs: 3,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: ['Skip to main content', '12 March 2020', 'Tags:', 'Related posts'],
    },
  ],
  [
    'abstract-lead.txt',
    {
      title: 'Telegram after the takedowns: how jihadist channels adapted in 2019',
      authors: ['Lena Fischer', 'Omar Siddiqui'],
      publication: 'Journal of Example Security Studies',
      first: 'Abstract: In November 2019 Europol and Telegram removed',
      headings: [null, 'Introduction', 'Findings'],
      paragraphs: 5,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: ['Keywords: Telegram; Islamic State; content moderation; platform migration'],
      absent: ['Volume 7, Issue 2'],
    },
  ],
  [
    'footnote-markers.txt',
    {
      title: 'Following the money: terrorist financing after the fall of the territorial caliphate',
      authors: ['Daniel Osei'],
      publication: null,
      first: 'The loss of territory in 2019 cut off',
      headings: [null],
      paragraphs: 4,
      captions: [],
      footnotes: 5,
      bios: 0,
      notes: [],
      absent: ['banks.3 Appeals', 'oil.1', 'abroad.2', 'camps.4', 'disrupted.5'],
    },
  ],
  [
    'wire-dateline.txt',
    {
      title: 'Mali junta blocks access to social networks after protests',
      authors: [],
      publication: 'AFP',
      first: 'BAMAKO, Mali, July 11, 2020 (AFP) – Authorities in Mali',
      headings: [null],
      paragraphs: 4,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [],
    },
  ],
  [
    'medium-post.txt',
    {
      title: 'Why recruiters follow young gamers onto chat servers',
      authors: ['Priya Raman'],
      publication: 'Medium',
      first: 'What moderators of gaming communities can look for',
      headings: [null],
      paragraphs: 5,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [
        'Open in app',
        'Sign up',
        'Member-only story',
        '6 min read',
        'Feb 9, 2022',
        '1.2K',
        'Listen',
        'Responses (18)',
        'Text to speech',
        '"--"',
      ],
    },
  ],
  [
    'substack-post.txt',
    {
      title: 'How the 2020 seizure of crypto wallets changed terrorist fundraising',
      authors: ['Nadia Kovacs'],
      publication: 'The Extremism Brief',
      first: 'A look back at the case, and what investigators learnt from it',
      headings: [null],
      paragraphs: 14,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [
        'Thanks for reading',
        'Subscribe',
        'Sign in',
        'Share this post',
        'Type your email',
        'Restack',
        'Collection notice',
        'home for great culture',
        '© 2024',
      ],
    },
  ],
  [
    'pdf-text.txt',
    {
      title: 'The Online Propaganda of Armed Groups in the Sahel',
      authors: ['Marc Dubois'],
      publication: null,
      first: 'Armed groups in the Sahel have used the internet for propaganda since the early 2010s, but',
      headings: [null],
      paragraphs: 4,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: ['Journal of Example Studies', '14', '15', 'in- ternet', 'propa-'],
    },
  ],
  [
    'hard-wrapped.txt',
    {
      title: 'Extremist use of file-sharing sites: a short briefing',
      authors: [],
      publication: null,
      first:
        'File-sharing sites play a quiet but important part in how extremist groups distribute propaganda. A video posted',
      headings: [null],
      paragraphs: 4,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: ['Prepared by the Example Research Network, June 2021'],
      absent: [],
    },
  ],
  [
    'cookie-newsletter.txt',
    {
      title: 'Why deplatforming works, and where it does not',
      authors: ['Tom Becker'],
      publication: 'Example Security Review',
      first: 'Removing extremist accounts from large platforms',
      headings: [null],
      paragraphs: 4,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [
        'cookies',
        'Manage preferences',
        'Home ›',
        'weekly newsletter',
        'in your inbox',
        'Enter your email',
        'By signing up',
        'Advertisement',
        'Read more:',
        'LinkedIn',
        'More from',
      ],
    },
  ],
  [
    'wordpress-com.txt',
    {
      title: 'Reading Islamic State magazines as recruitment material',
      authors: [],
      publication: null,
      first: 'The Islamic State published two major English-language magazines',
      headings: [null],
      paragraphs: 3,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [
        'Counter-Extremism Notes',
        'Menu',
        'Home »',
        'Posted on',
        'Share this',
        'Facebook',
        'Like Loading',
        'Leave a Reply',
      ],
    },
  ],
  [
    'news-brief.txt',
    {
      title: 'Police close encrypted phone network used by criminal groups',
      authors: [],
      publication: null,
      first: 'European police said on Friday',
      headings: [null],
      paragraphs: 2,
      captions: [],
      footnotes: 0,
      bios: 0,
      notes: [],
      absent: [],
    },
  ],
];

describe.each(FIXTURES)('fixture %s', (file, expected) => {
  const articles = ingestPage(read(file), `tests/fixtures/pages/${file}`);
  const article = articles[0] as Article;
  const paragraphs = article.sections.flatMap((s) => s.paragraphs);

  it('yields one article with its title, authors and publication', () => {
    expect(articles).toHaveLength(1);
    expect(article.title).toBe(expected.title);
    expect(article.authors).toEqual(expected.authors);
    expect(article.publication).toBe(expected.publication);
    expect(article.source).toEqual({ file, index: 0 });
  });
  it('has the expected sections and paragraphs', () => {
    expect(paragraphs[0]?.text.startsWith(expected.first)).toBe(true);
    expect(article.sections.map((s) => s.heading)).toEqual(expected.headings);
    expect(paragraphs.map((p) => p.id)).toEqual(
      Array.from({ length: expected.paragraphs }, (_v, i) => `p${i + 1}`),
    );
  });
  it('puts captions, footnotes, bios and notes in their places', () => {
    expect(article.captions).toEqual(expected.captions);
    expect(article.footnotes).toHaveLength(expected.footnotes);
    expect(article.bios).toHaveLength(expected.bios);
    expect(article.notes).toEqual(expected.notes);
  });
  it.each(expected.absent.map((s) => [s]))('never shows %j', (text) => {
    expect(JSON.stringify(article)).not.toContain(JSON.stringify(text).slice(1, -1));
  });
});

describe('fixture details', () => {
  it('reads the CRLF file the same as its LF twin', () => {
    const crlf = read('wordpress-crlf.txt');
    expect(crlf).toContain('\r\n');
    expect(ingestPage(crlf.replace(/\r\n/g, '\n'), 'wordpress-crlf.txt')).toEqual(
      ingestPage(crlf, 'wordpress-crlf.txt'),
    );
  });
  it('repairs the missing sentence space in the news fixture', () => {
    const [article] = ingestPage(read('news-generic.txt'), 'news-generic.txt');
    expect(article?.sections[0]?.paragraphs[1]?.text).toContain('the mayor. It will also advise');
  });
  it('joins the hard-wrapped Blogger paragraph', () => {
    const [article] = ingestPage(read('blogger-post.txt'), 'blogger-post.txt');
    expect(article?.sections[0]?.paragraphs[1]?.text).toBe(
      'Older forums were easy to monitor and easy to take down, so recruiters moved to apps that offer end-to-end encryption and disappearing messages.',
    );
  });
  it('files the reference list under a References heading and the bio under About the author', () => {
    const [article] = ingestPage(read('references-bio.txt'), 'references-bio.txt');
    expect(article?.footnotes).toEqual([
      '1. Smith, J. (2019). Jihad Online. London: Example Press.',
      '2. Doe, A. and Roe, B. (2020). Counting Accounts. Journal of Examples, 4(2), 1-20.',
    ]);
    expect(article?.bios[0]).toMatch(/^Sarah Connor is a senior fellow/);
    expect(article?.sections[0]?.paragraphs[0]?.text).toContain('recruitment.[1]');
  });
  it('splits a digest page and suffixes a repeated title’s slug', () => {
    const articles = ingestPage(read('digest-two-articles.txt'), 'digest-two-articles.txt');
    expect(articles.map((a) => [a.id, a.title, a.authors, a.publication, a.source.index])).toEqual([
      ['hackers-for-hire', 'Hackers for hire', [], 'Eurasia Example Review', 0],
      ['hackers-for-hire-2', 'Hackers for hire', ['Maria Rossi'], 'Eurasia Example Review', 1],
    ]);
  });
  it('keeps slugs unique across the pages of one run', () => {
    const page = { file: 'wire-ap.txt', text: read('wire-ap.txt') };
    expect(ingestPages([page, page]).map((a) => a.id)).toEqual([
      'us-seizes-websites-used-by-militant-groups',
      'us-seizes-websites-used-by-militant-groups-2',
    ]);
  });
});

describe('ingestPage on anything', () => {
  const wellFormed = (articles: Article[]): boolean =>
    articles.every((a) => {
      const ids = a.sections.flatMap((s) => s.paragraphs.map((p) => p.id));
      return a.id !== '' && ids.length > 0 && ids.every((id, i) => id === `p${i + 1}`);
    });

  it('never throws on arbitrary text, and every article it returns is well formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) =>
        wellFormed(ingestPage(text, 'x.txt')),
      ),
    );
  });

  it('never throws on pages built from chrome, markers and list lines', () => {
    const line = fc.constantFrom(
      'Connect with us',
      'Intelligence',
      'Published',
      'on',
      'Continue Reading',
      'Comments',
      'Latest',
      'A Title Line',
      'Jane Doe',
      'Authors: A B and C D',
      'By Jane Doe',
      '1. One',
      '2. Two',
      '[1] Ref.',
      'A sentence of body text that ends properly.',
      'Short heading',
      'References',
      'About the author',
      'Photo: AFP',
      'Copyright © 2020 X',
      'Do you like this article?',
      '',
      '[yt_dropcap] I [/yt_dropcap]SIS',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\n\n'), (lines, eol) =>
        wellFormed(ingestPage(lines.join(eol), 'x.txt')),
      ),
    );
  });

  it.each([[''], ['   \n\n  '], ['Connect with us\n\nLatest'], ['Just a title']])(
    'returns [] for %j',
    (text) => {
      expect(ingestPage(text, 'x.txt')).toEqual([]);
    },
  );
});
