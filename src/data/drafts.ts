/**
 * Draft practice for pages: for every lesson with no hand-written bank (content/quizzes/<id>.yaml),
 * the questions `draftQuiz` writes from its article, with hashes and "See in source" links, and the
 * same questions as YAML for an instructor to paste into a bank. Computed once per build.
 */
import { getCollection } from 'astro:content';
import { stringify } from 'yaml';
import { draftQuiz, DRAFT } from '../lib/course/draft-quiz.ts';
import { questionHash } from '../lib/quiz/hash.ts';
import { publishQuestion, type Question } from '../questions/index.ts';
import { getCourse, type Article } from './course.ts';
import { toIsland, type IslandQuestion } from './quiz.ts';

export interface LessonDraft {
  lesson: string;
  title: string;
  questions: IslandQuestion[];
  /** Why there are fewer than six questions, or null. */
  shortfall: string | null;
  /** The questions as a bank file, ready for content/quizzes/<lesson>.yaml. */
  yaml: string;
}

/** The objective text draft questions are summarised under. */
export const DRAFT_OBJECTIVES = { [DRAFT.objective]: 'Recall and locate what the source says' };

let cached: Promise<Map<string, LessonDraft>> | undefined;

function bankYaml(article: Article, questions: readonly Question[]): string {
  const header = [
    `# Draft questions for “${article.title}”, generated from the source text.`,
    `# Review each one, give it one of the lesson's objectives (lo1, lo2, …) and a Bloom level,`,
    `# then save as content/quizzes/${article.id}.yaml.`,
  ].join('\n');
  return `${header}\n${stringify(questions, { lineWidth: 0 })}`;
}

async function loadDrafts(): Promise<Map<string, LessonDraft>> {
  const [course, banks, glossary] = await Promise.all([
    getCourse(),
    getCollection('quizzes'),
    getCollection('glossary'),
  ]);
  const withBank = new Set(banks.map((e) => e.data.question.lesson));
  const terms = glossary.map((e) => ({ term: e.data.term, aliases: e.data.aliases }));
  const drafts = new Map<string, LessonDraft>();
  for (const id of course.sequence) {
    const article = course.byId.get(id);
    if (!article || withBank.has(id)) continue;
    const quiz = draftQuiz(article, terms);
    // Pages get opaque option ids, as for bank questions (src/questions/ids.ts); the YAML keeps the handles.
    const questions = await Promise.all(
      quiz.questions.map((q) => toIsland(publishQuestion(q).question, questionHash(q))),
    );
    drafts.set(id, {
      lesson: id,
      title: course.lessons.get(id)?.data.title ?? article.title,
      questions,
      shortfall: quiz.shortfall,
      yaml: bankYaml(article, quiz.questions),
    });
  }
  return drafts;
}

/** Every lesson's draft, by lesson id, in course order; lessons with a bank have none. */
export function getDrafts(): Promise<Map<string, LessonDraft>> {
  cached ??= loadDrafts();
  return cached;
}
