/**
 * fast-check generators of assignment specs, shared by the codec tests (spec.test.ts, core.test.ts).
 * Test-only: nothing in the app imports this module.
 */
import fc from 'fast-check';
import { withId, type AssignmentSpec } from './spec.ts';

const isoArb = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

/**
 * Specs with their id computed. With `valid: true` only specs the schema accepts (an `after-due`
 * review needs a due date, and the assignment must open before it is due); otherwise also specs
 * that break those rules, for tests that compare two validators.
 */
export function specArb({ valid }: { valid: boolean }): fc.Arbitrary<AssignmentSpec> {
  return fc
    .record(
      {
        title: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => /\S/.test(s)),
        questions: fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/), {
          minLength: 1,
          maxLength: 40,
        }),
        seed: fc.string({ minLength: 1, maxLength: 20 }),
        attempts: fc.integer({ min: 1, max: 100 }),
        timeLimit: fc.integer({ min: 1, max: 10_080 }),
        opensAt: isoArb,
        due: isoArb,
        shuffleQuestions: fc.boolean(),
        shuffleOptions: fc.boolean(),
        review: valid
          ? fc.constantFrom('immediate' as const, 'never' as const)
          : fc.constantFrom('immediate' as const, 'after-due' as const, 'never' as const),
        studentId: fc.constantFrom('number' as const, 'email' as const),
      },
      {
        requiredKeys: [
          'title',
          'questions',
          'seed',
          'attempts',
          'shuffleQuestions',
          'shuffleOptions',
          'review',
        ],
      },
    )
    .filter((s) => !valid || !(s.opensAt && s.due && Date.parse(s.opensAt) >= Date.parse(s.due)))
    .map((content) => withId({ v: 1, ...content }));
}
