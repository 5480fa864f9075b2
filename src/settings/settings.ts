import { z } from 'zod';
import {
  checkServiceAndResourceIds,
  directorySchema,
  voteSettingsSchema,
  type Directory,
} from '../directory/directory.ts';
export type { VoteSettings } from '../directory/directory.ts';
import { lineOfText, partnershipIds, type PartnershipId } from '../templates/fields.ts';
import { canonicalJson } from './canonicalJson.ts';

/**
 * What the partnerships administer themselves, kept in the database with a version and a history: people
 * (administrators, coordinators and deputies, panel members), each partnership's schools' key facts and vote
 * settings, and the County-wide contacts. Three kinds of document, each written whole with the version it was
 * based on: the administrators, the County's contacts, and one per partnership.
 *
 * `config/directory.json` and the roles file are the first-run seed and the import/export format; this module
 * converts between the two shapes, purely.
 */

// Entra object ids are GUIDs; the local Playground's user has a longer one, so the check is on the characters.
const objectId = z
  .string({ error: 'expected an Entra object id' })
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f-]{4,60}$/i, 'expected an Entra object id such as 8f1c…-…')
  .transform((value) => value.toLowerCase());
const email = z.email({ error: 'expected an email address' }).max(254);

export const administratorSchema = z.strictObject({
  aadObjectId: objectId,
  name: lineOfText(100),
  email: email.nullable().default(null),
});

export const coordinatorSchema = z.strictObject({
  /** Null for a contact who has not been linked to their Microsoft 365 account yet: listed, but no access. */
  aadObjectId: objectId.nullable(),
  name: lineOfText(100),
  email: email.nullable().default(null),
  deputy: z.boolean().default(false),
});

export const panelMemberSchema = z.strictObject({
  aadObjectId: objectId,
  name: lineOfText(100),
  /** The member school this person represents; they do not vote on that school's cases. */
  schoolId: z.string().min(1).max(100).nullable().default(null),
});

export { voteSettingsSchema };

const directoryPartnership = directorySchema.shape.partnerships.element;
const schoolSchema = directoryPartnership.shape.schools.element;

/** One partnership's document: its directory entry with its schools, its people and its vote settings. */
export const partnershipSettingsSchema = z
  .strictObject({
    id: z.enum(partnershipIds),
    name: directoryPartnership.shape.name,
    formerNames: directoryPartnership.shape.formerNames,
    area: directoryPartnership.shape.area,
    schools: z.array(schoolSchema).min(1),
    coordinators: z.array(coordinatorSchema).default([]),
    panel: z.array(panelMemberSchema).default([]),
    voteSettings: voteSettingsSchema.prefault({}),
    forumDates: directoryPartnership.shape.forumDates,
  })
  .superRefine((partnership, context) => {
    const schools = new Set(partnership.schools.map((school) => school.id));
    partnership.panel.forEach((member, index) => {
      if (member.schoolId !== null && !schools.has(member.schoolId))
        context.addIssue({
          code: 'custom',
          path: ['panel', index, 'schoolId'],
          message: `"${member.schoolId}" is not a school of ${partnership.id}`,
        });
    });
    const seen = new Set<string>();
    partnership.panel.forEach((member, index) => {
      if (seen.has(member.aadObjectId))
        context.addIssue({ code: 'custom', path: ['panel', index, 'aadObjectId'], message: 'listed twice' });
      seen.add(member.aadObjectId);
    });
  });

/**
 * The County-wide part: contacts (LPS, City BAP, SENA), web links, the usual email domains, the services at the
 * forums and the resources for advice (each id once: plans name them by it), and the school terms for reports.
 */
export const countySettingsSchema = z
  .strictObject({
    districts: directorySchema.shape.districts,
    contacts: directorySchema.shape.contacts,
    links: directorySchema.shape.links,
    services: directorySchema.shape.services,
    resources: directorySchema.shape.resources,
    terms: directorySchema.shape.terms,
    allowedRecipientDomains: directorySchema.shape.allowedRecipientDomains,
  })
  .superRefine(checkServiceAndResourceIds);

export const administratorsSchema = z.array(administratorSchema).superRefine((list, context) => {
  const seen = new Set<string>();
  list.forEach((person, index) => {
    if (seen.has(person.aadObjectId))
      context.addIssue({ code: 'custom', path: [index, 'aadObjectId'], message: 'listed twice' });
    seen.add(person.aadObjectId);
  });
});

export type Administrator = z.output<typeof administratorSchema>;
export type Coordinator = z.output<typeof coordinatorSchema>;
export type PanelMember = z.output<typeof panelMemberSchema>;
export type PartnershipSettings = z.output<typeof partnershipSettingsSchema>;
export type CountySettings = z.output<typeof countySettingsSchema>;

/** Every document, each under its key; what the bot holds in memory and the store keeps. */
export interface Settings {
  administrators: Administrator[];
  county: CountySettings;
  partnerships: Record<PartnershipId, PartnershipSettings>;
}

export type SettingsKey = 'administrators' | 'county' | `partnership:${PartnershipId}`;

export const settingsKeys: SettingsKey[] = [
  'administrators',
  'county',
  ...partnershipIds.map((id) => `partnership:${id}` as const),
];

export const partnershipKey = (id: PartnershipId): SettingsKey => `partnership:${id}`;

/** The schema of the document under a key. */
export function schemaOf(key: SettingsKey) {
  if (key === 'administrators') return administratorsSchema;
  if (key === 'county') return countySettingsSchema;
  return partnershipSettingsSchema;
}

