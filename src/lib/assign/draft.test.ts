import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blankDraft,
  decodeDraft,
  encodeDraft,
  isBlank,
  missingPicks,
  sameDraft,
  type BuilderDraft,
} from './draft.ts';

const text = fc.string({ maxLength: 20 });
const draftArb: fc.Arbitrary<BuilderDraft> = fc.record({
  v: fc.constant(1 as const),
  mode: fc.constantFrom('pick', 'lessons', 'draw'),
  picked: fc.uniqueArray(text, { maxLength: 5 }),
  lessons: fc.uniqueArray(text, { maxLength: 5 }),
  filter: fc.record({
    module: text,
    lesson: text,
    type: text,
    bloom: text,
    objective: text,
    status: fc.constantFrom('', 'final', 'draft'),
    pool: fc.constantFrom('', 'practice', 'assessment'),
    search: text,
  }),
  count: text,
  seed: text,
  title: fc.string({ maxLength: 200 }),
  attempts: text,
  timeLimit: text,
  opensDate: text,
  opensTime: text,
  dueDate: text,
  dueTime: text,
  shuffleQuestions: fc.boolean(),
  shuffleOptions: fc.boolean(),
  review: fc.constantFrom('immediate', 'after-due', 'never'),
  studentId: fc.constantFrom('', 'number', 'email'),
  assignmentKey: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/)),
  savedAt: fc.integer({ min: 0 }),
}) as fc.Arbitrary<BuilderDraft>;

describe('decodeDraft', () => {
  it('reads back every draft it wrote', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        expect(decodeDraft(encodeDraft(draft))).toEqual({ draft, damaged: false });
      }),
    );
  });

  it('never throws, whatever is stored', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ v: 1, x: v })),
        ),
        (raw) => {
          const { draft } = decodeDraft(raw);
          if (draft) expect(draft.v).toBe(1);
        },
      ),
    );
  });

  it.each([
    [null, { draft: null, damaged: false }],
    ['', { draft: null, damaged: false }],
    ['{not json', { draft: null, damaged: true }],
    ['{"v":2}', { draft: null, damaged: true }],
    ['[1,2]', { draft: null, damaged: true }],
  ])('%j → %j', (raw, expected) => {
    expect(decodeDraft(raw)).toEqual(expected);
  });

  it('keeps what it can read of a damaged draft, and says it is damaged', () => {
    const raw = JSON.stringify({
      ...blankDraft('s1'),
      title: 'Week 1',
      picked: ['q1', 7],
      review: 'sometimes',
      filter: { type: 'cloze', pool: 'secret' },
    });
    const { draft, damaged } = decodeDraft(raw);
    expect(damaged).toBe(true);
    expect(draft).toMatchObject({ title: 'Week 1', seed: 's1', picked: [], review: 'immediate' });
    expect(draft?.filter).toMatchObject({ type: 'cloze', pool: '' });
  });

  it('fills fields a shorter (older) draft lacks from the blank draft, without calling it damaged', () => {
    expect(decodeDraft('{"v":1,"title":"Quiz"}')).toEqual({
      draft: { ...blankDraft(''), title: 'Quiz' },
      damaged: false,
    });
  });
});

describe('the assignment key kept with the draft', () => {
  it('comes back whole, so the release link of a restored draft stays the same', () => {
    const key = 'k'.repeat(43);
    expect(decodeDraft(encodeDraft({ ...blankDraft('s'), assignmentKey: key })).draft?.assignmentKey).toBe(
      key,
    );
  });
  it('is dropped, and the draft called damaged, when it is not a whole key', () => {
    const { draft, damaged } = decodeDraft(JSON.stringify({ v: 1, title: 'Quiz', assignmentKey: 'short' }));
    expect(damaged).toBe(true);
    expect(draft).toMatchObject({ title: 'Quiz', assignmentKey: '' });
  });
});

describe('isBlank and sameDraft', () => {
  it('a new draft is blank whatever its seed; a title or a pick makes it not blank', () => {
    expect(isBlank(blankDraft('abc'))).toBe(true);
    expect(isBlank({ ...blankDraft('abc'), assignmentKey: 'k'.repeat(43) })).toBe(true);
    expect(isBlank({ ...blankDraft('abc'), title: 'x' })).toBe(false);
    expect(isBlank({ ...blankDraft('abc'), picked: ['q1'] })).toBe(false);
  });
  it('ignores the time of saving', () => {
    expect(sameDraft({ ...blankDraft('a'), savedAt: 5 }, blankDraft('a'))).toBe(true);
    expect(sameDraft(blankDraft('a'), blankDraft('b'))).toBe(false);
  });
});

describe('missingPicks', () => {
  it('lists picks the bank no longer has', () => {
    expect(missingPicks({ ...blankDraft(''), picked: ['a', 'gone'] }, new Set(['a']))).toEqual(['gone']);
  });
});
