/**
 * `fetch` for site-relative JSON under the site's base path, for islands that download build-time
 * data (the bank for the classroom pages, the instructor's index and details). Rejects on a network
 * error, an HTTP error status or a body that is not JSON.
 */
import type { FetchJson } from '../lib/assign/bank-data.ts';

export function fetchJsonUnder(base: string): FetchJson {
  const root = base.replace(/\/$/, '');
  return async (path) => {
    const response = await fetch(`${root}${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  };
}
