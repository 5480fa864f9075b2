import { describe, expect, it } from 'vitest';
import { coreGroupOptions, decideVote, fullTally, yesNoOptions } from '../../src/votes/vote.ts';

/** The result of a vote from its counts alone: the store (test/store/votes.test.ts) keeps the ballots. */
describe('deciding a vote from its counts', () => {
  it('gives the option with most votes, with every option counted', () => {
    expect(decideVote(yesNoOptions, { yes: 3, no: 2 }, null)).toEqual({
      ok: true,
      value: { result: 'yes', tally: { yes: 3, no: 2 }, castingDecision: false },
    });
    expect(decideVote(coreGroupOptions, { schoolContinues: 1 }, null)).toEqual({
      ok: true,
      value: {
        result: 'schoolContinues',
        tally: { backToIf: 0, schoolContinues: 1, inSchoolSupport: 0, programmeManagement: 0 },
        castingDecision: false,
      },
    });
  });

  it('counts only the vote’s own options', () => {
    expect(fullTally(yesNoOptions, { yes: 1, maybe: 5 })).toEqual({ yes: 1, no: 0 });
    expect(decideVote(yesNoOptions, { no: 1, maybe: 5 }, null)).toMatchObject({
      ok: true,
      value: { result: 'no', tally: { yes: 0, no: 1 } },
    });
    expect(decideVote(yesNoOptions, { maybe: 5 }, null)).toEqual({
      ok: false,
      error: { reason: 'noVotes', message: 'Nobody has voted yet.' },
    });
  });

  it('refuses a result below the quorum, saying how many have voted', () => {
    expect(decideVote(yesNoOptions, { yes: 1, no: 1 }, 3)).toEqual({
      ok: false,
      error: { reason: 'quorumNotMet', message: 'The quorum is 3 votes and 2 have been cast.' },
    });
    expect(decideVote(yesNoOptions, { yes: 1 }, 2)).toEqual({
      ok: false,
      error: { reason: 'quorumNotMet', message: 'The quorum is 2 votes and 1 has been cast.' },
    });
    // Exactly the quorum is enough.
    expect(decideVote(yesNoOptions, { yes: 2, no: 1 }, 3)).toMatchObject({
      ok: true,
      value: { result: 'yes' },
    });
  });

  it('asks for the coordinator’s casting decision on a tie between the leaders only', () => {
    const counts = { backToIf: 2, schoolContinues: 1, inSchoolSupport: 2 };
    expect(decideVote(coreGroupOptions, counts, null)).toEqual({
      ok: false,
      error: {
        reason: 'tie',
        message: 'The vote is tied: the coordinator has the casting decision.',
        tied: ['backToIf', 'inSchoolSupport'],
      },
    });
    expect(decideVote(coreGroupOptions, counts, null, 'schoolContinues')).toEqual({
      ok: false,
      error: {
        reason: 'invalidCastingChoice',
        message: 'The casting decision must be one of the tied options.',
        tied: ['backToIf', 'inSchoolSupport'],
      },
    });
    expect(decideVote(coreGroupOptions, counts, null, 'inSchoolSupport')).toEqual({
      ok: true,
      value: {
        result: 'inSchoolSupport',
        tally: { backToIf: 2, schoolContinues: 1, inSchoolSupport: 2, programmeManagement: 0 },
        castingDecision: true,
      },
    });
  });

  it('ignores a casting decision when there is no tie', () => {
    expect(decideVote(yesNoOptions, { yes: 1, no: 2 }, null, 'yes')).toEqual({
      ok: true,
      value: { result: 'no', tally: { yes: 1, no: 2 }, castingDecision: false },
    });
  });
});
