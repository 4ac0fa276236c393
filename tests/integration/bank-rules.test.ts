/**
 * The item-writing check runs in the real build: a bank whose option reads "None of the above" and
 * whose true/false keys lean to False makes `astro build` fail, naming the file, the question and
 * the rule. The build copies the project to a temporary folder (node_modules linked, not copied).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { build, copyProject, removeProjects, root } from './project.ts';

const BANK = 'content/quizzes/mali-jihadists-support-their-struggle-online.yaml';

// Copies of the project hold a build each: removing them takes a while on a loaded machine.
afterAll(removeProjects, 120_000);

it('a bank that breaks an item-writing rule fails the build with the file, the question and the rule', () => {
  const dir = copyProject();

  const bank = parse(readFileSync(join(root, BANK), 'utf8')) as Record<string, unknown>[];
  const q01 = bank.find((q) => q.id === 'mali-q01') as { options: { text: string }[] };
  q01.options[3]!.text = 'None of the above';
  const q05 = bank.find((q) => q.id === 'mali-q05')!;
  q05.answer = !q05.answer;
  writeFileSync(join(dir, BANK), stringify(bank));

  const result = build(dir);
  const output = result.stdout + result.stderr;
  expect(result.status).not.toBe(0);
  expect(output).toContain(`${BANK}: question "mali-q01": banned form: option d says "None of the above"`);
  expect(output).toContain(
    `${BANK}: key position: “True” is the key in 0 of 2 True / false items (0%); 1 allowed`,
  );
}, 180_000);
