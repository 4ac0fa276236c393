/**
 * Validation of a progress file the learner picked with the import button.
 *
 * Data flow: file text → size check → JSON (with line/column) → kind/version
 * check and migrations (shared with codec.ts) → strict schema validation →
 * `Progress`, which the store then merges into the current state.
 *
 * Unlike `decodeProgress`, nothing is salvaged: the learner is present and can
 * pick another file, so a clear error naming the broken field beats a silent
 * partial import.
 */
import { describeIssues, parseJson, upgradeProgress } from './codec.ts';
import { ProgressSchema, type Progress } from './schema.ts';

/** Largest accepted file, in bytes of UTF-8. Real exports are far smaller. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const MAX_LISTED_ERRORS = 10;

export type ParseProgressFileResult = { ok: true; state: Progress } | { ok: false; error: string };

/** Check and read an exported progress file. Never throws. */
export function parseProgressFile(text: string): ParseProgressFileResult {
  try {
    if (utf8Length(text) > MAX_IMPORT_BYTES) {
      return { ok: false, error: 'This file is too large to be a progress export (limit 5 MB).' };
    }
    const parsed = parseJson(text);
    if (!parsed.ok) return { ok: false, error: parsed.message };
    const upgraded = upgradeProgress(parsed.json);
    if (!upgraded.ok) return { ok: false, error: upgraded.message };
    const result = ProgressSchema.safeParse(upgraded.doc);
    if (result.success) return { ok: true, state: result.data };
    const lines = describeIssues(result.error.issues);
    const shown = lines.slice(0, MAX_LISTED_ERRORS);
    if (lines.length > shown.length) shown.push(`…and ${lines.length - shown.length} more`);
    return { ok: false, error: `This progress file has errors:\n${shown.join('\n')}` };
  } catch {
    // e.g. stack overflow on absurdly nested JSON
    return { ok: false, error: 'This file could not be read as a progress export.' };
  }
}

/** UTF-8 byte length without allocating an encoded copy of a big file. */
function utf8Length(text: string): number {
  // Every UTF-16 unit is at most 3 UTF-8 bytes; skip the count when clearly small.
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // surrogate pair: the pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}
