/**
 * The quiz loader is what the build runs: a bank that breaks an item-writing rule makes it throw,
 * naming the file, the question and the rule. Fixture banks sit in a temporary project whose seeds/
 * is the real one, so their evidence quotes are checked against the real article.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { quizLoader, readQuizBanks } from './quizzes.ts';

const root = resolve(import.meta.dirname, '../..');
const LESSON = 'mali-jihadists-support-their-struggle-online';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A project folder holding the real seeds and `banks` as content/quizzes/<LESSON>.yaml. */
function project(bank: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'eoc-banks-'));
  made.push(dir);
  symlinkSync(join(root, 'seeds'), join(dir, 'seeds'), 'dir');
  mkdirSync(join(dir, 'content/quizzes'), { recursive: true });
  writeFileSync(join(dir, `content/quizzes/${LESSON}.yaml`), stringify(bank));
  return dir;
}

const item = (n: number, answer: string, texts: string[], extra: object = {}) => ({
  id: `fx-q0${n}`,
  type: 'single',
  lesson: LESSON,
  objective: 'lo1',
  bloom: 'understand',
  prompt: 'According to paragraph 5, how do jihadist forums admit new members today?',
  options: texts.map((text, i) => ({
    id: 'abcd'[i],
    text,
    ...('abcd'[i] === answer ? {} : { feedback: 'Reread paragraph 5.' }),
  })),
  answer,
  explanation: 'Paragraph 5 says new members are accepted only by invitation.',
  evidence: { paragraph: 'p5', quote: 'new members are now accepted only by invitation' },
  ...extra,
});
const options = ['By invitation only', 'To anyone who asks', 'After a payment', 'Through Twitter'];
const sourceEvaluation = { skill: 'source-evaluation' };

describe('the quiz loader (the build) runs the item-writing check', () => {
  it('accepts a bank that follows the rules', () => {
    const dir = project([
      item(1, 'a', options, sourceEvaluation),
      item(2, 'b', options, sourceEvaluation),
      item(3, 'c', options),
      item(4, 'd', options),
    ]);
    expect(readQuizBanks(dir, 'content/quizzes').errors).toEqual([]);
  });

  it('fails on a rule broken in one bank and course-wide, naming the file, the question and the rule', async () => {
    const dir = project([
      item(1, 'a', options, sourceEvaluation),
      item(2, 'a', options, sourceEvaluation),
      item(3, 'a', ['By invitation only', 'To anyone', 'None of the above', 'Via Twitter']),
      item(4, 'd', options),
    ]);
    const file = `content/quizzes/${LESSON}.yaml`;
    const { errors } = readQuizBanks(dir, 'content/quizzes');
    expect(errors).toEqual(
      expect.arrayContaining([
        `${file}: question "fx-q03": banned form: option c says "None of the above"`,
        `${file}: key position: position 1 holds 3 of 4 keys in 4-option Single choice items (75%); 1 allowed (fx-q01, fx-q02, fx-q03)`,
        `content/quizzes (course-wide): key position: position 1 holds 3 of 4 keys in 4-option Single choice items (75%); 15–35% allowed (fx-q01, fx-q02, fx-q03)`,
      ]),
    );
    const loader = quizLoader({ dir: 'content/quizzes' });
    const context = {
      config: { root: pathToFileURL(`${dir}/`) },
      store: { clear() {}, set() {} },
      parseData: async (entry: unknown) => entry,
      logger: { info() {} },
    };
    await expect(loader.load(context as unknown as Parameters<typeof loader.load>[0])).rejects.toThrow(
      `${file}: question "fx-q03": banned form: option c says "None of the above"`,
    );
  });
});
