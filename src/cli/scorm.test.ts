// `npm run export -- --format scorm --assignment '<link>'`, run as a user runs it, from the
// repository root with no site build: the player is bundled on the fly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { assignmentPath, encodeSpec, withId } from '../lib/assign/spec.ts';
import { SCHEMA_FILES } from '../lib/scorm/package.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'scorm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/export.ts', ...args], { cwd: root, encoding: 'utf8' });

const scorm = (assignment: string, out: string) =>
  run('--format', 'scorm', '--assignment', assignment, '--out', out);

function link(questions: string[]): string {
  const spec = withId({
    v: 1,
    title: 'Week 2',
    questions,
    seed: 'cli',
    attempts: 1,
    shuffleQuestions: true,
    shuffleOptions: true,
    review: 'immediate',
  });
  return `https://course.example/assignment/#${encodeSpec(spec)}`;
}

describe('export --format scorm', () => {
  it('writes the package for a share link and says what it holds', () => {
    const out = join(dir, 'week2.zip');
    const r = scorm(link(['crime-q01', 'crime-q02', 'crime-q10']), out);
    expect(r.stderr).toMatch(/^SCORM 1\.2 package: "Week 2", 3 question\(s\), \d+\.\d KB\n/);
    // What the LMS's interaction report cannot show exactly, with the questions concerned.
    expect(r.stderr).toContain('  - cloze recorded as one fill-in interaction: the blanks in reading order');
    expect(r.stderr).toMatch(/result comes from the course's own grader, .* — crime-q10\n/);
    expect(r.stderr).toContain('a determined student can read them');
    expect(r.stderr).toContain(`Wrote ${out}`);
    expect(r.status).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(
      ['imsmanifest.xml', 'index.html', 'assignment.js', 'player.js', 'player.css', ...SCHEMA_FILES].sort(),
    );
    // The bundled player is a classic script (the launch page has no type="module").
    const player = strFromU8(files['player.js'] as Uint8Array);
    expect(player).not.toMatch(/^\s*(import|export)\s/m);
    expect(player.length).toBeGreaterThan(10_000);
  });

  it.each([
    [
      'https://course.example/assignment/#not-a-real-code!',
      /cannot read the assignment link "https:\/\/course\.example\/assignment\/#not-a-real-code!": This assignment link cannot be read/,
    ],
    ['', /--format scorm needs --assignment/],
  ])('refuses the link %j with a message naming it, and writes nothing', (bad, message) => {
    const out = join(dir, 'bad', 'x.zip');
    const r = scorm(bad, out);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it('names the questions the course no longer has, and writes no zip (not even a partial one)', () => {
    const out = join(dir, 'gone', 'x.zip');
    const r = scorm(link(['crime-q01', 'no-such-q', 'old-q9']), out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^export: the assignment link "https:\/\/course\.example\/assignment\/#.{1,40}….{12}" \("Week 2"\) names 2 question\(s\) the course no longer has: no-such-q, old-q9\. /,
    );
    expect(r.stderr).toContain('No package was written.');
    expect(existsSync(join(dir, 'gone')) ? readdirSync(join(dir, 'gone')) : []).toEqual([]);
  });

  it('takes the /assignment/#… path the assign CLI prints, and wants a .zip', () => {
    const path = assignmentPath(
      withId({
        v: 1,
        title: 'T',
        questions: ['crime-q01'],
        seed: 's',
        attempts: 1,
        shuffleQuestions: false,
        shuffleOptions: false,
        review: 'never',
      }),
    );
    const r = scorm(path, join(dir, 'x.txt'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out for scorm must end in .zip, got');
    expect(run('--format', 'gift', '--out', 'x.gift', '--assignment', path).stderr).toContain(
      '--assignment goes with --format scorm only',
    );
  });
});
