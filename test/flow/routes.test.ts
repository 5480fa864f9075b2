import { describe, expect, it } from 'vitest';
import { answerQuestion, interpret, resolveSets } from '../../src/flow/interpret.ts';
import { enumerateRoutes } from '../../src/flow/paths.ts';
import { flows, flowTextValues } from '../../src/flows.ts';
import { directory } from '../helpers/fixtures.ts';

const cityAddressFlow = flows.cityAddress;
const countyAddressFlow = flows.countyAddress;

const values = flowTextValues(directory);

describe.each(Object.values(flows))(
  'every route through the $id flow, generated from the definition',
  (flow) => {
    const routes = enumerateRoutes(flow);

    it('reaches every outcome of the definition', () => {
      expect(new Set(routes.map((route) => route.outcome))).toEqual(new Set(Object.keys(flow.outcomes)));
    });

    it.each(routes.map((route) => [route.section, JSON.stringify(route.answers), route] as const))(
      'section %s with %s',
      (_section, _answers, route) => {
        const state = interpret(flow, route.section, route.answers, values);
        expect(state).toMatchObject({
          status: 'decided',
          outcome: route.outcome,
          path: route.path,
          flowVersion: flow.version,
        });
        if (state.status !== 'decided') return;
        // Nothing is left as a {placeholder} for a person to read.
        for (const text of [...state.actions, ...state.followUps, state.cityExpectation ?? '']) {
          expect(text).not.toMatch(/[{}<>]/);
        }
        // Every prefix of the route asks exactly the next question on it.
        route.path.forEach((questionId, index) => {
          const asked = route.path.slice(0, index);
          const partial = Object.fromEntries(
            Object.entries(route.answers).filter(([id]) => asked.includes(id)),
          );
          expect(interpret(flow, route.section, partial, values)).toMatchObject({
            status: 'asking',
            next: questionId,
          });
        });
      },
    );
  },
);

/** The outcomes table of domain.md, written out independently of the definition as the oracle. */
describe('the city-address flow against domain.md', () => {
  const allSteps = { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true };
  const cases = [
    ['A', { residency: 'county' }, 'A.countyRoute', []],
    ['A', { residency: 'city', cityBapMember: true }, 'A.cityBap', []],
    ['A', { residency: 'city', cityBapMember: false }, 'A.countyTier3', []],
    ['B', { residency: 'county' }, 'B.countyRoute', []],
    ['B', { residency: 'city', stepsDone: { ...allSteps, managedMove: false } }, 'B.reconsider', []],
    ['B', { residency: 'city', stepsDone: allSteps }, 'B.psp2b', ['T1 to school', 'T3 to lps']],
    ['C', { residency: 'county' }, 'C.countyRoute', []],
    ['C', { residency: 'city', metCityPsp2b: true }, 'C.psp3AfterPsp2b', ['T2 to school']],
    ['C', { residency: 'city', metCityPsp2b: false }, 'C.psp3NoPsp2b', ['T2 to school']],
    ['D', { residency: 'county' }, 'D.countyRoute', []],
    ['D', { residency: 'city', partnershipConvinced: true }, 'D.convinced', ['T4 to lps']],
    ['D', { residency: 'city', partnershipConvinced: false }, 'D.notConvinced', ['T4 to lps']],
  ] as const;

  it.each(cases)('section %s, %j → %s', (section, answers, outcome, emails) => {
    const state = interpret(cityAddressFlow, section, answers, values);
    expect(state.status === 'decided' && state.outcome).toBe(outcome);
    if (state.status !== 'decided') return;
    const drafted = state.effects.flatMap((effect) =>
      effect.type === 'draftEmail' ? [`${effect.template} to ${effect.to}`] : [],
    );
    expect(drafted).toEqual(emails);
  });

  it('names the steps not done among our actions in B.reconsider', () => {
    const state = interpret(
      cityAddressFlow,
      'B',
      { residency: 'city', stepsDone: { ...allSteps, managedMove: false, apPartTime: false } },
      values,
    );
    expect(state.status === 'decided' && state.actions).toEqual([
      'Support the school in reconsidering each of these steps carefully and if necessary starting a renewed cycle of Assess Plan Do Review:',
      'Not done yet – reconsider with the school: Considered an in-county managed move.',
      'Not done yet – reconsider with the school: Considered a part-time programme at AP, with Partnership advice.',
      'Be careful to offer time limited advice, support and resources.',
    ]);
  });

  it('shows the whole stepsDone checklist to check in C.psp3NoPsp2b', () => {
    const state = interpret(cityAddressFlow, 'C', { residency: 'city', metCityPsp2b: false }, values);
    expect(state.status === 'decided' && state.followUps).toHaveLength(4);
    expect(state.status === 'decided' && state.followUps[0]).toBe(
      'Check with the school: Previously agreed school action at IF and Panels.',
    );
  });

  it('adds the Chair discussion to our actions only when the Partnership is not convinced', () => {
    const convinced = interpret(
      cityAddressFlow,
      'D',
      { residency: 'city', partnershipConvinced: true },
      values,
    );
    const notConvinced = interpret(
      cityAddressFlow,
      'D',
      { residency: 'city', partnershipConvinced: false },
      values,
    );
    const chair = 'Discuss with your Chair the concerns you have about the school’s decision.';
    expect(convinced.status === 'decided' && convinced.actions).not.toContain(chair);
    expect(notConvinced.status === 'decided' && notConvinced.actions).toEqual([
      ...(convinced.status === 'decided' ? convinced.actions : []),
      chair,
    ]);
  });

  it('fills the City BAP contact from the directory into the PSP2b actions', () => {
    const state = interpret(cityAddressFlow, 'B', { residency: 'city', stepsDone: allSteps }, values);
    expect(state.status === 'decided' && state.actions[0]).toContain(
      'City BAP (Anna White) for possible managed move',
    );
  });

  it('marks partnershipConvinced as a panel vote', () => {
    expect(cityAddressFlow.questions.partnershipConvinced?.decidedBy).toBe('panelVote');
    expect(cityAddressFlow.questions.metCityPsp2b?.decidedBy).toBe('coordinator');
  });
});

