/**
 * Every way a seed can be unusable fails with the file and the reason (the build shows this
 * message and stops: tests/integration/new-seed.test.ts builds one such case end to end).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SEED_BYTES } from '../lib/ingest/read.ts';
import { readSeedFolder } from './seed-folder.ts';
import { draftLessonLog } from './seeds.ts';

const repo = resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A project root whose seeds/ holds one good page and `extra`. */
function project(extra: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'eoc-seeds-'));
  made.push(root);
  mkdirSync(join(root, 'seeds'));
  copyFileSync(join(repo, 'seeds/000_349f0ac853ac9284.txt'), join(root, 'seeds/000_good.txt'));
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(root, 'seeds', name), content);
  return root;
}

describe('a seed that cannot be used fails with the file and the reason', () => {
  it.each<[string, string | Uint8Array, RegExp]>([
    ['an empty page', '', /^seeds: seeds\/001_bad\.txt: empty file$/],
    ['a page of spaces', '  \n\n ', /^seeds: seeds\/001_bad\.txt: empty file \(whitespace only\)$/],
    [
      'a binary file',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      /^seeds: seeds\/001_bad\.txt: binary file \(NUL byte at offset 4\)$/,
    ],
    [
      'a page that is not UTF-8',
      new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x74, 0xe9]),
      /^seeds: seeds\/001_bad\.txt: not valid UTF-8 \(byte 0xe9 at offset 6\)$/,
    ],
    [
      'a page with no article in it',
      'Connect with us\n\nLatest\n\nTrending\n',
      /^seeds: seeds\/001_bad\.txt: no article found in the page/,
    ],
    [
      'a page of 5 MB',
      'A title\n\n' + 'Text of a sentence that goes on. '.repeat(MAX_SEED_BYTES / 32),
      /^seeds: seeds\/001_bad\.txt: too large \(5\.\d MB; a seed page must be under 5 MB\)$/,
    ],
  ])('%s', (_what, content, message) => {
    const root = project({ '001_bad.txt': content });
    expect(() => readSeedFolder(root)).toThrow(message);
  });

  it('a page just under 5 MB is read', () => {
    const body = 'Text of a sentence that goes on. '.repeat(Math.floor((MAX_SEED_BYTES - 200) / 33));
    const root = project({ '001_big.txt': `A long article about nothing\n\n${body}\n` });
    expect(readSeedFolder(root).articles.map((a) => a.file)).toEqual([
      'seeds/000_good.txt',
      'seeds/001_big.txt',
    ]);
  });

  it('two pages that give the same article id fail, naming both files', () => {
    const root = project({});
    copyFileSync(join(repo, 'seeds/000_349f0ac853ac9284.txt'), join(root, 'seeds/001_copy.txt'));
    expect(() => readSeedFolder(root)).toThrow(
      'seeds: seeds/001_copy.txt: article id "al-qaeda-turns-to-organised-crime" is also produced by seeds/000_good.txt',
    );
  });
});

describe('the build log', () => {
  it('names a short draft lesson with its words and the size of its draft practice', () => {
    const root = project({});
    copyFileSync(join(repo, 'tests/fixtures/pages/news-brief.txt'), join(root, 'seeds/005_brief.txt'));
    const { articles } = readSeedFolder(root);
    expect(draftLessonLog(root, articles)).toEqual([
      '2 draft lessons (no content/quizzes/<id>.yaml; practice questions are generated): al-qaeda-turns-to-organised-crime, police-close-encrypted-phone-network-used-by-criminal-groups',
      'draft lesson police-close-encrypted-phone-network-used-by-criminal-groups (seeds/005_brief.txt): short article, 60 words; its draft practice has 1 question',
    ]);
  });

  it('says nothing when every article has a bank', () => {
    const { articles } = readSeedFolder(repo);
    expect(draftLessonLog(repo, articles)).toEqual([]);
  });
});
