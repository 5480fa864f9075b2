import { z } from 'zod';
import { recipientRoles } from '../flow/definition.ts';
import { templateIds } from '../templates/emailTemplates.ts';

/**
 * The HTTP API between the Outlook add-in and the bot, shared by both sides so neither can drift. Cases are
 * named by the student identifier only; the student's full name never reaches this API.
 */

export interface EmailToDraft {
  template: (typeof templateIds)[number];
  to: (typeof recipientRoles)[number];
  title: string;
  drafted: boolean;
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
  /** ISO timestamp of the last change. */
  updatedAt: string;
  emailsToDraft: number;
}

export interface CaseDetail extends CaseSummary {
  flowVersion: string;
  /** The template fields the case knows, including what its outcome implies (e.g. the PSP meeting). */
  fields: Record<string, string | boolean>;
  emails: EmailToDraft[];
}

export const draftedRequestSchema = z.strictObject({
  template: z.enum(templateIds, { error: `template: expected one of ${templateIds.join(', ')}` }),
  to: z.enum(recipientRoles, { error: `to: expected one of ${recipientRoles.join(', ')}` }),
});
export type DraftedRequest = z.output<typeof draftedRequestSchema>;

/** What the add-in needs to start: how to sign in, and the directory the templates are filled from. */
export interface AddinConfig {
  auth:
    | { kind: 'entra'; clientId: string; authority: string; scopes: string[] }
    /** Local preview only: the bot runs without sign-in on loopback and trusts this stand-in user. */
    | { kind: 'dangerouslyLocal'; user: { id: string; name: string } };
  allowedRecipientDomains: string[];
  directory: unknown;
}

export interface ApiErrorBody {
  error: string;
}
