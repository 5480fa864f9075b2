import { fail, ok, type Result } from '../result.ts';

/**
 * Panel votes, decided purely from the counts: the store keeps the ballots, this decides what they mean.
 */

export interface VoteOption {
  id: string;
  label: string;
}

/** The Core Group's possible decisions on a referral (seed 002). */
export const coreGroupOptions: readonly VoteOption[] = [
  { id: 'backToIf', label: 'Referral back to the Inclusion Forum' },
  { id: 'schoolContinues', label: 'School to continue using the advice shared at Core' },
  { id: 'inSchoolSupport', label: 'Partnership offers in-school support (Tier 2)' },
  {
    id: 'programmeManagement',
    label: 'Partnership offers part-time or full-time programme management out of school (Tier 3/4)',
  },
];

export const yesNoOptions: readonly VoteOption[] = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
];

/** The question id used for a Core Group decision vote (it is not a question of the flow). */
export const CORE_GROUP_DECISION = 'coreGroupDecision';

export type Tally = Record<string, number>;

export interface VoteDecision {
  result: string;
  tally: Tally;
  /** True when the coordinator's casting decision settled a tie. */
  castingDecision: boolean;
}

export interface VoteRefusal {
  reason: 'tie' | 'quorumNotMet' | 'noVotes' | 'invalidCastingChoice';
  message: string;
  /** For a tie: the options that tied, for the coordinator's casting decision. */
  tied?: string[];
}

/** Counts for every option, zero where nobody chose it. */
export function fullTally(options: readonly VoteOption[], counts: Tally): Tally {
  return Object.fromEntries(options.map((option) => [option.id, counts[option.id] ?? 0]));
}

/**
 * The result of a vote: the option with most votes; a tie needs the coordinator's casting decision, which
 * must be one of the tied options. An optional quorum is the least number of ballots for a valid result.
 */
export function decideVote(
  options: readonly VoteOption[],
  counts: Tally,
  quorum: number | null,
  castingChoice?: string,
): Result<VoteDecision, VoteRefusal> {
  const tally = fullTally(options, counts);
  const cast = Object.values(tally).reduce((sum, count) => sum + count, 0);
  if (cast === 0) return fail({ reason: 'noVotes', message: 'Nobody has voted yet.' });
  if (quorum !== null && cast < quorum) {
    return fail({
      reason: 'quorumNotMet',
      message: `The quorum is ${quorum} votes and ${cast} ${cast === 1 ? 'has' : 'have'} been cast.`,
    });
  }
  const top = Math.max(...Object.values(tally));
  const leaders = options.filter((option) => tally[option.id] === top).map((option) => option.id);
  if (leaders.length === 1 && leaders[0] !== undefined)
    return ok({ result: leaders[0], tally, castingDecision: false });
  if (castingChoice === undefined) {
    return fail({
      reason: 'tie',
      message: 'The vote is tied: the coordinator has the casting decision.',
      tied: leaders,
    });
  }
  if (!leaders.includes(castingChoice)) {
    return fail({
      reason: 'invalidCastingChoice',
      message: 'The casting decision must be one of the tied options.',
      tied: leaders,
    });
  }
  return ok({ result: castingChoice, tally, castingDecision: true });
}

/**
 * Why a member the vote was opened for does not vote: they represent the referring school (recused when the
 * vote opens), or they declared an interest on the card.
 */
export type RecusalReason = 'representsReferringSchool' | 'declaredInterest';

export const recusalReasons: Record<RecusalReason, string> = {
  representsReferringSchool: 'represents the referring school',
  declaredInterest: 'declared an interest',
};

/** A vote as the cards show it. */
export interface VoteView {
  id: string;
  caseId: string;
  question: string;
  options: VoteOption[];
  anonymous: boolean;
  /** The tally is shown only once the vote is closed (always so for an anonymous vote). */
  resultsHidden: boolean;
  quorum: number | null;
  /** `tied`: closed to ballots, waiting for the coordinator's casting decision. */
  status: 'open' | 'tied' | 'closed';
  result: string | null;
  castingDecision: boolean;
  /** Who may vote; `mri` is the member's Teams id, needed for their personal view of the card. */
  eligible: { id: string; name: string; mri?: string }[];
  /** Those the vote was opened for who do not vote on it, and why; not counted in "N of M" or the quorum. */
  recused: (VoteView['eligible'][number] & { reason: RecusalReason })[];
  /** Who has voted: names only, never choices. */
  voted: { id: string; name: string }[];
  tally: Tally;
}

/** Teams refreshes a card automatically for at most 60 users; beyond that members refresh by hand. */
export const MAX_AUTOMATIC_REFRESH = 60;
