/**
 * The eleven seed articles, pinned: titles, first paragraphs, bylines, publications, captions,
 * headings and paragraph counts. Lessons quote paragraph ids, so any change here is a change
 * every lesson writer must hear about.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestPage, ingestPages } from './index.ts';
import { readSeed } from './read.ts';
import type { Article } from './types.ts';

const seedsDir = `${import.meta.dirname}/../../../seeds/`;
const FILES = [
  '000_349f0ac853ac9284.txt',
  '001_9caf18650f65d10e.txt',
  '002_86b2acf46ecf9121.txt',
  '003_b02e744761a0b36c.txt',
  '004_7ce1586371a3417f.txt',
];

function load(file: string): string {
  const seed = readSeed(seedsDir + file);
  if (!seed.ok) throw new Error(`${file}: ${seed.reason}`);
  return seed.text;
}

const pages = FILES.map((file) => ({ file, text: load(file) }));
const articles = ingestPages(pages);
const byTitle = (title: string): Article => {
  const found = articles.find((a) => a.title === title);
  if (!found) throw new Error(`no article ${title}`);
  return found;
};
const paragraphsOf = (a: Article) => a.sections.flatMap((s) => s.paragraphs);
const textsOf = (a: Article) => paragraphsOf(a).map((p) => p.text);

const MD = 'Modern Diplomacy';
const CYBER = 'Cyber Caliphate: What Apps Are the Islamic State Using?';
const CHILDREN = 'How AlQaeda and ISIS Teach Central Asian Children: Different Methods, Common Goals';
const MALTA = 'The relations between Malta and Libya and economic crimes inside Libya';
const PAKISTAN = 'Cyber Terrorism and its Securitization in Pakistan';
const SEIZURE = 'ISIS, al-Qaeda reel after largest ever seizure of cryptocurrency accounts';
const INSTAGRAM = 'ISIS and the Militant Jihad on Instagram';
const PSC = 'Chinese Private Security Companies Along the BRI: An Emerging Threat?';
const DRUGS = 'Tackling the Illicit Drug Trade: Perspectives From Russia';
const BITCOIN = 'Central Asian Jihadists’ Use of Cryptocurrencies in Bitcoin';
const FILE_CAPTION =
  'ISIS used this website to raise funds for its terrorist operations by duping customers into thinking they were buying government-approved masks to protect against COVID-19. [File]';

describe.each([
  ['000_349f0ac853ac9284.txt', ['Al Qaeda turns to organised crime']],
  ['001_9caf18650f65d10e.txt', [CYBER, CHILDREN, MALTA, PAKISTAN]],
  ['002_86b2acf46ecf9121.txt', [SEIZURE]],
  ['003_b02e744761a0b36c.txt', [INSTAGRAM, PSC, DRUGS, BITCOIN]],
  ['004_7ce1586371a3417f.txt', ['Mali Jihadists Support Their Struggle Online']],
])('seed %s', (file, titles) => {
  const found = articles.filter((a) => a.source.file === file);
  it(`yields ${titles.length} article(s) with the exact titles in order`, () => {
    expect(found.map((a) => a.title)).toEqual(titles);
  });
  it('numbers its articles 0, 1, … in source.index', () => {
    expect(found.map((a) => a.source)).toEqual(titles.map((_t, index) => ({ file, index })));
  });
});

describe.each<[string, string, string[], string | null, string[], number, (string | null)[]]>([
  [
    'Al Qaeda turns to organised crime',
    'Al Qaeda has turned to online gangsters that are part of the Russian mafia',
    [],
    null,
    [],
    15,
    [null],
  ],
  [
    CYBER,
    'As the argument goes, law enforcement agencies must protect the safety of citizens',
    [],
    MD,
    [],
    19,
    [
      null,
      'Different Goals, Different Weapons',
      'Anonymous Networks',
      'Monitoring Safety',
      'The Game to Get Ahead',
    ],
  ],
  [
    CHILDREN,
    'Some Western countries mistakenly think that the al Qaida-linked Salafi-jihadi groups',
    ['Uran Botobekov'],
    MD,
    [
      'Uzbek children in the Abdullah ibn Abbas Madrasa in Idlib',
      'Uyghur children in al Qaeda’s Madrasa in Syria',
    ],
    25,
    [
      null,
      'Common aspects of the ideological school of al Qaeda and ISIS',
      'The difference between alQaeda and ISIS in the education of children and youth',
      'The USA is the main enemy for al Qaeda-backed Central Asia’s jihadists',
    ],
  ],
  [
    MALTA,
    'Since the beginning of hostilities against Gaddafi, operations',
    ['Giancarlo Elia Valori'],
    MD,
    [],
    46,
    [null],
  ],
  [PAKISTAN, 'One of the biggest threat of 21st century is terrorism', [], MD, [], 5, [null]],
  [
    SEIZURE,
    'WASHINGTON -- The operations of al-Qaeda and the "Islamic State of Iraq and Syria" (ISIS)',
    [],
    'Salaam Times',
    [FILE_CAPTION],
    13,
    [null, 'ISIS campaign', 'Al-Qaeda campaign'],
  ],
  [
    INSTAGRAM,
    'The Islamic State of Iraq and Syria [ISIS] is notorious for its slick propaganda videos',
    ['Anne Speckhard', 'Molly Ellenberg'],
    MD,
    [],
    41,
    [
      null,
      'Identifying ISIS and militant jihadist Supporters on Instagram',
      'Research on Instagram in Regard to Terrorist Propagandizing and Recruitment Strategies',
      'A Possible Instagram Counter Narrative Strategy?',
    ],
  ],
  [
    PSC,
    'When documenting China’s security footprint abroad, the PLA and the PLAN often get the spotlight.',
    [],
    MD,
    [],
    11,
    [
      null,
      'The Current International Chinese PSC Landscape',
      'Scope of Current PSC Tasks',
      'PSCs and The Chinese State',
      'Conclusion',
    ],
  ],
  [
    DRUGS,
    'The Afghan drug trade supplying the Russian market has fuelled conflict',
    [],
    MD,
    [],
    16,
    [
      null,
      'A Threat to National and Human Security: Developments and Continuities in the Afghan Drug Trade',
      'The War on Drugs at the Regional Level: Results and Future Perspectives',
      'The War at Home: the Grim Reality of Drug Addiction in Russia',
      'Conclusion',
    ],
  ],
  [
    BITCOIN,
    'On August 13, 2020, the US Justice Department announced that it seized $2 million in Bitcoin',
    ['Uran Botobekov'],
    MD,
    [
      'Central Asian Jihadists in Syria. A screenshot from Telegram, April 6, 2019',
      'The banner calling for donations to Katibat Tawhid wal Jihad. A screenshot from Telegram, May 18, 2020',
      'The banner requesting to provide Uzbek jihadists with modern military gear and equipment. A screenshot from Telegram, March 3, 2020.',
    ],
    33,
    [null, 'Dark Web & Bitcoin: New Endeavor of Central Asian Terrorists', 'Conclusion'],
  ],
  [
    'Mali Jihadists Support Their Struggle Online',
    'Yesterday in Lille, the 5th CyberSecurity International Forum',
    [],
    null,
    [],
    10,
    [null],
  ],
])('%s', (title, firstText, authors, publication, captions, count, headings) => {
  const article = byTitle(title);
  const paragraphs = paragraphsOf(article);

  it('starts with the right paragraph', () => {
    expect(paragraphs[0]?.text.startsWith(firstText)).toBe(true);
  });
  it('has the right authors and publication', () => {
    expect(article.authors).toEqual(authors);
    expect(article.publication).toBe(publication);
  });
  it('keeps each caption once, and never as a paragraph', () => {
    expect(article.captions).toEqual(captions);
    const all = [...textsOf(article), ...article.sections.map((s) => s.heading)];
    for (const caption of captions) expect(all).not.toContain(caption);
  });
  it(`has ${count} paragraphs under the pinned headings`, () => {
    expect(paragraphs).toHaveLength(count);
    expect(article.sections.map((s) => s.heading)).toEqual(headings);
  });
  it('numbers paragraphs p1…pN across the article', () => {
    expect(paragraphs.map((p) => p.id)).toEqual(paragraphs.map((_p, i) => `p${i + 1}`));
  });
  it('counts the words of its paragraphs, leaving out a standfirst', () => {
    const words = paragraphs
      .filter((p) => !p.standfirst)
      .map((p) => (p.items ? p.items.join(' ') : p.text))
      .join(' ')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    expect(article.words).toBe(words);
  });
});

/** Lines that are site chrome on these pages and must never be text or a heading. */
const CHROME_LINES = [
  'Connect with us',
  'Intelligence',
  'Published',
  'on',
  'Continue Reading',
  'Comments',
  'Latest',
  'Trending',
  'Publications',
  'Do you like this article?',
  '1 Comment',
  'Comment Policy * Denotes required field 1500 / 1500',
  'Copyright © 2018 Modern Diplomacy',
  'Salaam Times',
  'Uran Botobekov',
  'Anne Speckhard, Ph.D',
  'Authors: Anne Speckhard and Molly Ellenberg',
  'Finance34 mins ago',
  'Digital Finance Strategy, legislative proposals on crypto-assets and digital operational resilience',
  'Interpreting Sheikh Hasina’s Foreign Policy',
  'Right to Education as an elementary Human Right: From Thinking to Living it',
];

