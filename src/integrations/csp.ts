/**
 * After the build, give every HTML page its Content-Security-Policy (src/lib/csp/policy.ts), with
 * the SHA-256 hashes of exactly the inline scripts and styles it serves. Runs before the study
 * integration, whose service-worker version hashes the finished pages. A page the policy cannot
 * cover (an inline event handler, say) fails the build with its name and the reason.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPolicy } from '../lib/csp/policy.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export default function csp(): AstroIntegration {
  return {
    name: 'eoc-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = htmlFiles(out);
        for (const file of files) {
          const result = withPolicy(readFileSync(file, 'utf8'), sha256);
          if (!result.ok) throw new Error(`csp: ${relative(out, file)}: ${result.error}`);
          writeFileSync(file, result.html);
        }
        logger.info(`Content-Security-Policy on ${files.length} pages`);
      },
    },
  };
}
