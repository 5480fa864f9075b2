/** The months' names, January first. */
export const MONTHS = [
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
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as year, month (1–12) and day. Dates here have no time of day or time zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses "2026-11-20"; rejects anything else, including dates that do not exist such as 2026-02-30. */
export function parseIsoDate(value: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/** "15 January 2027" from "2027-01-15"; text that is not a date is returned as it is. */
export const formatIsoDate = (iso: string) => {
  const date = parseIsoDate(iso);
  return date ? formatLongDate(date) : iso;
};

/** "November 2026" from "2026-11". */
export const formatMonth = (yearMonth: string) =>
  `${MONTHS[Number(yearMonth.slice(5, 7)) - 1] ?? ''} ${yearMonth.slice(0, 4)}`;

/** "20 November 2026": the en-GB long date used in everything a user reads. */
export function formatLongDate(date: CalendarDate): string {
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const partOf = (instant: Date, type: Intl.DateTimeFormatPartTypes) =>
  dateTime.formatToParts(instant).find((item) => item.type === type)?.value ?? '';

/** "20 November 2026 at 14:05", in UK time, for history entries; `', '` instead of `' at '` for a list. */
export function formatDateTime(instant: Date, between = ' at '): string {
  const date = `${partOf(instant, 'day')} ${partOf(instant, 'month')} ${partOf(instant, 'year')}`;
  return `${date}${between}${partOf(instant, 'hour')}:${partOf(instant, 'minute')}`;
}

// Made once: a formatter is costly to make, and reports format every case's dates.
const ukDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date of an instant in the UK, as YYYY-MM-DD. */
export const ukIsoDate = (instant: Date): string => ukDay.format(instant);

/** The calendar month of an instant in the UK, as YYYY-MM. */
export const ukIsoMonth = (instant: Date): string => ukIsoDate(instant).slice(0, 7);
