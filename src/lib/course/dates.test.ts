import { describe, expect, it } from 'vitest';
import {
  dateEnd,
  dateStart,
  dateWithin,
  datesInText,
  formatEventDate,
  latestMentionedDate,
} from './dates.ts';

describe('formatEventDate', () => {
  it.each([
    ['2013', '2013'],
    ['2013-01', 'January 2013'],
    ['2013-01-11', '11 January 2013'],
    ['2020-08-13', '13 August 2020'],
    ['2016-12', 'December 2016'],
  ])('%s → %s', (date, text) => expect(formatEventDate(date)).toBe(text));
});

describe('dateStart and dateEnd', () => {
  it.each([
    ['2018', '2018-01-01', '2018-12-31'],
    ['2020-02', '2020-02-01', '2020-02-29'],
    ['2019-02', '2019-02-01', '2019-02-28'],
    ['2013-01-30', '2013-01-30', '2013-01-30'],
  ])('%s covers %s … %s', (date, start, end) => {
    expect(dateStart(date)).toBe(start);
    expect(dateEnd(date)).toBe(end);
  });

  it('dateWithin compares the days covered', () => {
    expect(dateWithin('2018-11', '2018')).toBe(true);
    expect(dateWithin('2018', '2018-11')).toBe(false);
    expect(dateWithin('2020-08-14', '2020-08')).toBe(true);
    expect(dateWithin('2020-09', '2020-08')).toBe(false);
  });
});

describe('datesInText', () => {
  it.each([
    ['On August 13, 2020, the US Justice Department announced', [['2020-08-13', 'August 13, 2020']]],
    ['On June 12th, 2020, one of the associated accounts', [['2020-06-12', 'June 12th, 2020']]],
    ['signed on 29 February 2020 in Doha', [['2020-02-29', '29 February 2020']]],
    ['In September 2017, political scientist', [['2017-09', 'September 2017']]],
    ['in 2013-2018, more than 55 video', [['2013', '2013-2018']]],
    ['the 2018-2023 anti-drug strategy', [['2018', '2018-2023']]],
    ['the ongoing conflict (2001-2020) and', [['2001', '2001-2020']]],
    [
      'Act 1996, Ordinance 2002 and',
      [
        ['1996', '1996'],
        ['2002', '2002'],
      ],
    ],
    ['FIC2013, 9/11, 13.5 billion, 7 644 km, $2000, page 2019/05', []],
  ])('%s', (text, dates) => {
    expect(datesInText(text).map((d) => [d.date, d.text])).toEqual(dates);
  });

  it('latestMentionedDate picks the latest, with its paragraph', () => {
    expect(
      latestMentionedDate([
        { id: 'p1', text: 'In 2015 and in May 2016.' },
        { id: 'p2', text: 'By 2016 it was over.' },
      ]),
    ).toEqual({ date: '2016-05', text: 'May 2016', paragraph: 'p1' });
    expect(latestMentionedDate([{ id: 'p1', text: 'No dates here.' }])).toBeNull();
  });
});
