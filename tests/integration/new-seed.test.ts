/**
 * Dropping a page into seeds/ and rebuilding gives its lesson with no other step, and a seed that
 * cannot be read fails the build naming the file and the reason. Each case builds a copy of the
 * project in a temporary folder (node_modules linked, not copied).
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renameTitles } from '../../scripts/scale-set.ts';
import { build, copyProject, removeProjects, root } from './project.ts';

// Copies of the project hold a build each: removing them takes a while on a loaded machine.
afterAll(removeProjects, 120_000);

describe('seeds/ drives the course', () => {
  it('new pages in seeds/ become draft lessons and source pages; the home page stays short', () => {
    const dir = copyProject();
    cpSync(join(root, 'tests/fixtures/pages/blogger-post.txt'), join(dir, 'seeds/005_new_page.txt'));
    // 25 more small pages, so "Other lessons" has more than a home page shows (12) and two pages.
    const brief = readFileSync(join(root, 'tests/fixtures/pages/news-brief.txt'), 'utf8');
    const title = 'Police close encrypted phone network used by criminal groups';
    for (let k = 1; k <= 25; k++)
      writeFileSync(
        join(dir, `seeds/9${String(k).padStart(2, '0')}_brief.txt`),
        renameTitles(brief, [title], k, 'suffix'),
      );
    const result = build(dir);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const lessons = readdirSync(join(dir, 'dist/lessons'));
    // 11 articles, the opening unit, 25 fixture pages and the new page.
    expect(lessons).toHaveLength(38);
    const html = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');
    const drafts = lessons.filter((id) => html(`lessons/${id}/index.html`).includes('Draft lesson.'));
    expect(drafts).toHaveLength(26);
    const newId = 'why-extremists-love-encrypted-chat-apps';
    expect(drafts).toContain(newId);
    expect(existsSync(join(dir, `dist/sources/${newId}/index.html`))).toBe(true);
    expect(html(`lessons/${newId}/index.html`)).toContain('Practice (draft)');

    // Home: every module lesson (the opening unit too), and the first 12 other lessons with a link to all 26.
    const home = html('index.html');
    const links = (page: string) =>
      [...page.matchAll(/<a class="lesson-link" href="\/lessons\/([^/]+)\/"/g)].map((m) => m[1]);
    expect(links(home)).toHaveLength(12 + 12);
    expect(home).toContain(`/lessons/${newId}/`);
    expect(home).toMatch(/<a href="\/more\/"[^>]*>\s*All 26 other lessons\s*<\/a>/);
    // "Other lessons": 24 on the first page, the last 2 on the second, none twice, none lost.
    const first = links(html('more/index.html'));
    const second = links(html('more/2/index.html'));
    expect([first.length, second.length]).toEqual([24, 2]);
    expect(new Set([...first, ...second]).size).toBe(26);
    expect(html('more/index.html')).toMatch(/href="\/more\/2\/" rel="next"/);
    expect(existsSync(join(dir, 'dist/more/3/index.html'))).toBe(false);
    // The build log names the short draft lessons.
    expect(result.stdout).toContain(
      '26 draft lessons (no content/quizzes/<id>.yaml; practice questions are generated)',
    );
    expect(result.stdout).toMatch(
      /draft lesson why-extremists-love-encrypted-chat-apps \(seeds\/005_new_page\.txt\): short article, 57 words/,
    );
  }, 300_000);

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
        '<html lang="en"><head><title>Planted</title></head><body><main>',
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
