// The export CLI, run as a user runs it: `node src/cli/export.ts …` from the repository root.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['src/cli/export.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('export CLI', () => {
  it.each([
    ['qti12', 'bank.zip'],
    ['qti21', 'bank.zip'],
    ['moodle', 'bank.xml'],
    ['gift', 'bank.gift'],
    ['csv', 'bank.csv'],
  ])('--format %s writes %s and prints the report on stderr', (format, name) => {
    const out = join(dir, format, name);
    const r = run('--format', format, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Export: .*\nQuestions: \d+, exported: \d+/);
    expect(r.stderr).toContain(`Wrote ${out}`);
    const bytes = readFileSync(out);
    if (name.endsWith('.zip')) expect(Object.keys(unzipSync(bytes))).toContain('imsmanifest.xml');
    else expect(bytes.length).toBeGreaterThan(1000);
  });

  it('gives the same bytes on every run', () => {
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    expect(run('--format', 'qti12', '--out', a).code).toBe(0);
    expect(run('--format', 'qti12', '--out', b).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it.each([
    [[], /--format is required/],
    [['--format', 'docx', '--out', 'x.docx'], /unknown --format "docx"/],
    [['--format', 'gift'], /--out <path> is required/],
    [['--format', 'qti12', '--out', 'x.xml'], /--out for qti12 must end in \.zip/],
    [['--format', 'csv', '--out', 'x.csv', '--date', 'tomorrow'], /--date must look like/],
    [['--format', 'csv', '--out', 'x.csv', '--bogus'], /Unknown option '--bogus'/],
    [['--format', 'csv', '--out', 'x.csv', 'extra'], /positional/],
  ])('exits 2 with usage for %j', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: npm run --silent export');
  });

  it('--help prints usage and exits 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--format qti12|qti21|moodle|gift|csv');
  });
});
