/**
 * Pure: no DOM, no framework, no zod.
 *
 * Grading on import (issue 12): the page of a keyless assignment shows public questions, whose
 * orderings and matchings use public ids (`_1`, … : src/questions/publics.ts). Before grading, each
 * response is turned back into a response to the full question. Authored ids never start with "_",
 * so a response given to the full question (an "immediate" assignment) passes unchanged, and the
 * policy need not be known.
 */
import type { Question } from '../../questions/index.ts';
import { responseFromPublic } from '../../questions/publics.ts';

interface WithAttempts {
  attempts: readonly { responses: Readonly<Record<string, unknown>> }[];
}

/** `submission` with every response as one to the full question (nothing else changes). */
export function withFullResponses<S extends WithAttempts>(
  submission: S,
  questions: ReadonlyMap<string, Question>,
): S {
  return {
    ...submission,
    attempts: submission.attempts.map((attempt) => ({
      ...attempt,
      responses: Object.fromEntries(
        Object.entries(attempt.responses).map(([id, response]) => {
          const question = questions.get(id);
          return [id, question ? responseFromPublic(question, response) : response];
        }),
      ),
    })),
  };
}
