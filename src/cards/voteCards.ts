import type { CaseRecord } from '../cases/case.ts';
import type { FlowDefinition } from '../flow/definition.ts';
import { MAX_AUTOMATIC_REFRESH, type VoteView } from '../votes/vote.ts';
import {
  actionSet,
  card,
  execute,
  facts,
  heading,
  md,
  notice,
  subheading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive.ts';
import type { Notice } from './caseCards.ts';

export interface VoteViewer {
  /** The member looking at the card, for their own choice; absent for the view everyone shares. */
  memberId?: string;
  /** Their own choice: a string, null for "voted anonymously", undefined for "not voted". */
  ownChoice?: string | null | undefined;
  isCoordinator: boolean;
}

export function voteQuestion(vote: VoteView, flow: FlowDefinition): string {
  return vote.question === 'coreGroupDecision'
    ? 'Core Group decision on this referral'
    : (flow.questions[vote.question]?.prompt ?? vote.question);
}

/**
 * The panel's vote: the question, the options, the live tally and who has voted (names, not choices). Each
 * member's own view adds their choice; `refresh.userIds` makes Teams fetch that view automatically for up to 60
 * members, and beyond that the card offers a Refresh button.
 */
export function voteCard(
  vote: VoteView,
  record: CaseRecord,
  flow: FlowDefinition,
  viewer: VoteViewer,
  problem?: Notice,
): AdaptiveCard {
  const label = (id: string | null) => vote.options.find((option) => option.id === id)?.label ?? id ?? '';
  const open = vote.status === 'open';
  const body: CardElement[] = [
    heading(`Panel vote: case ${md(record.student)}`),
    ...(problem ? [notice(problem.message, problem.tone)] : []),
    subheading(voteQuestion(vote, flow)),
  ];
  if (vote.anonymous)
    body.push(
      text('Anonymous vote: choices are not linked to members, and a vote cannot be changed once cast.', {
        isSubtle: true,
      }),
    );
  if (vote.quorum !== null) body.push(text(`Quorum: ${vote.quorum} votes.`, { isSubtle: true }));
  body.push(
    open
      ? notice('Open: you can vote, and change your vote until the coordinator closes it.', 'warning')
      : notice(
          `Closed. Result: ${label(vote.result)}${vote.castingDecision ? ' (the coordinator’s casting decision on a tie)' : ''}`,
          'good',
        ),
    facts(vote.options.map((option) => [option.label, String(vote.tally[option.id] ?? 0)])),
    text(
      `${vote.voted.length} of ${vote.eligible.length} ${vote.eligible.length === 1 ? 'member has' : 'members have'} voted${vote.voted.length > 0 ? `: ${vote.voted.map((member) => md(member.name)).join(', ')}` : '.'}`,
    ),
  );
  if (viewer.memberId !== undefined) {
    if (viewer.ownChoice === undefined) body.push(text('You have not voted yet.', { weight: 'Bolder' }));
    else if (viewer.ownChoice === null) body.push(text('You have voted.', { weight: 'Bolder' }));
    else body.push(text(`Your vote: ${label(viewer.ownChoice)}`, { weight: 'Bolder' }));
  }
  if (open) {
    body.push(
      actionSet(
        vote.options.map((option) =>
          execute('vote.cast', option.label, { voteId: vote.id, choice: option.id }),
        ),
      ),
    );
  }

  const actions: CardElement[] = [];
  if (open && viewer.isCoordinator)
    actions.push(execute('vote.close', 'Close the vote', { voteId: vote.id }, 'destructive'));
  const mris = vote.eligible.flatMap((member) => (member.mri ? [member.mri] : []));
  const automatic = mris.length > 0 && mris.length <= MAX_AUTOMATIC_REFRESH;
  if (open && !automatic) actions.push(execute('vote.refresh', 'Refresh', { voteId: vote.id }));
  actions.push(execute('case.show', 'Back to the case', { caseId: record.id }));

  const refresh = open
    ? { action: execute('vote.refresh', 'Refresh', { voteId: vote.id }), userIds: automatic ? mris : [] }
    : undefined;
  return card(body, actions, refresh);
}

/** Shown to the coordinator when closing finds a tie: the tied options, one of which they choose. */
export function castingDecisionCard(
  vote: VoteView,
  record: CaseRecord,
  flow: FlowDefinition,
  tied: readonly string[],
): AdaptiveCard {
  const base = voteCard(
    vote,
    record,
    flow,
    { isCoordinator: true },
    { message: 'The vote is tied: as coordinator, you have the casting decision.', tone: 'warning' },
  );
  base.body.push(
    actionSet(
      tied.map((id) =>
        execute(
          'vote.close',
          `Decide: ${vote.options.find((option) => option.id === id)?.label ?? id}`,
          { voteId: vote.id, casting: id },
          'positive',
        ),
      ),
    ),
  );
  return base;
}
