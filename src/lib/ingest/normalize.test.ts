import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, repairRunTogether, repairSpacing, stripShortcodes, wrapWidth } from './normalize.ts';

describe('stripShortcodes', () => {
  it.each([
    ['a drop cap joins its word', '[yt_dropcap type="square"] I [/yt_dropcap]SIS has', 'ISIS has'],
    [
      'a paired shortcode keeps its inner text',
      'a [caption id="1" align="x"]Photo: AFP[/caption] b',
      'a Photo: AFP b',
    ],
    ['a self-closing shortcode goes', 'before [gallery ids="1,2,3"] after', 'before  after'],
    ['an explicitly self-closed tag goes', 'x [embed_video /] y', 'x  y'],
    ['a plain pair of lowercase tags unwraps', '[b]bold[/b] text', 'bold text'],
    ['nested pairs unwrap', '[row][col]inner[/col][/row]', 'inner'],
    ['a pair spanning lines unwraps', '[caption id="2"]\nPolice in Lyon.\n[/caption]', 'Police in Lyon.'],
    ['a stray closing tag goes', 'text[/yt_dropcap] more', 'text more'],
  ])('%s', (_name, input, expected) => {
    expect(stripShortcodes(input)).toBe(expected);
  });

  it.each([
    ['[1]'],
    ['[22]'],
    ['[ISIS]'],
    ['[ICSVE]'],
    ['[disbelievers]'],
    ['[File]'],
    ['[sic]'],
    ['[a jihadist warrior]'],
    ['[Internet slang for a slut]'],
  ])('keeps the bracketed text %s', (text) => {
    expect(stripShortcodes(`before ${text} after`)).toBe(`before ${text} after`);
  });
});

describe('repairSpacing', () => {
  it.each([
    ['fought on the side of ISIS.Many of them', 'fought on the side of ISIS. Many of them'],
    [
      'al-Qaida’s priority task of fighting…allies.According to him',
      'al-Qaida’s priority task of fighting…allies. According to him',
    ],
    ['the Islamic state.However, in-depth', 'the Islamic state. However, in-depth'],
    ['(martyr).As a result', '(martyr). As a result'],
    ['Combat Boots – $30.In total', 'Combat Boots – $30. In total'],
    ['“quoted”.Then', '“quoted”. Then'],
    ['in the past,drugs were brought', 'in the past, drugs were brought'],
    ['the strongest powers,are trying', 'the strongest powers, are trying'],
    ['al-Nusra Front.KTJ on the Internet', 'al-Nusra Front. KTJ on the Internet'],
    ['ISIS.Many.ISIS.Many', 'ISIS. Many. ISIS. Many'],
  ])('repairs %j', (input, expected) => {
    expect(repairSpacing(input)).toBe(expected);
  });

  it.each([
    ['T.A.I.L.S (The Amnesic Incognito Live System)'],
    ['T.A.I.L.S. was used by Edward Snowden'],
    ['in the U.S. with the aim'],
    ['the Embassy of Qatar in Washington, D.C., Facebook'],
    ['via FaceMaskCenter.com (now seized)'],
    ['Anne Speckhard, Ph.D., is an adjunct'],
    ['approximately 13,000 soldiers'],
    ['13.5 billion pieces of information'],
    ['see https://www.Example.com/Path.Html'],
    ['Colin P. Clarke suggested'],
    ['the Ph.D. thesis'],
    ['see e.g.UN reports'],
  ])('leaves %j alone', (input) => {
    expect(repairSpacing(input)).toBe(input);
  });
});

