/**
 * Fetches the question bank JSON that the build writes for the classroom pages, and validates it.
 * Shared by the assignment builder, the student page and the review page. Returns null on any
 * failure (network, HTTP status, malformed data) so each page can say what it means for its user.
 */
import { BANK_DATA_PATH, readBankData, type BankData } from '../../lib/assign/bank-data.ts';

export async function loadBank(base: string): Promise<BankData | null> {
  try {
    const response = await fetch(`${base.replace(/\/$/, '')}${BANK_DATA_PATH}`);
    if (!response.ok) return null;
    const read = readBankData(await response.json());
    return read.ok ? read.bank : null;
  } catch {
    return null;
  }
}
