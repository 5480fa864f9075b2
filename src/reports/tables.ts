import type { Directory } from '../directory/directory.ts';
import { flowIds, flows } from '../flows.ts';
import { emailTemplates, type TemplateId } from '../templates/emailTemplates.ts';
import { meetingTypeLabels, type MeetingType } from '../templates/fields.ts';
import { formatIsoDate, formatMonth } from '../text/dates.ts';
import { coreGroupOptions } from '../votes/vote.ts';
import { toCsv } from './csv.ts';
import type { ReportFigures, ShownCount } from './figures.ts';

/**
 * A report's figures as the tables people read (the Reports page, each chart's accessible table) and the CSV
 * they export: one table per question the termly report answers, each row labelled in words.
 */

export interface ReportTable {
  id: string;
  title: string;
  /** The column headed by the row labels, e.g. "Section". */
  itemHeading: string;
  rows: { key: string; label: string; count: ShownCount }[];
  /** Whether a chart helps here (a distribution or a trend), or the table says it all. */
  chart: 'bar' | 'line' | null;
}

/** The figures as computed, or as the County sees them (small counts suppressed). */
export type Figures = { [K in keyof ReportFigures]: unknown } & {
  referrals: ShownCount;
  bySection: Record<string, ShownCount>;
  byOutcome: Record<string, ShownCount>;
  bySchool: Record<string, ShownCount>;
  byMeetingType: Record<string, ShownCount>;
  repeatReferrals: { second: ShownCount; thirdOrLater: ShownCount };
  votes: { held: ShownCount; split: ShownCount; castingDecisions: ShownCount };
  coreGroupOutcomes: Record<string, ShownCount>;
  emailsDrafted: Record<string, ShownCount>;
  actionPlans: { written: ShownCount; reviewed: ShownCount };
  medianDaysToOutcome: ShownCount | null;
  byMonth: { month: string; referrals: ShownCount }[];
};

const sectionLabel = (id: string) => {
  for (const flowId of flowIds) {
    const section = flows[flowId].sections[id];
    if (section) return `${id}. ${section.label}`;
  }
  return id;
};
const outcomeLabel = (id: string) => {
  for (const flowId of flowIds) {
    const outcome = flows[flowId].outcomes[id];
    if (outcome) return `${id}: ${outcome.label}`;
  }
  return id;
};

const entries = (record: Record<string, ShownCount>, label: (key: string) => string) =>
  Object.entries(record).map(([key, count]) => ({ key, label: label(key), count }));

export function reportTables(figures: Figures, directory: Directory): ReportTable[] {
  const schoolName = (id: string) =>
    directory.partnerships.flatMap((partnership) => partnership.schools).find((school) => school.id === id)
      ?.name ?? (id.startsWith('city:') ? `${id.slice(5).replace(/-/g, ' ')} (City school)` : id);
  return [
    {
      id: 'summary',
      title: 'Summary',
      itemHeading: 'Figure',
      chart: null,
      rows: [
        { key: 'referrals', label: 'Referrals', count: figures.referrals },
        { key: 'second', label: 'Second referrals of a student', count: figures.repeatReferrals.second },
        {
          key: 'thirdOrLater',
          label: 'Third or later referrals',
          count: figures.repeatReferrals.thirdOrLater,
        },
        { key: 'votesHeld', label: 'Votes held', count: figures.votes.held },
        { key: 'splitVotes', label: 'Split decisions', count: figures.votes.split },
        { key: 'castingDecisions', label: 'Casting decisions', count: figures.votes.castingDecisions },
        { key: 'plansWritten', label: 'Action plans written', count: figures.actionPlans.written },
        { key: 'plansReviewed', label: 'Action plans reviewed', count: figures.actionPlans.reviewed },
        {
          key: 'medianDaysToOutcome',
          label: 'Median days from referral to outcome',
          count: figures.medianDaysToOutcome ?? 0,
        },
      ],
    },
    {
      id: 'bySection',
      title: 'Referrals by section',
      itemHeading: 'Section',
      chart: 'bar',
      rows: entries(figures.bySection, sectionLabel),
    },
    {
      id: 'byOutcome',
      title: 'Referrals by outcome',
      itemHeading: 'Outcome',
      chart: 'bar',
      rows: entries(figures.byOutcome, outcomeLabel),
    },
    {
      id: 'bySchool',
      title: 'Referrals by school',
      itemHeading: 'School',
      chart: 'bar',
      rows: entries(figures.bySchool, schoolName).sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
    },
    {
      id: 'byMeetingType',
      title: 'Referrals by meeting',
      itemHeading: 'Meeting',
      chart: null,
      rows: entries(figures.byMeetingType, (key) => meetingTypeLabels[key as MeetingType] ?? key),
    },
    {
      id: 'coreGroupOutcomes',
      title: 'Core Group outcomes',
      itemHeading: 'Outcome',
      chart: 'bar',
      rows: entries(
        figures.coreGroupOutcomes,
        (key) => coreGroupOptions.find((option) => option.id === key)?.label ?? key,
      ),
    },
    {
      id: 'emailsDrafted',
      title: 'Emails drafted',
      itemHeading: 'Template',
      chart: null,
      rows: entries(figures.emailsDrafted, (key) => emailTemplates[key as TemplateId]?.title ?? key),
    },
    {
      id: 'byMonth',
      title: 'Referrals by month',
      itemHeading: 'Month',
      chart: 'line',
      rows: figures.byMonth.map((row) => ({
        key: row.month,
        label: formatMonth(row.month),
        count: row.referrals,
      })),
    },
  ];
}

/** Every table as one CSV: table, item, count. */
export function reportCsv(tables: readonly ReportTable[]): string {
  return toCsv(
    ['Table', 'Item', 'Count'],
    tables.flatMap((table) => table.rows.map((row) => [table.title, row.label, row.count])),
  );
}

/** "1 September 2026 to 31 December 2026" */
export const rangeLabel = (from: string, to: string) => `${formatIsoDate(from)} to ${formatIsoDate(to)}`;
