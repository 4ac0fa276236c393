/**
 * Test fixtures for the store tests: a bank (`BankData`, as the pages fetch it) holding some of the
 * exporters' fixture questions, one of every type (src/lib/export/fixtures.ts).
 */
import type { Question } from '../questions/index.ts';
import type { BankData } from '../lib/assign/bank-data.ts';
import { FIXTURES } from '../lib/export/fixtures.ts';

/** The fixture questions with these ids (all of them without ids), each with the hash `h-<id>`. */
export function fixtureBank(ids?: readonly string[]): { questions: Question[]; bank: BankData } {
  const questions = (FIXTURES as Question[]).filter((q) => !ids || ids.includes(q.id));
  return {
    questions,
    bank: {
      v: 1,
      questions: questions.map((question) => ({
        id: question.id,
        hash: `h-${question.id}`,
        source: '#',
        question,
      })),
      lessons: [...new Set(questions.map((q) => q.lesson))].map((id) => ({
        id,
        title: 'Lesson',
        module: null,
      })),
      modules: [],
    },
  };
}
