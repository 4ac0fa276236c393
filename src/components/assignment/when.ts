/** Dates on the student's assignment page, in full: "Monday, 2 March 2026 at 11:00". */
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short' });
export const when = (iso: string): string => dateFormat.format(new Date(iso));
