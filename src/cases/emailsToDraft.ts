import type { EmailToDraft } from '../api/contract.ts';
import { findSchool, type Directory } from '../directory/directory.ts';
import type { FlowState } from '../flow/interpret.ts';
import { emailTemplates } from '../templates/emailTemplates.ts';
import { caseEmails, draftKey, type CaseRecord } from './case.ts';

/**
 * The emails a case needs, each with its recipient and whether it has been drafted (`drafted` holds the
 * case's draft keys, see draftKey). The action plan's email drafted from an earlier version of the plan is
 * not drafted: it is to be drafted again.
 */
export function emailsToDraft(
  record: CaseRecord,
  state: FlowState,
  drafted: ReadonlySet<string>,
  directory: Directory,
): EmailToDraft[] {
  const { lps } = directory.contacts;
  // The key link given on the case, else the school's usual key link from the directory.
  const found = findSchool(directory, record.schoolId);
  const school = found.ok ? found.value.school : undefined;
  const keyLink = {
    name: record.fields.keyLinkName ?? school?.keyLinkName ?? 'The school’s key link',
    email: record.keyLinkEmail ?? school?.keyLinkEmail ?? null,
  };
  return caseEmails(state, record).map((email) => {
    const done = drafted.has(draftKey(email, record.plan));
    const draftedBefore = [...drafted].some((key) => key.startsWith(`${email.template}/${email.to}`));
    return {
      template: email.template,
      to: email.to,
      title: emailTemplates[email.template].title,
      drafted: done,
      ...(!done && draftedBefore ? { redraft: true } : {}),
      recipient: email.to === 'school' ? keyLink : { name: lps.headSalutation, email: lps.headEmail },
    };
  });
}

/** The titles of the emails a case still needs drafted: the forum's summary and the side panel's. */
export const emailsStillToDraft = (...args: Parameters<typeof emailsToDraft>): string[] =>
  emailsToDraft(...args)
    .filter((email) => !email.drafted)
    .map((email) => email.title);
