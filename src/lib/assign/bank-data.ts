/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * The question bank as the browser fetches it (`/assignment/questions.json`, written at build time):
 * every question with its content hash, lessons with titles, and modules. The builder and the review
 * page read this one file; the assignment page reads the same format split by lesson
 * (`bank-split.ts`) and falls back to it. It includes the answer keys — a static site cannot hide
 * them — which the instructor pages say plainly.
 */
import type { Question } from '../../questions/index.ts';

export interface BankData {
  /** Bumped when the shape changes. */
  v: 1;
  /**
   * `source`: the "See in source" link (`/sources/<lesson>/#p7:~:text=…`); `renamed`: authored
   * option handle → published id (src/questions/ids.ts), to read work saved under the handles.
   */
  questions: {
    id: string;
    hash: string;
    source: string;
    question: Question;
    renamed?: Record<string, string>;
  }[];
  /** Lessons with questions, in course order. */
  lessons: { id: string; title: string; module: string | null }[];
  /** Modules in order. */
  modules: { id: string; order: number; title: string; lessons: string[] }[];
}

/** Site-relative path of the bank file. */
export const BANK_DATA_PATH = '/assignment/questions.json';

/**
 * The fetched JSON as `BankData`, or a sentence saying why not. Checks the outline only: the file
 * is written by the same build from validated questions.
 */
export function readBankData(value: unknown): { ok: true; bank: BankData } | { ok: false; error: string } {
  const v = value as Partial<BankData> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    v.v !== 1 ||
    !Array.isArray(v.questions) ||
    !Array.isArray(v.lessons) ||
    !Array.isArray(v.modules) ||
    !v.questions.every(
      (q) => typeof q?.id === 'string' && typeof q.hash === 'string' && q.question?.id === q.id,
    )
  ) {
    return {
      ok: false,
      error:
        'The question bank of the course could not be read. Reload the page; if it persists, tell your teacher.',
    };
  }
  return { ok: true, bank: v as BankData };
}

/** Questions by id. */
export function questionsById(bank: BankData): Map<string, BankData['questions'][number]> {
  return new Map(bank.questions.map((entry) => [entry.id, entry]));
}

/**
 * Fetches JSON by site-relative path (`/assignment/questions.json`): resolves with the parsed value,
 * rejects on a network error, an HTTP error status or a body that is not JSON.
 */
export type FetchJson = (path: string) => Promise<unknown>;

/** The whole bank (`BANK_DATA_PATH`, or the public bank's `path`) through `fetchJson`, or null on any failure. Never throws. */
export async function fetchBank(
  fetchJson: FetchJson,
  path: string = BANK_DATA_PATH,
): Promise<BankData | null> {
  try {
    const read = readBankData(await fetchJson(path));
    return read.ok ? read.bank : null;
  } catch {
    return null;
  }
}
