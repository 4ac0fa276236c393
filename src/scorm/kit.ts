/**
 * Build-time (Node): the SCORM kit, the files every SCORM package carries whatever the assignment.
 * - `player.js` + `player.css`: `player.ts` and the question cards it mounts, bundled by Vite into
 *   one classic script (IIFE) and one stylesheet, so the launch page works from any folder an LMS
 *   unpacks it into, and from `file://`, with no module loading and no request outside the package;
 * - the four SCORM 1.2 schema files (`schemas/`).
 * Built once per site build (`src/integrations/scorm.ts` serves it to the builder page as JSON) and
 * once per run of `npm run export -- --format scorm`, from the same sources, so both give the same
 * package. `src/lib/scorm/package.ts` adds the per-assignment files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { PLAYER_SCRIPT, PLAYER_STYLES, SCHEMA_FILES, type ScormKit } from '../lib/scorm/package.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Bundles the player and reads the schema files. Takes a few seconds (a Vite build). */
export async function buildScormKit(): Promise<ScormKit> {
  const result = await build({
    configFile: false,
    root: here,
    // Errors only: a slow machine makes Vite print build-timing notes that are noise on the CLI.
    logLevel: 'error',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [svelte({ compilerOptions: { discloseVersion: false } })],
    build: {
      write: false,
      emptyOutDir: false,
      minify: true,
      target: 'es2022',
      cssCodeSplit: false,
      lib: {
        entry: join(here, 'player.ts'),
        formats: ['iife'],
        name: 'scormPlayer',
        fileName: () => PLAYER_SCRIPT,
        cssFileName: PLAYER_STYLES.replace(/\.css$/, ''),
      },
    },
  });
  const outputs = Array.isArray(result) ? result : 'output' in result ? [result] : [];
  const bundle = outputs.flatMap((output) => output.output);
  const text = (name: string): string => {
    const file = bundle.find((item) => item.fileName === name);
    if (!file) throw new Error(`scorm kit: the player build gave no ${name}`);
    return file.type === 'chunk' ? file.code : String(file.source);
  };
  return {
    v: 1,
    files: [
      { path: PLAYER_SCRIPT, content: text(PLAYER_SCRIPT) },
      { path: PLAYER_STYLES, content: text(PLAYER_STYLES) },
      ...SCHEMA_FILES.map((name) => ({
        path: name,
        content: readFileSync(join(here, 'schemas', name), 'utf8'),
      })),
    ],
  };
}
