import { z } from 'zod';
import { permissions } from '../../src/auth/policy.ts';
import { reportCsv } from '../../src/reports/tables.ts';
import { checkRange } from '../../src/reports/terms.ts';
import { isPartnershipId, partnershipIds, type PartnershipId } from '../../src/templates/fields.ts';
import { firstProblemText } from '../../src/text/problems.ts';
import { lineOfText } from '../../src/text/textSchemas.ts';
import {
  countyDashboard,
  decisionRecord,
  partnershipReport,
  recordsExport,
  recordsZip,
} from '../records/records.ts';
import { getCase, isUuid } from '../store/cases.ts';
import { logExport, setLegalHold } from '../store/reports.ts';
import { today } from '../teams/acting.ts';
import type { Services } from '../teams/services.ts';
import type { RecordRouteKey } from './routes.ts';
import { denied, error, type Handler } from './routing.ts';

/**
 * Records and reports: a case's decision record, the legal hold, a partnership's report (JSON or CSV), the
 * County dashboard, and the records export for auditors (a zip). Each export is recorded: who, when, what range.
 */

const NO_SUCH_CASE = 'No such case.';
const holdSchema = z.strictObject({
  hold: z.boolean({ error: 'expected true or false' }),
  reason: lineOfText(200).optional(),
});

/** The partnership and range a report or an export is asked for, from the query string. */
function reportQuery(query: URLSearchParams) {
  const partnership = query.get('partnership') ?? '';
  if (partnership !== 'all' && !isPartnershipId(partnership))
    return { error: `partnership: expected one of ${partnershipIds.join(', ')} or all` } as const;
  const range = checkRange(query.get('from'), query.get('to'));
  if (!range.ok) return { error: range.error.message } as const;
  return { partnership, range: range.value } as const;
}

export function recordHandlers(services: Services): Record<RecordRouteKey, Handler> {
  const caseOf = async (params: Record<string, string>) =>
    isUuid(params.caseId ?? '') ? await getCase(services.db, params.caseId ?? '') : undefined;

  return {
    'GET /api/cases/:caseId/record': async (_request, params, { person }) => {
      const record = await caseOf(params);
      if (!record) return error(404, NO_SUCH_CASE);
      const verdict = permissions.seeDecisionRecord(person, record);
      if (verdict !== 'allow')
        return denied(
          verdict,
          'Only the partnership’s coordinators and administrators can see its records.',
          NO_SUCH_CASE,
        );
      return { status: 200, body: await decisionRecord(services.db, services.directory, record.id) };
    },

    'PUT /api/cases/:caseId/hold': async (request, params, { principal, person }) => {
      if (permissions.holdRecords(person) !== 'allow')
        return error(403, 'Only administrators can put a case on legal hold.');
      const parsed = holdSchema.safeParse(request.body);
      if (!parsed.success) return error(400, firstProblemText(parsed.error, 'body'));
      if (parsed.data.hold && !parsed.data.reason) return error(400, 'reason: say why the case is held');
      const held = await setLegalHold(
        services.db,
        params.caseId ?? '',
        parsed.data.hold ? { on: true, reason: parsed.data.reason ?? '' } : { on: false },
        { id: principal.id, name: principal.name },
      );
      if (!held) return error(404, NO_SUCH_CASE);
      services.log.event('info', parsed.data.hold ? 'record.held' : 'record.released', { caseId: held.id });
      return { status: 200, body: { hold: parsed.data.hold } };
    },

    'GET /api/reports': async (request, _params, { person }) => {
      const asked = reportQuery(request.query);
      if ('error' in asked) return error(400, asked.error ?? 'invalid');
      if (asked.partnership === 'all')
        return error(400, 'partnership: choose one partnership, or see the County dashboard');
      const partnership = asked.partnership as PartnershipId;
      if (permissions.seeReports(person, { partnership }) !== 'allow')
        return error(403, 'Only the partnership’s coordinators and administrators can see its reports.');
      // A partnership sees its own exact counts; the County (an administrator who does not coordinate it) sees
      // counts from 1 to 4 as "fewer than 5".
      const county = !person.coordinates.includes(partnership);
      const report = await partnershipReport(
        services.db,
        services.directory,
        partnership,
        asked.range,
        county,
      );
      if (request.query.get('format') === 'csv')
        return csvResponse(
          reportCsv(report.tables),
          `report-${partnership}-${asked.range.from}-${asked.range.to}.csv`,
        );
      return { status: 200, body: { partnership, ...asked.range, ...report } };
    },

    'GET /api/reports/county': async (_request, _params, { person }) => {
      if (permissions.seeCountyReports(person) !== 'allow')
        return error(403, 'Only administrators can see the County dashboard.');
      return { status: 200, body: await countyDashboard(services.db, services.directory, today()) };
    },

    'GET /api/records/export': async (request, _params, { principal, person }) => {
      const asked = reportQuery(request.query);
      if ('error' in asked) return error(400, asked.error ?? 'invalid');
      const partnerships =
        asked.partnership === 'all' ? [...partnershipIds] : [asked.partnership as PartnershipId];
      const allowed =
        asked.partnership === 'all'
          ? permissions.seeCountyReports(person) === 'allow'
          : permissions.seeReports(person, { partnership: asked.partnership as PartnershipId }) === 'allow';
      if (!allowed)
        return error(403, 'Only the partnership’s coordinators and administrators can export its records.');
      const { files, cases } = await recordsExport(
        services.db,
        services.directory,
        partnerships,
        asked.range,
      );
      await logExport(
        services.db,
        { id: principal.id, name: principal.name },
        {
          partnership: asked.partnership,
          ...asked.range,
          cases,
          via: 'api',
        },
      );
      services.log.event('info', 'records.exported', { partnership: asked.partnership, cases });
      return {
        status: 200,
        raw: recordsZip(files),
        headers: {
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="records-${asked.partnership}-${asked.range.from}-${asked.range.to}.zip"`,
        },
      };
    },
  };
}

const csvResponse = (csv: string, filename: string) => ({
  status: 200,
  raw: Buffer.from(csv),
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  },
});
