import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { caseCard, caseListCard, historyCard, newCaseCard, welcomeCard } from '../../src/cards/caseCards.ts';
import type { AdaptiveCard } from '../../src/cards/adaptive.ts';
import { castingDecisionCard, voteCard } from '../../src/cards/voteCards.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import { cityAddressFlow } from '../../src/flow/cityAddress.ts';
import { interpret } from '../../src/flow/interpret.ts';
import { enumerateRoutes } from '../../src/flow/paths.ts';
import { flowTextValues } from '../../src/flows.ts';
import { coreGroupOptions, yesNoOptions, type VoteView } from '../../src/votes/vote.ts';
import { directory } from '../helpers/fixtures.ts';

/** Teams refuses cards over 28 KB; ours must stay well under. */
const TEAMS_CARD_LIMIT = 28 * 1024;

/** Parses a card with the adaptivecards renderer and returns every warning or error it reports. */
function parseProblems(json: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(JSON.parse(JSON.stringify(json)), context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validation ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}

const values = flowTextValues(directory);
const record = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  id: '3f0a7c2e-5b1d-4e8f-9a6b-1c2d3e4f5a6b',
  partnership: 'SLIP',
  conversationId: '19:meeting@thread.v2',
  meetingId: null,
  student: 'JS-2291',
  schoolId: 'beauchamp-college',
  section: 'B',
  flowId: 'cityAddress',
  flowVersion: '1.0.0',
  answers: {},
  fields: {
    student: 'JS-2291',
    schoolName: 'Beauchamp College',
    partnership: 'SLIP',
    keyLinkName: 'Mrs Patel',
    meetingType: 'inclusionForum',
    meetingDate: '2026-11-20',
  },
  keyLinkEmail: 'k.patel@beauchamp.example',
  outcome: null,
  extraEmails: [],
  prefilled: [],
  cardActivityId: null,
  revision: 0,
  createdBy: 'u1',
  createdAt: new Date('2026-11-20T10:00:00Z'),
  updatedAt: new Date('2026-11-20T10:00:00Z'),
  ...overrides,
});

const vote = (overrides: Partial<VoteView> = {}): VoteView => ({
  id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  caseId: record().id,
  question: 'partnershipConvinced',
  options: [...yesNoOptions],
  anonymous: false,
  resultsHidden: false,
  quorum: null,
  status: 'open',
  result: null,
  castingDecision: false,
  eligible: Array.from({ length: 7 }, (_, i) => ({
    id: `m${i}`,
    name: `Member ${i}`,
    mri: `29:member-${i}`,
  })),
  recused: [],
  voted: [{ id: 'm0', name: 'Member 0' }],
  tally: { yes: 1, no: 0 },
  ...overrides,
});

