import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDraft } from './draft.ts';

const defaults = { mode: 'pick', picked: [] as string[], title: '', shuffle: true, review: 'immediate' };
const choices = { mode: ['pick', 'lessons'], review: ['immediate', 'never'] } as const;
const KEY = 'k'.repeat(43);

describe('builder drafts in storage', () => {
  it('read back what was saved', () => {
    const saved = {
      v: 1 as const,
      savedAt: '2026-03-01T10:00:00.000Z',
      draft: { mode: 'lessons', picked: ['a-q1'], title: 'Week 2', shuffle: false, review: 'never' },
      assignmentKey: KEY,
    };
    expect(readDraft(JSON.parse(JSON.stringify(saved)), defaults, choices)).toEqual(saved);
  });

  it('are never half-read: bad fields take their default, non-drafts give null', () => {
    const read = readDraft(
      {
        v: 1,
        draft: { mode: 'nope', review: 7, picked: [1, 'x'], title: null, extra: 1 },
        assignmentKey: 'short',
      },
      defaults,
      choices,
    );
    expect(read).toEqual({
      v: 1,
      savedAt: '',
      draft: { mode: 'pick', picked: ['x'], title: '', shuffle: true, review: 'immediate' },
      assignmentKey: '',
    });
    for (const junk of [null, 1, 'x', [], { v: 2, draft: {} }, { v: 1 }, { v: 1, draft: [] }])
      expect(readDraft(junk, defaults, choices)).toBeNull();
  });

  it('never throw, and always give a draft of the right shape, on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (draft, other) => {
        for (const value of [draft, { v: 1, draft, assignmentKey: other }]) {
          const read = readDraft(value, defaults, choices);
          if (read) expect(Object.keys(read.draft).sort()).toEqual(Object.keys(defaults).sort());
        }
      }),
    );
  });
});
