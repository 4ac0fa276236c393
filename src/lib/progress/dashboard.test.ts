import { describe, expect, it } from 'vitest';
import { addAttempt, readLesson, visitLesson } from './merge.ts';
import { emptyProgress } from './schema.ts';
import {
  continueLesson,
  dashboardRows,
  exportFileName,
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

  it('names the export file by local date', () => {
    expect(exportFileName(new Date(2025, 2, 7, 12).getTime())).toBe(
      'extremism-online-progress-2025-03-07.json',
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
