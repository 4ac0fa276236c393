/**
 * The build step itself, over fixture sites: a page or a search fragment with a planted address,
 * handle or channel link makes `astro:build:done` throw, naming the page and the paragraph.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import safety, { scanBuild } from './safety.ts';

const ADDRESS = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
const made: string[] = [];

function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eoc-safety-'));
  made.push(dir);
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), body);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html><body><main id="main">${body}</main></body></html>`;
const fragment = (data: object) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(data)}`));

async function runHook(dir: string): Promise<string[]> {
  const logged: string[] = [];
  const hook = safety().hooks['astro:build:done'] as unknown as (o: object) => Promise<void> | void;
  await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: (m: string) => logged.push(m) } });
  return logged;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the safety build step', () => {
  it('passes a clean site and says how many files it read', async () => {
    const dir = site({
      'index.html': page('<p>Write to editor@example.org about item #12 in C#.</p>'),
      'pagefind/fragment/en_1.pf_fragment': fragment({ url: '/', content: 'Clean text.', anchors: [] }),
      '_astro/app.B1x9ZkQ2.js': 'export const a = 1;',
    });
    expect(await runHook(dir)).toEqual([
      '3 built files scanned: no addresses, channel links, handles or hashtags',
    ]);
  });

  it.each([
    ['an address', `<div id="p27"><p>– ${ADDRESS};</p></div>`, 'paragraph p27: bitcoin address (base58)'],
    [
      'a handle',
      '<div id="p30"><p>the account @planted_handle posts</p></div>',
      'paragraph p30: account handle',
    ],
    [
      'a channel link',
      '<div id="p9"><a href="https://t.me/planted">join</a></div>',
      'paragraph p9, href attribute: Telegram link',
    ],
  ])('fails the build on a page with %s, naming the page and the paragraph', async (_what, body, message) => {
    const dir = site({ 'index.html': page('<p>fine</p>'), 'sources/planted/index.html': page(body) });
    await expect(runHook(dir)).rejects.toThrow(`/sources/planted/, ${message}`);
  });

  it('reads the compressed search index too', () => {
    const dir = site({
      'pagefind/fragment/en_2.pf_fragment': fragment({
        url: '/sources/planted/',
        content: `Heading. 1 Donate to ${ADDRESS} now.`,
        anchors: [{ element: 'div', id: 'p1', text: '1', location: 1 }],
      }),
      'pagefind/index/en_3.pf_index': gzipSync(
        Buffer.from(`pagefind_dcd\u0083x"${ADDRESS.toLowerCase()}`, 'latin1'),
      ),
    });
    expect(scanBuild(dir).map((f) => [f.page, f.where, f.label])).toEqual([
      ['/sources/planted/', 'paragraph p1', 'bitcoin address (base58)'],
      [null, 'search index', 'bitcoin address (lower-cased)'],
    ]);
  });
});
