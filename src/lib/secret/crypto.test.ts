import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PBKDF2_ITERATIONS,
  assignmentKey,
  createLockbox,
  newAssignmentKey,
  newKeyFile,
  openJson,
  openLockbox,
  readKeyFile,
  sealJson,
  type Lockbox,
} from './crypto.ts';

const pool = { items: [{ id: 'fa-1', answer: 'b', explanation: 'Because paragraph 4 says so.' }] };

describe('the instructor lockbox', () => {
  it('derives its key with PBKDF2-SHA-256 and at least 600,000 iterations', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const box = await createLockbox(pool, { passphrase: 'correct horse' });
    expect(box.slots).toEqual([
      expect.objectContaining({ kind: 'passphrase', kdf: 'PBKDF2-SHA-256', iterations: 600_000 }),
    ]);
    expect(JSON.stringify(box)).not.toContain('paragraph 4');
  });

  it('opens with the passphrase; a wrong one says so and gives nothing', async () => {
    const box = await createLockbox(pool, { passphrase: 'correct horse' });
    expect(await openLockbox(box, { passphrase: 'correct horse' })).toEqual({ ok: true, value: pool });
    const wrong = await openLockbox(box, { passphrase: 'correct hors' });
    expect(wrong).toEqual({ ok: false, error: expect.stringMatching(/^Wrong passphrase/) });
  });

  it('opens with the key file; a damaged or foreign key file is named as such', async () => {
    const file = newKeyFile();
    const box = await createLockbox(pool, { keyFile: file });
    expect(await openLockbox(box, { keyFile: file })).toEqual({ ok: true, value: pool });
    expect(await openLockbox(box, { keyFile: file.slice(0, 30) })).toEqual({
      ok: false,
      error: expect.stringMatching(/key file is damaged/),
    });
    expect(await openLockbox(box, { keyFile: '{"kind":"other"}' })).toEqual({
      ok: false,
      error: expect.stringMatching(/not an instructor key file/),
    });
    expect(await openLockbox(box, { keyFile: newKeyFile() })).toEqual({
      ok: false,
      error: expect.stringMatching(/not the one this site was built with/),
    });
    expect(await openLockbox(box, { passphrase: 'x' })).toEqual({
      ok: false,
      error: expect.stringMatching(/built with a key file/),
    });
  });

  it('a damaged pool with the right passphrase is called damaged, never half-opened', async () => {
    const box = await createLockbox(pool, { passphrase: 'pw', keyFile: newKeyFile() });
    const flipped = box.data.slice(0, 40) + (box.data[40] === 'A' ? 'B' : 'A') + box.data.slice(41);
    const result = await openLockbox({ ...box, data: flipped }, { passphrase: 'pw' });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/key is right, but .* damaged/) });
  });

  it('refuses a lockbox whose iteration count was lowered', async () => {
    const box = await createLockbox(pool, { passphrase: 'pw' });
    const weak: Lockbox = { ...box, slots: box.slots.map((s) => ({ ...s, iterations: 1000 })) };
    expect(await openLockbox(weak, { passphrase: 'pw' })).toEqual({
      ok: false,
      error: expect.stringMatching(/damaged/),
    });
  });

  it('reads key files it wrote and nothing else', () => {
    expect(readKeyFile(newKeyFile()).ok).toBe(true);
    expect(readKeyFile('not json').ok).toBe(false);
  });
});

describe('sealed values under an assignment key', () => {
  it('round-trip any JSON, bound to their context', async () => {
    const key = await assignmentKey(newAssignmentKey());
    if (!key) throw new Error('no key');
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.string(), async (value, aad) => {
        const sealed = await sealJson(key, value, aad);
        expect(await openJson(key, sealed, aad)).toEqual({ value: JSON.parse(JSON.stringify(value)) });
        expect(await openJson(key, sealed, `${aad}x`)).toBeNull();
      }),
      { numRuns: 50 },
    );
  });

  it('give nothing under another key, or when damaged anywhere', async () => {
    const key = await assignmentKey(newAssignmentKey());
    const other = await assignmentKey(newAssignmentKey());
    if (!key || !other) throw new Error('no key');
    const sealed = await sealJson(key, pool, 'a1');
    expect(await openJson(other, sealed, 'a1')).toBeNull();
    for (let i = 0; i < sealed.length; i += 7) {
      const c = sealed[i] === 'A' ? 'B' : 'A';
      expect(await openJson(key, sealed.slice(0, i) + c + sealed.slice(i + 1), 'a1')).toBeNull();
    }
    expect(await openJson(key, sealed.slice(0, -3), 'a1')).toBeNull();
  });

  it('an assignment key is 256 random bits; anything else is refused', async () => {
    const text = newAssignmentKey();
    expect(text).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAssignmentKey()).not.toBe(text);
    expect(await assignmentKey(text.slice(0, 40))).toBeNull();
    expect(await assignmentKey('not a key!')).toBeNull();
  });
});
