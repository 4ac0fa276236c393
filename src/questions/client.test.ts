/**
 * The browser's side of the question engine must not load zod: walks the static runtime imports
 * (`import type` is erased) from the modules islands use and fails on any import of zod. The same
 * holds for the progress store every island loads: the progress document is validated with
 * valibot (src/lib/progress/schema.ts, about 2.6 KB gzipped; see docs/performance.md).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerKey, describeAnswer, gradeResponse } from './client.ts';
import * as index from './index.ts';

const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/gm;

function runtimeGraph(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const specifiers = [...readFileSync(entry, 'utf8').matchAll(RUNTIME_IMPORT)].map((m) => m[1] ?? '');
  seen.set(entry, specifiers);
  for (const spec of specifiers) if (spec.startsWith('.')) runtimeGraph(resolve(dirname(entry), spec), seen);
  return seen;
}

const ENTRIES = [
  'src/questions/client.ts',
  'src/questions/views.ts',
  'src/lib/quiz/shuffle.ts',
  'src/lib/quiz/feedback.ts',
  'src/lib/quiz/response.ts',
  'src/lib/quiz/summary.ts',
  'src/lib/progress/dashboard.ts',
  'src/stores/progress.ts',
  'src/components/quiz/Check.svelte',
  'src/components/quiz/Quiz.svelte',
  'src/components/progress/Dashboard.svelte',
  'src/components/review/Review.svelte',
  'src/components/review/Mastery.svelte',
  'src/client/intent.ts',
  'src/client/shell.ts',
];

describe('zod-free client modules', () => {
  it.each(ENTRIES)('%s imports no zod at runtime', (entry) => {
    const graph = runtimeGraph(resolve(entry));
    const offenders = [...graph].flatMap(([file, specs]) =>
      specs.filter((spec) => /zod/.test(spec) && !spec.startsWith('.')).map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('index.ts re-exports the same functions', () => {
    expect(index.gradeResponse).toBe(gradeResponse);
    expect(index.answerKey).toBe(answerKey);
    expect(index.describeAnswer).toBe(describeAnswer);
  });
});

describe('the Progress page', () => {
  // It shows counts and dates, so it needs neither the scheduler nor any question type's code: they
  // were once bundled with it (through one shared constant), 13 KB gzipped more to parse and run
  // before the page could answer a tap.
  it('loads neither ts-fsrs nor the question types', () => {
    const graph = runtimeGraph(resolve('src/components/progress/Dashboard.svelte'));
    const offenders = [...graph].flatMap(([file, specs]) =>
      specs
        .filter(
          (spec) => spec === 'ts-fsrs' || resolve(dirname(file), spec) === resolve('src/questions/client.ts'),
        )
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
