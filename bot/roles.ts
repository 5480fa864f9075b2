import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { partnershipIds, type PartnershipId } from '../src/templates/fields.ts';

/**
 * Who is a coordinator, and (optionally) each partnership's panel. Keyed by Entra object id, the one identity
 * Teams sends with every activity. Without a panel roster, the members of the chat may vote.
 */

const objectId = z.string().min(1).max(100);
const person = z.strictObject({ aadObjectId: objectId, name: z.string().min(1).max(100) });

export const rolesSchema = z.strictObject({
  $comment: z.string().optional(),
  coordinators: z.array(person.extend({ partnerships: z.array(z.enum(partnershipIds)).min(1) })).default([]),
  panels: z.partialRecord(z.enum(partnershipIds), z.array(person)).default({}),
});

export type Roles = z.output<typeof rolesSchema>;

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
      `the roles file ${path} is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The partnerships this person coordinates (empty: not a coordinator). */
export function coordinatedPartnerships(roles: Roles, aadObjectId: string | undefined): PartnershipId[] {
  if (!aadObjectId) return [];
  return (
    roles.coordinators.find((coordinator) => coordinator.aadObjectId === aadObjectId)?.partnerships ?? []
  );
}
