/**
 * Pure: types only.
 *
 * The review data the site builds once (`/review/questions.json`, from
 * src/pages/review/questions.json.ts) and the review page fetches: every
 * question with what the queue, the practice selector, the question card and
 * the Anki export need. Kept out of the page HTML so /review/ stays light.
 */
import type { Question, QuestionType } from '../../questions/index.ts';

export interface ReviewQuestion {
  question: Question;
  /** Content hash of the question as published. */
  hash: string;
  /** "See in source" link for the question card. */
  source: string;
  lesson: string;
  /** Module id, or `other` for a lesson no module lists. */
  module: string;
  objective: string;
  type: QuestionType;
}

export interface ReviewData {
  /** Modules in course order. */
  modules: { id: string; title: string }[];
  /** Per lesson id: title, page link and objective texts by objective id. */
  lessons: Record<string, { title: string; href: string; objectives: Record<string, string> }>;
  /** Every question, in course order. */
  questions: ReviewQuestion[];
}
