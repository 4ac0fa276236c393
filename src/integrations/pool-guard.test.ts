import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { pagesShowingPool } from './pool-guard.ts';

const ITEMS = [
  { id: 'fa-one', prompt: 'Which reading of the seizure figures does a careful comparison support?' },
  { id: 'fa-two', prompt: 'What obstacle should the delegation expect?' },
];
let out = '';

function page(path: string, html: string): void {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), `<!doctype html><html><body>${html}</body></html>`);
}

afterEach(() => rmSync(out, { recursive: true, force: true }));

it('names every page outside /assessment/ and the instructor pages that shows a pool item', () => {
  out = mkdtempSync(join(tmpdir(), 'eoc-dist-'));
  page('assessment/index.html', `<p>${ITEMS[0]!.prompt}</p><p>${ITEMS[1]!.prompt}</p>`);
  page('instructor/index.html', '<fieldset data-qid="fa-two"></fieldset>');
  page(
    'lessons/mali/index.html',
    '<p>Which reading of the seizure figures does a <em>careful</em> comparison support?</p>',
  );
  page('sources/mali/index.html', '<p>What obstacle should the delegation expect? Nothing else.</p>');
  page('index.html', '<p>What obstacle?</p>');
  expect(pagesShowingPool(out, ITEMS)).toEqual([
    'lessons/mali/index.html: fa-one',
    'sources/mali/index.html: fa-two',
  ]);
});
