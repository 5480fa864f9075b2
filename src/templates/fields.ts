import { z } from 'zod';
import { isoDate, lineOfText } from '../text/textSchemas.ts';
import { actionPlanSchema } from '../plans/actionPlan.ts';

// Shared with the directory and the action plan; re-exported where fields are defined, as before.
export { isoDate, lineOfText };

/** The partnerships' ids as they appear in the templates. */
export const partnershipIds = ['HBEP', 'LIP', 'MSCIP', 'NWLLIP', 'SLIP'] as const;
export const isPartnershipId = (value: unknown): value is PartnershipId =>
  typeof value === 'string' && (partnershipIds as readonly string[]).includes(value);
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
    /** T2: the school made a further referral having done everything in section B (not a permanent exclusion). */
    furtherReferral: yesOrNo,
    coordinatorName: lineOfText(100),
    /** Template 5: the forum's action plan (advice, links, agreed actions, review date), recorded on the case. */
    actionPlan: actionPlanSchema,
  })
  .partial();

export type Fields = z.output<typeof fieldsSchema>;
export type FieldId = keyof Fields;

/** In the order of domain.md's table, which is also the order missing fields are reported in. */
export const fieldIds = Object.keys(fieldsSchema.shape) as FieldId[];

/** Fields that are switches for optional words: absent means "leave the words out", never "missing". */
export const switchFields: readonly FieldId[] = [
  'lpsPreviouslyInvolved',
  'needsNotMetInFull',
  'furtherReferral',
];

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
  furtherReferral: 'A further referral having done everything in section B (not a permanent exclusion)',
  coordinatorName: 'Coordinator (signature)',
  actionPlan: 'Action plan (recorded on the case card in the meeting)',
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
  furtherReferral: 'Further referral',
  coordinatorName: 'Signed by',
  actionPlan: 'Action plan',
};
