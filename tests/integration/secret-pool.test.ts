/**
 * Issue 12, "done when": the real `astro build`, once WITH an instructor key and once WITHOUT, and a
 * search of every file in dist/ (Pagefind's gzipped index unpacked) for what would give away an
 * item of the secret pool (content/assessment/pool/): its explanation, evidence quote, hints,
 * feedback (general, per option, per side) and accepted answers, as text; and, in every JSON file,
 * any object with a pool item's id that holds a key field. Texts the item shows students anyway
 * (its prompt and options: a prompt may quote its evidence) and texts the course publishes anyway
 * (source articles, glossary, lessons, practice banks) are found only as a pool item's JSON field. With a key, the
 * lockbox must exist and open with the passphrase to the full pool, and only then.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAssessmentPool } from '../../src/loaders/pool.ts';
import type { Question } from '../../src/questions/index.ts';
import { openLockbox } from '../../src/lib/secret/crypto.ts';
import { copyProject, removeProjects, root } from './project.ts';
import { KEY_FIELDS } from '../fixtures/secret-fields.ts';

const PASSPHRASE = 'integration test passphrase, never deployed';

const pool: Question[] = readAssessmentPool(root).items.map((i) => i.question);

/** The course's public material: the source articles, glossary, lessons and practice banks. */
const PUBLISHED = [
  ...readdirSync(join(root, 'seeds')).map((f) => join('seeds', f)),
  'content/glossary.yaml',
  ...readdirSync(join(root, 'content/lessons')).map((f) => join('content/lessons', f)),
  ...readdirSync(join(root, 'content/quizzes')).map((f) => join('content/quizzes', f)),
]
  .map((f) => readFileSync(join(root, f), 'utf8'))
  .join('\n');

/** What a student sees of `q` anyway: lesson, prompt, option/item/pair/cloze texts. */
function shown(q: Question): string {
  const out: string[] = [];
  const walk = (v: unknown, k = ''): void => {
    if (typeof v === 'string' && /^(lesson|prompt|text|left|right|distractors|unit)$/.test(k)) out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, k));
    else if (typeof v === 'object' && v !== null) for (const [key, x] of Object.entries(v)) walk(x, key);
  };
  walk(q);
  return out.join('\n');
}

/** The texts of `q` that reveal or teach its answer, less those it shows anyway. */
export function secretsOf(q: Question): string[] {
  const texts: string[] = [q.explanation, q.evidence.quote, ...(q.hints ?? [])];
  const walk = (v: unknown, k = ''): void => {
    if (
      typeof v === 'string' &&
      /^(correct|incorrect|feedback|feedbackTrue|feedbackFalse|accept|reject)$/.test(k)
    )
      texts.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, k));
    else if (typeof v === 'object' && v !== null) for (const [key, x] of Object.entries(v)) walk(x, key);
  };
  walk(q);
  const visible = shown(q);
  // Short accepted answers ("5", "ISIS") occur in any page, and a text the course publishes anyway
  // (an evidence quote is verbatim from its article; a term is in the glossary) says nothing about
  // this item: both are covered by the JSON check, which finds them only as a pool item's field.
  return [...new Set(texts)].filter((t) => t.length >= 12 && !visible.includes(t) && !PUBLISHED.includes(t));
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Every file of `dist` as text (gzipped Pagefind files unpacked); HTML entities for quotes undone. */
function texts(dist: string): { file: string; raw: string; text: string }[] {
  return files(dist).map((file) => {
    let bytes = readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    const raw = bytes.toString('utf8');
    const text = raw
      .replace(/&quot;|&#34;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&');
    return { file: relative(dist, file), raw, text };
  });
}

/** Every leak of a pool item in `dist`: `<file>: <item>: <what>`. */
function leaks(dist: string): string[] {
  const found: string[] = [];
  const ids = new Set(pool.map((q) => q.id));
  for (const { file, raw, text } of texts(dist)) {
    for (const q of pool) {
      for (const secret of secretsOf(q)) {
        // JSON escapes quotes and slashes: look for both spellings.
        if (text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)))
          found.push(`${file}: ${q.id}: "${secret.slice(0, 50)}…"`);
      }
    }
    if (file.endsWith('.json')) {
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (typeof v === 'object' && v !== null) {
          const o = v as Record<string, unknown>;
          if (typeof o.id === 'string' && ids.has(o.id)) {
            for (const k of KEY_FIELDS) if (k in o) found.push(`${file}: ${o.id}: field "${k}"`);
          }
          Object.values(o).forEach(walk);
        }
      };
      walk(JSON.parse(raw));
    }
  }
  return found;
}

function buildWith(env: Record<string, string>): string {
  const dir = copyProject();
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      INSTRUCTOR_PASSPHRASE: '',
      INSTRUCTOR_KEY_FILE: '',
      ...env,
    },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return join(dir, 'dist');
}

afterAll(removeProjects);

it('the pool has items with every kind of secret to look for', () => {
  expect(pool.length).toBeGreaterThanOrEqual(40);
  expect(pool.every((q) => secretsOf(q).length > 0)).toBe(true);
});

describe('built WITH an instructor key', () => {
  let dist = '';
  beforeAll(() => {
    dist = buildWith({ INSTRUCTOR_PASSPHRASE: PASSPHRASE });
  }, 300_000);

  it('no file in dist/ holds a key, accepted answer, explanation, feedback or evidence of a pool item', () => {
    expect(leaks(dist)).toEqual([]);
  });

  it('the public bank still has every pool item’s prompt, for the assignment page', () => {
    const all = readFileSync(join(dist, 'assignment/public/all.json'), 'utf8');
    for (const q of pool) expect(all).toContain(JSON.stringify(q.prompt).slice(1, -1));
  });

  it('the lockbox opens with the passphrase to the whole pool, and with nothing else', async () => {
    const box: unknown = JSON.parse(readFileSync(join(dist, 'instructor/pool/locked.json'), 'utf8'));
    const opened = await openLockbox(box, { passphrase: PASSPHRASE });
    if (!opened.ok) throw new Error(opened.error);
    const questions = (opened.value as { questions: { question: Question }[] }).questions.map(
      (e) => e.question,
    );
    expect(questions.map((q) => q.id).sort()).toEqual(pool.map((q) => q.id).sort());
    expect(questions.find((q) => q.id === pool[0]?.id)?.explanation).toBe(pool[0]?.explanation);
    expect(await openLockbox(box, { passphrase: `${PASSPHRASE}.` })).toMatchObject({ ok: false });
    expect(readFileSync(join(dist, 'instructor/pool/locked.json'), 'utf8')).not.toContain(PASSPHRASE);
    expect(JSON.parse(readFileSync(join(dist, 'instructor/pool/status.json'), 'utf8'))).toEqual({
      v: 1,
      lockbox: true,
    });
  });
});

describe('built WITHOUT an instructor key', () => {
  let dist = '';
  beforeAll(() => {
    dist = buildWith({});
  }, 300_000);

  it('no file in dist/ holds a key, accepted answer, explanation, feedback or evidence of a pool item', () => {
    expect(leaks(dist)).toEqual([]);
  });

  it('writes no lockbox at all, and says so in the status file', () => {
    expect(
      files(dist)
        .map((f) => relative(dist, f))
        .filter((f) => f.includes('instructor/pool')),
    ).toEqual([join('instructor', 'pool', 'status.json')]);
    expect(JSON.parse(readFileSync(join(dist, 'instructor/pool/status.json'), 'utf8'))).toEqual({
      v: 1,
      lockbox: false,
    });
  });
});
