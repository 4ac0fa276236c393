/**
 * `/review/questions.json`: every question of the course with its hash, lesson, module, objective
 * and "See in source" link, for the review page (which fetches it, so the page itself stays light)
 * and the service worker's precache. Answer keys are in it, as they are in the quiz islands' props:
 * grading happens in the browser.
 */
import type { APIRoute } from 'astro';
import { getBank } from '../../data/bank.ts';
import { getCourse } from '../../data/course.ts';
import { moduleLabel } from '../../lib/course/outline.ts';
import { islandQuestion } from '../../data/quiz.ts';
import { evidenceArticle } from '../../lib/quiz/source-link.ts';
import type { ReviewData } from '../../lib/study/data.ts';

export const GET: APIRoute = async () => {
  const [bank, course] = await Promise.all([getBank(), getCourse()]);
  const base = import.meta.env.BASE_URL;
  const questions = await Promise.all(
    bank.map(async ({ question, hash, module }) => {
      const island = await islandQuestion(question.id);
      return {
        question,
        hash,
        source: island?.source ?? `${base}sources/${evidenceArticle(question)}/`,
        lesson: question.lesson,
        module: module?.id ?? 'other',
        objective: question.objective,
        type: question.type,
      };
    }),
  );
  const lessons: ReviewData['lessons'] = {};
  // Every lesson in the outline (a unit appears under its own id), and articles no module lists.
  for (const article of [...course.groups.flatMap((g) => g.articles), ...course.articles]) {
    if (lessons[article.id]) continue;
    const entry = course.lessons.get(article.id);
    lessons[article.id] = {
      title: entry?.data.title ?? article.title,
      href: `${base}lessons/${article.id}/`,
      objectives: Object.fromEntries((entry?.data.objectives ?? []).map((o) => [o.id, o.text])),
    };
  }
  const modules = course.groups.map((group) => ({
    id: group.module?.id ?? 'other',
    title: group.module ? `${moduleLabel(group.module)}: ${group.module.title}` : 'Other lessons',
  }));
  const data: ReviewData = { modules, lessons, questions };
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
