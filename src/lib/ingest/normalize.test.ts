import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, repairSpacing, stripShortcodes } from './normalize.ts';

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
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const once = normalizeText(parts.join(''));
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});
