/**
 * The file side of ingest (seed page → articles → content collections): read one seed page and
 * refuse it, with a reason a person can act on, when it is not a text page. Shared by the
 * command line and the Astro content loader; the parsing itself stays pure in `index.ts`.
 */
import { readFileSync, statSync } from 'node:fs';

export type SeedResult = { ok: true; text: string } | { ok: false; reason: string };

/** A seed page this large is not a scraped article page: refused before it is read. */
export const MAX_SEED_BYTES = 5 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const tooLarge = (bytes: number) =>
  `too large (${megabytes(bytes)}; a seed page must be under ${MAX_SEED_BYTES / 1024 / 1024} MB)`;

const hex = (byte: number): string => `0x${byte.toString(16).padStart(2, '0')}`;

/**
 * Offset of the first byte that breaks UTF-8, for the error message. `TextDecoder` only says
 * that the input is invalid, not where, and a person fixing a seed needs the where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three-byte forms, UTF-16 surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/** Check bytes as a seed page: not empty, under 5 MB, no NUL (binary), valid UTF-8, not only whitespace. */
export function decodeSeed(bytes: Uint8Array): SeedResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length >= MAX_SEED_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `binary file (NUL byte at offset ${nul})` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason: `not valid UTF-8 (byte ${hex(bytes[at] ?? 0)} at offset ${Math.max(at, 0)})`,
    };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file (whitespace only)' };
  return { ok: true, text };
}

/** Read and check one seed page. Never throws: every failure is a `reason`. */
export function readSeed(path: string): SeedResult {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (stat.size >= MAX_SEED_BYTES) return { ok: false, reason: tooLarge(stat.size) };
    return decodeSeed(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (code === 'EACCES') return { ok: false, reason: 'permission denied' };
    return { ok: false, reason: `cannot read (${code ?? String(error)})` };
  }
}
