import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../src/cases/retention.ts';

describe('retention by UK financial year, the current one included', () => {
  it.each([
    // In the financial year 2026/27 seven years keep everything from 1 April 2020 (00:00 in London).
    ['2026-12-03T10:00:00Z', 7, '2020-03-31T23:00:00.000Z'],
    ['2027-03-31T22:59:59Z', 7, '2020-03-31T23:00:00.000Z'],
    // 1 April 2027 in London has begun: the oldest year kept moves on.
    ['2027-03-31T23:00:00Z', 7, '2021-03-31T23:00:00.000Z'],
    ['2026-04-15T09:00:00Z', 1, '2026-03-31T23:00:00.000Z'],
    ['2026-01-10T09:00:00Z', 1, '2025-03-31T23:00:00.000Z'],
    ['2026-12-03T10:00:00Z', 10, '2017-03-31T23:00:00.000Z'],
  ])('on %s, %i year(s) keep from %s', (now, years, cutoff) => {
    expect(retentionCutoff(years, new Date(now)).toISOString()).toBe(cutoff);
  });
});
