/**
 * The question bank as pages see it: every question with its hash, lesson, module and objective
 * text, in course order. Shared by the instructor pages and the export endpoints; `getBankData`
 * gives the same bank in the browser's format, for the classroom endpoints.
 */
import { getCollection } from 'astro:content';
import type { Question } from '../questions/index.ts';
import type { BankData } from '../lib/assign/bank-data.ts';
import { getCourse } from './course.ts';
import { lessonQuestions } from './quiz.ts';
import { evidenceArticle } from '../lib/quiz/source-link.ts';

export interface BankEntry {
  question: Question;
  hash: string;
  /** Authored option handle → published id (src/questions/ids.ts). */
  renamed: Record<string, string>;
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
        renamed: e.data.renamed,
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

let cachedData: Promise<BankData> | undefined;

async function loadBankData(): Promise<BankData> {
  const [bank, course] = await Promise.all([getBank(), getCourse()]);
  const lessonIds = [...new Set(bank.map((b) => b.question.lesson))];
  const sources = new Map(
    (await Promise.all(lessonIds.map(lessonQuestions))).flat().map((q) => [q.question.id, q.source]),
  );
  return {
    v: 1,
    questions: bank.map((b) => ({
      id: b.question.id,
      hash: b.hash,
      source:
        sources.get(b.question.id) ?? `${import.meta.env.BASE_URL}sources/${evidenceArticle(b.question)}/`,
      question: b.question,
      ...(Object.keys(b.renamed).length > 0 ? { renamed: b.renamed } : {}),
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
}

/**
 * The whole bank as the browser reads it (`BankData`: questions with hashes and "See in source"
 * links, lessons, modules), built once per build. The classroom endpoints write it whole
 * (`/assignment/questions.json`) and split by lesson (`/assignment/questions/…`).
 */
export function getBankData(): Promise<BankData> {
  cachedData ??= loadBankData();
  return cachedData;
}
