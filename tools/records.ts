// `npm run --silent records -- export --partnership ID|all --from YYYY-MM-DD --to YYYY-MM-DD --out DIR` writes
// the decision record of every case referred in the range, one JSON file each, and index.csv (one row per case)
// into DIR, for the Authority's auditors (the partnership agreement, clause 10.1). The export is recorded in
// the store: who ran it, when, what range. Invalid arguments exit 1 (2 for usage) with one line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordsExport } from '../bot/records/records.ts';
import { logExport } from '../bot/store/reports.ts';
import { partnershipIds, type PartnershipId } from '../src/templates/fields.ts';
import { commandStore, reportArguments, runCommand, Stop } from './command.ts';

const USAGE =
  'usage: npm run --silent records -- export --partnership ID|all --from YYYY-MM-DD --to YYYY-MM-DD --out DIR';

runCommand('records', async (args) => {
  const [command, ...rest] = args;
  if (command !== 'export') throw new Stop(2, USAGE);
  const { partnership, range, options } = reportArguments(rest, USAGE, ['out']);
  const out = options.out;
  if (!out) throw new Stop(2, USAGE);
  const partnerships: PartnershipId[] = partnership === 'all' ? [...partnershipIds] : [partnership];
  return commandStore(async ({ db, directory }) => {
    const { files, cases } = await recordsExport(db, directory, partnerships, range);
    mkdirSync(out, { recursive: true });
    for (const file of files) writeFileSync(join(out, file.name), file.data);
    await logExport(
      db,
      { id: 'records-command', name: `npm run records (${process.env.USER ?? 'unknown user'})` },
      {
        partnership,
        ...range,
        cases,
        via: 'command',
      },
    );
    return `Wrote ${cases} decision record(s) and index.csv to ${out}.\n`;
  });
});
