import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, poolItemsOnPage } from './pool-guard.ts';

const ITEM = {
  id: 'fa-prop-03',
  prompt:
    'Paragraph 38 reports that one-minute videos held viewers *less* well on Instagram. How firmly does the article establish that?',
};
const OTHER = { id: 'fa-nexus-01', prompt: 'What value of the Russian market do these two figures imply?' };

/** How Astro writes an island's props: JSON inside an HTML attribute, with the five HTML characters escaped. */
function islandProps(props: unknown): string {
  const json = JSON.stringify(props)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return `<astro-island uid="x" props="${json}"></astro-island>`;
}

describe('poolItemsOnPage', () => {
  it('finds a prompt rendered as text, with its emphasis as <em> and its apostrophes as entities', () => {
    const html = `<p>Paragraph 38 reports that one&#8209;minute videos held viewers <em>less</em> well on Instagram.
      How firmly does the article establish&nbsp;that?</p>`;
    expect(poolItemsOnPage(html, [ITEM, OTHER])).toEqual(['fa-prop-03']);
  });

  it('finds a prompt inside a quiz island’s props, and an id in a data attribute', () => {
    expect(
      poolItemsOnPage(islandProps({ question: [0, { prompt: [0, OTHER.prompt] }] }), [ITEM, OTHER]),
    ).toEqual(['fa-nexus-01']);
    expect(poolItemsOnPage('<fieldset data-qid="fa-prop-03"></fieldset>', [ITEM, OTHER])).toEqual([
      'fa-prop-03',
    ]);
  });

  it('passes a page that quotes part of a prompt, or an id inside a longer one', () => {
    const html = '<p>How firmly does the article establish that?</p><p data-qid="fa-prop-030">x</p>';
    expect(poolItemsOnPage(html, [ITEM, OTHER])).toEqual([]);
  });

  it('finds any prompt, however it is escaped into island props', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', '"', "'", '&', '<', '’', '\n', 'é', '*'),
      minLength: 12,
    });
    fc.assert(
      fc.property(text, (prompt) => {
        fc.pre(/[ab]{3}/.test(prompt));
        const item = { id: 'fa-x', prompt };
        expect(poolItemsOnPage(`<main>${islandProps({ prompt })}</main>`, [item])).toEqual(['fa-x']);
      }),
    );
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references and leaves unknown ones', () => {
    expect(decodeEntities('&quot;a&quot; &#39;b&#x27; &amp;c &lt;d&gt; &bogus; &#xZZ;')).toBe(
      `"a" 'b' &c <d> &bogus; &#xZZ;`,
    );
  });
});
