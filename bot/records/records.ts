import { caseState } from '../../src/cases/case.ts';
import type { Directory } from '../../src/directory/directory.ts';
import { caseFlow, flowTextValues } from '../../src/flows.ts';
import { buildDecisionRecord, type DecisionRecord } from '../../src/records/decisionRecord.ts';
import { toCsv } from '../../src/reports/csv.ts';
import { decidedCount, reportFigures, suppressed, type CaseFact } from '../../src/reports/figures.ts';
import { reportTables } from '../../src/reports/tables.ts';
import { recentTerms } from '../../src/reports/terms.ts';
import { ukIsoDate } from '../../src/text/dates.ts';
import { partnershipIds, type PartnershipId } from '../../src/templates/fields.ts';
import { planVersions } from '../store/actionPlans.ts';
import type { Queryable } from '../store/database.ts';
import { caseIdsReferred, decisionRecordData, reportFacts } from '../store/reports.ts';
import { zip } from '../zip.ts';

/**
 * Decision records, their export for auditors, and the reports' figures: shared by the API (the Reports page,
 * the case card's Record) and the command line (`npm run records`, `npm run report`).
 */

export async function decisionRecord(
  db: Queryable,
  directory: Directory,
  caseId: string,
): Promise<DecisionRecord | undefined> {
  const data = await decisionRecordData(db, caseId);
  if (!data) return undefined;
  const flow = caseFlow(data.record);
  return buildDecisionRecord({
    ...data,
    flow,
    state: caseState(flow, data.record, flowTextValues(directory)),
    plans: await planVersions(db, caseId),
    directory,
  });
}

/**
 * The export for auditors: one JSON file per case (its decision record) and `index.csv`, one row per case,
 * for the partnerships and the cases referred in the range.
 */
export async function recordsExport(
  db: Queryable,
  directory: Directory,
  partnerships: readonly PartnershipId[],
  range: { from: string; to: string },
): Promise<{ files: { name: string; data: Buffer }[]; cases: number }> {
  const ids = await caseIdsReferred(db, partnerships, range.from, range.to);
  const files: { name: string; data: Buffer }[] = [];
  const rows: (string | null)[][] = [];
  for (const id of ids) {
    const record = await decisionRecord(db, directory, id);
    if (!record) continue;
    const name = `${record.partnership.id}-${record.startedAt.slice(0, 10)}-${record.caseId}.json`;
    files.push({ name, data: Buffer.from(`${JSON.stringify(record, null, 2)}\n`) });
    rows.push([
      name,
      record.partnership.id,
      record.school,
      record.case,
      record.section,
      record.startedAt.slice(0, 10),
      record.outcome?.label ?? null,
      record.coreGroupOutcome,
      String(record.actionPlans.length),
      record.withdrawnAt ? record.withdrawnAt.slice(0, 10) : null,
      record.legalHold ? 'yes' : null,
    ]);
  }
  const header = [
    'File',
    'Partnership',
    'School',
    'Case',
    'Section',
    'Referred',
    'Outcome',
    'Core Group outcome',
    'Action plans',
    'Withdrawn',
    'Legal hold',
  ];
  files.unshift({ name: 'index.csv', data: Buffer.from(toCsv(header, rows)) });
  return { files, cases: rows.length };
}

export const recordsZip = (files: readonly { name: string; data: Buffer }[]) => zip(files);

/** A partnership's report: exact for its own coordinators, suppressed (the County's view) when `county`. */
export async function partnershipReport(
  db: Queryable,
  directory: Directory,
  partnership: PartnershipId,
  range: { from: string; to: string },
  county: boolean,
) {
  const facts = await reportFacts(db, [partnership], range.from, range.to);
  return reportOf(facts, directory, range, county);
}

function reportOf(
  facts: readonly CaseFact[],
  directory: Directory,
  range: { from: string; to: string },
  county: boolean,
) {
  const figures = reportFigures(facts, range);
  const shown = county ? suppressed(figures, decidedCount(facts)) : figures;
  return { figures: shown, tables: reportTables(shown, directory), suppressed: county };
}

/** The County dashboard: the five partnerships side by side, term by term (the last three), suppressed. */
export async function countyDashboard(db: Queryable, directory: Directory, today: string) {
  const terms = recentTerms(today, 3, directory.terms);
  const oldest = terms.at(-1)?.from ?? today;
  const facts = (await reportFacts(db, partnershipIds, oldest, terms[0]?.to ?? today)).map((fact) => ({
    fact,
    day: ukIsoDate(fact.referredAt),
  }));
  return {
    terms: terms.map((term) => ({
      ...term,
      partnerships: partnershipIds.map((id) => {
        const inTerm = facts
          .filter(({ fact, day }) => fact.partnership === id && day >= term.from && day <= term.to)
          .map(({ fact }) => fact);
        const { figures } = reportOf(inTerm, directory, term, true);
        return { partnership: id, figures };
      }),
    })),
  };
}
