/**
 * The bank exported from the command line and from the site names its Moodle categories the same
 * way (issue 17: importing both used to create every lesson's category twice).
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_FILES } from '../../src/data/exports.ts';

const categories = (text: string, pattern: RegExp): string[] =>
  [...text.matchAll(pattern)].map((m) => m[1] ?? '');

for (const [format, pattern] of [
  ['moodle', /<category>\s*<text>([^<]*)<\/text>/g],
  ['gift', /^\$CATEGORY:\s*(.*)$/gm],
] as const) {
  test(`${format}: the command line and the site's export use the same category names`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    try {
      const out = join(dir, EXPORT_FILES[format].file);
      const run = spawnSync(process.execPath, ['src/cli/export.ts', '--format', format, '--out', out], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const cli = categories(readFileSync(out, 'utf8'), pattern);
      const site = categories(
        readFileSync(`dist/instructor/exports/${EXPORT_FILES[format].file}`, 'utf8'),
        pattern,
      );
      expect(cli.length).toBeGreaterThan(5);
      expect(cli).toEqual(site);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
