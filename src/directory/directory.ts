import { problemsOf } from '../text/problems.ts';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { didYouMean } from '../text/suggest.ts';
import { defaultTermDates, termDatesSchema } from '../reports/terms.ts';
import { isoDate, lineOfText, partnershipIds, type PartnershipId } from '../templates/fields.ts';

/**
 * The directory of partnerships, schools, contacts and links. It is configuration, not code: contacts change,
 * and a school's City BAP membership is unknown (null) until someone configures it. Validated when loaded.
 */

const email = z.email({ error: 'expected an email address' });
const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an https:// address' });
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case id such as "beauchamp-college"');

const domain = z
  .string()
  .regex(
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/,
    'expected an email domain such as "school.leics.sch.uk"',
  );

const schoolSchema = z.strictObject({
  id: slug,
  name: lineOfText(120),
  /** Whether the school is a member of the City Behaviour and Attendance Partnership; null while unknown. */
  cityBapMember: z.boolean({ error: 'expected true, false or null' }).nullable(),
  /** The school's usual key link for cases, when known: templates 1 and 2 go to them. */
  keyLinkName: lineOfText(100).optional(),
  keyLinkEmail: email.max(254).optional(),
  /** The school's own email domain, so an email to its staff is not taken for an unusual address. */
  emailDomain: domain.optional(),
});

/** A partnership's panel votes, unless the coordinator chooses otherwise when opening one. */
export const voteSettingsSchema = z.strictObject({
  /** The least number of votes for a result; null for none. */
  quorum: z.int({ error: 'expected a whole number' }).min(1).max(500).nullable().default(null),
  anonymousByDefault: z.boolean().default(false),
  /** Whether section D's question ("is the partnership convinced …") is put to the panel by default. */
  sectionDToPanel: z.boolean().default(true),
});

const personSchema = z.strictObject({ name: lineOfText(100), email });

const partnershipSchema = z.strictObject({
  id: z.enum(partnershipIds),
  name: lineOfText(120),
  /** Names used in older documents, e.g. "Melton Behaviour Partnership – MBP" in the 2018 agreement. */
  formerNames: z.array(lineOfText(120)).default([]),
  /** The area it serves, in words. */
  area: lineOfText(200),
  coordinators: z.array(personSchema).default([]),
  schools: z.array(schoolSchema).min(1),
  voteSettings: voteSettingsSchema.optional(),
  /** The dates of its Inclusion Forums, as YYYY-MM-DD: an action plan's review defaults to one about six weeks on. */
  forumDates: z.array(isoDate).max(200).default([]),
});

/** A service that attends the Inclusion Forum and can own an agreed action (seed 002): EP, NHS Care Navigator, … */
const serviceSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]{1,30}$/, 'expected a service id such as "ep" or "careNavigator"')
    .refine((id) => id !== 'school' && id !== 'partnership', '"school" and "partnership" are owners already'),
  name: lineOfText(120),
});

/** A resource or service a forum's advice can link to, listed for the coordinator to pick. */
const resourceSchema = z.strictObject({ id: slug, title: lineOfText(120), url: httpsUrl });

/** The services that attend the forums, as the SLIP offer (seed 002) names them; administrators edit the list. */
export const defaultServices: z.input<typeof serviceSchema>[] = [
  { id: 'ep', name: 'Educational Psychologist (LCC)' },
  { id: 'careNavigator', name: 'NHS Care Navigator' },
  { id: 'inclusionTeam', name: 'LCC Inclusion Team' },
  { id: 'aot', name: 'Autism Outreach Team (AOT)' },
  { id: 'sena', name: 'Special Educational Needs Assessment Service (SENA)' },
  { id: 'cfws', name: 'Children and Family Wellbeing Service (CFWS)' },
];

/** A Leicestershire district and the partnership a child living there belongs to (seed 001). */
const districtSchema = z.strictObject({
  id: z.string().regex(/^[a-z][A-Za-z]{1,40}$/, 'expected a district id such as "hinckleyBosworth"'),
  name: lineOfText(120),
  partnership: z.enum(partnershipIds),
});

/**
 * A service's or resource's id is how action plans name it, so each is listed once (the directory, and the County
 * settings the Administration page saves, both check it).
 */
export function checkServiceAndResourceIds(
  lists: { services: readonly { id: string }[]; resources: readonly { id: string }[] },
  context: z.RefinementCtx,
) {
  for (const key of ['services', 'resources'] as const) {
    const seen = new Set<string>();
    lists[key].forEach((entry, index) => {
      if (seen.has(entry.id))
        context.addIssue({
          code: 'custom',
          path: [key, index, 'id'],
          message: `"${entry.id}" is listed twice`,
        });
      seen.add(entry.id);
    });
  }
}