/** Every card the bot can send: one per route through the flow and per state of a vote. */
function everyCard(): [string, AdaptiveCard][] {
  const cards: [string, AdaptiveCard][] = [
    ['welcome', welcomeCard()],
    ['new case', newCaseCard(directory, cityAddressFlow)],
    [
      'new case with a problem',
      newCaseCard(
        directory,
        cityAddressFlow,
        { student: 'JS' },
        { message: 'Choose a school.', tone: 'attention' },
      ),
    ],
  ];
  for (const section of ['A', 'B', 'C', 'D']) {
    const r = record({ section });
    cards.push([
      `section ${section} first question`,
      caseCard(r, interpret(cityAddressFlow, section, {}, values), cityAddressFlow, { directory }),
    ]);
  }
  for (const route of enumerateRoutes(cityAddressFlow)) {
    const r = record({ section: route.section, answers: route.answers, outcome: route.outcome });
    cards.push([
      `${route.outcome} ${JSON.stringify(route.answers)}`,
      caseCard(r, interpret(cityAddressFlow, route.section, route.answers, values), cityAddressFlow, {
        directory,
      }),
    ]);
  }
  const b = record({ answers: { residency: 'city' } });
  cards.push([
    'B checklist',
    caseCard(b, interpret(cityAddressFlow, 'B', b.answers, values), cityAddressFlow, {
      directory,
      notice: { message: 'Only coordinators can answer questions.', tone: 'attention' },
    }),
  ]);
  cards.push([
    'case list',
    caseListCard(
      [{ record: b, state: interpret(cityAddressFlow, 'B', b.answers, values) }],
      cityAddressFlow,
      directory,
    ),
  ]);
  cards.push([
    'history',
    historyCard(b, [
      {
        at: new Date('2026-11-20T14:05:00Z'),
        actorName: 'Sam Lee',
        text: 'Started the case.',
        flowVersion: '1.0.0',
      },
    ]),
  ]);
  cards.push(['open vote, shared view', voteCard(vote(), b, cityAddressFlow, { isCoordinator: false })]);
  cards.push([
    'open vote, member view',
    voteCard(vote(), b, cityAddressFlow, { isCoordinator: false, memberId: 'm0', ownChoice: 'yes' }),
  ]);
  cards.push([
    'open vote, coordinator',
    voteCard(
      vote({ question: 'coreGroupDecision', options: [...coreGroupOptions], tally: {} }),
      b,
      cityAddressFlow,
      { isCoordinator: true },
    ),
  ]);
  cards.push([
    'closed vote',
    voteCard(vote({ status: 'closed', result: 'no', castingDecision: true }), b, cityAddressFlow, {
      isCoordinator: true,
    }),
  ]);
  cards.push([
    'tie',
    castingDecisionCard(vote({ tally: { yes: 1, no: 1 } }), b, cityAddressFlow, ['yes', 'no']),
  ]);
  for (const kind of [
    { anonymous: true, resultsHidden: true },
    { anonymous: false, resultsHidden: true },
  ]) {
    for (const status of ['open', 'closed'] as const) {
      const name = `${kind.anonymous ? 'anonymous' : 'results hidden'} ${status} vote`;
      const shown = vote({ ...kind, status, ...(status === 'closed' ? { result: 'yes' } : {}) });
      cards.push([`${name}, coordinator`, voteCard(shown, b, cityAddressFlow, { isCoordinator: true })]);
      cards.push([
        `${name}, member`,
        voteCard(shown, b, cityAddressFlow, { isCoordinator: false, memberId: 'm0', ownChoice: null }),
      ]);
    }
  }
  const crowd = Array.from({ length: 61 }, (_, i) => ({
    id: `m${i}`,
    name: `Member with a long name ${i}`,
    mri: `29:member-${i}`,
  }));
  cards.push([
    'vote of 61',
    voteCard(vote({ eligible: crowd, voted: crowd }), b, cityAddressFlow, { isCoordinator: true }),
  ]);
  const recused = [{ id: 'm7', name: 'Member 7', reason: 'representsReferringSchool' as const }];
  cards.push([
    'vote with a recused member, seen by them',
    voteCard(vote({ recused }), b, cityAddressFlow, { isCoordinator: false, memberId: 'm7' }),
  ]);
  return cards;
}

