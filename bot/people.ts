import type { Person, Standing } from '../src/auth/policy.ts';
import { coordinatedBy, type Settings } from '../src/settings/settings.ts';
import { partnershipIds } from '../src/templates/fields.ts';

/** The name the settings know a person by (an administrator, a coordinator or a panel member), if any. */
export function settingsNameOf(settings: Settings, id: string): string | undefined {
  const lower = id.toLowerCase();
  const people = [
    ...settings.administrators,
    ...partnershipIds.flatMap((partnership) => [
      ...settings.partnerships[partnership].coordinators,
      ...settings.partnerships[partnership].panel,
    ]),
  ];
  return people.find((person) => person.aadObjectId === lower)?.name;
}

/**
 * The policy's view of a person: their standing where they act, the partnerships they coordinate and whether
 * they administer the app (an administrator in the settings, or one the deployment names: `also`).
 */
export function personOf(
  settings: Settings,
  id: string | undefined,
  standing: Standing,
  also: { administrator?: boolean } = {},
): Person {
  if (!id || standing === 'anonymous' || standing === 'signedOut')
    return { standing, coordinates: [], administers: false };
  const lower = id.toLowerCase();
  return {
    id,
    standing,
    coordinates: coordinatedBy(settings, id),
    administers:
      also.administrator === true || settings.administrators.some((person) => person.aadObjectId === lower),
  };
}
