/**
 * Build step (Astro integration, `astro:build:done`, after the study integration has written the
 * Pagefind index): scan every built file for what the course must never show, and fail the build
 * naming the page and the paragraph. Pagefind's files are gzip-compressed, so they are unpacked
 * first. The patterns and the scanning are pure (src/lib/safety/); this module only reads files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import {
  formatFinding,
  scanHtmlPage,
  scanSearchFragment,
  scanSearchIndex,
  scanTextFile,
  type Finding,
  type SearchFragment,
} from '../lib/safety/scan.ts';

/** Files read as text; images, fonts and WebAssembly are not. */
const TEXT = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.xml',
  '.txt',
  '.svg',
  '.webmanifest',
  '.map',
]);

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/** Pagefind writes `pagefind_dcd` then the payload, gzip-compressed. */
function unpackPagefind(bytes: Buffer): Buffer {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const signature = 'pagefind_dcd';
  return raw.subarray(0, signature.length).toString('latin1') === signature
    ? raw.subarray(signature.length)
    : raw;
}

/**
 * Files of ciphertext only (the instructor's lockbox, src/lib/secret/crypto.ts): random base64url,
 * which looks like an address by chance and says nothing. The pool's prompts and options are
 * scanned where the site shows them (/assessment/, /assignment/public/).
 */
const CIPHERTEXT = new Set(['instructor/pool/locked.json']);

/** Every finding in the built site at `out`. */
export function scanBuild(out: string): Finding[] {
  const findings: Finding[] = [];
  for (const file of listFiles(out).sort()) {
    const path = join(out, file);
    if (CIPHERTEXT.has(file)) continue;
    if (file.endsWith('.pf_fragment')) {
      const fragment = JSON.parse(unpackPagefind(readFileSync(path)).toString('utf8')) as SearchFragment;
      findings.push(...scanSearchFragment(file, fragment));
    } else if (/\.pf_(index|meta|filter)$/.test(file)) {
      findings.push(...scanSearchIndex(file, unpackPagefind(readFileSync(path)).toString('latin1')));
    } else if (extname(file) === '.html') {
      findings.push(...scanHtmlPage(file, readFileSync(path, 'utf8')));
    } else if (TEXT.has(extname(file))) {
      findings.push(...scanTextFile(file, readFileSync(path, 'utf8')));
    }
  }
  return findings;
}

/** Throws, listing every finding, when the built site shows anything it must not. */
export function assertSafeBuild(out: string): number {
  const findings = scanBuild(out);
  if (findings.length > 0) {
    throw new Error(
      `safety: the built site shows ${findings.length} thing(s) the course never shows ` +
        `(cryptocurrency addresses, messaging-channel links, account handles, hashtags):\n  ` +
        findings.map(formatFinding).join('\n  '),
    );
  }
  return listFiles(out).length;
}

export default function safety(): AstroIntegration {
  return {
    name: 'eoc-safety',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = assertSafeBuild(fileURLToPath(dir));
        logger.info(`${files} built files scanned: no addresses, channel links, handles or hashtags`);
      },
    },
  };
}
