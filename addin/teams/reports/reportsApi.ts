import type { AdminView } from '../../../src/api/adminContract.ts';
import type { DecisionRecord } from '../../../src/records/decisionRecord.ts';
import type { Figures, ReportTable } from '../../../src/reports/tables.ts';
import type { PartnershipId } from '../../../src/templates/fields.ts';
import { ApiError, requester, type Token } from '../../shared/api/client.ts';

/**
 * The Reports page's and the printable record's calls: a partnership's report, the County dashboard, the
 * records export (a zip) and a case's decision record. Downloads come as a file to save, with the name the
 * service gives it.
 */

export interface PartnershipReport {
  partnership: PartnershipId;
  from: string;
  to: string;
  figures: Figures;
  tables: ReportTable[];
  /** The County's view: counts from 1 to 4 show as "fewer than 5". */
  suppressed: boolean;
}

export interface CountyDashboard {
  terms: {
    from: string;
    to: string;
    label: string;
    partnerships: { partnership: PartnershipId; figures: Figures }[];
  }[];
}

export interface Download {
  name: string;
  blob: Blob;
}

export interface ReportsApi {
  /** Who is signed in, and which partnerships they coordinate. */
  me(): Promise<AdminView['me']>;
  report(partnership: PartnershipId, range: { from: string; to: string }): Promise<PartnershipReport>;
  county(): Promise<CountyDashboard>;
  /** Every table of the report as one CSV, from the service. */
  reportCsv(partnership: PartnershipId, range: { from: string; to: string }): Promise<Download>;
  /** The decision records of the cases referred in the range (a zip); the service records the export. */
  recordsExport(partnership: PartnershipId | 'all', range: { from: string; to: string }): Promise<Download>;
  record(caseId: string): Promise<DecisionRecord>;
}

const query = (partnership: string, range: { from: string; to: string }) =>
  new URLSearchParams({ partnership, from: range.from, to: range.to }).toString();

export function createReportsApi(baseUrl: string, token: Token): ReportsApi {
  const request = requester(baseUrl, token);

  /** A file from the service: the JSON error's message when it refuses. */
  async function download(path: string, fallbackName: string): Promise<Download> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${await token()}` } });
    } catch (error) {
      if (error instanceof Error && error.name !== 'TypeError') throw error;
      throw new ApiError(
        'unreachable',
        'The Inclusion Partnerships service cannot be reached. Check your connection and try again.',
      );
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      const message = body.error ?? `The service answered ${response.status}.`;
      throw new ApiError(
        response.status === 403 ? 'forbidden' : response.status >= 500 ? 'serverError' : 'rejected',
        message,
      );
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
    return { name, blob: await response.blob() };
  }

  return {
    me: async () => (await request<AdminView>('/api/admin')).me,
    report: (partnership, range) => request<PartnershipReport>(`/api/reports?${query(partnership, range)}`),
    county: () => request<CountyDashboard>('/api/reports/county'),
    reportCsv: (partnership, range) =>
      download(
        `/api/reports?${query(partnership, range)}&format=csv`,
        `report-${partnership}-${range.from}-${range.to}.csv`,
      ),
    recordsExport: (partnership, range) =>
      download(
        `/api/records/export?${query(partnership, range)}`,
        `records-${partnership}-${range.from}-${range.to}.zip`,
      ),
    record: (caseId) => request<DecisionRecord>(`/api/cases/${encodeURIComponent(caseId)}/record`),
  };
}

/** Hands a file to the browser to save (an object URL, revoked once the download has started). */
export function saveFile(file: Download) {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A CSV made in the page (toCsv), saved with a byte-order mark so that spreadsheets read it as UTF-8. */
export const csvFile = (name: string, csv: string): Download => ({
  name,
  blob: new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
});
