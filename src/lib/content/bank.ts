/**
 * Validating a question bank file (content/quizzes/<article-id>.yaml) after YAML parsing: the
 * schema, unique ids, the lesson it belongs to, verbatim evidence and the item-writing rules
 * (items.ts), and those rules once more over the whole course. Every problem names the file,
 * the question id and the field, so an author can fix it without reading a stack trace.
 * Pure: the caller parses YAML and supplies the articles.
 */
import { publishQuestion, questionSchema, type Question } from '../../questions/index.ts';
import { questionHash } from '../quiz/hash.ts';
import { checkEvidence, type ParagraphLike } from './evidence.ts';
import { checkItem, checkSpread } from './items.ts';

export interface BankArticle {
  id: string;
  paragraphs: ParagraphLike[];
}

export interface BankQuestion {
  /** As published (`publishQuestion`): option, item and right-hand option ids from their text. */
  question: Question;
  /** Content hash of the question as authored (unchanged by publishing, so saved progress counts). */
  hash: string;
  /** Authored handle → published id, for responses saved under the handles (`renameIds`). */
  renamed: Record<string, string>;
}

export interface BankResult {
  questions: BankQuestion[];
  errors: string[];
}

/** Where a schema issue sits in an item, e.g. `options[2].text`, or `(question)` for the item itself. */
export function pathOf(path: readonly PropertyKey[]): string {
  return (
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('') ||
    '(question)'
  );
}

/**
 * @param file    path shown in messages, e.g. `content/quizzes/mali.yaml`
 * @param lessonId the article id the file name names
 * @param data    the parsed YAML
 * @param articles every article, by id (a question may only cite its own lesson's article)
 */
export function validateBank(
  file: string,
  lessonId: string,
  data: unknown,
  articles: ReadonlyMap<string, BankArticle>,
): BankResult {
  const errors: string[] = [];
  const questions: BankQuestion[] = [];
  if (!Array.isArray(data)) {
    return {
      questions,
      errors: [`${file}: expected a list of questions, found ${data === null ? 'nothing' : typeof data}`],
    };
  }
  const seen = new Set<string>();
  data.forEach((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as { id: unknown }).id) : null;
    const label = rawId ? `question "${rawId}"` : `question #${index + 1}`;
    const parsed = questionSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`${file}: ${label}: ${pathOf(issue.path)}: ${issue.message}`);
      return;
    }
    const q = parsed.data;
    if (seen.has(q.id)) errors.push(`${file}: ${label}: id: duplicate id "${q.id}"`);
    seen.add(q.id);
    if (q.lesson !== lessonId)
      errors.push(`${file}: ${label}: lesson: "${q.lesson}" does not match the file's lesson "${lessonId}"`);
    // The quote is from the lesson's own article, or from the one `evidence.article` names (a unit,
    // such as the opening lesson, has no article of its own).
    const article = articles.get(q.evidence.article ?? lessonId);
    if (!article) {
      errors.push(
        q.evidence.article
          ? `${file}: ${label}: evidence.article: no article has the id "${q.evidence.article}"`
          : `${file}: ${label}: evidence: no article has the id "${lessonId}" (the file name must be an article id, or the question must name its article in evidence.article)`,
      );
    } else {
      const problem = checkEvidence(article.paragraphs, q.evidence.paragraph, q.evidence.quote);
      if (problem) errors.push(`${file}: ${label}: evidence: ${problem.message}`);
    }
    for (const problem of checkItem(q)) errors.push(`${file}: ${problem}`);
    const published = publishQuestion(q);
    questions.push({ question: published.question, hash: questionHash(q), renamed: published.renamed });
  });
  for (const problem of checkSpread(
    questions.map((b) => b.question),
    'bank',
  ))
    errors.push(`${file}: ${problem}`);
  return { questions, errors };
}

/** The item-writing spread rules over every bank together, at the exact course-wide thresholds. */
export function validateCourse(dir: string, questions: readonly BankQuestion[]): string[] {
  return checkSpread(
    questions.map((b) => b.question),
    'course',
  ).map((problem) => `${dir} (course-wide): ${problem}`);
}