describe('changing an answer', () => {
  it('recomputes the outcome, and answers off the new path no longer count', () => {
    let answers = {};
    const steps = [
      ['residency', 'city'],
      ['cityBapMember', true],
    ] as const;
    for (const [question, value] of steps) {
      const result = answerQuestion(cityAddressFlow, 'A', answers, question, value, values);
      if (!result.ok) throw new Error(result.error.message);
      answers = result.value.answers;
    }
    expect(interpret(cityAddressFlow, 'A', answers)).toMatchObject({ outcome: 'A.cityBap' });

    const back = answerQuestion(cityAddressFlow, 'A', answers, 'residency', 'county', values);
    expect(back.ok && back.value.state).toMatchObject({
      status: 'decided',
      outcome: 'A.countyRoute',
      path: ['residency'],
    });

    const again = back.ok
      ? answerQuestion(cityAddressFlow, 'A', back.value.answers, 'residency', 'city', values)
      : back;
    // The earlier cityBapMember answer is still held, so returning to "city" restores A.cityBap.
    expect(again.ok && again.value.state).toMatchObject({
      outcome: 'A.cityBap',
      path: ['residency', 'cityBapMember'],
    });
  });

  it('refuses a question not reached yet, and a bad value, naming the question', () => {
    const early = answerQuestion(cityAddressFlow, 'A', {}, 'cityBapMember', true);
    expect(early).toEqual({
      ok: false,
      error: expect.objectContaining({ reason: 'notAskedYet', path: 'answers.cityBapMember' }),
    });
    const bad = answerQuestion(cityAddressFlow, 'A', {}, 'residency', 'town');
    expect(bad).toEqual({
      ok: false,
      error: {
        reason: 'invalidAnswer',
        path: 'answers.residency',
        message: 'expected "city" or "county", got "town"',
      },
    });
  });
});

describe('the county-address flow (a City school with a county-address child)', () => {
  it('points to the partnership for the district where the child lives', () => {
    const state = interpret(
      countyAddressFlow,
      'R',
      { homeArea: 'melton', concern: 'riskOfTier4OrExclusion' },
      values,
    );
    expect(state).toMatchObject({ status: 'decided', outcome: 'R.panel', facts: { partnership: 'MSCIP' } });
    expect(state.status === 'decided' && state.actions[0]).toContain(
      'Melton and South Charnwood Inclusion Partnership (MSCIP)',
    );
    expect(state.status === 'decided' && state.actions[1]).toContain(directory.links.aboutUs);
  });

  it('sends EHCP concerns to SENA with partnership involvement as evidence', () => {
    const state = interpret(
      countyAddressFlow,
      'R',
      { homeArea: 'harborough', concern: 'possibleEhcp' },
      values,
    );
    expect(state).toMatchObject({ outcome: 'R.sena', facts: { partnership: 'SLIP' } });
    expect(state.status === 'decided' && state.actions.join(' ')).toContain(directory.contacts.sena.email);
  });

  it('routes each district to the partnership the directory names for it: configuration, not code', () => {
    const question = countyAddressFlow.questions.homeArea;
    const options = question?.answer.kind === 'choice' ? question.answer.options : [];
    expect(options.map((option) => option.id).sort()).toEqual(
      directory.districts.map((district) => district.id).sort(),
    );
    for (const option of options) {
      const facts = resolveSets(option.sets, values);
      const partnership = directory.partnerships.find((candidate) => candidate.id === facts.partnership);
      expect(partnership, option.id).toBeDefined();
      expect(facts.partnershipName).toBe(`${partnership?.name} (${partnership?.id})`);
    }
    // Moved in the directory, a district leads elsewhere with no change of code.
    const moved = {
      ...directory,
      districts: directory.districts.map((district) =>
        district.id === 'blaby' ? { ...district, partnership: 'HBEP' as const } : district,
      ),
    };
    const answers = { homeArea: 'blaby', concern: 'belowTier4' };
    expect(interpret(countyAddressFlow, 'R', answers, values).facts.partnership).toBe('SLIP');
    expect(interpret(countyAddressFlow, 'R', answers, flowTextValues(moved)).facts.partnership).toBe('HBEP');
  });
});
