/**
 * The command line and the file checks behind it, run as a user would: a real node process
 * on `src/cli/ingest.ts`, real files in a temporary directory.
 */
// This file tests the I/O edge, so it needs node's modules; the library it tests stays pure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSeed, firstInvalidUtf8 } from './read.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/ingest.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => `seeds/${f}`);

describe('ingest command line', () => {
  it('prints one pretty JSON array of all articles, in argument order', () => {
    const { status, stdout, stderr } = run(...seeds);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.startsWith('[\n  {\n    "id": ')).toBe(true);
    const articles = JSON.parse(stdout) as { id: string; source: { file: string; index: number } }[];
    expect(articles).toHaveLength(11);
    expect(articles.map((a) => a.source.file)).toEqual(
      seeds.flatMap((s, i) => Array(([1, 4, 1, 4, 1] as const)[i]).fill(s.slice(6))),
    );
    expect(Object.keys(articles[0] ?? {})).toEqual([
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
  });

  it('prints the same bytes on a second run', () => {
    expect(run(...seeds).stdout).toBe(run(...seeds).stdout);
  });

  it('prints a usage line and exits 2 without arguments', () => {
    const { status, stdout, stderr } = run();
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ingest: usage: ingest <page\.txt>…\n$/);
  });

  const ok = 'Title\n\nA paragraph of text.\n';
  it.each([
    ['a missing file', () => join(tmp, 'missing.txt'), 'no such file'],
    ['an empty file', () => write('empty.txt', ''), 'empty file'],
    ['a whitespace-only file', () => write('blank.txt', ' \n\t\r\n\u00a0\n'), 'empty file (whitespace only)'],
    [
      'a file with NUL bytes',
      () => write('nul.txt', new Uint8Array([0x54, 0x69, 0x74, 0x00, 0x6c, 0x65])),
      'binary file (NUL byte at offset 3)',
    ],
    [
      'a file with byte 0xFF',
      () =>
        write(
          'latin.txt',
          Buffer.concat([Buffer.from('Title\n\nText '), Buffer.from([0xff]), Buffer.from('.\n')]),
        ),
      'not valid UTF-8 (byte 0xff at offset 12)',
    ],
    ['a directory', () => tmp, 'is a directory'],
    [
      'a page with no article',
      () => write('chrome.txt', 'Connect with us\n\nLatest\n\nTrending\n'),
      'no article found (no title followed by text)',
    ],
  ])('rejects %s with exit 1, one stderr line and no stdout', (_name, make, reason) => {
    const bad = make();
    const { status, stdout, stderr } = run(write('good.txt', ok), bad);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ingest: ${bad}: ${reason}\n`);
  });
});

describe('decodeSeed', () => {
  it.each([
    [[0xc3, 0xa9], -1],
    [[0x61, 0xff], 1],
    [[0x61, 0xc3], 1],
    [[0xe2, 0x80, 0x99, 0x80], 3],
    [[0xc0, 0xaf], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
  ])('finds the first invalid UTF-8 byte of %j at %i', (bytes, offset) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(offset);
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeSeed(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ ok: true, text: 'A' });
  });
});
