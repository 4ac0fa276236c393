import { describe, expect, it } from 'vitest';
import { evidenceArticle, locateQuote, sourceHref, textDirective } from './source-link.ts';

describe('locateQuote', () => {
  it("uses the paragraph's own characters and whole words", () => {
    const paragraph = 'The group’s “media office” — as it calls itself — moved   to Telegram.';
    expect(locateQuote(paragraph, `group's "media office" - as it`)).toBe('group’s “media office” — as it');
    expect(locateQuote(paragraph, 'moved to Telegra')).toBe('moved to Telegram.');
  });

  it('falls back to the quote when it is not found', () => {
    expect(locateQuote('Nothing here.', 'something  else')).toBe('something else');
  });
});

describe('textDirective', () => {
  it('encodes short quotes whole, escaping the directive syntax', () => {
    expect(textDirective('al-Qaeda, 2015 & later')).toBe('text=al%2DQaeda%2C%202015%20%26%20later');
  });

  it('links long quotes by their first and last five words', () => {
    const words = 'one two three four five six seven eight nine ten eleven';
    expect(textDirective(words)).toBe(
      'text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven',
    );
  });
});

it('sourceHref points at the paragraph with a text fragment', () => {
  expect(
    sourceHref('/', 'mali', { paragraph: 'p7', quote: 'the welcome pages' }, 'Modifying the welcome pages.'),
  ).toBe('/sources/mali/#p7:~:text=the%20welcome%20pages.');
});

describe('evidenceArticle', () => {
  it("is the lesson's own article unless the evidence names another", () => {
    expect(evidenceArticle({ lesson: 'mali', evidence: {} })).toBe('mali');
    expect(evidenceArticle({ lesson: 'reading-sources', evidence: { article: 'mali' } })).toBe('mali');
  });
});
