/**
 * Pure: no DOM, no framework.
 *
 * A synthetic cohort for benchmarking and property tests: `items` questions (single, multiple and
 * true/false in turn) and one submission per student, answered under a simple logistic model
 * (ability θ against item difficulty b, P(right) = 1 / (1 + e^(b − θ))) so scores correlate the
 * way real ones do. Deterministic for a given seed; times are fixed, not read from a clock.
 */
import type { Question } from '../../questions/index.ts';
import { withId, specFingerprint, type AssignmentSpec } from '../assign/spec.ts';
import { seededRandom } from '../quiz/shuffle.ts';
import { questionHash } from '../quiz/hash.ts';
import { createSubmission, type Submission } from '../submission/submission.ts';

export interface SyntheticCohort {
  spec: AssignmentSpec;
  questions: Question[];
  submissions: Submission[];
}

const common = (id: string, index: number) => ({
  id,
  lesson: 'synthetic-lesson',
  objective: 'lo1',
  bloom: 'remember' as const,
  prompt: `Synthetic question ${index + 1}`,
  explanation: 'Generated for benchmarks.',
  evidence: { paragraph: 'p1', quote: 'Generated for benchmarks.' },
});

function makeQuestion(index: number): Question {
  const id = `syn-q${index + 1}`;
  const options = ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: `Option ${o.toUpperCase()}` }));
  switch (index % 3) {
    case 0:
      return { type: 'single', ...common(id, index), options, answer: 'a' };
    case 1:
      return { type: 'multiple', ...common(id, index), options, answers: ['a', 'b'] };
    default:
      return { type: 'truefalse', ...common(id, index), answer: true };
  }
}

/** A response that is right with probability `pRight`, otherwise a plausible wrong one. */
function respond(question: Question, pRight: number, random: () => number): unknown {
  const right = random() < pRight;
  switch (question.type) {
    case 'single':
      return right ? 'a' : (['b', 'c', 'd'][Math.floor(random() * 3)] as string);
    case 'multiple':
      return right ? ['a', 'b'] : random() < 0.5 ? ['a'] : ['a', 'c'];
    case 'truefalse':
      return right;
    default:
      return null;
  }
}

/** `students` submissions to one assignment of `items` questions. */
export function syntheticCohort(students: number, items: number, seed: string): SyntheticCohort {
  const random = seededRandom(seed);
  const questions = Array.from({ length: items }, (_, j) => makeQuestion(j));
  const difficulty = questions.map(() => (random() - 0.5) * 4);
  const spec = withId({
    v: 1,
    title: `Synthetic ${students} × ${items}`,
    questions: questions.map((q) => q.id),
    seed,
    attempts: 1,
    due: '2026-01-10T12:00:00.000Z',
    shuffleQuestions: true,
    shuffleOptions: true,
    review: 'after-due',
  });
  const fingerprint = specFingerprint(
    spec,
    Object.fromEntries(questions.map((q) => [q.id, questionHash(q)])),
  );
  const start = Date.parse('2026-01-10T09:00:00.000Z');
  const submissions = Array.from({ length: students }, (_, s) => {
    const ability = (random() + random() + random() - 1.5) * 2;
    const responses: Record<string, unknown> = {};
    questions.forEach((q, j) => {
      // About 3 % of answers are left blank.
      if (random() < 0.03) return;
      responses[q.id] = respond(q, 1 / (1 + Math.exp((difficulty[j] as number) - ability)), random);
    });
    const startedAt = new Date(start + s * 1000).toISOString();
    const submittedAt = new Date(start + s * 1000 + (20 + random() * 100) * 60_000).toISOString();
    return createSubmission({
      spec,
      fingerprint,
      student: { name: `Student ${s + 1}`, id: `s${s + 1}` },
      attempts: [{ startedAt, submittedAt, responses }],
    });
  });
  return { spec, questions, submissions };
}
