import type { CardActionData } from '../../../src/cards/actions.ts';
import type { Notice } from '../../../src/cards/caseCards.ts';
import { castingDecisionCard } from '../../../src/cards/voteCards.ts';
import type { CaseRecord } from '../../../src/cases/case.ts';
import { caseFlow } from '../../../src/flows.ts';
import { fail, ok } from '../../../src/result.ts';
import { CORE_GROUP_DECISION } from '../../../src/votes/vote.ts';
import { closeVote, type ApplyVoteResult, type VoteRecord } from '../../store/votes.ts';
import { actorOf, refuse, showCase, type Acting } from '../acting.ts';
import type { ActionOutcome } from '../services.ts';
import { viewVote } from '../voteView.ts';
import { answerThenPrefill } from './caseAnswer.ts';

/**
 * `vote.close`: the coordinator closes the vote; its result becomes the question's answer (a Core Group
 * decision answers none). A tie asks the coordinator for the casting decision.
 */
export async function close(
  acting: Acting,
  data: CardActionData<'vote.close'>,
  vote: VoteRecord,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const { services, who } = acting;
  const apply: ApplyVoteResult = (current, opened, decision) => {
    if (opened.question === CORE_GROUP_DECISION) return ok({ record: current, events: [] });
    const question = caseFlow(record).questions[opened.question];
    const value = question?.answer.kind === 'yesNo' ? decision.result === 'yes' : decision.result;
    const answered = answerThenPrefill(services, current, opened.question, value, opened.id);
    return answered.ok ? answered : fail({ reason: answered.error.reason, message: answered.error.message });
  };
  const closed = await closeVote(services.db, vote.id, actorOf(who), apply, data.casting);
  if (!closed.ok) {
    if (closed.error.reason === 'tie' && 'tied' in closed.error && closed.error.tied) {
      return { card: castingDecisionCard(vote, record, caseFlow(record), closed.error.tied) };
    }
    return { card: viewVote(services, vote, record, acting, undefined, refuse(closed.error.message)) };
  }
  const { decision } = closed.value;
  const label = (id: string) => vote.options.find((option) => option.id === id)?.label ?? id;
  const tally = vote.options.map((option) => `${option.label} ${decision.tally[option.id] ?? 0}`).join(', ');
  const summary: Notice = {
    message: `The panel decided: ${label(decision.result)} (${tally})${decision.castingDecision ? ', on the coordinator’s casting decision' : ''}.`,
    tone: 'good',
  };
  services.log.event('info', 'vote.closed', {
    voteId: vote.id,
    caseId: record.id,
    castingDecision: decision.castingDecision,
  });
  const shown = showCase(services, closed.value.record, summary);
  return { card: shown, shared: shown };
}
