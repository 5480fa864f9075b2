import type { CardActionData } from '../../../src/cards/actions.ts';
import { coreGroupWarningCard } from '../../../src/cards/planCards.ts';
import { caseState, type CaseRecord } from '../../../src/cases/case.ts';
import { caseFlow } from '../../../src/flows.ts';
import { hasReviewedPlan } from '../../../src/plans/actionPlan.ts';
import { panelForCase } from '../../../src/votes/recusal.ts';
import {
  CORE_GROUP_DECISION,
  coreGroupOptions,
  yesNoOptions,
  type VoteOption,
} from '../../../src/votes/vote.ts';
import { appendEvents } from '../../store/cases.ts';
import { openVote, setVoteCard, type Member, type Recused } from '../../store/votes.ts';
import { actorOf, refuse, showCase, type Acting } from '../acting.ts';
import type { ActionOutcome, Services, TeamsPort } from '../services.ts';
import { viewVote } from '../voteView.ts';

/**
 * `vote.open`: the coordinator puts the question being decided (or the Core Group's decision) to the panel; the
 * vote's card takes the place of the case's own card in the chat.
 */
export async function open(
  acting: Acting,
  data: CardActionData<'vote.open'>,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const { services, who, where, port } = acting;
  const coreGroupUnreviewed = data.question === CORE_GROUP_DECISION && !hasReviewedPlan(record.plan);
  if (coreGroupUnreviewed && !data.withoutReview) {
    const { withoutReview: _asked, ...voteData } = data;
    return { card: coreGroupWarningCard(record, { ...voteData, caseId: record.id }) };
  }
  const options = voteOptions(services, record, data.question);
  if (typeof options === 'string') return { card: showCase(services, record, refuse(options)) };
  const quorum = data.quorum === undefined ? null : Number.parseInt(data.quorum, 10);
  if (quorum !== null && (!Number.isInteger(quorum) || quorum < 1 || quorum > 500)) {
    return {
      card: showCase(services, record, refuse('Quorum: give a whole number of votes, or leave it empty.')),
    };
  }
  const { eligible, recused } = await eligibleMembers(services, record, port);
  if (eligible.length === 0)
    return {
      card: showCase(
        services,
        record,
        refuse(
          recused.length > 0
            ? 'Nobody can vote: every panel member represents the referring school.'
            : 'Nobody here can vote: add the panel members to this chat, or configure the panel.',
        ),
      ),
    };
  const opened = await openVote(
    services.db,
    {
      caseId: record.id,
      question: data.question,
      options,
      anonymous: data.anonymous,
      resultsHidden: data.resultsHidden,
      quorum,
      eligible,
      recused,
    },
    actorOf(who),
  );
  if (!opened.ok) return { card: showCase(services, record, refuse(opened.error.message)) };
  if (coreGroupUnreviewed)
    await services.db.transaction((tx) =>
      appendEvents(tx, record, actorOf(who), [
        { kind: 'coreGroupWithoutReview', detail: { voteId: opened.value.id } },
      ]),
    );
  const cardMessage = record.cardActivityId ?? where.messageId;
  if (cardMessage) await setVoteCard(services.db, opened.value.id, cardMessage);
  services.log.event('info', 'vote.opened', {
    caseId: record.id,
    voteId: opened.value.id,
    eligible: eligible.length,
    recused: recused.length,
  });
  return {
    card: viewVote(services, opened.value, record, acting, undefined),
    shared: viewVote(services, opened.value, record, undefined, undefined),
  };
}

/**
 * Whom a vote is opened for: the configured panel, less those who represent the referring school (recused), or
 * else everyone in the chat, where nobody is known to represent a school and so nobody is recused.
 */
async function eligibleMembers(
  services: Services,
  record: CaseRecord,
  port: TeamsPort,
): Promise<{ eligible: Member[]; recused: Recused[] }> {
  const { panel } = services.settings.settings.partnerships[record.partnership];
  if (panel.length > 0) return panelForCase(panel, record.schoolId);
  const members = await port.members();
  // The roster Teams just gave is the freshest word on who is in the chat.
  await services.roster.sawMembers(
    record.conversationId,
    members.map((member) => ({
      id: member.id,
      name: member.name,
      standing: 'member',
      ...(member.mri ? { teamsId: member.mri } : {}),
    })),
  );
  return { eligible: members, recused: [] };
}

/** The options of a vote on `question`, or why it cannot be put to the panel now. */
function voteOptions(services: Services, record: CaseRecord, question: string): VoteOption[] | string {
  if (question === CORE_GROUP_DECISION) return [...coreGroupOptions];
  const definition = caseFlow(record).questions[question];
  const state = caseState(caseFlow(record), record, services.textValues);
  if (!definition || state.status !== 'asking' || state.next !== question)
    return 'This question is not the one being decided now.';
  if (definition.answer.kind === 'yesNo') return [...yesNoOptions];
  if (definition.answer.kind === 'choice')
    return definition.answer.options.map((option) => ({ id: option.id, label: option.label }));
  return 'A checklist cannot be put to a vote.';
}