export const directorySchema = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.literal(1),
    partnerships: z.array(partnershipSchema).length(partnershipIds.length),
    /** Which partnership a county-address child belongs to, by the district where they live: configuration. */
    districts: z.array(districtSchema).min(1),
    contacts: z.strictObject({
      lps: z.strictObject({
        name: lineOfText(120),
        /** How the head is addressed in templates 3 and 4, e.g. "Mr Whittingham". */
        headSalutation: lineOfText(100),
        /** Where templates 3 and 4 go; null until configured. */
        headEmail: email.nullable(),
        /** The LPS contact schools are told to write to in template 1. */
        referralEmail: email,
      }),
      cityBap: z.strictObject({
        name: lineOfText(120),
        contactName: lineOfText(100),
        /** "Her", "His" or "Their": template 1 says "<pronoun> contact is …". */
        contactPossessive: z.enum(['Her', 'His', 'Their']),
        email,
      }),
      sena: z.strictObject({ name: lineOfText(120), email }),
    }),
    links: z.strictObject({
      website: httpsUrl,
      apLists: httpsUrl,
      inclusionForums: httpsUrl,
      makingAReferral: httpsUrl,
      aboutUs: httpsUrl,
    }),
    /** Services that attend the forums and can own an agreed action. */
    services: z.array(serviceSchema).max(50).default(defaultServices),
    /** Resources and services a forum's advice can link to. */
    resources: z.array(resourceSchema).max(200).default([]),
    /** School terms, for termly reports: month and day of each term's first and last day. */
    terms: termDatesSchema.default(defaultTermDates),
    /** Email domains the coordinators normally write to; the add-in warns before sending elsewhere. */
    allowedRecipientDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]+$/)).default([]),
  })
  .superRefine((directory, context) => {
    checkServiceAndResourceIds(directory, context);
    const seenPartnerships = new Set<string>();
    const seenSchools = new Map<string, string>();
    directory.partnerships.forEach((partnership, index) => {
      if (seenPartnerships.has(partnership.id)) {
        context.addIssue({
          code: 'custom',
          path: ['partnerships', index, 'id'],
          message: `"${partnership.id}" is listed twice`,
        });
      }
      seenPartnerships.add(partnership.id);
      partnership.schools.forEach((school, schoolIndex) => {
        const other = seenSchools.get(school.id);
        if (other) {
          context.addIssue({
            code: 'custom',
            path: ['partnerships', index, 'schools', schoolIndex, 'id'],
            message: `"${school.id}" is already a school of ${other}; a school belongs to one partnership`,
          });
        }
        seenSchools.set(school.id, partnership.id);
      });
    });
  });

export type Directory = z.output<typeof directorySchema>;
export type VoteSettings = z.output<typeof voteSettingsSchema>;
export type Partnership = Directory['partnerships'][number];
export type School = Partnership['schools'][number];
export type Service = Directory['services'][number];
export type Resource = Directory['resources'][number];

export interface DirectoryError {
  reason: 'invalidDirectory';
  /** Every problem found, each with the dotted path to the value to fix. */
  problems: { path: string; message: string }[];
}

/** Validates directory data (parsed JSON) and lists every problem with its path. */
export function parseDirectory(raw: unknown): Result<Directory, DirectoryError> {
  const parsed = directorySchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  return fail({
    reason: 'invalidDirectory',
    problems: problemsOf(parsed.error, '(the directory)'),
  });
}

/**
 * Each district's partnership, as the county-address flow's answers name it: `{district.blaby}` is the id and
 * `{district.blaby.partnershipName}` its name, "South Leicestershire Inclusion Partnership (SLIP)".
 */
export function districtTextValues(directory: Directory): Record<string, string> {
  return Object.fromEntries(
    directory.districts.flatMap((district) => {
      const name = directory.partnerships.find(
        (partnership) => partnership.id === district.partnership,
      )?.name;
      return [
        [`district.${district.id}`, district.partnership],
        [
          `district.${district.id}.partnershipName`,
          `${name ?? district.partnership} (${district.partnership})`,
        ],
      ];
    }),
  );
}

export function partnershipById(directory: Directory, id: PartnershipId): Partnership {
  const partnership = directory.partnerships.find((candidate) => candidate.id === id);
  // The schema requires all five partnerships, so this only fails on a directory that skipped validation.
  if (!partnership) throw new Error(`The directory has no partnership ${id}`);
  return partnership;
}

export function findSchool(
  directory: Directory,
  schoolId: string,
): Result<{ school: School; partnership: Partnership }, { reason: 'unknownSchool'; message: string }> {
  for (const partnership of directory.partnerships) {
    const school = partnership.schools.find((candidate) => candidate.id === schoolId);
    if (school) return ok({ school, partnership });
  }
  const ids = directory.partnerships.flatMap((partnership) => partnership.schools.map((school) => school.id));
  return fail({
    reason: 'unknownSchool',
    message: `no school "${schoolId}" in the directory${didYouMean(schoolId, ids)}`,
  });
}
