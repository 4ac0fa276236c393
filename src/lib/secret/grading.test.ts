import { describe, expect, it } from 'vitest';
import { loadBank } from '../../cli/bank.ts';
import { answerKey, gradeResponse } from '../../questions/client.ts';
import type { Question } from '../../questions/index.ts';
import { publicQuestion } from '../../questions/publics.ts';
import { withFullResponses } from './grading.ts';

const questions = new Map<string, Question>(loadBank().questions.map((q) => [q.question.id, q.question]));

describe('grading on import', () => {
  it('grades a keyless page’s answers (public ids) like the same answers on the full question', () => {
    const ordering = [...questions.values()].find((q) => q.type === 'ordering');
    if (ordering?.type !== 'ordering') throw new Error('no ordering question');
    const pub = publicQuestion(ordering) as unknown as { items: { id: string; text: string }[] };
    const spoken = ordering.items.map((item) => pub.items.find((p) => p.text === item.text)?.id);
    expect(
      spoken.every((id) => id?.startsWith('_')),
      JSON.stringify(pub),
    ).toBe(true);
    const sub = { student: 'x', attempts: [{ at: 'now', responses: { [ordering.id]: spoken, nope: 1 } }] };
    const full = withFullResponses(sub, questions);
    expect(gradeResponse(ordering, full.attempts[0]?.responses[ordering.id]).score).toBe(1);
    expect(full.attempts[0]?.responses.nope).toBe(1);
    expect(full.student).toBe('x');
  });

  it('leaves answers given to the full questions as they are', () => {
    const responses = Object.fromEntries([...questions.values()].map((q) => [q.id, answerKey(q)]));
    const sub = { attempts: [{ responses }] };
    expect(withFullResponses(sub, questions)).toEqual(sub);
  });
});
