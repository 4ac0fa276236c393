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
