/**
 * Pure: no DOM, no framework (WebCrypto is the same `crypto.subtle` in browsers and in Node ≥ 20).
 *
 * The cryptography that keeps the secret pool's keys out of students' reach on a site with no server:
 * - **Sealed values**: JSON → raw DEFLATE → AES-256-GCM with a fresh 96-bit IV, written as one
 *   base64url string `iv ‖ ciphertext+tag`. GCM authenticates: a damaged or altered value, or the
 *   wrong key, fails as a whole, so nothing is ever half-decrypted. `aad` binds a sealed value to
 *   its context (an assignment's id), so it cannot be moved to another assignment.
 * - **The instructor lockbox** (`/instructor/pool.json`): the pool sealed under a random data key,
 *   that key wrapped once per credential: a passphrase (PBKDF2-SHA-256, ≥ 600,000 iterations, the
 *   OWASP 2023 figure for PBKDF2-HMAC-SHA256, with a random 128-bit salt) and/or a key file (a raw
 *   256-bit key). A wrong passphrase fails at its slot, a damaged pool at the data, and each says so.
 * - **Assignment keys**: a random 256-bit key per assignment, as 43 base64url characters, which the
 *   release link carries in its fragment.
 */
import { deflateSync, inflateSync, strFromU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from '../assign/pack.ts';

/** PBKDF2-SHA-256 iterations for a passphrase (OWASP's 2023 minimum for this hash). */
export const PBKDF2_ITERATIONS = 600_000;
/** Fewer iterations than this are refused when opening a lockbox: a tampered file cannot weaken it. */
export const MIN_PBKDF2_ITERATIONS = 600_000;

const IV_BYTES = 12;
const KEY_BYTES = 32;
const MAX_PLAIN_BYTES = 20_000_000;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

const encoder = new TextEncoder();

function bytes(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

function importAesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** The AES-256-GCM key a passphrase gives with this salt and iteration count. */
export async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', bytes(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function encryptBytes(key: CryptoKey, plain: Uint8Array<ArrayBuffer>, aad?: string): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const params: AesGcmParams = {
    name: 'AES-GCM',
    iv,
    ...(aad === undefined ? {} : { additionalData: bytes(aad) }),
  };
  const cipher = new Uint8Array(await subtle().encrypt(params, key, plain));
  const out = new Uint8Array(IV_BYTES + cipher.length);
  out.set(iv);
  out.set(cipher, IV_BYTES);
  return toBase64Url(out);
}

/** Null when `sealed` is not base64url, too short, or does not authenticate under `key`. */
async function decryptBytes(key: CryptoKey, sealed: string, aad?: string): Promise<Uint8Array | null> {
  const all = typeof sealed === 'string' ? fromBase64Url(sealed) : null;
  if (all === null || all.length < IV_BYTES + 16) return null;
  const iv = all.slice(0, IV_BYTES);
  const params: AesGcmParams = {
    name: 'AES-GCM',
    iv,
    ...(aad === undefined ? {} : { additionalData: bytes(aad) }),
  };
  try {
    return new Uint8Array(await subtle().decrypt(params, key, all.slice(IV_BYTES)));
  } catch {
    return null;
  }
}

/** `value` as JSON, deflated and sealed under `key`. */
export async function sealJson(key: CryptoKey, value: unknown, aad?: string): Promise<string> {
  return encryptBytes(key, deflateSync(bytes(JSON.stringify(value)), { level: 9 }), aad);
}

/** The value `sealJson` sealed, or null when the key is wrong or the text damaged. Never throws. */
export async function openJson(
  key: CryptoKey,
  sealed: string,
  aad?: string,
): Promise<{ value: unknown } | null> {
  const plain = await decryptBytes(key, sealed, aad);
  if (plain === null) return null;
  try {
    const inflated = inflateSync(plain, { out: new Uint8Array(MAX_PLAIN_BYTES + 1) });
    if (inflated.length > MAX_PLAIN_BYTES) return null;
    return { value: JSON.parse(strFromU8(inflated)) as unknown };
  } catch {
    return null;
  }
}

// ─── Assignment keys ────────────────────────────────────────────────────────────────────────────

/** A fresh per-assignment key, as the release link carries it (43 base64url characters). */
export function newAssignmentKey(): string {
  return toBase64Url(randomBytes(KEY_BYTES));
}

/** The CryptoKey of an assignment key's text, or null when the text is not a 256-bit key. */
export async function assignmentKey(text: string): Promise<CryptoKey | null> {
  const raw = typeof text === 'string' ? fromBase64Url(text.trim()) : null;
  return raw !== null && raw.length === KEY_BYTES ? importAesKey(new Uint8Array(raw)) : null;
}

// ─── The instructor lockbox ─────────────────────────────────────────────────────────────────────

/** One way to open a lockbox: its data key, wrapped under a passphrase's or a key file's key. */
export type LockboxSlot =
  | { kind: 'passphrase'; kdf: 'PBKDF2-SHA-256'; iterations: number; salt: string; wrapped: string }
  | { kind: 'keyfile'; wrapped: string };

/** What `/instructor/pool.json` holds when the site is built with an instructor key. */
export interface Lockbox {
  v: 1;
  slots: LockboxSlot[];
  /** The content, sealed under the data key. */
  data: string;
}

