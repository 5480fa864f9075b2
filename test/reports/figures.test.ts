import { describe, expect, it } from 'vitest';
import { decidedCount, reportFigures, suppressed, type CaseFact } from '../../src/reports/figures.ts';
import { reportCsv, reportTables } from '../../src/reports/tables.ts';
import { recentTerms, termOf, termRange } from '../../src/reports/terms.ts';
import { csvCell } from '../../src/reports/csv.ts';
import { directory } from '../helpers/fixtures.ts';

const fact = (overrides: Partial<CaseFact>): CaseFact => ({
  partnership: 'SLIP',
  schoolId: 'wigston-college',
  meetingType: 'inclusionForum',
  flowId: 'cityAddress',
  section: 'B',
  outcome: null,
  referralNumber: 1,
  referredAt: new Date('2026-10-05T09:00:00Z'),
  decidedAt: null,
  votesHeld: 0,
  splitVotes: 0,
  castingDecisions: 0,
  coreGroupOutcome: null,
  emailsDrafted: {},
  plansWritten: 0,
  plansReviewed: 0,
  ...overrides,
});

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

// Two terms (autumn 2026, spring 2027) and three partnerships, counted by hand below.
const fixture: CaseFact[] = [
  // SLIP, autumn 2026: 6 referrals.
  fact({
    section: 'B',
    outcome: 'B.psp2b',
    referredAt: day('2026-09-10'),
    decidedAt: day('2026-09-20'),
    emailsDrafted: { T1: 1, T3: 1 },
  }),
  fact({
    section: 'B',
    outcome: 'B.reconsider',
    referredAt: day('2026-09-24'),
    decidedAt: day('2026-09-24'),
    plansWritten: 2,
    plansReviewed: 1,
  }),
  fact({
    section: 'C',
    outcome: 'C.psp3NoPsp2b',
    referredAt: day('2026-10-08'),
    decidedAt: day('2026-10-12'),
    referralNumber: 2,
    emailsDrafted: { T2: 1 },
  }),
  fact({
    section: 'D',
    outcome: 'D.convinced',
    referredAt: day('2026-11-05'),
    decidedAt: day('2026-11-25'),
    votesHeld: 2,
    splitVotes: 1,
    castingDecisions: 1,
    coreGroupOutcome: 'inSchoolSupport',
    meetingType: 'coreGroup',
  }),
  fact({
    section: 'A',
    outcome: null,
    referredAt: day('2026-11-19'),
    schoolId: 'beauchamp-college',
    referralNumber: 3,
  }),
  fact({
    flowId: 'countyAddress',
    section: 'R',
    outcome: 'R.sena',
    referredAt: day('2026-12-03'),
    decidedAt: day('2026-12-03'),
    schoolId: 'city:fullhurst-community-college',
    meetingType: 'panel',
  }),
  // SLIP, spring 2027: 1 referral.
  fact({ section: 'B', outcome: 'B.psp2b', referredAt: day('2027-01-14'), decidedAt: day('2027-01-28') }),
  // LIP, autumn 2026: 2 referrals; MSCIP, spring 2027: 1 referral.
  fact({
    partnership: 'LIP',
    schoolId: 'rawlins-academy',
    section: 'A',
    outcome: 'A.cityBap',
    referredAt: day('2026-10-01'),
    decidedAt: day('2026-10-02'),
  }),
  fact({ partnership: 'LIP', schoolId: 'rawlins-academy', section: 'B', referredAt: day('2026-12-30') }),
  fact({ partnership: 'MSCIP', schoolId: 'long-field-academy', section: 'C', referredAt: day('2027-02-11') }),
];

const autumn = termRange('autumn', 2026);
const inRange = (partnership: string, range: { from: string; to: string }) =>
  fixture.filter((item) => {
    const date = item.referredAt.toISOString().slice(0, 10);
    return item.partnership === partnership && date >= range.from && date <= range.to;
  });

