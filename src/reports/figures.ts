import { flowIds, flows } from '../flows.ts';
import { templateIds, type TemplateId } from '../templates/emailTemplates.ts';
import { meetingTypes, type PartnershipId } from '../templates/fields.ts';
import { coreGroupOptions } from '../votes/vote.ts';
import { ukIsoMonth } from '../text/dates.ts';

/**
 * The termly report's figures (the partnership agreement, 8.2 and 8.12) and the County dashboard's (8.11),
 * computed from one fact per case. A fact carries nothing that identifies a child: no case id, no identifier.
 * Facts of purged cases are kept in the same shape, so old terms still count after the purge.
 */

export interface CaseFact {
  partnership: PartnershipId;
  schoolId: string;
  meetingType: string | null;
  flowId: string;
  section: string;
  outcome: string | null;
  /** 1 for the school's first referral of the student, 2 for the second … */
  referralNumber: number;
  referredAt: Date;
  decidedAt: Date | null;
  votesHeld: number;
  splitVotes: number;
  castingDecisions: number;
  coreGroupOutcome: string | null;
  emailsDrafted: Partial<Record<string, number>>;
  plansWritten: number;
  plansReviewed: number;
}

export interface ReportFigures {
  referrals: number;
  /** Every section of both flows (A–D and the reverse flow's R), each with its count, zero included. */
  bySection: Record<string, number>;
  /** Every outcome of both flows, each with its count, zero included. */
  byOutcome: Record<string, number>;
  /** By school id, schools with referrals only. */
  bySchool: Record<string, number>;
  byMeetingType: Record<string, number>;
  repeatReferrals: { second: number; thirdOrLater: number };
  votes: { held: number; split: number; castingDecisions: number };
  coreGroupOutcomes: Record<string, number>;
  emailsDrafted: Record<TemplateId, number>;
  actionPlans: { written: number; reviewed: number };
  /** Median whole days from referral to outcome, of the cases decided; null when none was. */
  medianDaysToOutcome: number | null;
  /** Referrals by calendar month (YYYY-MM), every month of the range, zero included. */
  byMonth: { month: string; referrals: number }[];
}

export const sectionIds = [...new Set(flowIds.flatMap((id) => Object.keys(flows[id].sections)))];
export const outcomeIds = flowIds.flatMap((id) => Object.keys(flows[id].outcomes));

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0]));
const add = (into: Record<string, number>, key: string, by = 1) => {
  into[key] = (into[key] ?? 0) + by;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : Math.round((((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2) * 10) / 10;
}

/** The months from `from` to `to` (YYYY-MM-DD, both included), as YYYY-MM. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}


/** The figures of the facts given (already those of the partnership and range asked for). */
export function reportFigures(
  facts: readonly CaseFact[],
  range: { from: string; to: string },
): ReportFigures {
  const figures: ReportFigures = {
    referrals: facts.length,
    bySection: zeros(sectionIds),
    byOutcome: zeros(outcomeIds),
    bySchool: {},
    byMeetingType: zeros(meetingTypes),
    repeatReferrals: { second: 0, thirdOrLater: 0 },
    votes: { held: 0, split: 0, castingDecisions: 0 },
    coreGroupOutcomes: zeros(coreGroupOptions.map((option) => option.id)),
    emailsDrafted: zeros(templateIds) as Record<TemplateId, number>,
    actionPlans: { written: 0, reviewed: 0 },
    medianDaysToOutcome: null,
    byMonth: [],
  };
  const months = zeros(monthsOf(range.from, range.to));
  const days: number[] = [];
  for (const fact of facts) {
    add(figures.bySection, fact.section);
    if (fact.outcome) add(figures.byOutcome, fact.outcome);
    add(figures.bySchool, fact.schoolId);
    if (fact.meetingType) add(figures.byMeetingType, fact.meetingType);
    if (fact.referralNumber === 2) figures.repeatReferrals.second += 1;
    if (fact.referralNumber >= 3) figures.repeatReferrals.thirdOrLater += 1;
    figures.votes.held += fact.votesHeld;
    figures.votes.split += fact.splitVotes;
    figures.votes.castingDecisions += fact.castingDecisions;
    if (fact.coreGroupOutcome) add(figures.coreGroupOutcomes, fact.coreGroupOutcome);
    for (const [template, count] of Object.entries(fact.emailsDrafted))
      add(figures.emailsDrafted, template, count ?? 0);
    figures.actionPlans.written += fact.plansWritten;
    figures.actionPlans.reviewed += fact.plansReviewed;
    if (fact.decidedAt)
      days.push(Math.floor((fact.decidedAt.getTime() - fact.referredAt.getTime()) / DAY_MS));
    const month = ukIsoMonth(fact.referredAt);
    if (month in months) add(months, month);
  }
  figures.medianDaysToOutcome = median(days);
  figures.byMonth = Object.entries(months).map(([month, referrals]) => ({ month, referrals }));
  return figures;
}

/** A count as it leaves the partnership: 1 to 4 become "fewer than 5" (small numbers could identify a child). */
export type ShownCount = number | 'fewer than 5';
export const FEWER_THAN_5 = 'fewer than 5' as const;
export const suppress = (count: number): ShownCount => (count >= 1 && count <= 4 ? FEWER_THAN_5 : count);

type Suppressed<T> = T extends number
  ? ShownCount
  : T extends (infer E)[]
    ? Suppressed<E>[]
    : T extends object
      ? { [K in keyof T]: Suppressed<T[K]> }
      : T;

/**
 * The figures as the County sees them: every count from 1 to 4 becomes "fewer than 5". The median is a number
 * of days, not a count of children: kept unless it rests on fewer than 5 decided cases.
 */
export function suppressed(figures: ReportFigures, decided: number): Suppressed<ReportFigures> {
  const walk = (value: unknown, key: string): unknown => {
    if (key === 'month') return value;
    if (typeof value === 'number') return suppress(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, ''));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const shown = walk({ ...figures, medianDaysToOutcome: null }, '') as Suppressed<ReportFigures>;
  return {
    ...shown,
    medianDaysToOutcome: (decided >= 5 ? figures.medianDaysToOutcome : null) as never,
  };
}

/** The cases decided among the facts: what the median rests on. */
export const decidedCount = (facts: readonly CaseFact[]) => facts.filter((fact) => fact.decidedAt).length;
