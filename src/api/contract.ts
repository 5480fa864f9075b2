import { z } from 'zod';
import { recipientRoles } from '../flow/definition.ts';
import { templateIds } from '../templates/emailTemplates.ts';
import type { ActionPlan } from '../plans/actionPlan.ts';

/**
 * The HTTP API between the Outlook add-in and the bot, shared by both sides so neither can drift. Cases are
 * named by the student identifier only; the student's full name never reaches this API.
 */

export interface EmailToDraft {
  template: (typeof templateIds)[number];
  to: (typeof recipientRoles)[number];
  title: string;
  drafted: boolean;
  /** Drafted before, but the action plan has changed since: to be drafted again. */
  redraft?: true;
  /** Who it goes to: the key link or the LPS head, with an address when one is known. */
  recipient: { name: string; email: string | null };
}

export interface CaseSummary {
  id: string;
  student: string;
  partnership: string;
  schoolName: string;
  section: string;
  outcome: string | null;
  outcomeLabel: string | null;
  /** ISO timestamp of when the case was started: the case list's order. */
  startedAt: string;
  /** ISO timestamp of the last change. */
  updatedAt: string;
  emailsToDraft: number;
}

/** Where a page of the case list ends: the case's start, in microseconds since 1970, and its id. */
export interface CaseListPosition {
  createdMicros: string;
  id: string;
}

/** The most cases one page of `GET /api/cases` holds, and how many it holds unless asked. */
export const CASE_PAGE_MAX = 50;
export const CASE_PAGE_DEFAULT = 20;

const CURSOR = /^(\d{1,17})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor of the page after `position`: opaque to the add-in, which sends it back as it came. */
export const caseListCursor = (position: CaseListPosition) => `${position.createdMicros}_${position.id}`;

/**
 * The query of `GET /api/cases`: `search` (part of the student's identifier or reference, or of the school's
 * name), `limit` (cases a page, 1 to CASE_PAGE_MAX) and `cursor` (the `nextCursor` of the page before).
 */
export const caseListQuerySchema = z.object({
  search: z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(60, 'at most 60 characters')
        .refine((value) => !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(value), 'must be a single line of text'),
    )
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `expected a whole number from 1 to ${CASE_PAGE_MAX}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, `expected a whole number from 1 to ${CASE_PAGE_MAX}`)
        .max(CASE_PAGE_MAX, `at most ${CASE_PAGE_MAX} cases a page`),
    )
    .default(CASE_PAGE_DEFAULT),
  cursor: z
    .string()
    .regex(CURSOR, 'not a place in this list: load the list again')
    .transform((value): CaseListPosition => {
      const [, createdMicros = '', id = ''] = CURSOR.exec(value) ?? [];
      return { createdMicros, id };
    })
    .optional(),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

/** A page of the signed-in coordinator's cases with emails to draft, newest first. */
export interface CaseList {
  cases: CaseSummary[];
  /** Send back as `cursor` for the next page; null when there is none. */
  nextCursor: string | null;
}

export interface CaseDetail extends CaseSummary {
  flowVersion: string;
  /** The template fields the case knows, including what its outcome implies (e.g. the PSP meeting). */
  fields: Record<string, string | boolean>;
  emails: EmailToDraft[];
  /** Without the parents' consent the case is anonymous: a reference only, and "anonymous case" everywhere. */
  anonymous: boolean;
  /** The case's action plan (its latest version), which template 5 is filled from. */
  actionPlan?: ActionPlan;
}

export const draftedRequestSchema = z.strictObject({
  template: z.enum(templateIds, { error: `expected one of ${templateIds.join(', ')}` }),
  to: z.enum(recipientRoles, { error: `expected one of ${recipientRoles.join(', ')}` }),
});
export type DraftedRequest = z.output<typeof draftedRequestSchema>;

/**
 * What a page needs before anyone signs in: how to sign in, and nothing else. The directory the templates are
 * filled from (staff names and addresses) is `GET /api/directory`, for those signed in.
 */
export interface AddinConfig {
  auth:
    | { kind: 'entra'; clientId: string; authority: string; scopes: string[] }
    /** Local preview only: the bot runs without sign-in on loopback and trusts this stand-in user. */
    | { kind: 'dangerouslyLocal'; user: { id: string; name: string } };
}

/** A case as the meeting side panel lists it: where it stands in the flow. */
export interface MeetingCase {
  id: string;
  student: string;
  schoolName: string;
  section: string;
  /** "Waiting for: <question>" or "Outcome: <label>". */
  standing: string;
  decided: boolean;
  /** The action plan in a line ("3 actions, review 15 January 2027"), or null without one. */
  plan: string | null;
  /** The titles of the emails still to draft: with the plan, the forum's summary. */
  emailsToDraft: string[];
}

/** A referral added to the meeting's agenda before the meeting (the fields of the bot's Start card). */
export const agendaRequestSchema = z.strictObject({
  partnership: z.string().min(1),
  schoolId: z.string().min(1).max(100),
  student: z.string().min(1).max(60),
  section: z.string().min(1).max(1),
  keyLinkName: z.string().max(100).optional(),
  consent: z.enum(['given', 'notGiven']).optional(),
});

/** What the meeting stage shows: the case's progress, naming the student by the identifier only. */
export interface StageView {
  student: string;
  section: string;
  answered: { question: string; answer: string }[];
  waitingFor: string | null;
  outcome: string | null;
}

export interface ApiErrorBody {
  error: string;
}
