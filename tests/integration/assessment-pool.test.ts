/**
 * The final assessment's pool stays apart from the lessons, in the real build: a pool item that
 * repeats a lesson-bank question (its id, or its prompt lightly reworded) fails `astro build` naming
 * the pool file, the item and the bank question; a lesson page that shows a pool item's prompt fails
 * it naming the page and the item. The build copies the project to a temporary folder.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { build, copyProject, removeProjects, root } from './project.ts';

const POOL = 'content/assessment/pool/propaganda-and-recruitment.yaml';
const BANK = 'content/quizzes/mali-jihadists-support-their-struggle-online.yaml';
const LESSON = 'content/lessons/mali-jihadists-support-their-struggle-online.mdx';

// Copies of the project hold a build each: removing them takes a while on a loaded machine.
afterAll(removeProjects, 120_000);

function poolItem(id: string): Record<string, unknown> {
  const items = parse(readFileSync(join(root, POOL), 'utf8')) as Record<string, unknown>[];
  return items.find((q) => q.id === id)!;
}

it('a pool item that repeats a lesson-bank question fails the build, naming both', () => {
  const dir = copyProject();
  const bank = parse(readFileSync(join(root, BANK), 'utf8')) as { id: string; prompt: string }[];
  const original = bank.find((q) => q.id === 'mali-q05')!.prompt;
  // The bank's true/false statement with two words changed, and another item under a bank id.
  const reworded = {
    ...poolItem('fa-prop-08'),
    id: 'fa-copy',
    prompt: original.replace('In its conclusion, the', 'The'),
  };
  const sameId = {
    ...poolItem('fa-prop-10'),
    id: 'mali-q02',
    prompt: 'A new prompt that no bank asks, about two reports.',
  };
  appendFileSync(join(dir, POOL), `\n${stringify([reworded, sameId])}`);

  const result = build(dir);
  const output = result.stdout + result.stderr;
  expect(result.status).not.toBe(0);
  expect(output).toMatch(
    new RegExp(
      `${POOL}: question "fa-copy": prompt: the same question as lesson-bank question "mali-q05" in ${BANK} \\(prompts \\d+% alike`,
    ),
  );
  expect(output).toContain(`${POOL}: question "mali-q02": id: also a lesson-bank question in ${BANK}`);
}, 180_000);

it('a lesson page that shows a pool item fails the build, naming the page and the item', () => {
  const dir = copyProject();
  const prompt = poolItem('fa-prop-01').prompt as string;
  const mdx = readFileSync(join(root, LESSON), 'utf8');
  writeFileSync(
    join(dir, LESSON),
    mdx.replace('## Guided reading', `A question to think about: ${prompt}\n\n## Guided reading`),
  );

  const result = build(dir);
  const output = result.stdout + result.stderr;
  expect(result.status).not.toBe(0);
  expect(output).toContain('Final-assessment items appear outside /assessment/');
  expect(output).toContain('lessons/mali-jihadists-support-their-struggle-online/index.html: fa-prop-01');
}, 240_000);
