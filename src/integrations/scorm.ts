/**
 * Astro integration: the SCORM kit (`src/scorm/kit.ts`: the package's player and schema files) as
 * one JSON file at `SCORM_KIT_PATH`, which the assignment builder fetches to zip a package in the
 * browser. Written after the build; built on the first request in `astro dev`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SCORM_KIT_PATH } from '../lib/scorm/package.ts';
import { buildScormKit } from '../scorm/kit.ts';

export default function scorm(): AstroIntegration {
  let kit: Promise<string> | null = null;
  const kitJson = (): Promise<string> => (kit ??= buildScormKit().then((built) => JSON.stringify(built)));
  return {
    name: 'scorm-kit',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(SCORM_KIT_PATH, (_req, res) => {
          kitJson().then(
            (json) => {
              res.setHeader('Content-Type', 'application/json');
              res.end(json);
            },
            (error: unknown) => {
              kit = null;
              res.statusCode = 500;
              res.end(String(error));
            },
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const file = join(fileURLToPath(dir), SCORM_KIT_PATH);
        mkdirSync(dirname(file), { recursive: true });
        const json = await kitJson();
        writeFileSync(file, json);
        logger.info(`SCORM kit: ${SCORM_KIT_PATH} (${Math.round(json.length / 1024)} KB)`);
      },
    },
  };
}
