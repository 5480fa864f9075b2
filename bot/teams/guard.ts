import { permissions, type Person, type VoteFacts } from '../../src/auth/policy.ts';
import type { CardVerb } from '../../src/cards/actions.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import { personOf } from '../people.ts';
import { getCase } from '../store/cases.ts';
import { getVote, type VoteRecord } from '../store/votes.ts';
import { messageCard, refuse, type Acting } from './acting.ts';
import type { ActionOutcome, Services, Where, Who } from './services.ts';

/**
 * How the policy (src/auth/policy.ts) is asked about a card action: who the person is where they clicked, the
 * facts of the case or vote they acted on, and how a refusal is said without revealing what it protects.
 */

/** The person as the policy sees them where they clicked: their standing in this chat comes from the roster. */
export async function personIn(services: Services, who: Who, where: Where): Promise<Person> {
  if (!who.aadObjectId) return personOf(services.settings.settings, undefined, 'anonymous');
  // Teams cannot say (or says they are not in the chat they clicked in): the least standing, never more.
  const standing =
    (await services.roster.standingIn(where.conversationId, who.aadObjectId, who.mri)) ?? 'guest';
  return personOf(services.settings.settings, who.aadObjectId, standing);
}

export const caseFacts = (record: CaseRecord, where: Where) => ({
  partnership: record.partnership,
  inCaseChat: record.conversationId === where.conversationId,
});

/** Whether the vote was opened for this member: to vote on it, or recused from it. */
export const openedFor = (vote: VoteRecord, memberId: string) =>
  [...vote.eligible, ...vote.recused].some((member) => member.id === memberId);

/** `eligible` to the policy is "the vote was opened for them"; a recusal is the vote's to refuse, as closing is. */
export function voteFacts(
  vote: VoteRecord,
  record: CaseRecord,
  who: Who,
  where: Where | undefined,
): VoteFacts {
  return {
    ...caseFacts(record, where ?? { conversationId: record.conversationId }),
    eligible: who.aadObjectId !== undefined && openedFor(vote, who.aadObjectId),
  };
}

/** A vote and its case, or undefined when either no longer exists. */
export async function voteWithCase(
  services: Services,
  voteId: string,
): Promise<{ vote: VoteRecord; record: CaseRecord } | undefined> {
  const vote = await getVote(services.db, voteId);
  const record = vote ? await getCase(services.db, vote.caseId) : undefined;
  return vote && record ? { vote, record } : undefined;
}

/** Why a coordinator's action was refused: the place, when it is theirs but elsewhere; else the role. */
export function refusalFor(acting: Acting, record: CaseRecord, byRole: string): string {
  return permissions.seeCaseRecord(acting.person, caseFacts(record, acting.where)) === 'allow'
    ? 'This case is run in its meeting chat: do this there.'
    : byRole;
}

const GUESTS_FOLLOW_IN_CHAT =
  'Guests and anonymous users can follow the cases in this chat, but not open or act on them.';

/**
 * The answer to someone who may not see the thing: elsewhere, exactly the "not found" card; in the thing's own
 * chat (a guest or an anonymous user clicking the card they can see there), a refusal that says nothing of it.
 */
export function concealed(
  services: Services,
  verb: CardVerb,
  notFound: ActionOutcome,
  inCaseChat: boolean,
  refusal: string,
): ActionOutcome {
  services.log.event('info', 'policy.refused', { action: verb, verdict: 'conceal' });
  if (!inCaseChat) return notFound;
  return { card: messageCard('Not available to you', refuse(refusal || GUESTS_FOLLOW_IN_CHAT)) };
}
