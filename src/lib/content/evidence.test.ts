import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEvidence, normalizeForQuote } from './evidence.ts';

const paragraphs = [
  { id: 'p1', text: 'Al Qaeda has turned to online gangsters that are part of the Russian mafia.' },
  { id: 'p2', text: '“It’s strictly business,” said Galeotti – twice.' },
];

describe('checkEvidence', () => {
  it.each([
    ['p1', 'turned to online gangsters', null],
    ['p2', '"It\'s strictly business,"', null],
    ['p2', 'said Galeotti - twice', null],
    ['p2', 'strictly   business', null],
  ])('accepts %s “%s” (quotes, dashes and spaces folded)', (id, quote, expected) => {
    expect(checkEvidence(paragraphs, id, quote)).toBe(expected);
  });

  it('names a missing paragraph and the real range', () => {
    expect(checkEvidence(paragraphs, 'p9', 'anything')?.message).toBe(
      'paragraph p9 does not exist (the article has p1–p2)',
    );
  });

  it('points to the paragraph that does hold a misplaced quote', () => {
    const problem = checkEvidence(paragraphs, 'p2', 'Russian mafia');
    expect(problem).toMatchObject({ kind: 'not-verbatim', nearest: 'p1' });
  });

  it('rejects a paraphrase', () => {
    expect(checkEvidence(paragraphs, 'p1', 'Al Qaeda turned to gangsters')?.kind).toBe('not-verbatim');
  });
});

describe('normalizeForQuote', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normalizeForQuote(normalizeForQuote(s)) === normalizeForQuote(s)),
    );
  });
  it('makes every substring of a paragraph a valid quote of it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.nat(), (text, a, b) => {
        const t = `x ${text} y`;
        const [from, to] = [a % t.length, b % t.length].sort((x, y) => x - y) as [number, number];
        const quote = t.slice(from, to + 1);
        fc.pre(quote.trim().length > 0 && !/^\s|\s$/.test(quote));
        return checkEvidence([{ id: 'p1', text: t }], 'p1', quote) === null;
      }),
    );
  });
});
