// The printable worksheet and its answer key for every question of the real bank and of the export
// fixtures, stored as files under __snapshots__/ so that a change to what an instructor prints shows
// up as a readable diff. Svelte's comment anchors, scoped-style class hashes and whitespace between
// tags are normalised away: what is pinned is the elements, their classes and their text.
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../cli/bank.ts';
import { worksheetItem } from '../../lib/assign/worksheet.ts';
import { FIXTURES } from '../../lib/export/fixtures.ts';
import Worksheet from './Worksheet.svelte';

// jsdom gives modules http: URLs, so the repository root is where vitest runs.
const BANK = loadBank(process.cwd()).questions.map((entry) => entry.question);

function printed(html: string): string {
  return html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/ ?\bsvelte-[a-z0-9]+\b/g, '')
    .replace(/ class=""/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*(<[^>]+>)\s*/g, '$1')
    .replace(/(<\/li>|<\/p>|<\/ul>|<\/div>|<\/h2>)/g, '$1\n');
}

describe.each([
  ['bank', BANK],
  ['fixtures', FIXTURES],
] as const)('%s', (name, questions) => {
  it.each([
    ['worksheet', false],
    ['answer key', true],
  ] as const)('the printed %s is unchanged', async (what, answerKey) => {
    const { container } = render(Worksheet, {
      props: { title: 'Title', items: questions.map((q) => worksheetItem(q)), answerKey },
    });
    await expect(printed(container.innerHTML)).toMatchFileSnapshot(
      `__snapshots__/${name}-${what.replace(' ', '-')}.html.txt`,
    );
  });
});