describe('site chrome', () => {
  const everything = articles.flatMap((a) => [...textsOf(a), ...a.sections.map((s) => s.heading ?? '')]);
  it.each(CHROME_LINES)('%j is never a paragraph or heading', (line) => {
    expect(everything).not.toContain(line);
  });
  it.each([
    ['a teaser age line', /\d+ (?:mins?|hours?) ago$/],
    ['a teaser ending in ...', /\.\.\.$/],
    ['a copyright line', /©/],
    ['a comment count', /^\d+ Comments?$/],
  ])('no paragraph or heading is %s', (_name, pattern) => {
    expect(everything.filter((t) => pattern.test(t))).toEqual([]);
  });
  it('drops the reader’s comment everywhere, not only from paragraphs', () => {
    expect(JSON.stringify(articles)).not.toContain('A very good action is achieved');
  });
});

describe('side material and repairs', () => {
  it('takes the pull quote out of the Cyber Caliphate paragraphs but keeps its sentence in the text', () => {
    const texts = textsOf(byTitle(CYBER));
    expect(texts.filter((t) => t.includes('great number of communication tools'))).toEqual([
      expect.stringMatching(/^It can be concluded that militants have a great number/),
    ]);
  });
  it('keeps the Cyber Caliphate reference list and partner note out of the text', () => {
    const a = byTitle(CYBER);
    expect(a.notes).toEqual(['First published in our partner RIAC']);
    expect(a.footnotes).toHaveLength(2);
    expect(a.footnotes[0]).toMatch(/^1\. Michael Weiss/);
    expect(a.footnotes[1]).toMatch(/^2\. Sergey Zapechnikov/);
  });
  it('keeps the mid-article PSC list as one paragraph with items', () => {
    const list = paragraphsOf(byTitle(PSC)).find((p) => p.items);
    expect(list?.id).toBe('p4');
    expect(list?.items).toHaveLength(10);
    expect(list?.items?.[0]).toBe('G4S');
    expect(list?.items?.[9]).toBe('Shandong Huawei Security Group');
    expect(list?.text).toBe(list?.items?.join('; '));
    expect(byTitle(PSC).footnotes).toEqual([]);
  });
  it('files the Instagram references, note and bio in their own places', () => {
    const a = byTitle(INSTAGRAM);
    expect(a.footnotes).toHaveLength(22);
    expect(a.footnotes[0]).toMatch(/^\[1\] Jihadology\./);
    expect(a.footnotes[21]).toMatch(/^\[22\] “Memes/);
    expect(a.notes).toEqual(['Author’s note: first published in Homeland Security Today']);
    expect(a.bios).toEqual([
      expect.stringMatching(/^Anne Speckhard, Ph\.D\., is an adjunct associate professor/),
    ]);
    expect(textsOf(a).at(-1)).toMatch(/^The International Center for the Study of Violent Extremism thanks/);
  });
  it('marks the drug-trade standfirst, which the text repeats, and keeps its number', () => {
    const [p1, p2, p3] = byTitle(DRUGS).sections.flatMap((s) => s.paragraphs);
    expect(p1).toMatchObject({
      id: 'p1',
      standfirst: true,
      text: expect.stringMatching(/^The Afghan drug trade supplying/),
    });
    expect(p2).toMatchObject({ id: 'p2', text: expect.stringMatching(/^“The Afghan drug threat/) });
    expect(p3?.text).toMatch(/^The Afghan drug trade supplying/);
    expect([p2?.standfirst, p3?.standfirst]).toEqual([undefined, undefined]);
    expect(byTitle(DRUGS).notes).toEqual(['From our partner RIAC']);
    const others = articles.filter((a) => a.title !== DRUGS);
    expect(others.flatMap((a) => a.sections.flatMap((s) => s.paragraphs)).some((p) => p.standfirst)).toBe(
      false,
    );
  });
  it('keeps the wallet-address lines as body paragraphs', () => {
    const texts = textsOf(byTitle(BITCOIN));
    expect(texts).toContain('– 3HoWzYwaBbTg7sKGtHz3pAZxdHZoXUJRvG;');
    expect(texts).toContain('– 12SxsxvrE8zrtRveSeFJYA6sgbJZbyHDGk.');
  });
  it.each([
    [CHILDREN, 'fought on the side of ISIS. Many of them'],
    [CHILDREN, 'the United States and its allies. According to him'],
    [MALTA, 'while, in the past, drugs were brought'],
    [MALTA, 'approximately 13,000 soldiers'],
    [CYBER, 'the Tor browser or T.A.I.L.S (The Amnesic Incognito Live System)'],
    [CYBER, 'founded in the U.S. with the aim'],
    [SEIZURE, 'via FaceMaskCenter.com (now seized)'],
    [INSTAGRAM, 'the Embassy of Qatar in Washington, D.C., Facebook'],
    [
      PAKISTAN,
      'is terrorism, all states whether developing or underdeveloped are equally getting affected by it. The alarming',
    ],
  ])('%s reads %j', (title, fragment) => {
    expect(textsOf(byTitle(title)).some((t) => t.includes(fragment))).toBe(true);
  });
});

