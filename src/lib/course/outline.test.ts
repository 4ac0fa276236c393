import { describe, expect, it } from 'vitest';
import {
  formatAuthors,
  groupByModule,
  lessonSequence,
  moduleLabel,
  neighbours,
  pageOf,
  previewGroup,
  readingMinutes,
} from './outline.ts';

describe('readingMinutes', () => {
  it.each([
    [0, 1],
    [1, 1],
    [200, 1],
    [201, 2],
    [1999, 10],
  ])('%i words → %i min', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });
});

describe('groupByModule', () => {
  const articles = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'new' }];
  const modules = [
    { id: 'm2', order: 2, title: 'Two', lessons: ['c'] },
    { id: 'm1', order: 1, title: 'One', lessons: ['b', 'a', 'missing'] },
  ];

  it('orders modules and keeps the module lesson order', () => {
    const groups = groupByModule(articles, modules);
    expect(groups.map((g) => g.module?.id ?? null)).toEqual(['m1', 'm2', null]);
    expect(groups[0]?.articles.map((a) => a.id)).toEqual(['b', 'a']);
  });

  it('puts articles no module lists in a final group, so a new seed is never hidden', () => {
    const groups = groupByModule(articles, modules);
    expect(groups.at(-1)).toEqual({ module: null, articles: [{ id: 'new' }] });
  });

  it('has no trailing group when every article is placed', () => {
    expect(groupByModule(articles.slice(0, 3), modules)).toHaveLength(2);
  });

  it('gives a sequence and neighbours across modules', () => {
    const seq = lessonSequence(groupByModule(articles, modules));
    expect(seq).toEqual(['b', 'a', 'c', 'new']);
    expect(neighbours(seq, 'a')).toEqual({ prev: 'b', next: 'c' });
    expect(neighbours(seq, 'b')).toEqual({ prev: null, next: 'a' });
    expect(neighbours(seq, 'zzz')).toEqual({ prev: null, next: null });
  });
});

describe('formatAuthors', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('%j → %s', (authors, text) => {
    expect(formatAuthors(authors)).toBe(text);
  });
});

describe('moduleLabel', () => {
  it('numbers modules unless they carry a label', () => {
    expect(moduleLabel({ order: 2 })).toBe('Module 2');
    expect(moduleLabel({ order: 0, label: 'Opening unit' })).toBe('Opening unit');
  });
});

describe('previewGroup', () => {
  it.each([
    [0, 12, 0, 0],
    [5, 12, 5, 0],
    [12, 12, 12, 0],
    [1089, 12, 12, 1077],
  ])('%i lessons, limit %i → %i shown, %i more', (n, limit, shown, more) => {
    const group = previewGroup(
      Array.from({ length: n }, (_v, i) => i),
      limit,
    );
    expect(group.shown).toHaveLength(shown);
    expect(group.more).toBe(more);
    expect(group.shown).toEqual(Array.from({ length: shown }, (_v, i) => i));
  });
});

describe('pageOf', () => {
  it.each([
    [0, 1],
    [23, 1],
    [24, 2],
    [1088, 46],
  ])('lesson %i is on page %i', (index, page) => {
    expect(pageOf(index)).toBe(page);
  });
});
