/**
 * Validation of a progress file the learner picked with the import button.
 *
 * Data flow: file text → size check → JSON within depth limits (with
 * line/column) → kind/version check and migrations (shared with codec.ts) →
 * strict schema validation → `Progress`, which the store then merges into the
 * current state.
 *
 * Unlike `decodeProgress`, nothing is salvaged: the learner is present and can
 * pick another file, so a clear error naming the broken field beats a silent
 * partial import.
 */
import { readJson } from '../read-json.ts';
import { STORED_LIMITS, describeIssues, describeUnkept, formatPath, upgradeProgress } from './codec.ts';
import { ProgressSchema, check, type Progress } from './schema.ts';

/** Largest accepted file, in bytes of UTF-8. Real exports are far smaller. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const MAX_LISTED_ERRORS = 10;

export type ParseProgressFileResult = { ok: true; state: Progress } | { ok: false; error: string };

/**
 * Check and read an exported progress file. Every error starts with `source` (the file's name) and
 * names the field, or the line and column, at fault. Never throws.
 */
export function parseProgressFile(text: string, source = 'This file'): ParseProgressFileResult {
  const fail = (message: string): ParseProgressFileResult => ({ ok: false, error: `${source}: ${message}` });
  try {
    if (utf8Length(text) > MAX_IMPORT_BYTES) {
      return fail('too large to be a progress export (limit 5 MB).');
    }
    const read = readJson(text, { ...STORED_LIMITS, maxChars: MAX_IMPORT_BYTES });
    if (!read.ok) {
      return fail(
        read.reason === 'too-deep'
          ? `${formatPath(read.path ?? [])}: nested more than ${STORED_LIMITS.maxDepth} levels deep.`
          : read.message,
      );
    }
    // Parsing keeps only the last of a repeated key: refuse rather than import half of what is written.
    if (read.unkept.length > 0)
      return fail(listed('has keys that cannot be read as written', describeUnkept(read.unkept)));
    const upgraded = upgradeProgress(read.value);
    if (!upgraded.ok) return fail(upgraded.message);
    const result = check(ProgressSchema, upgraded.doc);
    if (result.ok) return { ok: true, state: result.value };
    return fail(listed('has errors', describeIssues(result.issues)));
  } catch {
    return fail('could not be read as a progress export.');
  }
}

function listed(heading: string, lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LISTED_ERRORS);
  if (lines.length > shown.length) shown.push(`…and ${lines.length - shown.length} more`);
  return `${heading}:\n${shown.join('\n')}`;
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
