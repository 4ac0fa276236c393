/**
 * The question bank for the browser (see src/lib/assign/bank-data.ts), written at build time. The
 * assignment page, the assignment builder and the submission review page fetch it. It holds the
 * answer keys: a site with no server cannot keep them from a determined student.
 */
import type { APIRoute } from 'astro';
import { getBank } from '../../data/bank.ts';
import { getCourse } from '../../data/course.ts';
import { lessonQuestions } from '../../data/quiz.ts';
import type { BankData } from '../../lib/assign/bank-data.ts';

export const GET: APIRoute = async () => {
  const [bank, course] = await Promise.all([getBank(), getCourse()]);
  const lessonIds = [...new Set(bank.map((b) => b.question.lesson))];
  const sources = new Map(
    (await Promise.all(lessonIds.map(lessonQuestions))).flat().map((q) => [q.question.id, q.source]),
  );
  const data: BankData = {
    v: 1,
    questions: bank.map((b) => ({
      id: b.question.id,
      hash: b.hash,
      source: sources.get(b.question.id) ?? `${import.meta.env.BASE_URL}sources/${b.question.lesson}/`,
      question: b.question,
    })),
    lessons: lessonIds.map((id) => ({
      id,
      title: bank.find((b) => b.question.lesson === id)?.lessonTitle ?? id,
      module: course.moduleOf.get(id)?.id ?? null,
    })),
    modules: course.modules.map((m) => ({
      id: m.id,
      order: m.order,
      title: m.title,
      lessons: [...m.lessons],
    })),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
