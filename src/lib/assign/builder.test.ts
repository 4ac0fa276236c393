import { describe, expect, it } from 'vitest';
import type { Question } from '../../questions/index.ts';
import {
  bankFilterItems,
  localDateTime,
  selectedIds,
  settingsProblems,
  type SettingsForm,
} from './builder.ts';
import type { BankData } from './bank-data.ts';
import { NO_FILTER } from '../instructor/filter.ts';

const q = (id: string, lesson: string, type: 'single' | 'truefalse', bloom: Question['bloom']) => ({
  question: {
    id,
    lesson,
    type,
    bloom,
    objective: 'lo1',
    prompt: `Prompt ${id}`,
    explanation: '',
    evidence: { quote: '' },
  } as unknown as Question,
});
const items = bankFilterItems({
  questions: [
    q('a1', 'la', 'single', 'remember'),
    q('a2', 'la', 'truefalse', 'apply'),
    q('b1', 'lb', 'single', 'apply'),
    q('b2', 'lb', 'truefalse', 'remember'),
  ] as unknown as BankData['questions'],
  lessons: [
    { id: 'la', title: 'A', module: 'm1' },
    { id: 'lb', title: 'B', module: 'm2' },
  ],
});
const none = new Set<string>();

describe('selectedIds', () => {
  it.each([
    [
      'picks, in bank order, filters ignored',
      { mode: 'pick', picked: new Set(['b1', 'a1']), filter: { ...NO_FILTER, type: 'truefalse' } },
      ['a1', 'b1'],
    ],
    ['whole lessons', { mode: 'lessons', lessons: new Set(['lb']) }, ['b1', 'b2']],
    [
      'lessons by type',
      { mode: 'lessons', lessons: new Set(['la', 'lb']), filter: { ...NO_FILTER, type: 'single' } },
      ['a1', 'b1'],
    ],
    ['draw pool by level', { mode: 'draw', filter: { ...NO_FILTER, bloom: 'apply' } }, ['a2', 'b1']],
    ['draw pool by module', { mode: 'draw', filter: { ...NO_FILTER, module: 'm2' } }, ['b1', 'b2']],
    ['draw pool by search', { mode: 'draw', filter: { ...NO_FILTER, search: 'prompt A2' } }, ['a2']],
  ] as const)('%s', (_label, selection, ids) => {
    expect(selectedIds(items, { picked: none, lessons: none, filter: NO_FILTER, ...selection })).toEqual(ids);
  });
});

const form = (change: Partial<SettingsForm> = {}): SettingsForm => ({
  title: 'Week 1',
  attempts: '1',
  timeLimit: '',
  count: '3',
  mode: 'pick',
  opensAt: undefined,
  due: undefined,
  review: 'immediate',
  selected: 3,
  ...change,
});

describe('settingsProblems', () => {
  it('a good form has none', () => expect(settingsProblems(form())).toEqual({}));

  it.each([
    [{ title: '  ' }, 'title', /title/],
    [{ attempts: '0' }, 'attempts', /1 to 100/],
    [{ attempts: '2.5' }, 'attempts', /whole number/],
    [{ timeLimit: '10081' }, 'timeLimit', /10080/],
    [{ mode: 'draw', count: '' }, 'count', /per module/],
    [{ opensAt: null }, 'opensAt', /both a date and a time/],
    [{ opensAt: '2026-05-02T00:00:00.000Z', due: '2026-05-01T00:00:00.000Z' }, 'due', /after the opening/],
    [{ review: 'after-due' }, 'review', /needs a due date/],
    [{ selected: 0 }, 'questions', /Pick at least one/],
    [{ selected: 0, mode: 'lessons' }, 'questions', /at least one lesson/],
    [{ selected: 501 }, 'questions', /at most 500/],
  ] as const)('%o → %s', (change, field, message) => {
    const problems = settingsProblems(form(change as Partial<SettingsForm>));
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field]).toMatch(message);
  });

  it('after-due with a due date is fine', () => {
    expect(settingsProblems(form({ review: 'after-due', due: '2026-05-01T00:00:00.000Z' }))).toEqual({});
  });
});

describe('localDateTime', () => {
  it.each([
    ['', '', undefined],
    ['2026-05-01', '', null],
    ['', '17:00', null],
    ['2026-13-01', '17:00', null],
    ['01/05/2026', '17:00', null],
  ])('%j %j → %j', (date, time, result) => expect(localDateTime(date, time)).toBe(result));

  it('reads local time and gives ISO', () => {
    const iso = localDateTime('2026-05-01', '17:30');
    expect(iso).toBe(new Date(2026, 4, 1, 17, 30).toISOString());
  });
});
