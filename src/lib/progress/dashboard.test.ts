import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addAttempt, readLesson, visitLesson } from './merge.ts';
import { emptyProgress } from './schema.ts';
import {
  continueLesson,
  courseSummary,
  dashboardRows,
  exportFileName,
  formatDate,
  importSummary,
  type DashboardCourse,
} from './dashboard.ts';

const course: DashboardCourse = {
  modules: [
    {
      id: 'm1',
      title: 'Module 1',
      lessons: [
        {
          id: 'l1',
          title: 'Lesson 1',
          href: '/lessons/l1/',
          objectives: [
            { id: 'lo1', text: 'Explain X' },
            { id: 'lo2', text: 'Compare Y' },
          ],
          questions: [
            { id: 'q1', hash: 'h1', objective: 'lo1' },
            { id: 'q2', hash: 'h2', objective: 'lo2' },
          ],
        },
      ],
    },
  ],
};

describe('dashboard', () => {
  it('summarises lessons and objective mastery', () => {
    let state = visitLesson(emptyProgress(), 'l1', 10);
    state = addAttempt(state, { qid: 'q1', hash: 'h1', response: 'a', score: 1, at: 20 });
    const [group] = dashboardRows(state, course);
    const row = group?.rows[0];
    expect(row?.summary).toMatchObject({ answered: 1, total: 2, best: 0.5, visitedAt: 10, lastActivity: 20 });
    expect(row?.objectives.map((o) => [o.id, o.label, o.share])).toEqual([
      ['lo1', 'Proficient', 1],
      ['lo2', 'Not started', 0],
    ]);
    expect(continueLesson(state, course)?.lesson.id).toBe('l1');
    expect(continueLesson(emptyProgress(), course)).toBeUndefined();
  });

  it('sums the course and each module for the summary at the top', () => {
    const two: DashboardCourse = {
      modules: [
        ...course.modules,
        {
          id: 'm2',
          title: 'Module 2',
          lessons: [{ id: 'l2', title: 'Lesson 2', href: '/lessons/l2/', objectives: [], questions: [] }],
        },
      ],
    };
    let state = readLesson(emptyProgress(), 'l1', 5);
    state = readLesson(state, 'l2', 6);
    state = addAttempt(state, { qid: 'q1', hash: 'h1', response: 'a', score: 1, at: 20 });
    const summary = courseSummary(dashboardRows(state, two));
    expect(summary).toMatchObject({
      lessonsRead: 2,
      lessons: 2,
      answered: 1,
      questions: 2,
      secure: 1,
      objectives: 2,
    });
    expect(summary.modules.map((m) => [m.module.id, m.lessonsRead, m.secure, m.objectives, m.level])).toEqual(
      [
        ['m1', 1, 1, 2, 'not-started'],
        ['m2', 1, 0, 0, 'not-started'],
      ],
    );
    state = addAttempt(state, { qid: 'q2', hash: 'h2', response: 'a', score: 0.5, at: 30 });
    expect(courseSummary(dashboardRows(state, two)).modules[0]?.level).toBe('attempted');
    expect(courseSummary(dashboardRows(emptyProgress(), two))).toMatchObject({
      lessonsRead: 0,
      answered: 0,
      secure: 0,
    });
  });

  it('names the export file by local date', () => {
    expect(exportFileName(new Date(2025, 2, 7, 12).getTime())).toBe(
      'extremism-online-progress-2025-03-07.json',
    );
  });

  it('writes dates as British English does, in local time, without Intl', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    expect(formatDate(new Date(2025, 8, 3, 23, 59).getTime())).toBe('3 Sept 2025');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(formatDate(ms)).toBe(intl.format(ms));
      }),
    );
  });

  it('says what an import added', () => {
    const before = addAttempt(emptyProgress(), { qid: 'q1', hash: 'h1', response: 'a', score: 1, at: 1 });
    let after = addAttempt(before, { qid: 'q1', hash: 'h1', response: 'b', score: 0, at: 2 });
    after = addAttempt(after, { qid: 'q2', hash: 'h2', response: 'b', score: 0, at: 3 });
    after = readLesson(after, 'l1', 4);
    expect(importSummary(before, after)).toBe(
      'Added 2 attempts across 2 questions; marked 1 lesson as read.',
    );
    expect(importSummary(after, after)).toBe(
      'Nothing new: everything in this file was already in your progress.',
    );
  });
});
