import { describe, expect, it } from 'vitest';
import { loadBank } from '../cli/bank.ts';
import { answerKey, gradeResponse } from './client.ts';
import type { Question } from './index.ts';
import { publicQuestion, responseFromPublic } from './publics.ts';
import { KEY_FIELDS } from '../../tests/fixtures/secret-fields.ts';

const questions: Question[] = loadBank().questions.map((q) => q.question);

/** Every text in `q` that tells the answer or teaches it. */
function revealing(q: Question): string[] {
  const texts: string[] = [q.explanation, q.evidence.quote, ...(q.hints ?? [])];
  if (q.feedback?.correct) texts.push(q.feedback.correct);
  if (q.feedback?.incorrect) texts.push(q.feedback.incorrect);
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && /^(feedback|feedbackTrue|feedbackFalse)$/.test(key)) texts.push(value);
    else if (Array.isArray(value))
      value.forEach((v) => walk(v, key === 'accept' || key === 'reject' ? key : ''));
    else if (typeof value === 'string' && (key === 'accept' || key === 'reject') && value.length > 3)
      texts.push(value);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(q);
  return texts;
}

/** Every text `q` shows a student anyway: its lesson, its prompt and the texts of its options, items, pairs, blanks. */
function shownTexts(q: Question): string {
  const out: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && /^(prompt|text|left|right|distractors|lesson)$/.test(key))
      out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(q);
  return out.join('\n');
}

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

/** The key, said through the public question: the same texts chosen, under the public ids. */
function publicKey(q: Question): unknown {
  const pub = publicQuestion(q) as Record<string, unknown> & Question;
  if (q.type === 'ordering' && pub.type === 'ordering') {
    return q.items.map((item) => pub.items.find((p) => p.text === item.text)?.id);
  }
  if (q.type === 'matching' && pub.type === 'matching') {
    const rights = [
      ...pub.pairs.map((p) => ({ id: p.id, text: p.right })),
      ...(pub.distractors ?? []).map((text, i) => ({ id: `d${i + 1}`, text })),
    ];
    return Object.fromEntries(
      q.pairs.map((pair) => [
        pub.pairs.find((p) => p.left === pair.left)?.id,
        rights.find((r) => r.text === pair.right)?.id,
      ]),
    );
  }
  return answerKey(q);
}

describe('public questions (what a page without keys may hold)', () => {
  it('covers every type of the bank', () => {
    expect(new Set(questions.map((q) => q.type)).size).toBe(8);
  });

  it.each(questions.map((q) => [q.id, q] as const))(
    '%s holds no key, accepted answer, feedback or explanation',
    (_id, q) => {
      const pub = publicQuestion(q);
      const json = JSON.stringify(pub);
      const shown = shownTexts(q);
      // A text the question shows anyway (a prompt quoting its evidence) is no leak.
      for (const text of revealing(q)) if (!shown.includes(text)) expect(json).not.toContain(text);
      const fields = new Set(keysOf(pub));
      for (const field of KEY_FIELDS) expect(fields.has(field), field).toBe(false);
      expect(pub).toMatchObject({ id: q.id, type: q.type, prompt: q.prompt });
    },
  );

  it.each(questions.map((q) => [q.id, q] as const))(
    '%s: the key given on the public question grades 1 once mapped back',
    (_id, q) => {
      expect(gradeResponse(q, responseFromPublic(q, publicKey(q))).score).toBe(1);
    },
  );

  it.each(questions.map((q) => [q.id, q] as const))(
    '%s: a response to the full question passes unchanged',
    (_id, q) => {
      expect(responseFromPublic(q, answerKey(q))).toEqual(answerKey(q));
    },
  );

  it('an ordering is not listed in its correct order, and its ids do not follow it', () => {
    const orderings = questions.filter((q) => q.type === 'ordering');
    expect(orderings.length).toBeGreaterThan(2);
    const solved = orderings.filter((q) => {
      const pub = publicQuestion(q) as unknown as { items: { text: string }[] };
      return q.type === 'ordering' && pub.items.every((item, i) => item.text === q.items[i]?.text);
    });
    expect(solved.length).toBeLessThan(orderings.length / 2);
  });

  it('a matching no longer pairs each left with its right', () => {
    const matchings = questions.filter((q) => q.type === 'matching');
    for (const q of matchings) {
      if (q.type !== 'matching') continue;
      const pub = publicQuestion(q) as unknown as { pairs: { left: string; right: string }[] };
      const kept = pub.pairs.filter((p, i) => p.right === q.pairs[i]?.right).length;
      expect(kept, q.id).toBeLessThan(q.pairs.length);
    }
  });

  it('junk responses stay junk (grading still says 0)', () => {
    for (const q of questions) {
      for (const junk of [null, -77.5, 'zz', ['zz'], { zz: 'zz' }]) {
        expect(gradeResponse(q, responseFromPublic(q, junk)).score).toBe(0);
      }
    }
  });
});
