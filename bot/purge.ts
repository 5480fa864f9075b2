// `npm run purge`: deletes cases (with their history, votes and plans) untouched for longer than RETENTION_YEARS
// (default 7, the partnership agreement's clause 10.1), then reclaims the space so that their bytes leave the
// store's files. `--dry-run` only counts them. The bot also purges daily by itself (PURGE_HOUR).
import { retentionCutoff } from '../src/cases/retention.ts';
import { formatLongDate, parseIsoDate, ukIsoDate } from '../src/text/dates.ts';
import { readStoreConfig } from './config.ts';
import { migrate } from './store/migrate.ts';
import { purgeExpiredCases, purgeForecast, reclaimSpace } from './store/cases.ts';
import { openDatabase } from './store/database.ts';

try {
  const config = readStoreConfig();
  const db = await openDatabase(config.database);
  await migrate(db);
  if (process.argv.includes('--dry-run')) {
    const cutoff = retentionCutoff(config.retentionYears, new Date());
    const keptFrom = formatLongDate(parseIsoDate(ukIsoDate(cutoff)) ?? { year: 0, month: 1, day: 1 });
    const forecast = await purgeForecast(db, config.retentionYears);
    const total = forecast.expired.reduce((sum, row) => sum + row.cases, 0);
    const lines = [
      `${total} case(s) last changed before ${keptFrom} would be purged (${config.retentionYears} financial years are kept, the current one included).`,
      ...forecast.expired.map(
        (row) => `  financial year ${row.financialYear}, ${row.partnership}: ${row.cases} case(s)`,
      ),
      ...(forecast.held > 0
        ? [`${forecast.held} case(s) past the retention period are kept: they are on legal hold.`]
        : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } else {
    const held = (await purgeForecast(db, config.retentionYears)).held;
    const purged = await purgeExpiredCases(db, config.retentionYears);
    // Reclaimed even when nothing was purged now, in case an earlier purge stopped before reclaiming.
    const { checkpointed } = await reclaimSpace(db);
    process.stdout.write(
      `Purged ${purged} case(s) older than ${config.retentionYears} financial years (the current one included); their counts are kept for reports.\n`,
    );
    if (held > 0) process.stdout.write(`Kept ${held} case(s) on legal hold.\n`);
    if (!checkpointed)
      process.stdout.write(
        'The server will checkpoint by itself (CHECKPOINT needs the pg_checkpoint role).\n',
      );
  }
  await db.close();
} catch (error) {
  process.stderr.write(`purge: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
