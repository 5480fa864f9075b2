import type { AppLogger } from './logger.ts';
import { purgeExpiredCases, reclaimSpace } from './store/cases.ts';
import type { Database } from './store/database.ts';

/**
 * The bot purges expired records itself once a day (PURGE_HOUR), so nothing else has to be scheduled in Azure.
 * Every instance keeps the schedule; the purge's advisory lock lets only one of them purge at a time.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds from `now` to the next `hourUtc`:00 UTC. */
export function untilNextPurge(hourUtc: number, now: Date): number {
  const next = new Date(now);
  next.setUTCHours(hourUtc, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setTime(next.getTime() + DAY_MS);
  return next.getTime() - now.getTime();
}

/** One scheduled purge: deletes the expired cases and, when there were some, reclaims their space. */
export async function purgeNow(db: Database, retentionYears: number, log: AppLogger): Promise<void> {
  try {
    const purged = await purgeExpiredCases(db, retentionYears);
    if (purged > 0) await reclaimSpace(db);
    log.event('info', 'purge.done', { purged });
  } catch (error) {
    log.event('error', 'purge.failed', { error: error instanceof Error ? error.name : 'unknown' });
  }
}

export function schedulePurge(
  db: Database,
  schedule: { hourUtc: number; retentionYears: number },
  log: AppLogger,
): { stop(): void } {
  let timer: NodeJS.Timeout;
  const next = () => {
    timer = setTimeout(
      () => void purgeNow(db, schedule.retentionYears, log).then(next),
      untilNextPurge(schedule.hourUtc, new Date()),
    );
    // The schedule alone does not keep the process running.
    timer.unref();
  };
  next();
  return { stop: () => clearTimeout(timer) };
}
