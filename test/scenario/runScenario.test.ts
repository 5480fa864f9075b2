import { describe, expect, it } from 'vitest';
import { enumerateRoutes } from '../../src/flow/paths.ts';
import { runScenario, runScenarioText } from '../../src/scenario/scenario.ts';
import { completeFields, directory } from '../helpers/fixtures.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const allSteps = { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true };

describe('the scenario runner contract', () => {
  it.each(enumerateRoutes(flows.countyAddress).map((route) => [route.outcome, route] as const))(
    'runs the county-address flow to %s with "flow": "countyAddress", in the same shape',
    (_outcome, route) => {
      const result = runScenario({ flow: 'countyAddress', answers: route.answers }, directory);
      if (!result.ok) throw new Error(result.error.message);
      expect(Object.keys(result.value)).toEqual([
        'outcome',
        'next',
        'path',
        'actions',
        'cityExpectation',
        'followUps',
        'emails',
      ]);
      expect(result.value).toMatchObject({
        outcome: route.outcome,
        next: null,
        path: route.path,
        emails: [],
      });
      expect(result.value.actions.join(' ')).toMatch(/Partnership \((HBEP|LIP|MSCIP|NWLLIP|SLIP)\)/);
      expect(result.value.cityExpectation).not.toBeNull();
      expect(JSON.stringify(result.value)).not.toMatch(/\{[A-Za-z]+\}/);
    },
  );

  it('names the partnership of the child’s district, and SENA’s whole expectation', () => {
    const result = runScenario(
      {
        flow: 'countyAddress',
        section: 'R',
        answers: { homeArea: 'southCharnwood', concern: 'possibleEhcp' },
      },
      directory,
    );
    expect(result.ok && result.value.actions[0]).toContain(
      'Melton and South Charnwood Inclusion Partnership',
    );
    expect(result.ok && result.value.cityExpectation).toContain(
      'has been carried out and reviewed and has not resulted in the hoped-for outcomes',
    );
  });

  it('refuses an unknown flow or district in one line, and still defaults to the city-address flow', () => {
    expect(runScenario({ flow: 'countyAdress' }, directory)).toMatchObject({
      ok: false,
      error: { reason: 'unknownFlow', path: 'flow', message: expect.stringContaining('"countyAddress"') },
    });
    const rutland = runScenario({ flow: 'countyAddress', answers: { homeArea: 'rutland' } }, directory);
    expect(rutland).toMatchObject({
      ok: false,
      error: { reason: 'invalidAnswer', path: 'answers.homeArea' },
    });
    if (!rutland.ok) expect(rutland.error.message).not.toContain('\n');
    expect(runScenario({ section: 'A' }, directory)).toMatchObject({
      ok: true,
      value: { next: 'residency' },
    });
    expect(runScenario({ flow: 'countyAddress' }, directory)).toMatchObject({
      ok: true,
      value: { next: 'homeArea', path: [] },
    });
  });

  it.each(enumerateRoutes(cityAddressFlow).map((route) => [route.section, route.outcome, route] as const))(
    'section %s → %s, with the outcome’s emails fully rendered',
    (_section, _outcome, route) => {
      const result = runScenario(
        { section: route.section, answers: route.answers, fields: completeFields },
        directory,
      );
      if (!result.ok) throw new Error(result.error.message);
      const outcome = cityAddressFlow.outcomes[route.outcome];
      expect(result.value).toMatchObject({ outcome: route.outcome, next: null, path: route.path });
      expect(result.value.actions.length).toBeGreaterThan(0);
      expect(result.value.emails.map((email) => ({ template: email.template, to: email.to }))).toEqual(
        outcome?.emails,
      );
      for (const email of result.value.emails) {
        expect(email.missing).toEqual([]);
        expect(email.subject).toMatch(/^J\.S\. \(ref 2291\): /);
        expect(email.html).toMatch(/^<p>Dear /);
        expect(email.text).toMatch(/^Dear /);
      }
    },
  );

  it('says which question is next while one is unanswered', () => {
    const result = runScenario({ section: 'B', answers: { residency: 'city' } }, directory);
    expect(result).toEqual({
      ok: true,
      value: {
        outcome: null,
        next: 'stepsDone',
        path: ['residency'],
        actions: [],
        cityExpectation: null,
        followUps: [],
        emails: [],
      },
    });
    expect(runScenario({ section: 'D' }, directory)).toMatchObject({
      ok: true,
      value: { next: 'residency', path: [] },
    });
  });

  it('defaults the PSP meeting from the outcome, and lets the case override it', () => {
    const c = runScenario(
      { section: 'C', answers: { residency: 'city', metCityPsp2b: true }, fields: completeFields },
      directory,
    );
    expect(c.ok && c.value.emails[0]?.text).toContain(
      'invite a member of staff to a Pastoral Support Plan 3 Meeting',
    );
    const b = runScenario(
      { section: 'B', answers: { residency: 'city', stepsDone: allSteps }, fields: completeFields },
      directory,
    );
    expect(b.ok && b.value.emails.map((email) => email.subject)).toEqual([
      'J.S. (ref 2291): seeking support from the Leicester Partnership School',
      'J.S. (ref 2291): PSP2b meeting – a city address student in a county school',
    ]);
    const overridden = runScenario(
      {
        section: 'B',
        answers: { residency: 'city', stepsDone: allSteps },
        fields: { ...completeFields, pspMeeting: 'PSP3' },
      },
      directory,
    );
    expect(overridden.ok && overridden.value.emails[1]?.subject).toContain('PSP3 meeting');
  });

  it('reports missing fields per email and renders no body for those emails', () => {
    const result = runScenario(
      {
        section: 'D',
        answers: { residency: 'city', partnershipConvinced: false },
        fields: { student: 'AB' },
      },
      directory,
    );
    expect(result.ok && result.value.emails).toEqual([
      {
        template: 'T4',
        to: 'lps',
        subject: 'AB: permanent exclusion – a city address student in a county school',
        html: '',
        text: '',
        missing: ['schoolName', 'partnership', 'coordinatorName'],
      },
    ]);
    expect(result.ok && result.value.actions).toContain(
      'Discuss with your Chair the concerns you have about the school’s decision.',
    );
    expect(result.ok && result.value.followUps).toEqual([]);
  });

  it('treats null as not given, and ignores answers to questions off the path', () => {
    const result = runScenario(
      {
        section: 'A',
        answers: { residency: 'county', cityBapMember: true, stepsDone: null },
        fields: { student: null },
      },
      directory,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { outcome: 'A.countyRoute', path: ['residency'], cityExpectation: null },
    });
  });

  it.each([
    ['not JSON', '{ section: A }', 'invalidJson', '(input)'],
    ['a list', '[]', 'invalidInput', '(input)'],
    ['an unknown section', '{"section":"E"}', 'unknownSection', 'section'],
    ['no section', '{"answers":{}}', 'unknownSection', 'section'],
    ['answers that are not an object', '{"section":"A","answers":"city"}', 'invalidInput', 'answers'],
    [
      'an unknown question',
      '{"section":"A","answers":{"residence":"city"}}',
      'unknownQuestion',
      'answers.residence',
    ],
    [
      'a yes/no answer as text',
      '{"section":"A","answers":{"residency":"city","cityBapMember":"yes"}}',
      'invalidAnswer',
      'answers.cityBapMember',
    ],
    [
      'a bad residency',
      '{"section":"A","answers":{"residency":"City"}}',
      'invalidAnswer',
      'answers.residency',
    ],
    [
      'a checklist as a boolean',
      '{"section":"B","answers":{"residency":"city","stepsDone":true}}',
      'invalidAnswer',
      'answers.stepsDone',
    ],
    [
      'a checklist missing an item',
      '{"section":"B","answers":{"stepsDone":{"agreedActions":true,"managedMove":true,"apPartTime":true}}}',
      'invalidAnswer',
      'answers.stepsDone.partnershipSupport',
    ],
    [
      'a checklist with an unknown item',
      '{"section":"B","answers":{"stepsDone":{"agreedActions":true,"managedMove":true,"apPartTime":true,"partnershipSupport":true,"other":true}}}',
      'invalidAnswer',
      'answers.stepsDone.other',
    ],
    [
      'an unknown partnership',
      '{"section":"A","fields":{"partnership":"MBP"}}',
      'unknownPartnership',
      'fields.partnership',
    ],
    [
      'an unknown field',
      '{"section":"A","fields":{"studentName":"Jo Bloggs"}}',
      'unknownField',
      'fields.studentName',
    ],
    [
      'a bad date',
      '{"section":"A","fields":{"meetingDate":"20 November 2026"}}',
      'invalidField',
      'fields.meetingDate',
    ],
    ['fields that are not an object', '{"section":"A","fields":[]}', 'invalidInput', 'fields'],
  ])('refuses %s, naming %s', (_name, text, reason, path) => {
    const result = runScenarioText(text, directory);
    expect(result).toMatchObject({ ok: false, error: { reason: reason, path } });
    expect(result.ok || result.error.message.includes('\n')).toBe(false);
  });

  it('never throws on random and malformed input', () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20261122;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const values = [
      null,
      true,
      false,
      0,
      -1,
      1e308,
      '',
      'city',
      'county',
      'A',
      '<script>',
      'x'.repeat(5000),
      [],
      {},
      { a: 1 },
      'PSP2b',
      '2026-11-20',
    ];
    const keys = [
      'section',
      'answers',
      'fields',
      'residency',
      'cityBapMember',
      'stepsDone',
      'metCityPsp2b',
      'partnershipConvinced',
      'student',
      'partnership',
      'meetingDate',
      '__proto__',
      'constructor',
    ];
    const build = (depth: number): unknown => {
      if (depth === 0 || random() < 0.3) return pick(values);
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 4) }, () => [pick(keys), build(depth - 1)]),
      );
    };
    for (let i = 0; i < 3000; i++) {
      const input =
        random() < 0.5
          ? build(3)
          : { section: pick(['A', 'B', 'C', 'D', 'E']), answers: build(2), fields: build(2) };
      const result = runScenario(input, directory);
      if (!result.ok) expect(result.error.message).not.toMatch(/\n|at .+\.ts:\d+/);
    }
  });
});
