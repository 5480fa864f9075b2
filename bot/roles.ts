import { readFileSync } from 'node:fs';
import { rolesSchema, type Roles } from '../src/settings/settings.ts';
import { problemsOf } from '../src/text/problems.ts';

/**
 * The roles file (ROLES_FILE): who coordinates which partnership and each partnership's panel, keyed by Entra
 * object id. It seeds the administered settings on a new store, and is the import/export format's `roles`;
 * once the store has settings, people are managed in the app.
 */

export const noRoles: Roles = { coordinators: [], panels: {} };

export function readRolesFile(path: string): Roles {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read the roles file ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      { cause: error },
    );
  }
  const parsed = rolesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `the roles file ${path} is not valid: ${problemsOf(parsed.error, '')
        .map((problem) => `${problem.path}: ${problem.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
