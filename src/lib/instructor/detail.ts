/**
 * Pure: no DOM, no framework. Build time only (it asks each type's export part, which holds the
 * instructor's view of its key).
 *
 * One question's detail for the bank browser: what `QuestionDetail` holds, from the question and the
 * type's `instructor` part (`src/questions/<type>/export.ts`).
 */
import type { Question } from '../../questions/index.ts';
import { describeAnswer } from '../../questions/index.ts';
import { exporters as allExporters } from '../../questions/exporters.ts';
import { exportOf } from '../export/common.ts';
import type { QuestionDetail } from './bank-index.ts';

/** Evidence as the detail links it: `href` to the paragraph in its source page. */
export interface EvidenceLink {
  quote: string;
  href: string;
  label: string;
}

/** The detail of `question`; `evidence` lists its own evidence first. */
export function questionDetail(
  question: Question,
  context: { objective: string; evidence: EvidenceLink[] },
  exporters = allExporters,
): QuestionDetail {
  const view = exportOf(question, exporters).instructor;
  return {
    id: question.id,
    blocks: view.blocks(question),
    answer: describeAnswer(question),
    explanation: question.explanation,
    feedback: view.answerFeedback(question),
    ifWrong: question.feedback?.incorrect ?? null,
    hints: question.hints ?? [],
    evidence: context.evidence,
    objective: context.objective,
  };
}

/** "source ¶7" for paragraph `p7`. */
export function paragraphLabel(paragraph: string): string {
  return `source ¶${paragraph.replace(/^p/, '')}`;
}
