import type { MeetingCase } from '../../../src/api/contract.ts';

/**
 * The side panel's forum summary, line by line: what the bot's forum summary card says of each case (its
 * standing or outcome, its action plan, the emails still to draft), so the panel and the card agree.
 */
export interface CaseSummaryLines {
  standing: string;
  plan: string;
  /** "To draft: …" for each email still to draft. */
  toDraft: string[];
  /** Said when nothing is left to draft; null while a case has nothing to draft yet (or is withdrawn). */
  nothingToDraft: string | null;
}

export function summaryLines(item: MeetingCase): CaseSummaryLines {
  const withdrawn = item.standing.startsWith('Withdrawn');
  return {
    standing: item.standing,
    plan: item.plan ? `Action plan: ${item.plan}` : 'No action plan yet',
    toDraft: item.emailsToDraft.map((title) => `To draft: ${title}`),
    nothingToDraft:
      item.emailsToDraft.length > 0 || withdrawn || (!item.decided && item.plan === null)
        ? null
        : 'Every email drafted.',
  };
}

export type Consent = 'given' | 'notGiven';

/** The agenda form's consent choice, worded as on the bot's Start card. */
export const consentChoices: readonly { value: Consent; label: string }[] = [
  { value: 'given', label: 'Given: the case can be discussed with initials' },
  { value: 'notGiven', label: 'Not given: an anonymous case, named by a reference only' },
];

/** What the panel says once a referral is on the agenda: an anonymous case is called so. */
export const addedNotice = (student: string, consent: Consent) =>
  `${consent === 'notGiven' ? `Anonymous case ${student}` : student} is on the agenda.`;
