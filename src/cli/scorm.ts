/**
 * Command line: an assignment as a SCORM 1.2 package, the same zip the builder page downloads.
 * `npm run --silent export -- --format scorm --assignment '<link>' [--out <file.zip>] [--date YYYY-MM-DD]`
 * (called by `export.ts`). The link is the share link, its `#…` code, or the `/assignment/#…` path.
 * Questions come from the bank as the site builds it; the player is bundled on the fly
 * (`src/scorm/kit.ts`, a few seconds), so this works from a fresh clone without a site build.
 * Nothing is written unless the whole package is: it goes to `<out>.partial` and is renamed.
 */
import { renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodeSpec } from '../lib/assign/spec.ts';
import { scormLosses } from '../lib/export/index.ts';
import { missingQuestions, scormPackage } from '../lib/scorm/package.ts';
import { buildScormKit } from '../scorm/kit.ts';
import { loadBank } from './bank.ts';

export interface ScormCliOptions {
  link: string;
  out?: string | undefined;
  date?: string | undefined;
  root: string;
}

/** Says which link a message is about without printing 2,000 characters of it. */
export function linkLabel(link: string): string {
  const trimmed = link.trim();
  return trimmed.length <= 60 ? `"${trimmed}"` : `"${trimmed.slice(0, 40)}…${trimmed.slice(-12)}"`;
}

/** The package for `options.link`, written to `options.out`. Returns the exit code and what to print. */
export async function exportScorm(options: ScormCliOptions): Promise<{ code: number; message: string }> {
  const label = linkLabel(options.link);
  const decoded = decodeSpec(options.link);
  if (!decoded.ok) return { code: 1, message: `cannot read the assignment link ${label}: ${decoded.error}` };
  const spec = decoded.spec;

  let bank: ReturnType<typeof loadBank>;
  try {
    bank = loadBank(options.root);
  } catch (error) {
    return { code: 1, message: (error as Error).message };
  }
  const byId = new Map(bank.questions.map((entry) => [entry.question.id, entry]));
  const missing = missingQuestions(spec, new Set(byId.keys()));
  if (missing.length > 0) {
    return {
      code: 1,
      message: `the assignment link ${label} ("${spec.title}") names ${missing.length} question(s) the course no longer has: ${missing.join(', ')}. Build the assignment again from the current bank. No package was written.`,
    };
  }

  const built = scormPackage(spec, byId, await buildScormKit(), options.date ? { date: options.date } : {});
  if (!built.ok) return { code: 1, message: `${built.error} No package was written.` };

  const out = resolve(options.root, options.out ?? built.fileName);
  const partial = `${out}.partial`;
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(partial, built.zip);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    return { code: 1, message: `cannot write ${out}: ${(error as Error).message}` };
  }
  const kb = (built.zip.length / 1024).toFixed(1);
  // What the LMS's interaction report cannot show exactly, each once with its questions.
  const losses = new Map<string, string[]>();
  for (const id of spec.questions) {
    const entry = byId.get(id);
    for (const loss of entry ? scormLosses(entry.question) : [])
      losses.set(loss, [...(losses.get(loss) ?? []), id]);
  }
  return {
    code: 0,
    message: [
      `SCORM 1.2 package: "${spec.title}", ${spec.questions.length} question(s), ${kb} KB`,
      ...[...losses].map(([loss, ids]) => `  - ${loss} — ${ids.join(', ')}`),
      'Upload it to the LMS as a SCORM activity; set attempts, dates and time limits there.',
      'The answer keys are inside the package, as in every SCORM quiz: a determined student can read them.',
      `Wrote ${out}`,
    ].join('\n'),
  };
}