describe('the termly report’s figures', () => {
  it('equal those counted by hand: SLIP, autumn term 2026', () => {
    const figures = reportFigures(inRange('SLIP', autumn), autumn);
    expect(figures.referrals).toBe(6);
    expect(figures.bySection).toEqual({ A: 1, B: 2, C: 1, D: 1, R: 1 });
    expect(figures.byOutcome).toMatchObject({
      'B.psp2b': 1,
      'B.reconsider': 1,
      'C.psp3NoPsp2b': 1,
      'D.convinced': 1,
      'R.sena': 1,
      'A.cityBap': 0,
    });
    expect(Object.values(figures.byOutcome).reduce((a, b) => a + b, 0)).toBe(5);
    expect(figures.bySchool).toEqual({
      'wigston-college': 4,
      'beauchamp-college': 1,
      'city:fullhurst-community-college': 1,
    });
    expect(figures.byMeetingType).toEqual({ inclusionForum: 4, panel: 1, coreGroup: 1 });
    expect(figures.repeatReferrals).toEqual({ second: 1, thirdOrLater: 1 });
    expect(figures.votes).toEqual({ held: 2, split: 1, castingDecisions: 1 });
    expect(figures.coreGroupOutcomes).toEqual({
      backToIf: 0,
      schoolContinues: 0,
      inSchoolSupport: 1,
      programmeManagement: 0,
    });
    expect(figures.emailsDrafted).toEqual({ T1: 1, T2: 1, T3: 1, T4: 0, T5: 0 });
    expect(figures.actionPlans).toEqual({ written: 2, reviewed: 1 });
    // Days to an outcome: 10, 0, 4, 20, 0 → median 4.
    expect(figures.medianDaysToOutcome).toBe(4);
    expect(figures.byMonth).toEqual([
      { month: '2026-09', referrals: 2 },
      { month: '2026-10', referrals: 1 },
      { month: '2026-11', referrals: 2 },
      { month: '2026-12', referrals: 1 },
    ]);
  });

  it('equal those counted by hand for the other partnerships and the next term', () => {
    const spring = termRange('spring', 2026);
    expect(spring).toEqual({ from: '2027-01-01', to: '2027-03-31', label: 'Spring term 2027' });
    expect(reportFigures(inRange('SLIP', spring), spring).referrals).toBe(1);
    expect(reportFigures(inRange('SLIP', spring), spring).medianDaysToOutcome).toBe(14);
    const lip = reportFigures(inRange('LIP', autumn), autumn);
    expect([
      lip.referrals,
      lip.bySection.A,
      lip.bySection.B,
      lip.byOutcome['A.cityBap'],
      lip.medianDaysToOutcome,
    ]).toEqual([2, 1, 1, 1, 1]);
    expect(reportFigures(inRange('MSCIP', autumn), autumn).referrals).toBe(0);
    expect(reportFigures(inRange('MSCIP', spring), spring).bySection.C).toBe(1);
  });

  it('shows the County counts from 1 to 4 as "fewer than 5", and 0 and 5 or more as they are', () => {
    const many = [
      ...inRange('SLIP', autumn),
      ...Array.from({ length: 4 }, () => fact({ section: 'B', referredAt: day('2026-10-20') })),
    ];
    const figures = reportFigures(many, autumn);
    const county = suppressed(figures, decidedCount(many));
    expect(county.referrals).toBe(10);
    expect(county.bySection).toEqual({
      A: 'fewer than 5',
      B: 6,
      C: 'fewer than 5',
      D: 'fewer than 5',
      R: 'fewer than 5',
    });
    expect(county.byOutcome['A.cityBap']).toBe(0);
    expect(county.votes.held).toBe('fewer than 5');
    expect(county.byMonth[1]).toEqual({ month: '2026-10', referrals: 5 });
    expect(county.byMonth[0]).toEqual({ month: '2026-09', referrals: 'fewer than 5' });
    // The median of five decided cases is shown; of fewer, not.
    expect(county.medianDaysToOutcome).toBe(4);
    expect(suppressed(figures, 4).medianDaysToOutcome).toBeNull();
    // The partnership's own view is exact.
    expect(figures.bySection.A).toBe(1);
  });

  it('labels every table in words and exports CSV with formula cells neutralised, and no identifier', () => {
    const figures = reportFigures(inRange('SLIP', autumn), autumn);
    const tables = reportTables(figures, directory);
    expect(tables.map((table) => table.id)).toEqual([
      'summary',
      'bySection',
      'byOutcome',
      'bySchool',
      'byMeetingType',
      'coreGroupOutcomes',
      'emailsDrafted',
      'byMonth',
    ]);
    const bySchool = tables.find((table) => table.id === 'bySchool');
    expect(bySchool?.rows.map((row) => [row.label, row.count])).toContainEqual(['Wigston College', 4]);
    const csv = reportCsv(tables);
    expect(csv.split('\r\n')[0]).toBe('Table,Item,Count');
    expect(csv).toContain('Referrals by month,November 2026,2\r\n');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
  });
});

describe('school terms', () => {
  it('places a date in its term and lists the recent terms, newest first', () => {
    expect(termOf('2026-12-03')).toEqual({ term: 'autumn', startYear: 2026 });
    expect(termOf('2027-03-31')).toEqual({ term: 'spring', startYear: 2026 });
    expect(termOf('2027-04-01')).toEqual({ term: 'summer', startYear: 2026 });
    expect(recentTerms('2026-12-03', 3).map((term) => term.label)).toEqual([
      'Autumn term 2026',
      'Summer term 2026',
      'Spring term 2026',
    ]);
  });

  it('ends a term configured to end on 29 February on the 28th in other years', () => {
    const dates = {
      autumn: { from: '09-01', to: '12-31' },
      spring: { from: '01-01', to: '02-29' },
      summer: { from: '03-01', to: '08-31' },
    } as const;
    expect(termRange('spring', 2026, dates).to).toBe('2027-02-28');
    expect(termRange('spring', 2027, dates).to).toBe('2028-02-29');
  });
});
