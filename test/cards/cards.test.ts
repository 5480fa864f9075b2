import { describe, expect, it } from 'vitest';
import {
  caseCard,
  caseListCard,
  duplicateCaseCard,
  historyCard,
  newCaseCard,
  situationCard,
  welcomeCard,
  withdrawConfirmCard,
} from '../../src/cards/caseCards.ts';
import type { AdaptiveCard } from '../../src/cards/adaptive.ts';
import { castingDecisionCard, voteCard } from '../../src/cards/voteCards.ts';
import { interpret } from '../../src/flow/interpret.ts';
import { enumerateRoutes } from '../../src/flow/paths.ts';
import { flows, flowTextValues } from '../../src/flows.ts';
import { coreGroupOptions, yesNoOptions, type VoteView } from '../../src/votes/vote.ts';
import { directory } from '../helpers/fixtures.ts';
import { parseProblems, TEAMS_CARD_LIMIT } from '../helpers/cards.ts';
import { caseRecord } from '../helpers/cases.ts';

const cityAddressFlow = flows.cityAddress;

const values = flowTextValues(directory);
const record = caseRecord;

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
      caseCard(r, interpret(cityAddressFlow, section, {}, values), cityAddressFlow, {
        schoolName: 'Beauchamp College',
        directory,
      }),
    ]);
  }
  for (const route of enumerateRoutes(cityAddressFlow)) {
    const r = record({ section: route.section, answers: route.answers, outcome: route.outcome });
    cards.push([
      `${route.outcome} ${JSON.stringify(route.answers)}`,
      caseCard(r, interpret(cityAddressFlow, route.section, route.answers, values), cityAddressFlow, {
        schoolName: 'Beauchamp College',
        directory,
        // With the Record button, as a deployment with PUBLIC_URL shows it: the size check covers it.
        recordUrl: (id) => `https://inclusion.example.org/addin/record.html?case=${encodeURIComponent(id)}`,
      }),
    ]);
  }
  const county = flows.countyAddress;
  const countyRecord = (answers = {}) =>
    record({
      section: 'R',
      flowId: county.id,
      flowVersion: county.version,
      schoolId: 'city:beaumont-leys-school',
      fields: { student: 'CA-77', schoolName: 'Beaumont Leys School', partnership: 'SLIP' },
      answers,
    });
  cards.push(
    ['situation', situationCard()],
    ['new county-address case', newCaseCard(directory, county)],
    [
      'new case, refusal beside the field',
      newCaseCard(
        directory,
        cityAddressFlow,
        { student: 'John Smith', coordinates: ['SLIP'] },
        { message: 'Student identifier: not a name.', tone: 'attention', field: 'student' },
      ),
    ],
    [
      'county-address first question',
      caseCard(countyRecord(), interpret(county, 'R', {}, values), county, {
        schoolName: 'Beaumont Leys School',
        directory,
      }),
    ],
    ['duplicate', duplicateCaseCard(record(), { student: 'JS-2291', section: 'B' })],
    ['withdraw?', withdrawConfirmCard(record())],
    [
      'withdrawn',
      caseCard(
        record({ withdrawnAt: new Date('2026-11-20T11:00:00Z') }),
        interpret(cityAddressFlow, 'B', {}, values),
        cityAddressFlow,
        {
          schoolName: 'Beauchamp College',
          directory,
        },
      ),
    ],
  );
  for (const route of enumerateRoutes(county)) {
    const r = countyRecord(route.answers);
    cards.push([
      `${route.outcome} ${JSON.stringify(route.answers)}`,
      caseCard(r, interpret(county, 'R', route.answers, values), county, {
        schoolName: 'Beaumont Leys School',
        directory,
      }),
    ]);
  }
  const b = record({ answers: { residency: 'city' } });
  cards.push([
    'B checklist',
    caseCard(b, interpret(cityAddressFlow, 'B', b.answers, values), cityAddressFlow, {
      schoolName: 'Beauchamp College',
      directory,
      notice: { message: 'Only coordinators can answer questions.', tone: 'attention' },
    }),
  ]);
  cards.push([
    'case list',
    caseListCard([
      {
        record: b,
        schoolName: 'Beauchamp College',
        flow: cityAddressFlow,
        state: interpret(cityAddressFlow, 'B', b.answers, values),
      },
    ]),
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

/**
 * Teams' card colours in its three themes: the default container's background and each foreground colour
 * (#aarrggbb: a subtle colour is partly transparent over the background). Light: the Microsoft Teams host
 * config that Agents Playground renders with; dark: the Adaptive Cards designer's microsoft-teams-dark host
 * config; high contrast: Teams' high-contrast palette (white, accessible yellow, green and cyan, red on black).
 */
const teamsThemes = {
  light: {
    background: '#ffffff',
    colors: {
      default: ['#ff252424', '#bf252424'],
      accent: ['#6264a7', '#8b8cc7'],
      good: ['#92c353', '#e592c353'],
      warning: ['#f8d22a', '#e5f8d22a'],
      attention: ['#c4314b', '#e5c4314b'],
    },
  },
  dark: {
    background: '#2d2c2c',
    colors: {
      default: ['#ffffffff', '#bfffffff'],
      accent: ['#ffa6a7dc', '#ff8b8cc7'],
      good: ['#ff92c353', '#e592c353'],
      warning: ['#fff8d22a', '#e5f8d22a'],
      attention: ['#ffd74654', '#e5d74654'],
    },
  },
  highContrast: {
    background: '#000000',
    colors: {
      default: ['#ffffff', '#ffffff'],
      accent: ['#1aebff', '#1aebff'],
      good: ['#3ff23f', '#3ff23f'],
      warning: ['#ffff01', '#ffff01'],
      attention: ['#ff0000', '#ff0000'],
    },
  },
} as const;

/** #rrggbb or #aarrggbb over an opaque background → the colour seen. */
function seen(color: string, background: string): [number, number, number] {
  const hex = color.replace('#', '');
  const alpha = hex.length === 8 ? Number.parseInt(hex.slice(0, 2), 16) / 255 : 1;
  const rgb = hex.slice(-6);
  const bg = background.replace('#', '');
  return [0, 2, 4].map((at) => {
    const fg = Number.parseInt(rgb.slice(at, at + 2), 16);
    const under = Number.parseInt(bg.slice(at, at + 2), 16);
    return fg * alpha + under * (1 - alpha);
  }) as [number, number, number];
}

/** WCAG 2 contrast ratio. */
function contrast(foreground: string, background: string): number {
  const luminance = ([r, g, b]: [number, number, number]) => {
    const [lr, lg, lb] = [r, g, b].map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  };
  const a = luminance(seen(foreground, background));
  const b = luminance(seen(background, background));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Every TextBlock's colour and subtlety, and a FactSet's (default), in a card. */
function textColours(json: AdaptiveCard): { text: string; color: string; subtle: boolean }[] {
  const found: { text: string; color: string; subtle: boolean }[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const element = value as Record<string, unknown>;
    if (element.type === 'TextBlock')
      found.push({
        text: String(element.text),
        color: String(element.color ?? 'default').toLowerCase(),
        subtle: element.isSubtle === true,
      });
    if (element.type === 'Container' && element.style && element.style !== 'default')
      throw new Error(`a container style (${String(element.style)}) this test does not know the colours of`);
    Object.values(element).forEach(walk);
  };
  walk(json.body);
  return found;
}

describe('every card the bot sends', () => {
  const cards = everyCard();

  it.each(cards)(
    '%s: every text colour meets WCAG AA (4.5:1) in Teams’ light, dark and high-contrast themes',
    (_name, json) => {
      for (const [theme, { background, colors }] of Object.entries(teamsThemes)) {
        for (const { text, color, subtle } of textColours(json)) {
          const pair = colors[color as keyof typeof colors];
          expect(pair, `${theme}: colour ${color}`).toBeDefined();
          const ratio = contrast(pair![subtle ? 1 : 0], background);
          expect(
            ratio,
            `${theme}: "${text.slice(0, 60)}" in ${color}${subtle ? ' (subtle)' : ''}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
      }
    },
  );

  it('would catch the light green on white the outcome used to have (the check above can fail)', () => {
    expect(contrast(teamsThemes.light.colors.good[0], teamsThemes.light.background)).toBeLessThan(2.5);
    expect(contrast(teamsThemes.light.colors.default[0], teamsThemes.light.background)).toBeGreaterThan(12);
  });

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
  it('has a Record button opening the printable record only when the record page’s address is known', () => {
    const r = record({ answers: { residency: 'city' } });
    const state = interpret(cityAddressFlow, 'B', r.answers, values);
    const actions = (json: { actions?: Record<string, unknown>[] }) => json.actions ?? [];
    expect(
      actions(caseCard(r, state, cityAddressFlow, { schoolName: 'Beauchamp College', directory })).some(
        (a) => a.title === 'Record',
      ),
    ).toBe(false);
    const withRecord = actions(
      caseCard(r, state, cityAddressFlow, {
        schoolName: 'Beauchamp College',
        directory,
        recordUrl: (id) => `https://inclusion.example.org/addin/record.html?case=${id}`,
      }),
    );
    expect(withRecord.find((a) => a.title === 'Record')).toEqual({
      type: 'Action.OpenUrl',
      title: 'Record',
      url: `https://inclusion.example.org/addin/record.html?case=${r.id}`,
    });
    expect(withRecord.length).toBeLessThanOrEqual(6);
  });

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
      caseCard(r, interpret(cityAddressFlow, 'B', r.answers, values), cityAddressFlow, {
        schoolName: 'Beauchamp College',
        directory,
      }),
    );
    expect(json).toContain('Outcome: The school sets up a City PSP2b meeting');
    expect(json).toContain('What to expect from the City');
    expect(json).toContain(
      'Email template 1: to the school, seeking support from the Leicester Partnership School – to the school’s key link (Mrs Patel)',
    );
    expect(json).toContain('– to the LPS (Mr Whittingham)');
  });

  it('groups the schools by partnership for a coordinator of several, and offers no others', () => {
    const body = newCaseCard(directory, cityAddressFlow, { coordinates: ['SLIP', 'HBEP'] }).body;
    const choices = (body.find((element) => element.id === 'schoolId')?.choices ?? []) as { title: string }[];
    const ids = choices.map((choice) => choice.title.split(' – ')[0]);
    expect(new Set(ids)).toEqual(new Set(['HBEP', 'SLIP']));
    // Grouped: each partnership's schools together, in the directory's order.
    expect(ids).toEqual([...ids].sort((a, b) => (a === b ? 0 : a === 'HBEP' ? -1 : 1)));
    const count = directory.partnerships
      .filter((partnership) => ['SLIP', 'HBEP'].includes(partnership.id))
      .reduce((sum, partnership) => sum + partnership.schools.length, 0);
    expect(choices).toHaveLength(count);
  });

  it('shows numbered steps inside an action as a real numbered list, not run inline', () => {
    const r = record({
      answers: {
        residency: 'city',
        stepsDone: { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true },
      },
    });
    const texts = caseCard(r, interpret(cityAddressFlow, 'B', r.answers, values), cityAddressFlow, {
      schoolName: 'Beauchamp College',
      directory,
    }).body.map((element) => String(element.text ?? ''));
    expect(texts).toContain('- Advise the school to set up a City PSP2b meeting inviting:');
    expect(texts).toContain(
      '1. Partnership School Team to construct a Programme\r2. City BAP (Anna White) for possible managed move to City School\r3. Completing the City Information Passport.',
    );
    expect(texts.filter((line) => /: 1\. /.test(line))).toEqual([]);
  });

  it('says where the case stands, and spells out the initialisms it uses', () => {
    const r = record({ section: 'C', answers: { residency: 'city' } });
    const asking = JSON.stringify(
      caseCard(r, interpret(cityAddressFlow, 'C', r.answers, values), cityAddressFlow, {
        schoolName: 'Beauchamp College',
        directory,
      }),
    );
    expect(asking).toContain('Question 2 of 2');
    const first = JSON.stringify(
      caseCard(
        record({ section: 'C', answers: {} }),
        interpret(cityAddressFlow, 'C', {}, values),
        cityAddressFlow,
        {
          schoolName: 'Beauchamp College',
          directory,
        },
      ),
    );
    expect(first).toContain('Question 1 of 2');
    expect(asking).toContain('PSP2b – Pastoral Support Plan 2b meeting (City)');
  });

  it('says which of section D’s two ways opens a vote and which records the Partnership’s own answer', () => {
    const r = record({ section: 'D', answers: { residency: 'city' } });
    const texts = caseCard(r, interpret(cityAddressFlow, 'D', r.answers, values), cityAddressFlow, {
      schoolName: 'Beauchamp College',
      directory,
    }).body.map((element) => String(element.text ?? ''));
    expect(texts.join(' ')).toContain('**Put it to the panel** opens a vote of the panel members');
    expect(texts).toContain('Or record the Partnership’s own answer, without a vote:');
  });

  it('offers a panel vote for partnershipConvinced', () => {
    const r = record({ section: 'D', answers: { residency: 'city' } });
    const json = JSON.stringify(
      caseCard(r, interpret(cityAddressFlow, 'D', r.answers, values), cityAddressFlow, {
        schoolName: 'Beauchamp College',
        directory,
      }),
    );
    expect(json).toContain('"verb":"vote.open"');
    expect(json).toContain('"question":"partnershipConvinced"');
  });

  it('lets the coordinator make the vote anonymous, or hide a named vote’s results until it closes', () => {
    const r = record({ section: 'D', answers: { residency: 'city' } });
    const body = caseCard(r, interpret(cityAddressFlow, 'D', r.answers, values), cityAddressFlow, {
      schoolName: 'Beauchamp College',
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
      caseCard(r, interpret(cityAddressFlow, 'B', {}, values), cityAddressFlow, {
        schoolName: 'Beauchamp College',
        directory,
      }),
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
