/**
 * The builder's "Download SCORM package": fetches the SCORM kit the site build wrote (the player
 * and schema files, `SCORM_KIT_PATH`), zips it with the assignment and its questions
 * (`scormPackage`, the same code as `npm run export -- --format scorm`) and downloads the zip.
 * Resolves with a sentence for the page's status line; never throws.
 */
import { downloadFile } from '../../client/download.ts';
import type { AssignmentSpec } from '../../lib/assign/spec.ts';
import type { BankData } from '../../lib/assign/bank-data.ts';
import { SCORM_KIT_PATH, readKit, scormPackage, type ScormKit } from '../../lib/scorm/package.ts';

let kit: Promise<ScormKit | string> | null = null;

async function fetchKit(base: string): Promise<ScormKit | string> {
  try {
    const response = await fetch(`${base.replace(/\/$/, '')}${SCORM_KIT_PATH}`);
    if (!response.ok) return `The SCORM player files could not be fetched (HTTP ${response.status}).`;
    const read = readKit(await response.json());
    return read.ok ? read.kit : read.error;
  } catch {
    return 'The SCORM player files could not be fetched. Check the connection and try again.';
  }
}

export async function downloadScormPackage(
  spec: AssignmentSpec,
  bank: BankData,
  base: string,
): Promise<string> {
  kit ??= fetchKit(base);
  const fetched = await kit;
  if (typeof fetched === 'string') {
    kit = null;
    return fetched;
  }
  const built = scormPackage(spec, new Map(bank.questions.map((entry) => [entry.id, entry])), fetched);
  if (!built.ok) return built.error;
  downloadFile([built.zip as BlobPart], built.fileName, 'application/zip');
  return `Downloaded ${built.fileName} (${(built.zip.length / 1024).toFixed(0)} KB).`;
}
