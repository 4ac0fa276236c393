import { describe, expect, it } from 'vitest';
import { formatEventDate } from './dates.ts';

describe('formatEventDate', () => {
  it.each([
    ['2013', '2013'],
    ['2013-01', 'January 2013'],
    ['2013-01-11', '11 January 2013'],
    ['2020-08-13', '13 August 2020'],
    ['2016-12', 'December 2016'],
  ])('%s → %s', (date, text) => expect(formatEventDate(date)).toBe(text));
});
