/**
 * The question bank as pages see it: every question with its hash, lesson, module and objective
 * text, in course order. Shared by the instructor pages and the export endpoints.
 */
import { getCollection } from 'astro:content';
import type { Question } from '../questions/index.ts';
import { getCourse } from './course.ts';

export interface BankEntry {
  question: Question;
  hash: string;
  lessonTitle: string;
  module: { id: string; order: number; title: string } | null;
  objectiveText: string | null;
}

let cached: Promise<BankEntry[]> | undefined;

async function loadBank(): Promise<BankEntry[]> {
  const [course, entries] = await Promise.all([getCourse(), getCollection('quizzes')]);
  const position = new Map(course.sequence.map((id, i) => [id, i]));
  return entries
    .map((e) => {
      const q = e.data.question;
      const lesson = course.lessons.get(q.lesson);
      const article = course.articles.find((a) => a.id === q.lesson);
      const m = course.moduleOf.get(q.lesson);
      return {
        question: q,
        hash: e.data.hash,
        lessonTitle: lesson?.data.title ?? article?.title ?? q.lesson,
        module: m ? { id: m.id, order: m.order, title: m.title } : null,
        objectiveText: lesson?.data.objectives.find((o) => o.id === q.objective)?.text ?? null,
      };
    })
    .sort(
      (a, b) =>
        (position.get(a.question.lesson) ?? 1e9) - (position.get(b.question.lesson) ?? 1e9) ||
        a.question.id.localeCompare(b.question.id, 'en', { numeric: true }),
    );
}

/** The whole bank in course order, loaded once per build. */
export function getBank(): Promise<BankEntry[]> {
  cached ??= loadBank();
  return cached;
}
