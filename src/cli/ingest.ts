/**
 * Command line over ingest (seed page → articles → content collections): prints the articles
 * of the given pages as one JSON array, so a person can see exactly what the site will build
 * from a seed before it is committed. Usage: `npm run --silent ingest -- seeds/*.txt`.
 * Exit 0 with JSON on stdout; 1 with one line on stderr for a bad file; 2 for no arguments.
 */
import { ingestEach } from '../lib/ingest/index.ts';
import { readSeed } from '../lib/ingest/read.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`ingest: ${message}\n`);
  process.exit(code);
}

const files = process.argv.slice(2);
if (files.length === 0) fail('usage: ingest <page.txt>…', 2);

const pages = files.map((file) => {
  const seed = readSeed(file);
  if (!seed.ok) fail(`${file}: ${seed.reason}`, 1);
  return { file, text: seed.text };
});

const groups = ingestEach(pages);
groups.forEach((articles, i) => {
  if (articles.length === 0) fail(`${files[i]}: no article found (no title followed by text)`, 1);
});

// A reader such as `head` may close the pipe early; that is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.stdout.write(`${JSON.stringify(groups.flat(), null, 2)}\n`);