describe('every card the bot sends', () => {
  const cards = everyCard();

  it.each(cards)('%s parses without warnings and stays well under the Teams size limit', (_name, json) => {
    expect(parseProblems(json)).toEqual([]);
    expect(json.version).toBe('1.5');
    expect(new TextEncoder().encode(JSON.stringify(json)).length).toBeLessThan(TEAMS_CARD_LIMIT / 2);
  });

  it('would catch a broken card (the check above can fail)', () => {
    const broken = welcomeCard();
    broken.body.push({ type: 'Input.Text' }, { type: 'NoSuchElement' });
    expect(parseProblems(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('gives every Action.Execute an Action.Submit fallback with the same verb', () => {
    const executes = cards.flatMap(
      ([, json]) => JSON.stringify(json).match(/"type":"Action\.Execute"/g) ?? [],
    );
    const fallbacks = cards.flatMap(
      ([, json]) => JSON.stringify(json).match(/"fallback":\{"type":"Action\.Submit"/g) ?? [],
    );
    expect(fallbacks.length).toBe(executes.length);
    expect(executes.length).toBeGreaterThan(50);
  });
});

describe('what the cards say', () => {
  it('asks for the student identifier, never the full name', () => {
    expect(JSON.stringify(newCaseCard(directory, cityAddressFlow))).toContain(
      'Never the student’s full name',
    );
  });

  it('shows the outcome with actions, the City’s part, follow-ups and the emails with their recipients', () => {
    const r = record({
      answers: {
        residency: 'city',
        stepsDone: { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true },
      },
    });
    const json = JSON.stringify(
      caseCard(r, interpret(cityAddressFlow, 'B', r.answers, values), cityAddressFlow, { directory }),
    );
    expect(json).toContain('Outcome: The school sets up a City PSP2b meeting');
    expect(json).toContain('What to expect from the City');
    expect(json).toContain(
      'Email template 1: to the school, seeking support from the Leicester Partnership School – to the school’s key link (Mrs Patel)',
    );
    expect(json).toContain('– to the LPS (Mr Whittingham)');
  });

  it('offers a panel vote for partnershipConvinced', () => {
    const r = record({ section: 'D', answers: { residency: 'city' } });
    const json = JSON.stringify(
      caseCard(r, interpret(cityAddressFlow, 'D', r.answers, values), cityAddressFlow, { directory }),
    );
    expect(json).toContain('"verb":"vote.open"');
    expect(json).toContain('"question":"partnershipConvinced"');
  });

  it('lets the coordinator make the vote anonymous, or hide a named vote’s results until it closes', () => {
    const r = record({ section: 'D', answers: { residency: 'city' } });
    const body = caseCard(r, interpret(cityAddressFlow, 'D', r.answers, values), cityAddressFlow, {
      directory,
    }).body;
    const toggles = body.filter((element) => element.type === 'Input.Toggle');
    expect(toggles.map((toggle) => [toggle.id, toggle.title, toggle.valueOn, toggle.valueOff])).toEqual([
      [
        'anonymous',
        'Anonymous vote: nobody sees who voted or what they chose, only how many have voted until it closes',
        'true',
        'false',
      ],
      [
        'resultsHidden',
        'Hide the results until the vote is closed (the names of those who have voted still show)',
        'true',
        'false',
      ],
    ]);
  });

  it('escapes markdown in names so they cannot become links', () => {
    const r = record({ student: '[click](https://evil.example)' });
    const json = JSON.stringify(
      caseCard(r, interpret(cityAddressFlow, 'B', {}, values), cityAddressFlow, { directory }),
    );
    expect(json).not.toContain('[click](https');
  });

  it('shows who voted but not their choices, and each member their own choice', () => {
    const shared = JSON.stringify(voteCard(vote(), record(), cityAddressFlow, { isCoordinator: false }));
    expect(shared).toContain('1 of 7 members have voted: Member 0');
    expect(shared).not.toContain('Your vote');
    const own = JSON.stringify(
      voteCard(vote(), record(), cityAddressFlow, { isCoordinator: false, memberId: 'm0', ownChoice: 'yes' }),
    );
    expect(own).toContain('Your vote: Yes');
  });

  it('asks Teams to refresh automatically for up to 60 members, and offers a Refresh button beyond', () => {
    const small = voteCard(vote(), record(), cityAddressFlow, { isCoordinator: false });
    expect(small.refresh?.userIds).toHaveLength(7);
    const crowd = Array.from({ length: 61 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, mri: `29:m-${i}` }));
    const big = voteCard(vote({ eligible: crowd }), record(), cityAddressFlow, { isCoordinator: false });
    expect(big.refresh?.userIds).toEqual([]);
    expect(JSON.stringify(big.actions)).toContain('"title":"Refresh"');
  });

  it('only shows the coordinator the Close button', () => {
    expect(
      JSON.stringify(voteCard(vote(), record(), cityAddressFlow, { isCoordinator: false })),
    ).not.toContain('Close the vote');
    expect(JSON.stringify(voteCard(vote(), record(), cityAddressFlow, { isCoordinator: true }))).toContain(
      'Close the vote',
    );
  });
});
