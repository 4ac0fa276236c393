import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSpec } from '../lib/assign/spec.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/assign.ts', ...args], { cwd: root, encoding: 'utf8' });

const LESSONS = [
  'mali-jihadists-support-their-struggle-online',
  'cyber-caliphate-what-apps-are-the-islamic-state-using',
];

describe('assign CLI', () => {
  it('prints one path line on stdout and a summary on stderr', () => {
    const result = run(
      '--lessons',
      LESSONS.join(','),
      '--seed',
      'cli',
      '--title',
      'Week 1',
      '--due',
      '2026-05-08T17:00:00Z',
      '--attempts',
      '2',
      '--time-limit',
      '30',
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\/assignment\/#[A-Za-z0-9_-]+$/);
    const decoded = decodeSpec(lines[0] as string);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.spec).toMatchObject({
      title: 'Week 1',
      seed: 'cli',
      attempts: 2,
      timeLimit: 30,
      review: 'after-due',
      due: '2026-05-08T17:00:00Z',
    });
    expect(result.stderr).toMatch(
      new RegExp(
        `^assign: ${decoded.spec.questions.length} questions from 2 lesson\\(s\\), id ${decoded.spec.id}, seed "cli", link ${lines[0]?.length} characters\\n$`,
      ),
    );
    // Deterministic: the same flags give the same link.
    expect(
      run(
        '--lessons',
        LESSONS.join(','),
        '--seed',
        'cli',
        '--title',
        'Week 1',
        '--due',
        '2026-05-08T17:00:00Z',
        '--attempts',
        '2',
        '--time-limit',
        '30',
      ).stdout,
    ).toBe(result.stdout);
  });

  it('--count draws per module with the seed; --types filters', () => {
    const result = run('--count', '1', '--types', 'truefalse', '--seed', 'x', '--review', 'never');
    expect(result.status).toBe(0);
    const decoded = decodeSpec(result.stdout.trim());
    expect(decoded.ok && decoded.spec.questions.length).toBeGreaterThanOrEqual(1);
    expect(decoded.ok && decoded.spec.review).toBe('never');
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--count', 'two'], /--count must be a whole number/],
    [['--review', 'later'], /--review must be one of immediate, after-due, never/],
    [['--due', 'next friday'], /--due must be an ISO date-time/],
    [['stray'], /positional/],
  ])('bad flags %j → usage and exit 2', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('usage: npm run --silent assign');
    expect(result.stdout).toBe('');
  });

  it.each([
    [['--questions', 'mali-q01,not-a-question'], /No question has the id "not-a-question"/],
    [['--lessons', 'no-such-lesson'], /No lesson with questions has the id "no-such-lesson"/],
    [['--types', 'essay'], /Unknown question type "essay"/],
  ])('unknown names %j → message and exit 1', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('usage');
  });
});
