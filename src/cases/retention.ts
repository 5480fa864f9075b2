/**
 * How long records are kept: the partnership agreement (clause 10.1) keeps decision records for 7 financial years
 * including the current one. The UK financial year runs from 1 April to 31 March, so a record last changed
 * before the first day of the oldest year kept is purged.
 */

const HOUR_MS = 3_600_000;

/**
 * The first moment still kept when `years` financial years are kept, the current one included. 1 April always
 * falls in British Summer Time (the clocks go forward on the last Sunday of March), so the year starts at
 * 23:00 UTC on 31 March.
 */
export function retentionCutoff(years: number, now: Date): Date {
  const startsThisYear = Date.UTC(now.getUTCFullYear(), 3, 1) - HOUR_MS;
  const currentYearStart = now.getTime() >= startsThisYear ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return new Date(Date.UTC(currentYearStart - (years - 1), 3, 1) - HOUR_MS);
}
