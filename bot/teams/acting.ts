import type { Person } from '../../src/auth/policy.ts';
import { card, execute, heading, notice as noticeBlock } from '../../src/cards/adaptive.ts';
import { caseCard, type CaseCardOptions, type CaseSummary, type Notice } from '../../src/cards/caseCards.ts';
import { caseState, type Actor, type CaseRecord } from '../../src/cases/case.ts';
import { schoolNameOf } from '../../src/cases/schoolName.ts';
import { caseFlow } from '../../src/flows.ts';
import { ukIsoDate } from '../../src/text/dates.ts';
import type { VoteRecord } from '../store/votes.ts';
import type { ActionOutcome, Services, TeamsPort, Where, Who } from './services.ts';

/**
 * What every card verb's handler works with: who is acting and where, and the few cards they all answer with
 * (the case's card, a refusal, "not found").
 */

/** Everything a verb's handler works with. */
export interface Acting {
  services: Services;
  who: Who;
  where: Where;
  port: TeamsPort;
  person: Person;
}

export const messageCard = (title: string, message: Notice) =>
  card(
    [heading(title), noticeBlock(message.message, message.tone)],
    [execute('case.list', 'Cases in this meeting')],
  );

export const refuse = (message: string, field?: string): Notice => ({
  message,
  tone: 'attention',
  ...(field ? { field } : {}),
});

export const actorOf = (who: Who): Actor => ({ id: who.aadObjectId ?? who.mri, name: who.name });

/** Today in the UK, as YYYY-MM-DD: what "due for review" is measured against. */
export const today = () => ukIsoDate(new Date());

/** What a case's card is built with: its school named, its partnership's vote settings, today. */
export function caseCardOptions(services: Services, record: CaseRecord, notice?: Notice): CaseCardOptions {
  return {
    schoolName: schoolNameOf(services.directory, record),
    directory: services.directory,
    voteDefaults: services.settings.settings.partnerships[record.partnership].voteSettings,
    today: today(),
    ...(notice ? { notice } : {}),
    ...(services.recordUrl ? { recordUrl: services.recordUrl } : {}),
  };
}

export function showCase(services: Services, record: CaseRecord, notice?: Notice) {
  const state = caseState(caseFlow(record), record, services.textValues);
  return caseCard(record, state, caseFlow(record), caseCardOptions(services, record, notice));
}

/** A case as a list (the meeting's cases, the agenda) shows it: its school, and where it stands in its flow. */
export const caseSummary = (services: Services, record: CaseRecord): CaseSummary => ({
  record,
  schoolName: schoolNameOf(services.directory, record),
  flow: caseFlow(record),
  state: caseState(caseFlow(record), record, services.textValues),
});

/** What someone gets for a case that does not exist, and for one they may not know exists: the same card. */
export const caseNotFound = (): ActionOutcome => ({
  card: messageCard(
    'Case not found',
    refuse('This case no longer exists. It may have passed the retention period.'),
  ),
});
export const voteNotFound = (): ActionOutcome => ({
  card: messageCard('Vote not found', refuse('This vote no longer exists.')),
});

/**
 * A case's shared card is only ever its own message in its own chat: clicked elsewhere, nothing is shared; clicked
 * on another card of the chat (the agenda, another case), the case's own card is updated, never the clicked one.
 */
export function onlyItsChat(
  outcome: ActionOutcome,
  record: CaseRecord,
  where: Where,
  vote?: VoteRecord,
): ActionOutcome {
  if (!outcome.shared) return outcome;
  if (record.conversationId === where.conversationId)
    return {
      ...outcome,
      sharedTo: { caseId: record.id, messageId: vote?.cardActivityId ?? record.cardActivityId },
    };
  const { shared: _dropped, sharedInBackground: _also, ...own } = outcome;
  return own;
}
