import type { Person, Standing } from '../src/auth/policy.ts';
import { coordinatedPartnerships, type Roles } from './roles.ts';

/** The policy's view of a person: their standing where they act, and the partnerships they coordinate. */
export function personOf(roles: Roles, id: string | undefined, standing: Standing): Person {
  if (!id || standing === 'anonymous' || standing === 'signedOut') return { standing, coordinates: [] };
  return { id, standing, coordinates: coordinatedPartnerships(roles, id) };
}
