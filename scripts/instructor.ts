/**
 * `npm run instructor`: the instructor tools on the instructor's own machine. Starts the dev server
 * on 127.0.0.1 (never the network) with INSTRUCTOR_LOCAL=1, so that /instructor/, the builder and
 * the review page read the final assessment's pool, keys included, straight from content/; nothing
 * is built or deployed. `npm run instructor -- --new-key-file <path>` writes a new instructor key
 * file instead (for INSTRUCTOR_KEY_FILE at build time; keep it out of the repository).
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newKeyFile } from '../src/lib/secret/crypto.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--new-key-file');
if (at >= 0) {
  const path = args[at + 1];
  if (!path) {
    process.stderr.write('instructor: --new-key-file needs a path, e.g. ~/course-instructor.key\n');
    process.exit(2);
  }
  if (existsSync(path)) {
    process.stderr.write(
      `instructor: ${path} exists; not overwriting a key (the sites built with it need it)\n`,
    );
    process.exit(1);
  }
  writeFileSync(path, newKeyFile(), { mode: 0o600 });
  process.stdout.write(
    `instructor: wrote a new key file to ${path}. Build with INSTRUCTOR_KEY_FILE=${path} npm run build\n`,
  );
  process.exit(0);
}

const port = process.env.INSTRUCTOR_PORT ?? '4322';
process.stdout.write(
  `instructor: the instructor tools, keys included, at http://127.0.0.1:${port}/instructor/\n`,
);
const child = spawn(
  process.execPath,
  [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', port],
  { stdio: 'inherit', env: { ...process.env, INSTRUCTOR_LOCAL: '1', ASTRO_TELEMETRY_DISABLED: '1' } },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