describe('stability', () => {
  it('gives the same articles, ids included, on a second run', () => {
    expect(ingestPages(pages)).toEqual(articles);
  });
  it('gives each article a unique slug id', () => {
    const ids = articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(11);
    expect(ids).toContain('central-asian-jihadists-use-of-cryptocurrencies-in-bitcoin');
  });
  it('gives the same result per page as in a run', () => {
    for (const page of pages) {
      expect(ingestPage(page.text, `seeds/${page.file}`)).toEqual(
        articles.filter((a) => a.source.file === page.file),
      );
    }
  });
  it('writes every article with exactly the published keys, in order', () => {
    for (const a of articles) {
      expect(Object.keys(a)).toEqual([
        'id',
        'title',
        'authors',
        'publication',
        'sections',
        'captions',
        'footnotes',
        'bios',
        'notes',
        'source',
        'words',
      ]);
    }
  });
});

describe('text fixes at ingest', () => {
  const pinned = JSON.parse(
    readFileSync(`${import.meta.dirname}/../../../tests/fixtures/seed-paragraphs.json`, 'utf8'),
  ) as Record<string, Record<string, string>>;
  const letters = (text: string) =>
    createHash('sha256')
      .update(text.replace(/[^\p{L}\p{N}]/gu, ''))
      .digest('hex')
      .slice(0, 12);

  it('keeps every paragraph id of the eleven articles, with the same letters in it', () => {
    // Pinned before the fixes: repairs may add spaces and brackets, never move or change words.
    const now = Object.fromEntries(
      articles.map((a) => [a.id, Object.fromEntries(paragraphsOf(a).map((p) => [p.id, letters(p.text)]))]),
    );
    expect(now).toEqual(pinned);
  });

  it.each([
    [PSC, 'be that in English or the native language'],
    [CHILDREN, 'former al-Nusra Front. KTJ on the Internet'],
  ])('%s repairs a run-together word: %j', (title, fragment) => {
    expect(textsOf(byTitle(title)).some((t) => t.includes(fragment))).toBe(true);
  });

  it('repairs the PSC heading', () => {
    expect(byTitle(PSC).sections.map((s) => s.heading)).toContain(
      'The Current International Chinese PSC Landscape',
    );
  });

  // Run together, but the split is not certain from the text alone: these stay as scraped.
  it.each([
    [PSC, 'tenurethey'],
    [PSC, 'saturatessome'],
    [PSC, 'andthose'],
    [PSC, 'havealso'],
    [PSC, 'insupport'],
    [PSC, 'lawopens'],
    [MALTA, 'marketnot'],
    [PSC, 'HuaxinZhongan'],
    [PSC, 'DeWei'],
    [PSC, 'HXZAis'],
    [BITCOIN, 'JamaatAnsarullah'],
    [BITCOIN, '(IMU)and'],
    [CHILDREN, 'alQaeda'],
    [CYBER, 'WhatsApp'],
    [INSTAGRAM, 'YouTube'],
  ])('%s leaves %j alone', (title, word) => {
    expect(textsOf(byTitle(title)).some((t) => t.includes(word))).toBe(true);
  });

  it('leaves the publisher’s own spelling in a title, so the id stays', () => {
    expect(byTitle(CHILDREN).id).toBe(
      'how-alqaeda-and-isis-teach-central-asian-children-different-methods-common-goals',
    );
  });

  it('drops the “Follow @…” button from the Instagram author bio', () => {
    const [bio] = byTitle(INSTAGRAM).bios;
    expect(bio).toMatch(/Inside Stories of the Terrorist Caliphate\.$/);
    expect(JSON.stringify(articles)).not.toContain('Follow @');
  });

  it('marks the paragraphs that point at images the page no longer has', () => {
    const marked = articles.flatMap((a) =>
      paragraphsOf(a)
        .filter((p) => p.missingImage)
        .map((p) => `${a.title} ${p.id}`),
    );
    expect(marked).toEqual([
      `${INSTAGRAM} p11`,
      `${INSTAGRAM} p21`,
      `${BITCOIN} p16`,
      'Mali Jihadists Support Their Struggle Online p3',
    ]);
  });
});
