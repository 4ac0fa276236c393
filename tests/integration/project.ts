/**
 * A throwaway copy of the project for tests that run the real `astro build` (node_modules linked, not
 * copied), and the build itself. Callers remove the copies with `removeProjects()` in `afterAll`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
const made: string[] = [];

export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eoc-project-'));
  made.push(dir);
  for (const entry of [
    'src',
    'content',
    'seeds',
    'public',
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
  ]) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  // Packages linked one by one, so Astro's caches (node_modules/.astro) stay in the copy.
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules')))
    if (!['.astro', '.vite', '.cache'].includes(name))
      symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  return dir;
}

export function build(dir: string) {
  return spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

export function removeProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
