/**
 * Pure: no DOM, no framework.
 *
 * JSON ⇄ compact URL-safe text, shared by assignment links and submission codes: stable JSON
 * (sorted keys, so equal values give equal text) → raw DEFLATE → base64url without padding.
 * `unpackJson` is total and bounded: it never throws, and it refuses to inflate past `maxBytes`
 * so a small crafted code cannot expand into gigabytes.
 */
import { readJson } from '../read-json.ts';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { stableStringify } from '../quiz/hash.ts';

/** Bytes → base64url without padding. `btoa` exists in every browser and in Node ≥ 16. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode(...bytes) overflows the argument limit on large inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes, or null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  const bare = text.replace(/=+$/, '');
  if (bare.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(bare.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Stable JSON → deflate (level 9) → base64url. Throws only on what `stableStringify` rejects. */
export function packJson(value: unknown): string {
  return toBase64Url(deflateSync(strToU8(stableStringify(value)), { level: 9 }));
}

export type UnpackProblem = 'base64' | 'deflate' | 'oversized' | 'too-deep' | 'json';

export type UnpackResult =
  { ok: true; value: unknown } | { ok: false; problem: UnpackProblem; message: string };

/** Inverse of `packJson`. Never throws; says which layer failed. */
export function unpackJson(text: string, maxBytes = 1_000_000): UnpackResult {
  const bytes = fromBase64Url(text);
  if (bytes === null) {
    return {
      ok: false,
      problem: 'base64',
      message: 'it contains characters that cannot appear in a link code (or is cut short)',
    };
  }
  let inflated: Uint8Array;
  try {
    // One byte more than allowed: if it fills up, the content is over the limit (fflate truncates to `out`).
    inflated = inflateSync(bytes, { out: new Uint8Array(maxBytes + 1) });
  } catch {
    return {
      ok: false,
      problem: 'deflate',
      message: 'it is damaged (incomplete or altered) and cannot be unpacked',
    };
  }
  if (inflated.length > maxBytes) {
    return {
      ok: false,
      problem: 'oversized',
      message: `it unpacks to more than ${maxBytes.toLocaleString('en')} bytes`,
    };
  }
  let json: string;
  try {
    json = strFromU8(inflated);
  } catch {
    return { ok: false, problem: 'deflate', message: 'it is damaged and does not unpack to text' };
  }
  const read = readJson(json, { maxChars: maxBytes, maxDepth: 32 });
  if (read.ok) return { ok: true, value: read.value };
  return read.reason === 'too-deep'
    ? {
        ok: false,
        problem: 'too-deep',
        message: 'it unpacks to data nested far deeper than any assignment or submission',
      }
    : { ok: false, problem: 'json', message: 'it unpacks to something that is not valid data (not JSON)' };
}
