import type { Actor } from '../../src/cases/case.ts';
import { fail, ok, type Result } from '../../src/result.ts';
import { canonicalJson } from '../../src/settings/canonicalJson.ts';
import { settingsKeys, type Settings, type SettingsKey } from '../../src/settings/settings.ts';
import { partnershipIds } from '../../src/templates/fields.ts';
import type { Database, Queryable } from './database.ts';

/**
 * The administered settings in the store: read whole, written per document with the version the change was
 * based on (a stale write is refused with the current document), and every change appended to the history in the
 * same transaction. Other bot processes hear of a change through NOTIFY on `settings_changed`.
 */

export const SETTINGS_CHANNEL = 'settings_changed';

export interface StoredSettings {
  settings: Settings;
  versions: Record<SettingsKey, number>;
}

export interface SettingsChange {
  key: SettingsKey;
  value: unknown;
  /** The version the change was based on; undefined only for the first-run seed. */
  basedOn?: number;
}

export type SettingsWriteFailure = {
  reason: 'stale';
  key: SettingsKey;
  message: string;
  current: { value: unknown; version: number };
};

export interface SettingsHistoryEntry {
  id: number;
  at: Date;
  actorName: string | null;
  kind: 'seed' | 'edit' | 'import';
  changes: { key: SettingsKey; before: unknown; after: unknown; version: number }[];
}

/** Every document, or undefined when the store has none yet (a new store, before the seed). */
export async function readSettings(db: Queryable): Promise<StoredSettings | undefined> {
  const rows = await db.query<{ key: SettingsKey; value: unknown; version: number }>(
    'SELECT key, value, version FROM settings',
  );
  if (rows.length === 0) return undefined;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const value = (key: SettingsKey) => {
    const row = byKey.get(key);
    if (!row) throw new Error(`The settings have no ${key}`);
    return row.value;
  };
  return {
    settings: {
      administrators: value('administrators') as Settings['administrators'],
      county: value('county') as Settings['county'],
      partnerships: Object.fromEntries(
        partnershipIds.map((id) => [id, value(`partnership:${id}`)]),
      ) as Settings['partnerships'],
    },
    versions: Object.fromEntries(rows.map((row) => [row.key, row.version])) as Record<SettingsKey, number>,
  };
}

const documentOf = (settings: Settings, key: SettingsKey): unknown =>
  key === 'administrators'
    ? settings.administrators
    : key === 'county'
      ? settings.county
      : settings.partnerships[key.slice('partnership:'.length) as keyof Settings['partnerships']];

/** Stores the first settings once (the shipped directory and roles); another process may have done it first. */
export async function seedSettings(db: Database, settings: Settings, actor: Actor | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE settings IN EXCLUSIVE MODE');
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM settings');
    if ((existing?.n ?? 0) > 0) return false;
    const changes = settingsKeys.map((key) => ({ key, value: documentOf(settings, key) }));
    for (const change of changes)
      await tx.query('INSERT INTO settings (key, value, version) VALUES ($1, $2, 1)', [
        change.key,
        JSON.stringify(change.value),
      ]);
    await appendHistory(
      tx,
      actor,
      'seed',
      changes.map((change) => ({ key: change.key, before: null, after: change.value, version: 1 })),
    );
    return true;
  });
}

/** Writes documents in one transaction, each only if it is still at the version the change was based on. */
export async function writeSettings(
  db: Database,
  changes: readonly SettingsChange[],
  actor: Actor,
  kind: 'edit' | 'import',
): Promise<Result<Record<string, number>, SettingsWriteFailure>> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ key: SettingsKey; value: unknown; version: number }>(
      'SELECT key, value, version FROM settings WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE',
      [changes.map((change) => change.key)],
    );
    const current = new Map(rows.map((row) => [row.key, row]));
    for (const change of changes) {
      const row = current.get(change.key);
      if (!row) throw new Error(`The settings have no ${change.key}`);
      if (change.basedOn !== undefined && change.basedOn !== row.version)
        return fail({
          reason: 'stale',
          key: change.key,
          message: 'Someone else changed this since you opened it: here is what it is now.',
          current: { value: row.value, version: row.version },
        });
    }
    const versions: Record<string, number> = {};
    const history: SettingsHistoryEntry['changes'] = [];
    for (const change of changes) {
      const row = current.get(change.key);
      if (!row || canonicalJson(row.value) === canonicalJson(change.value)) continue;
      const version = row.version + 1;
      await tx.query('UPDATE settings SET value = $2, version = $3, updated_at = now() WHERE key = $1', [
        change.key,
        JSON.stringify(change.value),
        version,
      ]);
      versions[change.key] = version;
      history.push({ key: change.key, before: row.value, after: change.value, version });
    }
    if (history.length > 0) {
      await appendHistory(tx, actor, kind, history);
      await tx.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, Object.keys(versions).join(',')]);
    }
    return ok(versions);
  });
}

async function appendHistory(
  tx: Queryable,
  actor: Actor | null,
  kind: SettingsHistoryEntry['kind'],
  changes: SettingsHistoryEntry['changes'],
) {
  await tx.query(
    'INSERT INTO settings_history (actor_id, actor_name, kind, changes) VALUES ($1, $2, $3, $4)',
    [actor?.id ?? null, actor?.name ?? null, kind, JSON.stringify(changes)],
  );
}

/** The history, newest first, of the changes that touched any of `keys`. */
export async function settingsHistory(
  db: Queryable,
  keys: readonly SettingsKey[],
  limit = 200,
): Promise<SettingsHistoryEntry[]> {
  const rows = await db.query<{
    id: string;
    at: Date;
    actor_name: string | null;
    kind: SettingsHistoryEntry['kind'];
    changes: SettingsHistoryEntry['changes'];
  }>(
    `SELECT id, at, actor_name, kind, changes FROM settings_history
     WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(changes) AS c WHERE c->>'key' = ANY($1::text[]))
     ORDER BY id DESC LIMIT $2`,
    [keys, limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at),
    actorName: row.actor_name,
    kind: row.kind,
    changes: row.changes.filter((change) => keys.includes(change.key)),
  }));
}
