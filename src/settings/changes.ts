import type { Administrator, CountySettings, PartnershipSettings, SettingsKey } from './settings.ts';
import { canonicalJson } from './canonicalJson.ts';
import { formatLongDate, parseIsoDate } from '../text/dates.ts';

/**
 * What changed between two versions of a settings document: which parts a partnership's coordinator may change
 * (the rest is an administrator's), and the lines the History view shows.
 */

type School = PartnershipSettings['schools'][number];

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * The school facts a coordinator keeps up to date. A school's id, name and email domain are an administrator's:
 * the domain decides which addresses the add-in takes for usual, so a coordinator cannot make one usual.
 */
const COORDINATOR_SCHOOL_FACTS = ['keyLinkName', 'keyLinkEmail', 'cityBapMember'] as const;
const SCHOOL_FACTS = [...COORDINATOR_SCHOOL_FACTS, 'emailDomain'] as const;

/**
 * The parts of a partnership's document its coordinator may change: its panel, its vote settings and its
 * Inclusion Forums' dates, and its schools' key facts (below). Everything else is an administrator's, including
 * any part added later until it is listed here.
 */
const COORDINATOR_PARTS: readonly string[] = ['panel', 'voteSettings', 'forumDates'];

/**
 * The first part of `after` that a coordinator may not change, as a path into the document, or undefined when
 * they changed only what `COORDINATOR_PARTS` and `COORDINATOR_SCHOOL_FACTS` allow.
 */
export function changedBeyondCoordinator(
  before: PartnershipSettings,
  after: PartnershipSettings,
): string | undefined {
  const parts = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof PartnershipSettings>;
  for (const key of parts)
    if (key !== 'schools' && !COORDINATOR_PARTS.includes(key) && !same(before[key], after[key])) return key;
  if (before.schools.length !== after.schools.length) return 'schools';
  for (const [index, school] of after.schools.entries()) {
    const previous = before.schools[index] as School;
    const { keyLinkName: _a, keyLinkEmail: _b, cityBapMember: _c, ...fixed } = school;
    const { keyLinkName: _e, keyLinkEmail: _f, cityBapMember: _g, ...fixedBefore } = previous;
    if (!same(fixed, fixedBefore)) {
      const field = (['id', 'name', 'emailDomain'] as const).find((key) => !same(school[key], previous[key]));
      return `schools.${index}.${field ?? 'id'}`;
    }
  }
  return undefined;
}

const yesNoUnknown = (value: boolean | null | undefined) =>
  value === true ? 'yes' : value === false ? 'no' : 'not known';
const shown = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '(none)'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

interface Named {
  aadObjectId: string | null;
  name: string;
}

function peopleLines(
  what: string,
  before: readonly Named[],
  after: readonly Named[],
  describe = (_: Named) => '',
) {
  const key = (person: Named) => person.aadObjectId ?? `name:${person.name}`;
  const was = new Map(before.map((person) => [key(person), person]));
  const now = new Map(after.map((person) => [key(person), person]));
  const lines: string[] = [];
  for (const [id, person] of now) {
    const previous = was.get(id);
    if (!previous) lines.push(`${what}: added ${person.name}${describe(person)}`);
    else if (!same(previous, person)) lines.push(`${what}: changed ${person.name}${describe(person)}`);
  }
  for (const [id, person] of was) if (!now.has(id)) lines.push(`${what}: removed ${person.name}`);
  return lines;
}

function schoolLines(before: readonly School[], after: readonly School[]): string[] {
  const labels: Record<(typeof SCHOOL_FACTS)[number], string> = {
    keyLinkName: 'key link',
    keyLinkEmail: 'key link’s email',
    cityBapMember: 'City BAP member',
    emailDomain: 'email domain',
  };
  const lines: string[] = [];
  for (const school of after) {
    const previous = before.find((candidate) => candidate.id === school.id);
    if (!previous) {
      lines.push(`Schools: added ${school.name}`);
      continue;
    }
    if (previous.name !== school.name) lines.push(`Schools: ${previous.name} renamed ${school.name}`);
    for (const fact of SCHOOL_FACTS) {
      if (same(previous[fact], school[fact])) continue;
      const from = fact === 'cityBapMember' ? yesNoUnknown(previous[fact]) : shown(previous[fact]);
      const to = fact === 'cityBapMember' ? yesNoUnknown(school[fact]) : shown(school[fact]);
      lines.push(`${school.name}: ${labels[fact]} ${from} → ${to}`);
    }
  }
  for (const school of before)
    if (!after.some((candidate) => candidate.id === school.id)) lines.push(`Schools: removed ${school.name}`);
  return lines;
}

