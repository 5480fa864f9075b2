import type { Actor } from '../../src/cases/case.ts';
import { fail, ok, type Result } from '../../src/result.ts';
import { schemaOf, settingsKeys, type Settings } from '../../src/settings/settings.ts';
import { importSettings, type TransferRefusal } from '../../src/settings/transfer.ts';
import { firstProblemText } from '../../src/text/problems.ts';
import type { Database } from '../store/database.ts';
import { readSettings, writeSettings } from '../store/settings.ts';

/**
 * Applies an import document to the stored settings: validated whole first, then every document written in one
 * transaction, based on the versions just read, as one history entry. Nothing is changed when anything is wrong.
 */
export async function applyImport(
  db: Database,
  raw: unknown,
  actor: Actor,
): Promise<Result<{ changed: number }, TransferRefusal | { reason: 'stale'; message: string }>> {
  const stored = await readSettings(db);
  if (!stored) throw new Error('The settings are not stored yet');
  const imported = importSettings(stored.settings, raw);
  if (!imported.ok) return imported;
  const problem = checkDocuments(imported.value);
  if (problem) return fail({ reason: 'invalidDocument', message: problem });
  const changes = settingsKeys.map((key) => ({
    key,
    value: documentOf(imported.value, key),
    basedOn: stored.versions[key],
  }));
  const written = await writeSettings(db, changes, actor, 'import');
  if (!written.ok)
    return fail({ reason: 'stale', message: `${written.error.key}: changed while importing; try again` });
  return ok({ changed: Object.keys(written.value).length });
}

function documentOf(settings: Settings, key: (typeof settingsKeys)[number]): unknown {
  if (key === 'administrators') return settings.administrators;
  if (key === 'county') return settings.county;
  return settings.partnerships[key.slice('partnership:'.length) as keyof Settings['partnerships']];
}

/** The stored documents' own rules (a panel member's school must be the partnership's, ids are ids…). */
function checkDocuments(settings: Settings): string | undefined {
  for (const key of settingsKeys) {
    const parsed = schemaOf(key).safeParse(documentOf(settings, key));
    if (parsed.success) continue;
    const under =
      key === 'administrators'
        ? ['roles', 'administrators']
        : key === 'county'
          ? ['directory']
          : ['partnership', key.slice('partnership:'.length)];
    return firstProblemText(parsed.error, '', { style: 'bracketed', under });
  }
  return undefined;
}
