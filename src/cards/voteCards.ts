import { studentLabel, type CaseRecord } from '../cases/case.ts';
import type { FlowDefinition } from '../flow/definition.ts';
import { MAX_AUTOMATIC_REFRESH, recusalReasons, type RecusalReason, type VoteView } from '../votes/vote.ts';
import {
  actionSet,
  card,
  execute,
  facts,
  heading,
  md,
  notice,
  showCard,
  subheading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive.ts';
import type { Notice } from './caseCards.ts';

export interface VoteViewer {
  /**
   * The member looking at the card, for their own choice or why they do not vote; absent for the view everyone
   * shares.
   */
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
 * What a vote's card may show, by the kind of vote. The tally of a vote with hidden results appears only once
 * it is closed; before then the count of ballots changes and nothing else, so no change on the card can be
 * tied to a member's choice. An anonymous vote never names who has voted, even closed: the names beside the
 * final tally would give every choice away when only one member voted or all agreed.
 */
export function voteDisclosure(vote: VoteView): { tally: boolean; voters: boolean } {
  return {
    tally: vote.status !== 'open' || !(vote.anonymous || vote.resultsHidden),
    voters: !vote.anonymous,
  };
}

/** What a recused member's own view says about them. */
function ownRecusal(reason: RecusalReason, record: CaseRecord): string {
  if (reason === 'declaredInterest') return 'You have declared an interest, so you do not vote on this case.';
  const school = record.fields.schoolName
    ? `${md(record.fields.schoolName)}, the referring school`
    : 'the referring school';
  return `You represent ${school}, so you do not vote on this case.`;
}

/**
 * "Declare an interest", with a confirmation beneath it. On an anonymous vote a member who has voted cannot
 * declare (their ballot cannot be found to withdraw), so their own view does not offer it.
 */
function declareInterest(vote: VoteView): CardElement {
  const effect = vote.anonymous
    ? 'you will not vote on this case'
    : 'you will not vote on this case and any vote you have cast is withdrawn';
  return showCard(
    'Declare an interest',
    [
      text(
        `If you have an interest in this case, for example you know the student or their family, declare it: ${effect}. The case’s record shows that you declared an interest.`,
      ),
    ],
    [execute('vote.recuse', 'Declare my interest', { voteId: vote.id }, 'destructive')],
  );
}

function kindOfVote(vote: VoteView): string | undefined {
  if (vote.anonymous)
    return 'Anonymous vote: nobody, the coordinator included, can see who has voted or who chose what. Only the number of votes is shown until the vote closes, and a vote cannot be changed once cast.';
  if (vote.resultsHidden && vote.status === 'open')
    return 'The results are hidden until the coordinator closes the vote.';
  return undefined;
}

/**
 * The panel's vote: the question, the options, the tally and who has voted (names, not choices), as far as
 * `voteDisclosure` allows. Each member's own view adds their choice; `refresh.userIds` makes Teams fetch that
 * view automatically for up to 60 members, and beyond that the card offers a Refresh button.
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
  const shown = voteDisclosure(vote);
  const body: CardElement[] = [
    heading(`Panel vote: case ${md(studentLabel(record))}`),
    ...(problem ? [notice(problem.message, problem.tone)] : []),
    subheading(voteQuestion(vote, flow)),
  ];
  const kind = kindOfVote(vote);
  if (kind) body.push(text(kind, { isSubtle: true }));
  if (vote.quorum !== null) body.push(text(`Quorum: ${vote.quorum} votes.`, { isSubtle: true }));
  const members = `${vote.voted.length} of ${vote.eligible.length} ${vote.eligible.length === 1 ? 'member has' : 'members have'} voted`;
  body.push(
    open
      ? notice(
          vote.anonymous
            ? 'Open: you can vote until the coordinator closes it.'
            : 'Open: you can vote, and change your vote until the coordinator closes it.',
          'warning',
        )
      : vote.status === 'tied'
        ? notice('Closed to votes: it is tied, and the coordinator has the casting decision.', 'warning')
        : notice(
            `Closed. Result: ${label(vote.result)}${vote.castingDecision ? ' (the coordinator’s casting decision on a tie)' : ''}`,
            'good',
          ),
    ...(shown.tally
      ? [facts(vote.options.map((option) => [option.label, String(vote.tally[option.id] ?? 0)]))]
      : []),
    text(
      shown.voters && vote.voted.length > 0
        ? `${members}: ${vote.voted.map((member) => md(member.name)).join(', ')}`
        : `${members}.`,
    ),
  );
  // Who does not vote, and why, is on the record whatever the kind of vote: it says nothing of any choice.
  if (vote.recused.length > 0)
    body.push(
      text(
        `Recused: ${vote.recused.map((member) => `${md(member.name)} (${recusalReasons[member.reason]})`).join(', ')}.`,
      ),
    );
  const recused = vote.recused.find((member) => member.id === viewer.memberId);
  if (recused) body.push(text(ownRecusal(recused.reason, record), { weight: 'Bolder' }));
  else if (viewer.memberId !== undefined) {
    if (viewer.ownChoice === undefined) body.push(text('You have not voted yet.', { weight: 'Bolder' }));
    else if (viewer.ownChoice === null) body.push(text('You have voted.', { weight: 'Bolder' }));
    else body.push(text(`Your vote: ${label(viewer.ownChoice)}`, { weight: 'Bolder' }));
  }
  if (open && !recused) {
    body.push(
      actionSet(
        vote.options.map((option) =>
          execute('vote.cast', option.label, { voteId: vote.id, choice: option.id }),
        ),
      ),
    );
  }

  const actions: CardElement[] = [];
  if (open && !recused && !(vote.anonymous && viewer.ownChoice === null)) actions.push(declareInterest(vote));
  if (open && viewer.isCoordinator)
    actions.push(execute('vote.close', 'Close the vote', { voteId: vote.id }, 'destructive'));
  const mris = [...vote.eligible, ...vote.recused].flatMap((member) => (member.mri ? [member.mri] : []));
  const automatic = mris.length > 0 && mris.length <= MAX_AUTOMATIC_REFRESH;
  if (open && !automatic) actions.push(execute('vote.refresh', 'Refresh', { voteId: vote.id }));
  actions.push(execute('case.show', 'Back to the case', { caseId: record.id }));

  const refresh = open
    ? { action: execute('vote.refresh', 'Refresh', { voteId: vote.id }), userIds: automatic ? mris : [] }
    : undefined;
  return card(body, actions, refresh);
}

/**
 * Shown to the coordinator when closing finds a tie: the tied options, one of which they choose. The vote is
 * still open, so a vote with hidden results shows no tally here either, only which options tied.
 */
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
