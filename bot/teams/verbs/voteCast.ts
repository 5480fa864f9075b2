import { permissions } from '../../../src/auth/policy.ts';
import type { CardActionData } from '../../../src/cards/actions.ts';
import type { Notice } from '../../../src/cards/caseCards.ts';
import { actorOf, onlyItsChat, refuse, voteNotFound, type Acting } from '../acting.ts';
import { concealed, personIn, voteFacts, voteWithCase } from '../guard.ts';
import type { ActionOutcome } from '../services.ts';
import { personalView, viewVote } from '../voteView.ts';

/**
 * `vote.cast`: a ballot. The hot path of a vote burst: the ballot box checks eligibility (the policy's castVote
 * for those the vote was opened for) and stores the ballot in one transaction shared with the ballots cast at
 * the same moment, so nothing is loaded before it. Only a refused ballot asks the policy what the person may be
 * shown.
 */
export async function cast(acting: Acting, data: CardActionData<'vote.cast'>): Promise<ActionOutcome> {
  const { services, who, where } = acting;
  const refused = async (message: string): Promise<ActionOutcome> => {
    const found = await voteWithCase(services, data.voteId);
    if (!found) return voteNotFound();
    const person = await personIn(services, who, where);
    const facts = voteFacts(found.vote, found.record, who, where);
    const verdict = permissions.castVote(person, facts);
    if (verdict === 'conceal')
      return concealed(services, 'vote.cast', voteNotFound(), facts.inCaseChat, message);
    // Refused by the policy, or allowed by it and refused by the vote itself (closed, or not an option).
    if (verdict === 'refuse') services.log.event('info', 'policy.refused', { action: 'vote.cast', verdict });
    return {
      card: await personalView({ ...acting, person }, found.vote, found.record, refuse(message)),
    };
  };
  if (!who.aadObjectId) return refused('Anonymous users cannot vote in panel decisions.');
  const result = await services.ballots.cast(data.voteId, actorOf(who), data.choice);
  if (!result.ok) return refused(result.error.message);
  const { vote, record, changed } = result.value;
  const thanks: Notice = {
    message: changed ? 'Your vote is counted.' : 'Your vote was already counted.',
    tone: 'good',
  };
  services.log.event('info', 'vote.cast', { voteId: vote.id, changed });
  return onlyItsChat(
    {
      card: viewVote(services, vote, record, acting, vote.anonymous ? null : data.choice, thanks),
      shared: viewVote(services, vote, record, undefined, undefined),
      sharedInBackground: true,
    },
    record,
    where,
    vote,
  );
}
