import { z } from 'zod';
import { directorySchema, type Directory } from '../directory/directory.ts';
import { fail, ok, type Result } from '../result.ts';
import { firstProblem } from '../text/problems.ts';
import {
  directoryOf,
  rolesOf,
  rolesSchema,
  settingsFromFiles,
  type Roles,
  type Settings,
} from './settings.ts';

/**
 * The import/export document of `npm run admin`: `{ "directory": …, "roles": … }`, where `directory` has the
 * shape of config/directory.json and `roles` that of the roles file plus `administrators`. An import may carry
 * either part or both; the other part is kept as it is.
 */

export const transferSchema = z
  .strictObject({ directory: directorySchema.optional(), roles: rolesSchema.optional() })
  .refine((document) => document.directory !== undefined || document.roles !== undefined, {
    message: 'expected "directory", "roles" or both',
  });

export interface TransferDocument {
  directory: Directory;
  roles: Roles;
}

export interface TransferRefusal {
  reason: 'invalidDocument' | 'lastAdministrator';
  /** One line naming the value to fix, e.g. `directory.partnerships[2].schools[4].cityBapMember: …`. */
  message: string;
}

export function exportSettings(settings: Settings): TransferDocument {
  return { directory: directoryOf(settings), roles: rolesOf(settings) };
}

/** The settings an import document makes of the current ones, or why it cannot be applied (the first problem). */
export function importSettings(current: Settings, raw: unknown): Result<Settings, TransferRefusal> {
  const parsed = transferSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    // A settings document is read with its lists' positions in brackets, and says what it found there.
    const problem = firstProblem(parsed.error, 'the document', { style: 'bracketed' });
    const got = 'input' in problem ? `, got ${JSON.stringify(problem.input)}` : '';
    return fail({ reason: 'invalidDocument', message: `${problem.path}: ${problem.message}${got}` });
  }
  const { directory, roles } = parsed.data;
  const kept = rolesOf(current);
  const next = settingsFromFiles(directory ?? directoryOf(current), {
    ...(roles ?? kept),
    administrators: roles?.administrators ?? kept.administrators ?? [],
  });
  if (next.administrators.length === 0 && current.administrators.length > 0)
    return fail({
      reason: 'lastAdministrator',
      message: 'roles.administrators: the last administrator cannot be removed; keep at least one',
    });
  return ok(next);
}
