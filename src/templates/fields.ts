import { z } from 'zod';
import { parseIsoDate } from '../text/dates.ts';

/** The partnerships' ids as they appear in the templates. */
export const partnershipIds = ['HBEP', 'LIP', 'MSCIP', 'NWLLIP', 'SLIP'] as const;
export type PartnershipId = (typeof partnershipIds)[number];

export const meetingTypes = ['inclusionForum', 'panel', 'coreGroup'] as const;
export type MeetingType = (typeof meetingTypes)[number];
export const meetingTypeLabels: Record<MeetingType, string> = {
  inclusionForum: 'Inclusion Forum',
  panel: 'Panel',
  coreGroup: 'Core Group Meeting',
};

export const pspMeetings = ['PSP2b', 'PSP3'] as const;
export type PspMeeting = (typeof pspMeetings)[number];
export const pspMeetingLongLabels: Record<PspMeeting, string> = {
  PSP2b: 'Pastoral Support Plan 2b Meeting',
  PSP3: 'Pastoral Support Plan 3 Meeting',
};

export const passportActions = ['complete', 'update'] as const;
export const attendees = ['I', 'one of my team'] as const;

// Characters that have no place in a name or an identifier: controls (Cc, including newlines, which would break
// the email's layout), line and paragraph separators (Zl, Zp) and every format character (Cf): zero-width
// spaces and joiners, bidi marks, embeddings and overrides, the BOM, soft hyphens, tags. They are invisible, so
// they make text read differently from what it is ("J\u200DS" looks like "JS"). The cost: scripts that use a
// zero-width joiner or non-joiner inside words (Persian, some Indic names) are typed without it.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
// No name, school or identifier needs angle brackets; refusing them keeps markup out of subjects and plain
// text too (the HTML is escaped regardless). Quotes and ampersands are real in names and are escaped.
const MARKUP = /[<>]/;

/** Single-line text typed by a person: trimmed, NFC-normalised, 1 to `max` characters, no invisible characters. */
export function lineOfText(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'expected text') })
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `at most ${max} characters`)
        .refine((value) => !FORBIDDEN.test(value), 'must be a single line of text without control characters')
        .refine((value) => !MARKUP.test(value), 'must not contain < or >'),
    );
}

const isoDate = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .refine(
    (value) => parseIsoDate(value) !== undefined,
    'expected a real date as YYYY-MM-DD, e.g. 2026-11-20',
  );

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.map((value) => `"${value}"`).join(', ')}` });

const yesOrNo = z.boolean({ error: 'expected true or false' });

/**
 * The template fields of domain.md. Every field is optional here: which ones a template needs depends on the
 * template and on which optional sentences it shows, and rendering reports the missing ones by name.
 */
export const fieldsSchema = z
  .strictObject({
    keyLinkName: lineOfText(100),
    student: lineOfText(60),
    schoolName: lineOfText(120),
    meetingType: oneOf(meetingTypes),
    meetingDate: isoDate,
    pspMeeting: oneOf(pspMeetings),
    passportAction: oneOf(passportActions),
    attendee: oneOf(attendees),
    partnership: oneOf(partnershipIds),
    lpsPreviouslyInvolved: yesOrNo,
    needsNotMetInFull: yesOrNo,
    coordinatorName: lineOfText(100),
  })
  .partial();

export type Fields = z.output<typeof fieldsSchema>;
export type FieldId = keyof Fields;

/** In the order of domain.md's table, which is also the order missing fields are reported in. */
export const fieldIds = Object.keys(fieldsSchema.shape) as FieldId[];

/** Fields that are switches for optional words: absent means "leave the words out", never "missing". */
export const switchFields: readonly FieldId[] = ['lpsPreviouslyInvolved', 'needsNotMetInFull'];

/** How each field is described to a person (task pane labels, card labels, messages). */
export const fieldLabels: Record<FieldId, string> = {
  keyLinkName: "Name of the school's key link for this case",
  student: 'Student identifier (initials or a reference, not the full name)',
  schoolName: 'School',
  meetingType: 'Meeting',
  meetingDate: 'Date of the meeting',
  pspMeeting: 'PSP meeting',
  passportAction: 'Information Passport',
  attendee: 'Who will join the PSP meeting',
  partnership: 'Partnership',
  lpsPreviouslyInvolved: 'The LPS was previously involved at a PSP2b meeting',
  needsNotMetInFull: 'Needs cannot be met "in full"',
  coordinatorName: 'Coordinator (signature)',
};

/** Short names for a summary of known fields. */
export const fieldShortLabels: Record<FieldId, string> = {
  keyLinkName: 'Key link',
  student: 'Student',
  schoolName: 'School',
  meetingType: 'Meeting',
  meetingDate: 'Date',
  pspMeeting: 'PSP meeting',
  passportAction: 'Passport',
  attendee: 'Joining',
  partnership: 'Partnership',
  lpsPreviouslyInvolved: 'LPS involved before',
  needsNotMetInFull: '“In full”',
  coordinatorName: 'Signed by',
};
