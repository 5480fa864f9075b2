import type { Notice } from '../../../src/cards/caseCards.ts';
import type { CaseRecord } from '../../../src/cases/case.ts';
import { declareInterest, type VoteRecord } from '../../store/votes.ts';
import { actorOf, onlyItsChat, refuse, type Acting } from '../acting.ts';
import type { ActionOutcome } from '../services.ts';
import { personalView, viewVote } from '../voteView.ts';

/**
 * `vote.recuse`: a member declares an interest: they no longer vote on this vote, and a named ballot of theirs
 * is withdrawn. The store refuses a member who has voted anonymously, so no count an observer has seen ever drops.
 */
export async function declare(acting: Acting, vote: VoteRecord, record: CaseRecord): Promise<ActionOutcome> {
  const { services, who, where } = acting;
  const declared = await declareInterest(services.db, vote.id, actorOf(who));
  if (!declared.ok) return { card: await personalView(acting, vote, record, refuse(declared.error.message)) };
  const { ballotWithdrawn } = declared.value;
  services.log.event('info', 'vote.recused', {
    voteId: vote.id,
    reason: 'declaredInterest',
    ballotWithdrawn,
  });
  const recorded: Notice = {
    message: ballotWithdrawn
      ? 'Your interest is recorded and your vote is withdrawn.'
      : 'Your interest is recorded: you do not vote on this case.',
    tone: 'good',
  };
  return onlyItsChat(
    {
      card: viewVote(services, declared.value.vote, declared.value.record, acting, undefined, recorded),
      shared: viewVote(services, declared.value.vote, declared.value.record, undefined, undefined),
    },
    record,
    where,
    declared.value.vote,
  );
}
