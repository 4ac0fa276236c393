/** Formatting partial dates (`2013`, `2013-01`, `2013-01-11`) for the timeline. Pure. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "11 January 2013", "January 2013" or "2013": as precise as the date given, never more. */
export function formatEventDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A partial date as the first and last day it covers: `2018` → 2018-01-01 … 2018-12-31. */
export function dateStart(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

export function dateEnd(date: string): string {
  const [year = '', month, day] = date.split('-');
  if (day) return date;
  if (!month) return `${year}-12-31`;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}

/** Whether every day of `inner` lies within `outer` (both partial dates). */
export function dateWithin(inner: string, outer: string): boolean {
  return dateStart(inner) >= dateStart(outer) && dateEnd(inner) <= dateEnd(outer);
}

const MONTH_NAMES = MONTHS.join('|');
/**
 * Dates written in prose, most precise first: "August 13, 2020", "13 August 2020", "May 2016",
 * a range "2013-2018" (its start: the end may be a plan, as in "the 2018-2023 strategy"), a year. Years outside 1900–2099 are not taken for dates.
 */
const DATE_IN_TEXT = new RegExp(
  [
    `\\b(?<m1>${MONTH_NAMES})\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y1>(?:19|20)\\d{2})\\b`,
    `\\b(?<d2>\\d{1,2})\\s+(?<m2>${MONTH_NAMES}),?\\s+(?<y2>(?:19|20)\\d{2})\\b`,
    `\\b(?<m3>${MONTH_NAMES})\\s+(?:of\\s+)?(?<y3>(?:19|20)\\d{2})\\b`,
    `\\b(?<y4>(?:19|20)\\d{2})\\s*[-–]\\s*(?:19|20)\\d{2}\\b`,
    `(?<![\\w/.$€£-])(?<y5>(?:19|20)\\d{2})(?![\\w/-])`,
  ].join('|'),
  'g',
);

export interface MentionedDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  /** The words that give it, as written. */
  text: string;
}

/** Every date written in `text`, in order. */
export function datesInText(text: string): MentionedDate[] {
  const out: MentionedDate[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const g = m.groups ?? {};
    const monthName = g.m1 ?? g.m2 ?? g.m3;
    const month = monthName ? String(MONTHS.indexOf(monthName) + 1).padStart(2, '0') : undefined;
    const day = g.d1 ?? g.d2;
    const year = g.y1 ?? g.y2 ?? g.y3 ?? g.y4 ?? g.y5 ?? '';
    const date = [year, month, day?.padStart(2, '0')].filter(Boolean).join('-');
    out.push({ date, text: m[0] });
  }
  return out;
}

/**
 * The latest date written in any of `paragraphs`, with the paragraph that gives it; null when none.
 * "Latest" by the first day each date covers: a text that mentions May 2016 was written in May 2016
 * or later, one that mentions only 2016 perhaps in January.
 */
export function latestMentionedDate(
  paragraphs: readonly { id: string; text: string }[],
): (MentionedDate & { paragraph: string }) | null {
  let latest: (MentionedDate & { paragraph: string }) | null = null;
  for (const p of paragraphs) {
    for (const d of datesInText(p.text)) {
      if (!latest || dateStart(d.date) > dateStart(latest.date)) latest = { ...d, paragraph: p.id };
    }
  }
  return latest;
}
