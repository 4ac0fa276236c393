/**
 * Dropping a page into seeds/ and rebuilding gives its lesson with no other step, and a seed that
 * cannot be read fails the build naming the file and the reason. Each case builds a copy of the
 * project in a temporary folder (node_modules linked, not copied).
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, copyProject, removeProjects, root } from './project.ts';

afterAll(removeProjects);

describe('seeds/ drives the course', () => {
  it('a new page in seeds/ becomes a draft lesson and a source page on the next build', () => {
    const dir = copyProject();
    cpSync(join(root, 'tests/fixtures/pages/blogger-post.txt'), join(dir, 'seeds/005_new_page.txt'));
    const result = build(dir);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const lessons = readdirSync(join(dir, 'dist/lessons'));
    // 11 articles, the opening unit and the new page.
    expect(lessons).toHaveLength(13);
    const home = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    const drafts = lessons.filter((id) =>
      readFileSync(join(dir, `dist/lessons/${id}/index.html`), 'utf8').includes('Draft lesson.'),
    );
    expect(drafts).toHaveLength(1);
    const newId = drafts[0]!;
    expect(existsSync(join(dir, `dist/sources/${newId}/index.html`))).toBe(true);
    expect(home).toContain(`/lessons/${newId}/`);
    expect(home).toContain('Other lessons');
  }, 180_000);

  it('a seed that is not UTF-8 fails the build with the file name and the reason', () => {
    const dir = copyProject();
    writeFileSync(
      join(dir, 'seeds/006_broken.txt'),
      Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xff, 0xfe, 0x0a]),
    );
    const result = build(dir);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/seeds\/006_broken\.txt: .*UTF-8/);
  }, 180_000);
});

describe('what the course never shows', () => {
  it('a page with a planted address, handle and channel link fails the build, naming the page', () => {
    const dir = copyProject();
    writeFileSync(
      join(dir, 'src/pages/planted.astro'),
      [
        '<html lang="en"><body><main>',
        '<div id="p3"><p>Donate to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 today.</p></div>',
        '<div id="p4"><p>Follow @planted_handle for more.</p></div>',
        '<div id="p5"><a href="https://t.me/planted_channel">Join</a></div>',
        '</main></body></html>',
      ].join('\n'),
    );
    const result = build(dir);
    const output = result.stdout + result.stderr;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('/planted/, paragraph p3: bitcoin address (base58)');
    expect(output).toContain('/planted/, paragraph p4: account handle');
    expect(output).toContain('/planted/, paragraph p5, href attribute: Telegram link');
  }, 180_000);
});
