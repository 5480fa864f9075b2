import { describe, expect, it } from 'vitest';
import { castingDecisionCard, voteCard, type VoteViewer } from '../../src/cards/voteCards.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import { cityAddressFlow } from '../../src/flow/cityAddress.ts';
import { yesNoOptions, type VoteView } from '../../src/votes/vote.ts';

/** What each kind of vote shows, open and closed, to the coordinator and to a member who has or has not voted. */

const record = { id: '3f0a7c2e-5b1d-4e8f-9a6b-1c2d3e4f5a6b', student: 'JS-2291' } as CaseRecord;

const kinds = {
  anonymous: { anonymous: true, resultsHidden: true },
  'results hidden': { anonymous: false, resultsHidden: true },
  named: { anonymous: false, resultsHidden: false },
} as const;

function vote(kind: keyof typeof kinds, status: 'open' | 'closed'): VoteView {
  return {
    id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
    caseId: record.id,
    question: 'partnershipConvinced',
    options: [...yesNoOptions],
    ...kinds[kind],
    quorum: null,
    status,
    result: status === 'closed' ? 'yes' : null,
    castingDecision: false,
    eligible: ['Ann Cole', 'Bea Dunn', 'Cal Eve'].map((name, i) => ({ id: `m${i}`, name, mri: `29:m${i}` })),
    recused: [],
    voted: [
      { id: 'm0', name: 'Ann Cole' },
      { id: 'm1', name: 'Bea Dunn' },
    ],
    tally: { yes: 2, no: 0 },
  };
}

/** A member's own choice as the bot passes it: the choice on a named vote, null ("voted") on an anonymous one. */
const viewers = (kind: keyof typeof kinds): Record<string, VoteViewer> => ({
  coordinator: { isCoordinator: true },
  'member who voted': {
    isCoordinator: false,
    memberId: 'm0',
    ownChoice: kind === 'anonymous' ? null : 'yes',
  },
  'member who has not voted': { isCoordinator: false, memberId: 'm2', ownChoice: undefined },
});

const cases = (Object.keys(kinds) as (keyof typeof kinds)[]).flatMap((kind) =>
  (['open', 'closed'] as const).flatMap((status) =>
    Object.entries(viewers(kind)).map(([viewer, who]) => ({ kind, status, viewer, who })),
  ),
);

const tallyShown = (json: string) => json.includes('"title":"Yes","value":"2"');

describe('the vote card', () => {
  it.each(cases)('$kind, $status, seen by the $viewer', ({ kind, status, viewer, who }) => {
    const json = JSON.stringify(voteCard(vote(kind, status), record, cityAddressFlow, who));
    expect(json).toContain('2 of 3 members have voted');
    // The tally: live on a named vote, otherwise only once the vote is closed, for the coordinator too.
    expect(tallyShown(json)).toBe(status === 'closed' || kind === 'named');
    if (status === 'open' && kind !== 'named') expect(json).not.toMatch(/"title":"(Yes|No)","value"/);
    // Who has voted: named on a named vote, never on an anonymous one.
    expect(json.includes('2 of 3 members have voted: Ann Cole, Bea Dunn')).toBe(kind !== 'anonymous');
    if (kind === 'anonymous') {
      expect(json).not.toContain('Ann Cole');
      expect(json).toContain('2 of 3 members have voted.');
    }
    const own = {
      coordinator: undefined,
      'member who voted': kind === 'anonymous' ? 'You have voted.' : 'Your vote: Yes',
      'member who has not voted': 'You have not voted yet.',
    }[viewer];
    if (own) expect(json).toContain(own);
    else expect(json).not.toMatch(/You have|Your vote/);
    expect(json.includes('Close the vote')).toBe(status === 'open' && viewer === 'coordinator');
    expect(json.includes('"verb":"vote.cast"')).toBe(status === 'open');
    expect(json.includes('The results are hidden until the coordinator closes the vote.')).toBe(
      kind === 'results hidden' && status === 'open',
    );
    // Declaring an interest: while open, except to a member who voted anonymously (their ballot is not theirs).
    expect(json.includes('"verb":"vote.recuse"')).toBe(
      status === 'open' && !(kind === 'anonymous' && viewer === 'member who voted'),
    );
  });

  it('says who is recused and why, and tells a recused member plainly why they do not vote', () => {
    const recusing: VoteView = {
      ...vote('anonymous', 'open'),
      recused: [
        { id: 'm7', name: 'Dee Fox', reason: 'representsReferringSchool' },
        { id: 'm8', name: 'Eli Gray', reason: 'declaredInterest' },
      ],
    };
    const atSchool = { ...record, fields: { schoolName: 'Wigston College' } };
    const shared = JSON.stringify(voteCard(recusing, atSchool, cityAddressFlow, { isCoordinator: false }));
    expect(shared).toContain(
      'Recused: Dee Fox (represents the referring school), Eli Gray (declared an interest).',
    );
    expect(shared).toContain('2 of 3 members have voted.');
    const own = (memberId: string) =>
      JSON.stringify(voteCard(recusing, atSchool, cityAddressFlow, { isCoordinator: false, memberId }));
    expect(own('m7')).toContain(
      'You represent Wigston College, the referring school, so you do not vote on this case.',
    );
    expect(own('m8')).toContain('You have declared an interest, so you do not vote on this case.');
    for (const memberId of ['m7', 'm8']) {
      expect(own(memberId)).not.toMatch(/"verb":"vote\.(cast|recuse)"|You have not voted/);
    }
  });

  it('does not offer an anonymous voter a change of vote', () => {
    const json = JSON.stringify(
      voteCard(vote('anonymous', 'open'), record, cityAddressFlow, { isCoordinator: false }),
    );
    expect(json).toContain('a vote cannot be changed once cast');
    expect(json).not.toContain('change your vote');
  });

  it('shows the coordinator only the tied options on a tie when the results are hidden', () => {
    const tied = { ...vote('results hidden', 'open'), tally: { yes: 1, no: 1 } };
    const json = JSON.stringify(castingDecisionCard(tied, record, cityAddressFlow, ['yes', 'no']));
    expect(json).toContain('Decide: Yes');
    expect(json).not.toMatch(/"title":"(Yes|No)","value"/);
  });
});
