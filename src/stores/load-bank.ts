/**
 * Fetches the question bank JSON that the build writes for the classroom pages, and validates it:
 * the whole bank for the assignment builder and the review page (`loadBank`), only the lessons an
 * assignment uses for the student's page (`loadAssignmentBank`, see src/lib/assign/bank-split.ts).
 * Both return null on any failure (network, HTTP status, malformed data) so each page can say what
 * it means for its user.
 */
import { fetchBank, type BankData } from '../lib/assign/bank-data.ts';
import { fetchJsonUnder } from '../client/fetch-json.ts';
import { fetchAssignmentBank, type BankPaths } from '../lib/assign/bank-split.ts';

/** The whole bank, or null. */
export function loadBank(base: string): Promise<BankData | null> {
  return fetchBank(fetchJsonUnder(base));
}

/**
 * A bank holding at least the questions `ids` (from their lessons' files, else the whole bank), or
 * null; from the public bank (no keys) when `paths` is `PUBLIC_BANK_PATHS`.
 */
export function loadAssignmentBank(
  base: string,
  ids: readonly string[],
  paths?: BankPaths,
): Promise<BankData | null> {
  return fetchAssignmentBank(ids, fetchJsonUnder(base), paths);
}
