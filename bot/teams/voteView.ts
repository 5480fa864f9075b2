import { permissions, type Person } from '../../src/auth/policy.ts';
import type { Notice } from '../../src/cards/caseCards.ts';
import { voteCard } from '../../src/cards/voteCards.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import { caseFlow } from '../../src/flows.ts';
import { ownChoice, type VoteRecord } from '../store/votes.ts';
import type { Acting } from './acting.ts';
import { openedFor, voteFacts } from './guard.ts';
import type { Services, Where, Who } from './services.ts';

/**
 * A vote's card as one person sees it (their own choice, and "Close the vote" for the coordinator), or as the
 * chat shares it (no viewer: nobody's choice).
 */
export function viewVote(
  services: Services,
  vote: VoteRecord,
  record: CaseRecord,
  viewer: { person: Person; who: Who; where: Where } | undefined,
  own: string | null | undefined,
  notice?: Notice,
) {
  const memberId = viewer?.who.aadObjectId;
  const facts = viewer ? voteFacts(vote, record, viewer.who, viewer.where) : undefined;
  return voteCard(
    vote,
    record,
    caseFlow(record),
    {
      isCoordinator:
        viewer !== undefined &&
        facts !== undefined &&
        permissions.manageVote(viewer.person, facts) === 'allow',
      ...(memberId && openedFor(vote, memberId) ? { memberId, ownChoice: own } : {}),
    },
    notice,
  );
}

/** The vote card as the person sees it, with their own choice read from the store. */
export async function personalView(acting: Acting, vote: VoteRecord, record: CaseRecord, notice?: Notice) {
  const { services, who } = acting;
  const own = who.aadObjectId ? await ownChoice(services.db, vote.id, who.aadObjectId) : undefined;
  return viewVote(services, vote, record, acting, own, notice);
}