describe('normalizeText', () => {
  it.each([
    ['CRLF becomes LF', 'One.\r\n\r\nTwo.', 'One.\n\nTwo.'],
    ['a lone CR becomes LF', 'One.\rTwo.', 'One.\nTwo.'],
    ['NBSP and space runs become one space', 'a\u00a0\u00a0b   c\u00a0', 'a b c'],
    ['lines are trimmed', '   Title  \n  Text. ', 'Title\nText.'],
    ['blank runs collapse to one blank line', 'A.\n\n\n\n\nB.', 'A.\n\nB.'],
    ['zero-width characters and the BOM go', '\uFEFFTi\u200Btle', 'Title'],
    [
      'a hard-wrapped sentence joins',
      'Recruiters moved\nto apps that encrypt.',
      'Recruiters moved to apps that encrypt.',
    ],
    ['a line ending a sentence does not join', 'It ended.\nthen lower', 'It ended.\nthen lower'],
    ['a capitalised next line does not join', 'Heading\nBody text.', 'Heading\nBody text.'],
    [
      'a WordPress drop cap in a paragraph',
      '[yt_dropcap type="square"] I [/yt_dropcap]SIS has\u00a0grown.',
      'ISIS has grown.',
    ],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });

  it('is idempotent on text built from scrape-like pieces', () => {
    const piece = fc.constantFrom(
      'ISIS.Many',
      'past,drugs',
      '[yt_dropcap]',
      '[/yt_dropcap]',
      '[b]',
      '[/b]',
      ' I ',
      '\u00a0',
      '\r\n',
      '\r',
      '\n',
      'word',
      'lower',
      'Upper',
      '.',
      ',',
      '[1]',
      'T.A.I.L.S',
      '  ',
      '\f',
      '\u200b',
      'inEnglish',
      'PSCLandscape',
      'PSC',
      '14',
      'x'.repeat(70),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const once = normalizeText(parts.join(''));
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});

describe('repairRunTogether', () => {
  it.each([
    ['a function word runs into a capitalised word', 'be that inEnglish or not', 'be that in English or not'],
    [
      'the page writes the parts apart elsewhere',
      'Huaxin Zhongan is large. HuaxinZhongan grew.',
      'Huaxin Zhongan is large. Huaxin Zhongan grew.',
    ],
    [
      'an acronym the page uses alone runs into a word',
      'The PSC Act. The Chinese PSCLandscape',
      'The PSC Act. The Chinese PSC Landscape',
    ],
  ])('%s', (_name, input, expected) => {
    expect(repairRunTogether(input)).toBe(expected);
  });

  it.each([
    ['a brand name', 'They use WhatsApp and YouTube daily.'],
    ['a spelling the page uses twice', 'How AlQaeda works. alQaeda and al Qaeda differ.'],
    ['a glued form with no evidence for the split', 'DeWei Security Services'],
    ['lowercase words run together', 'during their tenurethey found'],
    ['an address', 'send to 3HoWzYwaBbTg7sKGtHz3pAZxdHZoXUJRvG now'],
    ['a handle and a hashtag', 'follow @TheRealJihad and #InEnglish'],
    ['a domain', 'via FaceMaskCenter.com (now seized)'],
  ])('leaves %s alone', (_name, input) => {
    expect(repairRunTogether(input)).toBe(input);
  });
});

describe('wrapped and paged text', () => {
  const wrapped = [
    'File-sharing sites play a quiet but important part in how extremist',
    'groups distribute propaganda. A video posted on a large platform may be',
    'removed within hours. A copy stored on a file-sharing site can stay',
    'online for weeks.',
    '',
    'Groups rarely rely on a single site. They upload the same file to many',
    'services at once and publish the full list of links, so that removing',
    'one copy does little harm.',
  ];

  it('finds the wrap width of a hard-wrapped page, and none for one line per paragraph', () => {
    expect(wrapWidth(wrapped)).toBe(71);
    expect(
      wrapWidth(['A heading', 'x'.repeat(400), 'y'.repeat(300), 'Short line here.', 'z'.repeat(250)]),
    ).toBeNull();
  });

  it('joins a wrapped page into whole paragraphs, a short line ending each', () => {
    expect(normalizeText(wrapped.join('\n')).split('\n\n')).toEqual([
      'File-sharing sites play a quiet but important part in how extremist groups distribute propaganda. A video posted on a large platform may be removed within hours. A copy stored on a file-sharing site can stay online for weeks.',
      'Groups rarely rely on a single site. They upload the same file to many services at once and publish the full list of links, so that removing one copy does little harm.',
    ]);
  });

  it('rejoins a word hyphenated across a wrapped line', () => {
    const page = [
      'Governments in the region have responded with temporary shutdowns of mobile in-',
      'ternet during attacks and unrest. These measures interrupt the flow of propa-',
      'ganda for a few days but also cut off the information that people need to stay',
      'safe, and their effect on recruitment has not been measured.',
    ].join('\n');
    expect(normalizeText(page)).toContain('mobile internet during attacks');
    expect(normalizeText(page)).toContain('flow of propaganda for a few days');
  });

  it('drops PDF running heads and page numbers at page breaks, keeping the text whole', () => {
    const page =
      'Journal of Examples 12(3)\n\nA Title\n\nFirst page text.\n\fJournal of Examples 12(3)\n\n14\n\nSecond page text.\n\fJournal of Examples 12(3)\n\n15';
    expect(normalizeText(page)).toBe('A Title\n\nFirst page text.\nSecond page text.');
  });
});