// The roles file: who coordinates which partnerships, each partnership's panel, and (in an export) the
// administrators. Panel members may name the school they represent.
const rolePerson = z.strictObject({
  aadObjectId: z.string().min(1).max(100),
  name: z.string().min(1).max(100),
});
export const rolesSchema = z.strictObject({
  $comment: z.string().optional(),
  coordinators: z
    .array(
      rolePerson.extend({
        partnerships: z.array(z.enum(partnershipIds)).min(1),
        deputy: z.boolean().optional(),
      }),
    )
    .default([]),
  panels: z
    .partialRecord(
      z.enum(partnershipIds),
      z.array(rolePerson.extend({ schoolId: z.string().min(1).optional() })),
    )
    .default({}),
  administrators: z.array(rolePerson.extend({ email: z.email().optional() })).optional(),
});
export type Roles = z.output<typeof rolesSchema>;

/** The settings a directory and a roles file describe (the first-run seed, and an import). */
export function settingsFromFiles(directory: Directory, roles: Roles): Settings {
  const partnerships = Object.fromEntries(
    directory.partnerships.map((partnership) => {
      const contacts = partnership.coordinators;
      const withAccess = roles.coordinators.filter((person) => person.partnerships.includes(partnership.id));
      const coordinators: Coordinator[] = [
        ...withAccess.map((person) => ({
          aadObjectId: person.aadObjectId.toLowerCase(),
          name: person.name,
          email: contacts.find((contact) => contact.name === person.name)?.email ?? null,
          deputy: person.deputy ?? false,
        })),
        // Listed in the directory but not given access in the roles: a contact only.
        ...contacts
          .filter((contact) => !withAccess.some((person) => person.name === contact.name))
          .map((contact) => ({ aadObjectId: null, name: contact.name, email: contact.email, deputy: false })),
      ];
      const settings: PartnershipSettings = {
        id: partnership.id,
        name: partnership.name,
        formerNames: partnership.formerNames,
        area: partnership.area,
        schools: partnership.schools,
        coordinators,
        panel: (roles.panels[partnership.id] ?? []).map((member) => ({
          aadObjectId: member.aadObjectId.toLowerCase(),
          name: member.name,
          schoolId: member.schoolId ?? null,
        })),
        voteSettings: partnership.voteSettings ?? voteSettingsSchema.parse({}),
        forumDates: partnership.forumDates,
      };
      return [partnership.id, settings];
    }),
  ) as Record<PartnershipId, PartnershipSettings>;
  return {
    administrators: (roles.administrators ?? []).map((person) => ({
      aadObjectId: person.aadObjectId.toLowerCase(),
      name: person.name,
      email: person.email ?? null,
    })),
    county: {
      districts: directory.districts,
      contacts: directory.contacts,
      links: directory.links,
      services: directory.services,
      resources: directory.resources,
      terms: directory.terms,
      allowedRecipientDomains: directory.allowedRecipientDomains,
    },
    partnerships,
  };
}

/** The directory the settings describe, in the shape of config/directory.json (optional facts only when set). */
export function directoryOf(settings: Settings): Directory {
  return {
    version: 1,
    partnerships: partnershipIds.map((id) => {
      const partnership = settings.partnerships[id];
      const defaults = voteSettingsSchema.parse({});
      const voteSettingsChanged = canonicalJson(partnership.voteSettings) !== canonicalJson(defaults);
      return {
        id,
        name: partnership.name,
        formerNames: partnership.formerNames,
        area: partnership.area,
        coordinators: partnership.coordinators.flatMap((person) =>
          person.email ? [{ name: person.name, email: person.email }] : [],
        ),
        schools: partnership.schools,
        ...(voteSettingsChanged ? { voteSettings: partnership.voteSettings } : {}),
        forumDates: partnership.forumDates,
      };
    }),
    districts: settings.county.districts,
    contacts: settings.county.contacts,
    links: settings.county.links,
    services: settings.county.services,
    resources: settings.county.resources,
    terms: settings.county.terms,
    allowedRecipientDomains: settings.county.allowedRecipientDomains,
  };
}

/** The roles the settings describe, in the shape of the roles file plus the administrators. */
export function rolesOf(settings: Settings): Roles {
  const coordinators = new Map<string, Roles['coordinators'][number]>();
  for (const id of partnershipIds) {
    for (const person of settings.partnerships[id].coordinators) {
      if (!person.aadObjectId) continue;
      const known = coordinators.get(person.aadObjectId);
      if (known) known.partnerships.push(id);
      else
        coordinators.set(person.aadObjectId, {
          aadObjectId: person.aadObjectId,
          name: person.name,
          partnerships: [id],
          ...(person.deputy ? { deputy: true } : {}),
        });
    }
  }
  const panels: Roles['panels'] = {};
  for (const id of partnershipIds) {
    const panel = settings.partnerships[id].panel;
    if (panel.length > 0)
      panels[id] = panel.map((member) => ({
        aadObjectId: member.aadObjectId,
        name: member.name,
        ...(member.schoolId ? { schoolId: member.schoolId } : {}),
      }));
  }
  return {
    coordinators: [...coordinators.values()],
    panels,
    administrators: settings.administrators.map((person) => ({
      aadObjectId: person.aadObjectId,
      name: person.name,
      ...(person.email ? { email: person.email } : {}),
    })),
  };
}

/** The partnerships a person coordinates (as coordinator or deputy). */
export function coordinatedBy(settings: Settings, aadObjectId: string | undefined): PartnershipId[] {
  if (!aadObjectId) return [];
  const id = aadObjectId.toLowerCase();
  return partnershipIds.filter((partnership) =>
    settings.partnerships[partnership].coordinators.some((person) => person.aadObjectId === id),
  );
}