/** What the build is given (from the environment). */
export interface InstructorCredentials {
  passphrase?: string;
  /** The key file's text (see `readKeyFile`). */
  keyFile?: string;
}

/** A new key file's text: a raw 256-bit key, labelled so that a wrong file is recognised. */
export function newKeyFile(): string {
  return `${JSON.stringify({ kind: 'course-instructor-key', v: 1, key: toBase64Url(randomBytes(KEY_BYTES)) })}\n`;
}

/** A key file's raw key, or a sentence saying what is wrong with the file. */
export function readKeyFile(
  text: string,
): { ok: true; raw: Uint8Array<ArrayBuffer> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'This key file is damaged: it is not the JSON the course writes (was it edited or cut short?).',
    };
  }
  const v = value as { kind?: unknown; key?: unknown } | null;
  if (typeof v !== 'object' || v === null || v.kind !== 'course-instructor-key') {
    return {
      ok: false,
      error: 'This is not an instructor key file of the course (it lacks "kind": "course-instructor-key").',
    };
  }
  const raw = typeof v.key === 'string' ? fromBase64Url(v.key) : null;
  if (raw === null || raw.length !== KEY_BYTES) {
    return { ok: false, error: 'This key file is damaged: its "key" is not a 256-bit key in base64url.' };
  }
  return { ok: true, raw: new Uint8Array(raw) };
}

/** `value` in a lockbox that each given credential opens. Throws when none is given or a key file is bad. */
export async function createLockbox(
  value: unknown,
  credentials: InstructorCredentials,
  iterations = PBKDF2_ITERATIONS,
): Promise<Lockbox> {
  const dataKeyRaw = randomBytes(KEY_BYTES);
  const slots: LockboxSlot[] = [];
  if (credentials.passphrase !== undefined) {
    const salt = randomBytes(16);
    const kek = await passphraseKey(credentials.passphrase, salt, iterations);
    const wrapped = await encryptBytes(kek, dataKeyRaw, 'instructor-pool-key');
    slots.push({ kind: 'passphrase', kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64Url(salt), wrapped });
  }
  if (credentials.keyFile !== undefined) {
    const file = readKeyFile(credentials.keyFile);
    if (!file.ok) throw new Error(file.error);
    const wrapped = await encryptBytes(await importAesKey(file.raw), dataKeyRaw, 'instructor-pool-key');
    slots.push({ kind: 'keyfile', wrapped });
  }
  if (slots.length === 0) throw new Error('createLockbox: no passphrase and no key file');
  return { v: 1, slots, data: await sealJson(await importAesKey(dataKeyRaw), value, 'instructor-pool') };
}

/** How a lockbox failed to open, in words for the instructor. */
export type OpenLockboxResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Opens a lockbox with a passphrase or a key file's text. Never throws; never returns part of it. */
export async function openLockbox(
  box: unknown,
  credential: InstructorCredentials,
): Promise<OpenLockboxResult> {
  const b = box as Partial<Lockbox> | null;
  if (
    typeof b !== 'object' ||
    b === null ||
    b.v !== 1 ||
    !Array.isArray(b.slots) ||
    typeof b.data !== 'string'
  ) {
    return { ok: false, error: 'The locked question pool of this site is damaged (rebuild the site).' };
  }
  let dataKey: Uint8Array | null;
  if (credential.passphrase !== undefined) {
    const slot = b.slots.find((s) => s?.kind === 'passphrase');
    if (!slot || slot.kind !== 'passphrase') {
      return {
        ok: false,
        error: 'This site was built with a key file, not a passphrase: choose the key file.',
      };
    }
    const salt = fromBase64Url(slot.salt);
    if (salt === null || !(slot.iterations >= MIN_PBKDF2_ITERATIONS) || slot.iterations > 100_000_000) {
      return { ok: false, error: 'The locked question pool of this site is damaged (rebuild the site).' };
    }
    const kek = await passphraseKey(credential.passphrase, new Uint8Array(salt), slot.iterations);
    dataKey = await decryptBytes(kek, slot.wrapped, 'instructor-pool-key');
    if (dataKey === null) {
      return {
        ok: false,
        error: 'Wrong passphrase: it does not unlock the assessment pool. Check it and try again.',
      };
    }
  } else if (credential.keyFile !== undefined) {
    const file = readKeyFile(credential.keyFile);
    if (!file.ok) return file;
    const slot = b.slots.find((s) => s?.kind === 'keyfile');
    if (!slot)
      return {
        ok: false,
        error: 'This site was built with a passphrase, not a key file: enter the passphrase.',
      };
    dataKey = await decryptBytes(await importAesKey(file.raw), slot.wrapped, 'instructor-pool-key');
    if (dataKey === null) {
      return { ok: false, error: 'This key file is not the one this site was built with.' };
    }
  } else {
    return { ok: false, error: 'Enter the passphrase or choose the key file.' };
  }
  if (dataKey.length !== KEY_BYTES) {
    return { ok: false, error: 'The locked question pool of this site is damaged (rebuild the site).' };
  }
  const opened = await openJson(await importAesKey(new Uint8Array(dataKey)), b.data, 'instructor-pool');
  return opened
    ? { ok: true, value: opened.value }
    : {
        ok: false,
        error: 'The key is right, but the locked question pool of this site is damaged (rebuild the site).',
      };
}
