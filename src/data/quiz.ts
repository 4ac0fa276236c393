/**
 * Build-time access to the question banks for pages: one question with its
 * content hash and "See in source" link, or a lesson's whole bank in bank
 * order; and one item of the final assessment's pool (never a bank question).
 * Islands get these ready-made props, never the collection.
 */
import { getCollection, getEntry } from 'astro:content';
import type { Question } from '../questions/index.ts';
import { evidenceArticle, sourceHref } from '../lib/quiz/source-link.ts';
import { getCourse } from './course.ts';

/** What a quiz island needs for one question. */
export interface IslandQuestion {
  question: Question;
  hash: string;
  /** `/sources/<article>/#p7:~:text=…` */
  source: string;
}

/** One question with its hash and its "See in source" link, as an island takes it. */
export async function toIsland(question: Question, hash: string): Promise<IslandQuestion> {
  const course = await getCourse();
  const articleId = evidenceArticle(question);
  const article = course.byId.get(articleId);
  const paragraph = article?.sections
    .flatMap((section) => section.paragraphs)
    .find((p) => p.id === question.evidence.paragraph);
  const text = paragraph ? (paragraph.items ? paragraph.items.join(' ') : paragraph.text) : undefined;
  return {
    question,
    hash,
    source: sourceHref(import.meta.env.BASE_URL, articleId, question.evidence, text),
  };
}

/** One question by id, or undefined when no bank has it. */
export async function islandQuestion(id: string): Promise<IslandQuestion | undefined> {
  const entry = await getEntry('quizzes', id);
  return entry ? toIsland(entry.data.question, entry.data.hash) : undefined;
}

/** An item of the final assessment's pool, with the module whose part it belongs to. */
export interface AssessmentQuestion extends IslandQuestion {
  module: string;
}

/** One item of the final assessment's pool by id, or undefined when the pool has none. */
export async function assessmentQuestion(id: string): Promise<AssessmentQuestion | undefined> {
  const entry = await getEntry('pool', id);
  return entry
    ? { ...(await toIsland(entry.data.question, entry.data.hash)), module: entry.data.module }
    : undefined;
}

/** Every question whose `lesson` is `lessonId`, in bank order (file order, then position in the file). */
export async function lessonQuestions(lessonId: string): Promise<IslandQuestion[]> {
  const entries = await getCollection('quizzes', (entry) => entry.data.question.lesson === lessonId);
  return Promise.all(entries.map((entry) => toIsland(entry.data.question, entry.data.hash)));
}