/** A list of entries with ids (services, resources): each added, renamed, changed or removed, by id. */
function entryLines<T extends { id: string }>(
  what: string,
  before: readonly T[],
  after: readonly T[],
  nameOf: (entry: T) => string,
  describe: (entry: T) => string = () => '',
): string[] {
  const lines: string[] = [];
  for (const entry of after) {
    const previous = before.find((candidate) => candidate.id === entry.id);
    if (!previous) lines.push(`${what}: added ${nameOf(entry)}${describe(entry)}`);
    else if (nameOf(previous) !== nameOf(entry))
      lines.push(`${what}: ${nameOf(previous)} renamed ${nameOf(entry)}${describe(entry)}`);
    else if (!same(previous, entry)) lines.push(`${what}: changed ${nameOf(entry)}${describe(entry)}`);
  }
  for (const entry of before)
    if (!after.some((candidate) => candidate.id === entry.id))
      lines.push(`${what}: removed ${nameOf(entry)}`);
  return lines;
}

/** The forum dates added and removed, as "15 January 2027", in date order. */
function dateLines(what: string, before: readonly string[], after: readonly string[]): string[] {
  const long = (iso: string) => {
    const date = parseIsoDate(iso);
    return date ? formatLongDate(date) : iso;
  };
  return [
    ...[...after].sort().flatMap((date) => (before.includes(date) ? [] : [`${what}: added ${long(date)}`])),
    ...[...before].sort().flatMap((date) => (after.includes(date) ? [] : [`${what}: removed ${long(date)}`])),
  ];
}

/** Every leaf that differs, as "label: before → after" (for the County's contacts and the vote settings). */
function leafLines(
  prefix: string,
  before: unknown,
  after: unknown,
  labels: Record<string, string>,
): string[] {
  if (same(before, after)) return [];
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) =>
      leafLines(prefix ? `${prefix}.${key}` : key, before[key], after[key], labels),
    );
  }
  return [`${labels[prefix] ?? prefix}: ${shown(before)} → ${shown(after)}`];
}

const countyLabels: Record<string, string> = {
  'contacts.lps.headEmail': 'LPS head’s email',
  'contacts.lps.headSalutation': 'LPS head’s salutation',
  'contacts.lps.referralEmail': 'LPS referral email',
  'contacts.lps.name': 'LPS name',
  'contacts.cityBap.contactName': 'City BAP contact',
  'contacts.cityBap.email': 'City BAP email',
  'contacts.sena.email': 'SENA email',
  allowedRecipientDomains: 'Usual email domains',
};

const voteLabels: Record<string, string> = {
  quorum: 'Quorum',
  anonymousByDefault: 'Anonymous votes by default',
  sectionDToPanel: 'Section D decided by the panel by default',
};

/** The History view's lines for one document's change; the first-run seed is one line. */
export function describeChange(key: SettingsKey, before: unknown, after: unknown): string[] {
  if (before === null) return ['First settings, from the shipped directory and roles'];
  if (key === 'administrators')
    return peopleLines('Administrators', before as Administrator[], after as Administrator[]);
  if (key === 'county') {
    const { services: servicesBefore, resources: resourcesBefore, ...was } = before as CountySettings;
    const { services, resources, ...now } = after as CountySettings;
    return [
      ...leafLines('', was, now, countyLabels),
      ...entryLines('Services at the forums', servicesBefore, services, (service) => service.name),
      ...entryLines(
        'Resources for advice',
        resourcesBefore,
        resources,
        (resource) => resource.title,
        (resource) => ` (${resource.url})`,
      ),
    ];
  }
  const was = before as PartnershipSettings;
  const now = after as PartnershipSettings;
  const schoolName = (id: string | null) => now.schools.find((school) => school.id === id)?.name;
  return [
    ...leafLines('', { name: was.name, area: was.area }, { name: now.name, area: now.area }, {}),
    ...peopleLines('Coordinators', was.coordinators, now.coordinators, (person) =>
      'deputy' in person && person.deputy ? ' (deputy)' : '',
    ),
    ...peopleLines('Panel', was.panel, now.panel, (person) => {
      const school = 'schoolId' in person ? schoolName(person.schoolId as string | null) : undefined;
      return school ? ` (${school})` : '';
    }),
    ...schoolLines(was.schools, now.schools),
    ...leafLines('', was.voteSettings, now.voteSettings, voteLabels),
    ...dateLines('Inclusion Forum dates', was.forumDates, now.forumDates),
  ];
}
