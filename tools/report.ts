// `npm run --silent report -- --partnership ID|all --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]` prints
// the figures of the termly report, for scripts: for one partnership its own exact counts; for `all`, the County's
// view of each partnership, counts from 1 to 4 as "fewer than 5". In JSON, `bySection` maps each section id to
// its count and `byOutcome` each outcome id to its count.
import { partnershipReport } from '../bot/records/records.ts';
import { reportCsv } from '../src/reports/tables.ts';
import { partnershipIds } from '../src/templates/fields.ts';
import { commandStore, reportArguments, runCommand, Stop } from './command.ts';

const USAGE =
  'usage: npm run --silent report -- --partnership ID|all --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]';

runCommand('report', async (args) => {
  const { partnership, range, options } = reportArguments(args, USAGE, ['format']);
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new Stop(1, `--format: expected json or csv, got "${format}"`);
  return commandStore(async ({ db, directory }) => {
    const each = partnership === 'all' ? [...partnershipIds] : [partnership];
    const reports = await Promise.all(
      each.map(async (id) => ({
        partnership: id,
        ...(await partnershipReport(db, directory, id, range, partnership === 'all')),
      })),
    );
    if (format === 'csv')
      return reports
        .map((report, index) => {
          const csv = reportCsv(report.tables);
          // One header for all: each partnership's rows follow, prefixed by its id.
          const lines = csv.trimEnd().split('\r\n');
          return (index === 0 ? [`Partnership,${lines[0]}`] : [])
            .concat(lines.slice(1).map((line) => `${report.partnership},${line}`))
            .join('\r\n');
        })
        .join('\r\n')
        .concat('\r\n');
    const json = reports.map((report) => ({ partnership: report.partnership, ...range, ...report.figures }));
    return `${JSON.stringify(partnership === 'all' ? json : json[0], null, 2)}\n`;
  });
});
