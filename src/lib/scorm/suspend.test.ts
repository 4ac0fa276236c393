// cmi.suspend_data: the student's answers between launches, within SCORM 1.2's 4,096 characters.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../cli/bank.ts';
import { answerKey, type Question, type Response } from '../../questions/index.ts';
import { stableStringify } from '../quiz/hash.ts';
import { SUSPEND_DATA_LIMIT, decodeSuspend, emptyState, encodeSuspend, type PlayerState } from './suspend.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bank = loadBank(root).questions.map((entry) => entry.question);

/** The key as the question's view gives it (a numeric answer is the text typed). */
const typedKey = (q: Question): Response => {
  const key = answerKey(q) as Response;
  return typeof key === 'number' ? String(key) : key;
};

/** Every question answered with its key, an hour after the launch, and checked. */
function answeredAll(questions: readonly Question[]): PlayerState {
  const state = emptyState();
  for (const q of questions) {
    state.answers[q.id] = typedKey(q);
    state.latency[q.id] = 3_600_000;
  }
  state.checked = questions.map((q) => q.id);
  state.submitted = true;
  return state;
}

const ids = (questions: readonly Question[]) => questions.map((q) => q.id);

describe('suspend_data', () => {
  it('holds 30 questions with the longest answers in the bank well within 4,096 characters', () => {
    // The 30 questions whose keys take the most room (matching, ordering, cloze, long text).
    const longest = [...bank]
      .sort((a, b) => stableStringify(answerKey(b)).length - stableStringify(answerKey(a)).length)
      .slice(0, 30);
    const encoded = encodeSuspend(answeredAll(longest), ids(longest));
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.data.length).toBeLessThan(SUSPEND_DATA_LIMIT / 2);
    // Room left for typed answers: 30 typed answers of 60 characters on top still fit.
    const typed = answeredAll(longest);
    for (const q of longest) if (q.type === 'text') typed.answers[q.id] = 'x'.repeat(60);
    expect(encodeSuspend(typed, ids(longest)).ok).toBe(true);
  });

  it('says how long the data is when it does not fit, instead of cutting it', () => {
    const q = bank.find((x) => x.type === 'text') as Question;
    const state = emptyState();
    state.answers[q.id] = 'y'.repeat(5000);
    expect(encodeSuspend(state, [q.id])).toEqual({ ok: false, length: expect.any(Number) });
    const result = encodeSuspend(state, [q.id]);
    if (!result.ok) expect(result.length).toBeGreaterThan(SUSPEND_DATA_LIMIT);
  });

  it('round-trips any answers the questions accept (property)', () => {
    const sample = bank.slice(0, 40);
    const stateArb = fc
      .record({
        chosen: fc.subarray(sample, { minLength: 0 }),
        seconds: fc.nat(100_000),
        submitted: fc.boolean(),
        checkFirst: fc.boolean(),
      })
      .map(({ chosen, seconds, submitted, checkFirst }) => {
        const state = emptyState();
        for (const q of chosen) {
          state.answers[q.id] = typedKey(q);
          state.latency[q.id] = seconds * 1000;
        }
        if (checkFirst && chosen[0]) state.checked = [chosen[0].id];
        state.submitted = submitted;
        return state;
      });
    fc.assert(
      fc.property(stateArb, (state) => {
        const encoded = encodeSuspend(state, ids(sample));
        expect(encoded.ok).toBe(true);
        if (!encoded.ok) return;
        expect(decodeSuspend(encoded.data, sample)).toEqual({ ok: true, state, dropped: 0 });
      }),
    );
  });

  it('reads an empty value as a fresh start', () => {
    expect(decodeSuspend('', bank)).toEqual({ ok: true, state: emptyState(), dropped: 0 });
  });

  it('never throws on what an LMS may hand back, and says when it cannot read it (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const decoded = decodeSuspend(text, bank);
        if (!decoded.ok) expect(decoded.error).toMatch(/cannot be read/);
      }),
    );
    expect(decodeSuspend('{"v":2,"a":[]}', bank).ok).toBe(false);
    expect(decodeSuspend('not json', bank).ok).toBe(false);
  });

  it('leaves out and counts answers that no longer fit their question', () => {
    const single = bank.find((q) => q.type === 'single') as Question;
    const text = JSON.stringify({
      v: 1,
      a: [
        [0, 'no-such-option', 3],
        [99, 'x', 1],
        [1, 'kept', 2],
      ],
    });
    const textQ = bank.find((q) => q.type === 'text') as Question;
    const decoded = decodeSuspend(text, [single, textQ]);
    expect(decoded).toEqual({
      ok: true,
      state: {
        answers: { [textQ.id]: 'kept' },
        latency: { [textQ.id]: 2000 },
        checked: [],
        submitted: false,
      },
      dropped: 2,
    });
  });
});
