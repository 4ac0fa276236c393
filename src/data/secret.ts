/**
 * Build-time access to the secret pool (the final assessment's items, content/assessment/pool/) and
 * to what the public build may carry of it (issue 12):
 * - `getPublicBankData`: every practice item and every pool item as its public question (prompt
 *   and options only: src/questions/publics.ts), for assignment pages that must hold no key;
 * - `getPoolData`: the pool in full, which only the instructor lockbox (`/instructor/pool/locked.json`,
 *   written when the build is given an instructor key) and `npm run instructor` carry;
 * - `instructorCredentials`: the instructor key from the environment, never from a file in the
 *   repository: `INSTRUCTOR_PASSPHRASE` (PBKDF2) and/or `INSTRUCTOR_KEY_FILE` (a path to a key file
 *   made by `npm run instructor -- --new-key-file`).
 */
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import type { BankData } from '../lib/assign/bank-data.ts';
import type { InstructorCredentials } from '../lib/secret/crypto.ts';
import { publicQuestion } from '../questions/publics.ts';
import type { Question } from '../questions/index.ts';
import { getBankData } from './bank.ts';
import { assessmentQuestion } from './quiz.ts';

type Entry = BankData['questions'][number];

let cachedPool: Promise<Entry[]> | undefined;

async function loadPool(): Promise<Entry[]> {
  const entries = await getCollection('pool');
  const items = await Promise.all(entries.map((e) => assessmentQuestion(e.id)));
  return items
    .filter((item) => item !== undefined)
    .map((item) => ({ id: item.question.id, hash: item.hash, source: item.source, question: item.question }))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** Every item of the secret pool in full, in id order. Never write this to the public build. */
export function getPoolData(): Promise<Entry[]> {
  cachedPool ??= loadPool();
  return cachedPool;
}

/** `entry` as a page without keys may hold it: the public question, and its lesson's source page. */
function publicEntry(entry: Entry): Entry {
  return {
    id: entry.id,
    hash: entry.hash,
    // The practice link points at the evidence paragraph and quotes it: the lesson page instead.
    source: `${import.meta.env.BASE_URL}sources/${entry.question.lesson}/`,
    question: publicQuestion(entry.question) as unknown as Question,
  };
}

let cachedPublic: Promise<BankData> | undefined;

async function loadPublic(): Promise<BankData> {
  const [bank, pool] = await Promise.all([getBankData(), getPoolData()]);
  return { ...bank, questions: [...bank.questions, ...pool].map(publicEntry) };
}

/** The public bank: practice and pool items, all without keys (see the module). */
export function getPublicBankData(): Promise<BankData> {
  cachedPublic ??= loadPublic();
  return cachedPublic;
}

/** The instructor key the build was given, or null (then the pool's keys are left out entirely). */
export function instructorCredentials(env: NodeJS.ProcessEnv = process.env): InstructorCredentials | null {
  const passphrase = env.INSTRUCTOR_PASSPHRASE || undefined;
  const keyFilePath = env.INSTRUCTOR_KEY_FILE || undefined;
  if (passphrase === undefined && keyFilePath === undefined) return null;
  let keyFile: string | undefined;
  if (keyFilePath !== undefined) {
    try {
      keyFile = readFileSync(keyFilePath, 'utf8');
    } catch (error) {
      throw new Error(`INSTRUCTOR_KEY_FILE: cannot read ${keyFilePath}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return {
    ...(passphrase === undefined ? {} : { passphrase }),
    ...(keyFile === undefined ? {} : { keyFile }),
  };
}
