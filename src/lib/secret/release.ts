/**
 * Pure: no DOM, no framework, no zod.
 *
 * Assignments whose students must not see the key before the due date, with no server (issue 12).
 * The link is `/assignment/#<spec>.<sealed>`: `<sealed>` holds the full questions of the
 * assignment's secret-pool items, AES-256-GCM under a per-assignment key that is NOT in the link
 * (and bound to the spec's id, so it cannot be moved to another assignment). The student's page
 * reads public questions only and records raw responses; the instructor grades on import.
 * After the due date the instructor shares the **release link**, `#<spec>.<sealed>.<key>`: with
 * it the page opens the sealed questions, shows the student's review, and starts no new attempt.
 *
 * An "immediate" review needs the keys in the page, so it takes public practice items only.
 */
import type { BankData } from '../assign/bank-data.ts';
import type { AssignmentSpec } from '../assign/spec.ts';
import { assignmentKey, openJson, sealJson } from './crypto.ts';

type Entry = BankData['questions'][number];

/** What the sealed part holds. */
export interface Sealed {
  v: 1;
  /** The secret-pool items of the assignment, in full. */
  questions: Entry[];
}

/** The parts of an assignment fragment: the spec's code, the sealed answers, the release key. */
export function splitFragment(fragment: string): { code: string; sealed?: string; key?: string } {
  let text = fragment.trim();
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(hash + 1);
  const [code = '', sealed, key] = text.split('.');
  return { code, ...(sealed ? { sealed } : {}), ...(key !== undefined ? { key } : {}) };
}

/** Whether the student's page of `spec` must hold no key (review "after due" or "never"). */
export function isKeyless(spec: Pick<AssignmentSpec, 'review'>): boolean {
  return spec.review !== 'immediate';
}

/** The secret items' full questions, sealed for `spec` under the assignment key `keyText`. */
export async function sealAssignment(
  spec: Pick<AssignmentSpec, 'id'>,
  keyText: string,
  secret: readonly Entry[],
): Promise<string> {
  const key = await assignmentKey(keyText);
  if (!key) throw new Error('sealAssignment: not an assignment key');
  const sealed: Sealed = { v: 1, questions: [...secret] };
  return sealJson(key, sealed, `assignment:${spec.id}`);
}

/** The student link and the release link of `spec`, given its code (`encodeSpec`) and sealed part. */
export function assignmentLinks(
  url: string,
  sealed: string | undefined,
  keyText: string,
): { link: string; release: string | null } {
  if (sealed === undefined) return { link: url, release: null };
  return { link: `${url}.${sealed}`, release: `${url}.${sealed}.${keyText}` };
}

const AGAIN = 'Ask your teacher for the release link again, copied whole.';

/**
 * Opens a release link's sealed questions. Never throws, never returns part of them: a damaged key,
 * a damaged sealed part, or a key of another assignment each get a sentence saying which.
 */
export async function openRelease(
  spec: Pick<AssignmentSpec, 'id'>,
  sealed: string | undefined,
  keyText: string,
): Promise<{ ok: true; questions: Entry[] } | { ok: false; error: string }> {
  const key = await assignmentKey(keyText);
  if (!key) {
    return {
      ok: false,
      error: `This release link is damaged: its key (after the last ".") is not a whole key. ${AGAIN}`,
    };
  }
  if (sealed === undefined) {
    return {
      ok: false,
      error: `This release link is damaged: the sealed answers are missing from it. ${AGAIN}`,
    };
  }
  const opened = await openJson(key, sealed, `assignment:${spec.id}`);
  const value = opened?.value as Partial<Sealed> | undefined;
  if (
    !value ||
    value.v !== 1 ||
    !Array.isArray(value.questions) ||
    !value.questions.every(
      (e) => typeof e?.id === 'string' && e.question?.id === e.id && typeof e.hash === 'string',
    )
  ) {
    return {
      ok: false,
      error: `This release link does not open this assignment's answers: it is damaged, or its key belongs to another assignment. ${AGAIN}`,
    };
  }
  return { ok: true, questions: value.questions };
}

/** What a release link says before the due date. */
export function releaseNotYet(due: string | undefined, when: (iso: string) => string): string {
  return due === undefined
    ? 'This is a release link, but the assignment has no due date: ask your teacher.'
    : `This release link opens after the due date, ${when(due)}: your answers and feedback appear here then.`;
}
