import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { parseIsoDate } from '../text/dates.ts';

/**
 * School terms, for termly reports (the partnership agreement, 8.2). Their dates are configuration (County
 * settings) as month and day; by default autumn is September to December, spring January to March and summer
 * April to August, so every day of the year falls in one term.
 */

export const termIds = ['autumn', 'spring', 'summer'] as const;
export type TermId = (typeof termIds)[number];

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'expected a month and day as MM-DD');
const termSchema = z.strictObject({ from: monthDay, to: monthDay });
export const termDatesSchema = z.strictObject({ autumn: termSchema, spring: termSchema, summer: termSchema });
export type TermDates = z.output<typeof termDatesSchema>;

export const defaultTermDates: TermDates = {
  autumn: { from: '09-01', to: '12-31' },
  spring: { from: '01-01', to: '03-31' },
  summer: { from: '04-01', to: '08-31' },
};

const termNames: Record<TermId, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/**
 * The dates of a term of the school year starting in September of `startYear` (2026 for 2026/27): autumn falls
 * in that year, spring and summer in the next. A term's end on 29 February is the 28th in other years.
 */
export function termRange(
  term: TermId,
  startYear: number,
  dates: TermDates = defaultTermDates,
): { from: string; to: string; label: string } {
  const year = term === 'autumn' ? startYear : startYear + 1;
  const day = (monthAndDay: string) => {
    const iso = `${year}-${monthAndDay}`;
    return parseIsoDate(iso) ? iso : `${year}-${monthAndDay.slice(0, 3)}28`;
  };
  return { from: day(dates[term].from), to: day(dates[term].to), label: `${termNames[term]} term ${year}` };
}

/** The school year (its starting year) and term a date (YYYY-MM-DD) falls in. */
export function termOf(
  date: string,
  dates: TermDates = defaultTermDates,
): { term: TermId; startYear: number } {
  const year = Number(date.slice(0, 4));
  for (const term of termIds) {
    for (const startYear of [year, year - 1]) {
      const range = termRange(term, startYear, dates);
      if (range.from <= date && date <= range.to) return { term, startYear };
    }
  }
  return { term: 'autumn', startYear: Number(date.slice(5, 7)) >= 9 ? year : year - 1 };
}

/** The terms before and including the one `date` falls in, newest first: the dashboard's columns. */
export function recentTerms(date: string, count: number, dates: TermDates = defaultTermDates) {
  const terms: { from: string; to: string; label: string }[] = [];
  let { term, startYear } = termOf(date, dates);
  for (let index = 0; index < count; index++) {
    terms.push(termRange(term, startYear, dates));
    const at = termIds.indexOf(term);
    if (at === 0) [term, startYear] = ['summer', startYear - 1];
    else term = termIds[at - 1] ?? 'autumn';
  }
  return terms;
}

export interface RangeRefusal {
  reason: 'invalidRange';
  message: string;
}

/** A date range given by a person (YYYY-MM-DD to YYYY-MM-DD, the end not before the start, at most 8 years). */
export function checkRange(from: unknown, to: unknown): Result<{ from: string; to: string }, RangeRefusal> {
  const valid = (value: unknown): value is string =>
    typeof value === 'string' && parseIsoDate(value) !== undefined;
  if (!valid(from)) return fail({ reason: 'invalidRange', message: 'from: expected a date as YYYY-MM-DD' });
  if (!valid(to)) return fail({ reason: 'invalidRange', message: 'to: expected a date as YYYY-MM-DD' });
  if (to < from) return fail({ reason: 'invalidRange', message: 'to: the end is before the start' });
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 8)
    return fail({ reason: 'invalidRange', message: 'to: at most eight years at a time' });
  return ok({ from, to });
}
