import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeProgress, needsNotice } from './codec.ts';
import { addAttempt } from './merge.ts';
import { emptyProgress } from './schema.ts';
import {
  DRAFTS_PREFIX,
  PROGRESS_KEY,
  VISIT_PREFIX,
  addVisit,
  canStore,
  hasSavedState,
  parseVisit,
  pendingVisits,
  type Read,
} from './keys.ts';

const reader =
  (entries: Record<string, string>): Read =>
  (key) =>
    Object.hasOwn(entries, key) ? (entries[key] ?? null) : null;

const answered = encodeProgress(
  addAttempt(emptyProgress(), { qid: 'mali-q03', hash: 'h', response: 'a', score: 1, at: 1000 }),
);

describe('hasSavedState', () => {
  it.each([
    ['nothing stored', {}, false],
    [
      'progress for other questions only',
      { [PROGRESS_KEY]: answered.replace('mali-q03', 'other-q1') },
      false,
    ],
    ['an attempt at one of the questions', { [PROGRESS_KEY]: answered }, true],
    ['a draft for one of the questions', { [`${DRAFTS_PREFIX}mali-q07`]: '"half"' }, true],
    ['a draft for another question', { [`${DRAFTS_PREFIX}other-q1`]: '"half"' }, false],
    ['progress that is not JSON (its notice must show)', { [PROGRESS_KEY]: '{oops' }, true],
    ['JSON that is not our document', { [PROGRESS_KEY]: '[1,2]' }, true],
    [
      'a document from a newer version',
      { [PROGRESS_KEY]: answered.replace('"version":1', '"version":9') },
      true,
    ],
    [
      'the right kind and version, but not valid (the first answer was once recorded one option off)',
      { [PROGRESS_KEY]: '{"kind":"eoc-progress","version":1,"lessons":[]}' },
      true,
    ],
    [
      'a key written twice',
      {
        [PROGRESS_KEY]: answered
          .replace('mali-q03', 'other-q1')
          .replace('"lessons":', '"lessons":{},"lessons":'),
      },
      true,
    ],
  ])('%s → %s', (_name, entries, expected) => {
    expect(hasSavedState(reader(entries), ['mali-q03', 'mali-q07'], needsNotice)).toBe(expected);
  });

  it('does not mistake an id that merely contains another for it', () => {
    expect(hasSavedState(reader({ [PROGRESS_KEY]: answered }), ['mali-q0'], needsNotice)).toBe(false);
  });

  it('is true when storage cannot be read (the island must say progress is not saved)', () => {
    const blocked: Read = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(hasSavedState(blocked, ['mali-q03'], needsNotice)).toBe(true);
  });
});

describe('canStore', () => {
  it('is true for working storage and leaves nothing behind', () => {
    const data = new Map<string, string>();
    const storage = {
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    expect(canStore(() => storage)).toBe(true);
    expect(data.size).toBe(0);
  });

  it('is false when storage is missing, blocked or full', () => {
    expect(canStore(() => undefined)).toBe(false);
    expect(
      canStore(() => {
        throw new DOMException('denied', 'SecurityError');
      }),
    ).toBe(false);
    const full = {
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(canStore(() => full)).toBe(false);
  });
});

describe('pending visits', () => {
  const time = fc.integer({ min: 0, max: 4_102_444_800_000 });

  it('keep the first and the latest time, whatever the order of visits', () => {
    fc.assert(
      fc.property(fc.array(time, { minLength: 1, maxLength: 8 }), (times) => {
        const raw = times.reduce<string | null>((acc, t) => addVisit(acc, t), null);
        expect(parseVisit(raw)).toEqual({ first: Math.min(...times), last: Math.max(...times) });
      }),
    );
  });

  it('adding the same visit twice changes nothing', () => {
    fc.assert(
      fc.property(time, time, (a, b) => {
        const once = addVisit(addVisit(null, a), b);
        expect(addVisit(once, b)).toBe(once);
      }),
    );
  });

  it('read malformed notes as no visit, and a new visit starts over from them', () => {
    for (const raw of [
      null,
      '',
      'x',
      '{}',
      '{"first":-1,"last":2}',
      '{"first":"1","last":2}',
      'null',
      '[1,2]',
    ]) {
      expect(parseVisit(raw)).toBeUndefined();
    }
    expect(parseVisit(addVisit('{oops', 5))).toEqual({ first: 5, last: 5 });
  });

  it('are listed by lesson from the storage entries, skipping other keys and bad ids or values', () => {
    const entries: [string, string][] = [
      [`${VISIT_PREFIX}mali`, addVisit(null, 10)],
      [`${VISIT_PREFIX}malta`, 'garbage'],
      [`${VISIT_PREFIX}`, addVisit(null, 10)],
      [`${VISIT_PREFIX}__proto__`, addVisit(null, 10)],
      [PROGRESS_KEY, '{}'],
      [`${DRAFTS_PREFIX}mali-q01`, '"a"'],
    ];
    expect(pendingVisits(entries)).toEqual([['mali', { first: 10, last: 10 }]]);
  });
});
