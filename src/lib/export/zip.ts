/**
 * Pure: no DOM, no framework.
 *
 * Zips text files with fflate, deterministically: entries in the order given and every entry
 * stamped with the same date (default 1980-01-01, the zip epoch), so the same bank gives the
 * same bytes on every run.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/** `YYYY-MM-DD` → a Date at local midnight (zip stores local date fields, so this is what comes back). */
export function zipDate(date = '1980-01-01'): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`date: expected YYYY-MM-DD, got "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1980 || year > 2107) throw new Error(`date: a zip can only hold years 1980–2107, got ${year}`);
  return new Date(year, month - 1, day);
}

/** The files as one zip archive. */
export function zipFiles(files: readonly { path: string; content: string }[], date?: string): Uint8Array {
  const mtime = zipDate(date);
  const tree: Zippable = {};
  for (const file of files) {
    if (file.path in tree) throw new Error(`zip: two files share the path "${file.path}"`);
    tree[file.path] = [strToU8(file.content), { mtime, level: 9 }];
  }
  return zipSync(tree);
}
