import { describe, expect, it } from 'vitest';
import { coreGroupWarningCard, planFormCard, planReviewCard } from '../../src/cards/planCards.ts';
import { forumSummaryCard, toReviewBlock } from '../../src/cards/forumCards.ts';
import { caseCard } from '../../src/cards/caseCards.ts';
import { card } from '../../src/cards/adaptive.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import {
  checkActionPlan,
  checkReview,
  continuedPlan,
  defaultReviewDate,
  hasReviewedPlan,
  planSummary,
  type ActionPlan,
  type StoredPlan,
} from '../../src/plans/actionPlan.ts';
import { formValuesFromInputs, formValuesOf, planInputOf, refusalOnForm } from '../../src/plans/planForm.ts';
import { runScenario } from '../../src/scenario/scenario.ts';
import { emailTemplates } from '../../src/templates/emailTemplates.ts';
import { renderEmail } from '../../src/templates/render.ts';
import { interpret } from '../../src/flow/interpret.ts';
import { flows, flowTextValues } from '../../src/flows.ts';
import { completeFields, directory } from '../helpers/fixtures.ts';
import { parseProblems, TEAMS_CARD_LIMIT } from '../helpers/cards.ts';
import { caseRecord } from '../helpers/cases.ts';

const plan: ActionPlan = {
  advice: 'Build a SEND support plan with the SENCO.\n\nConsider the Autism Outreach Team.',
  links: ['inclusion-forums'],
  actions: [
    { owner: 'school', action: 'Hold a PSP2b meeting & invite the LPS', by: '2027-01-15' },
    { owner: 'aot', action: 'Observe the student in lessons', by: '2027-01-08' },
  ],
  reviewDate: '2027-01-29',
};

const stored = (overrides: Partial<StoredPlan> = {}): StoredPlan => ({
  version: 1,
  plan,
  saves: 1,
  savedAt: '2026-12-03T10:00:00.000Z',
  savedByName: 'Sam Lee',
  review: null,
  reviewedAt: null,
  reviewedByName: null,
  ...overrides,
});

const record = (overrides: Partial<CaseRecord> = {}) =>
  caseRecord({
    flowVersion: flows.cityAddress.version,
    fields: {
      student: 'JS-2291',
      schoolName: 'Beauchamp College',
      partnership: 'SLIP',
      meetingDate: '2026-12-03',
    },
    ...overrides,
  });

describe('the action plan', () => {
  it('accepts the scenario shape and checks owners and links against the directory', () => {
    expect(checkActionPlan(plan, directory).ok).toBe(true);
    const unknownOwner = checkActionPlan(
      { ...plan, actions: [{ owner: 'aott', action: 'x', by: '2027-01-01' }] },
      directory,
    );
    expect(unknownOwner.ok).toBe(false);
    if (!unknownOwner.ok) {
      expect(unknownOwner.error.path).toBe('actions.0.owner');
      expect(unknownOwner.error.message).toContain('did you mean "aot"');
    }
    const unknownLink = checkActionPlan({ ...plan, links: ['nowhere'] }, directory);
    expect(unknownLink.ok ? '' : unknownLink.error.path).toBe('links.0');
  });

  it('refuses an impossible date, an empty action and a plan with nothing in it, naming where', () => {
    const badDate = checkActionPlan(
      { ...plan, actions: [{ owner: 'school', action: 'x', by: '2027-02-30' }] },
      directory,
    );
    expect(badDate.ok ? '' : `${badDate.error.path}: ${badDate.error.message}`).toBe(
      'actions.0.by: expected a real date as YYYY-MM-DD, e.g. 2026-11-20',
    );
    const empty = checkActionPlan(
      { ...plan, actions: [{ owner: 'school', action: '  ', by: '2027-01-01' }] },
      directory,
    );
    expect(empty.ok ? '' : `${empty.error.path}: ${empty.error.message}`).toBe(
      'actions.0.action: must not be empty',
    );
    const nothing = checkActionPlan({ advice: '', actions: [], reviewDate: '2027-01-29' }, directory);
    expect(nothing.ok ? '' : nothing.error.message).toBe('give the advice or at least one action');
    const noReview = checkActionPlan({ advice: 'Advice' }, directory);
    expect(noReview.ok ? '' : noReview.error.path).toBe('reviewDate');
  });

  it('refuses contact details of the family in the advice and the actions, and keeps ordinary dates and times', () => {
    const refusedAt = (raw: unknown) => {
      const checked = checkActionPlan(raw, directory);
      return checked.ok ? 'accepted' : `${checked.error.path}: ${checked.error.message.split(':')[0]}`;
    };
    const action = (text: string) => ({
      ...plan,
      actions: [{ owner: 'school', action: text, by: '2027-01-01' }],
    });
    expect(refusedAt({ ...plan, advice: 'Mum is on 07700 900123 after 3pm.' })).toBe(
      'advice: this looks like a telephone number',
    );
    expect(refusedAt({ ...plan, advice: 'Call +44 (0)116 496 0123.' })).toBe(
      'advice: this looks like a telephone number',
    );
    expect(refusedAt(action('Write to parent@example.com'))).toBe(
      'actions.0.action: this looks like an email address',
    );
    expect(refusedAt(action('Visit the family at LE3 0AB'))).toBe(
      'actions.0.action: this looks like a postcode',
    );
    expect(refusedAt(action('Refer to CAMHS with NHS no. 943 476 5919'))).toBe(
      'actions.0.action: this looks like an NHS number',
    );
    expect(refusedAt({ ...plan, advice: 'DOB 12/03/2014, Year 7.' })).toBe(
      'advice: this looks like a date of birth',
    );
    expect(
      refusedAt({
        ...plan,
        advice: 'Meet on 20 November 2026 at 9:30am in room B1 2; Year 10, 25 hours a week, ref 2291.',
        actions: [{ owner: 'school', action: 'Call the Inclusion Team on Monday', by: '2027-01-01' }],
      }),
    ).toBe('accepted');
  });

  it('reviews at the forum nearest six weeks on, else six weeks to the day', () => {
    expect(defaultReviewDate('2026-12-03', [])).toBe('2027-01-14');
    // Forums on 7 and 21 January 2027: 14 January is equally far from both; the earlier is taken.
    expect(defaultReviewDate('2026-12-03', ['2027-01-07', '2027-01-21'])).toBe('2027-01-07');
    expect(defaultReviewDate('2026-12-03', ['2026-12-17', '2027-01-12', '2027-03-01'])).toBe('2027-01-12');
    // Nothing within two weeks of six weeks on: six weeks to the day.
    expect(defaultReviewDate('2026-12-03', ['2026-12-17', '2027-03-01'])).toBe('2027-01-14');
    // Across a leap day.
    expect(defaultReviewDate('2028-02-01', [])).toBe('2028-03-14');
  });

  it('sums itself up in one line', () => {
    expect(planSummary(plan)).toBe('2 actions, review 29 January 2027');
    expect(planSummary({ ...plan, actions: [plan.actions[0]!] })).toBe('1 action, review 29 January 2027');
    expect(planSummary({ ...plan, actions: [] })).toBe('Advice only, review 29 January 2027');
  });

  it('continues a reviewed plan with the actions not done, to be reviewed six weeks on', () => {
    const review = checkReview(
      {
        actions: [{ progress: 'done' }, { progress: 'partlyDone', note: 'One visit so far' }],
        outcome: 'continue',
      },
      plan,
    );
    if (!review.ok) throw new Error(review.error.message);
    const next = continuedPlan(stored(), review.value, '2027-01-29', []);
    expect(next.actions.map((action) => action.action)).toEqual(['Observe the student in lessons']);
    expect(next.reviewDate).toBe('2027-03-12');
    expect(hasReviewedPlan(stored())).toBe(false);
    expect(hasReviewedPlan(stored({ review: review.value }))).toBe(true);
    expect(hasReviewedPlan(stored({ version: 2 }))).toBe(true);
  });

  it('refuses a review that does not say how each action went', () => {
    const review = checkReview({ actions: [{ progress: 'done' }], outcome: 'close' }, plan);
    expect(review.ok ? '' : review.error.message).toBe('the plan has 2 actions; say how each one went');
    const noOutcome = checkReview({ actions: [{ progress: 'done' }, { progress: 'notDone' }] }, plan);
    expect(noOutcome.ok ? '' : noOutcome.error.path).toBe('outcome');
  });
});

describe('the action plan form', () => {
  it('reads the rows back, drops a wholly empty row and names the card input a refusal is about', () => {
    const inputs = {
      advice: 'Advice',
      links: 'inclusion-forums,ap-lists',
      reviewDate: '2027-01-29',
      owner_0: 'school',
      action_0: 'Hold a meeting',
      by_0: '2027-01-15',
      owner_1: '',
      action_1: '',
      by_1: '',
      owner_2: 'ep',
      action_2: 'Observe',
      by_2: '2027-13-01',
    };
    const values = formValuesFromInputs(inputs, 3);
    expect(values.links).toEqual(['inclusion-forums', 'ap-lists']);
    const input = planInputOf(values);
    expect((input.actions as unknown[]).length).toBe(2);
    const checked = checkActionPlan(input, directory);
    if (checked.ok) throw new Error('an impossible date was accepted');
    // The second kept action is the card's third row.
    expect(refusalOnForm(values, checked.error)).toEqual({
      field: 'by_2',
      message: 'Action 3, by when: expected a real date as YYYY-MM-DD, e.g. 2026-11-20.',
    });
  });

  it('keeps what was typed when it is shown again with the refusal under the input', () => {
    const values = formValuesFromInputs(
      {
        advice: 'Kept advice',
        owner_0: 'school',
        action_0: '',
        by_0: '2027-01-15',
        reviewDate: '2027-01-29',
      },
      1,
    );
    const form = planFormCard(record(), directory, values, {
      outcomeActions: [],
      notice: {
        message: 'Action 1, what is to be done: must not be empty.',
        tone: 'attention',
        field: 'action_0',
      },
    });
    const text = JSON.stringify(form);
    expect(text).toContain('"value":"Kept advice"');
    expect(text).toContain('"value":"2027-01-15"');
    const body = form.body as { type: string; items?: { id?: string }[]; text?: string }[];
    const row = body.findIndex((element) => element.items?.some((item) => item.id === 'action_0'));
    expect(body[row + 1]?.text).toBe('Action 1, what is to be done: must not be empty.');
  });

  it('parses without warnings and stays under Teams’ limit with 15 actions', () => {
    const fifteen: ActionPlan = {
      ...plan,
      advice: 'A'.repeat(2000),
      actions: Array.from({ length: 15 }, (_, index) => ({
        owner: index % 2 ? 'school' : 'careNavigator',
        action: `Action number ${index + 1}: ${'something to be done '.repeat(10).trim()}`,
        by: '2027-01-15',
      })),
    };
    const withPlan = record({ plan: stored({ plan: fifteen }), outcome: null });
    const state = interpret(flows.cityAddress, 'B', {}, flowTextValues(directory));
    const cards = [
      planFormCard(withPlan, directory, formValuesOf(fifteen), { outcomeActions: ['Our action'] }),
      planReviewCard(withPlan, stored({ plan: fifteen }), directory),
      caseCard(withPlan, state, flows.cityAddress, {
        schoolName: 'Beauchamp College',
        directory,
        today: '2027-02-01',
      }),
      coreGroupWarningCard(withPlan, { caseId: withPlan.id, question: 'coreGroupDecision' }),
      forumSummaryCard([
        {
          student: 'JS-2291',
          schoolName: 'Beauchamp College',
          outcome: null,
          plan: planSummary(fifteen),
          emailsToDraft: ['Email template 5'],
        },
      ]),
      card(toReviewBlock([withPlan])),
    ];
    for (const built of cards) {
      expect(parseProblems(built)).toEqual([]);
      expect(new TextEncoder().encode(JSON.stringify(built)).length).toBeLessThan(TEAMS_CARD_LIMIT);
    }
    expect(JSON.stringify(cards[2])).toContain('The plan is due for review.');
  });

  it('calls an anonymous case so on every card, with no initials', () => {
    const anonymous = record({ consent: false, student: 'REF-0042', plan: stored() });
    const state = interpret(flows.cityAddress, 'B', {}, flowTextValues(directory));
    for (const built of [
      caseCard(anonymous, state, flows.cityAddress, { schoolName: 'Beauchamp College', directory }),
      planFormCard(anonymous, directory, formValuesOf(plan), { outcomeActions: [] }),
      planReviewCard(anonymous, stored(), directory),
    ]) {
      expect(JSON.stringify(built)).toContain('Anonymous case REF\\\\-0042');
    }
  });
});

describe('email template 5: the action plan', () => {
  it('renders the plan: advice, links, a table of actions and the dates written out, every value escaped', () => {
    const rendered = renderEmail(emailTemplates.T5, { ...completeFields, actionPlan: plan }, directory);
    if (!rendered.ok) throw new Error(`missing ${rendered.missing.join(', ')}`);
    const { subject, html, text } = rendered.email;
    expect(subject).toBe('J.S. (ref 2291): action plan from the Inclusion Forum held on 20 November 2026');
    expect(html).toContain(
      '<p>Build a SEND support plan with the SENCO.</p>\n<p>Consider the Autism Outreach Team.</p>',
    );
    expect(html).toContain('<a href="https://www.leicsseips.org/inclusion-forums">');
    expect(html).toMatch(/<table[^>]*><thead><tr><th scope="col"[^>]*>Who<\/th>/);
    expect(html).toContain('>Hold a PSP2b meeting &amp; invite the LPS</td>');
    expect(html).toContain('>Autism Outreach Team (AOT)</td>');
    expect(html).toContain('>15 January 2027</td>');
    expect(html).toContain('We will review the plan with you on 29 January 2027');
    expect(html).toContain('the South Leicestershire Inclusion Partnership');
    expect(text).toContain('- The school: Hold a PSP2b meeting & invite the LPS (by 15 January 2027)');
    expect(html).not.toMatch(/[{}]/);
  });

  it('escapes markup typed into the advice and actions', () => {
    const rendered = renderEmail(
      emailTemplates.T5,
      { ...completeFields, actionPlan: { ...plan, advice: 'Use <b>this</b> & "that"' } },
      directory,
    );
    expect(rendered.ok && rendered.email.html).toContain(
      'Use &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot;',
    );
  });

  it('names what is missing, the plan included', () => {
    const rendered = renderEmail(emailTemplates.T5, { student: 'JS' }, directory);
    expect(rendered.ok ? [] : rendered.missing).toEqual([
      'keyLinkName',
      'meetingType',
      'meetingDate',
      'partnership',
      'coordinatorName',
      'actionPlan',
    ]);
  });
});

describe('the scenario runner with an action plan', () => {
  const input = {
    section: 'B',
    answers: {
      residency: 'city',
      stepsDone: { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true },
    },
    fields: { ...completeFields },
    actionPlan: {
      advice: 'Build a SEND support plan.',
      actions: [{ owner: 'school', action: 'Hold a PSP2b meeting', by: '2027-01-15' }],
      reviewDate: '2027-01-29',
    },
  };

  it('returns the Action plan email to the school among the emails', () => {
    const result = runScenario(input, directory);
    if (!result.ok) throw new Error(result.error.message);
    const email = result.value.emails.find((candidate) => candidate.template === 'T5');
    expect(email?.to).toBe('school');
    expect(email?.missing).toEqual([]);
    expect(email?.html).toContain('<table');
    expect(email?.html).toContain('15 January 2027');
    expect(email?.html).toContain('29 January 2027');
    // The flow's own emails are still there.
    expect(result.value.emails.map((candidate) => candidate.template)).toEqual(['T1', 'T3', 'T5']);
  });

  it('names missing fields for the plan email as for the others', () => {
    const result = runScenario({ ...input, fields: { student: 'JS' } }, directory);
    const email = result.ok
      ? result.value.emails.find((candidate) => candidate.template === 'T5')
      : undefined;
    expect(email?.missing).toContain('keyLinkName');
    expect(email?.html).toBe('');
  });

  it('gives one line naming the place of an invalid date or an empty action', () => {
    const badDate = runScenario(
      { ...input, actionPlan: { ...input.actionPlan, reviewDate: '29/01/2027' } },
      directory,
    );
    expect(badDate.ok ? null : badDate.error).toEqual({
      reason: 'invalidActionPlan',
      path: 'actionPlan.reviewDate',
      message: 'expected a real date as YYYY-MM-DD, e.g. 2026-11-20',
    });
    const emptyAction = runScenario(
      {
        ...input,
        actionPlan: { ...input.actionPlan, actions: [{ owner: 'school', action: '', by: '2027-01-15' }] },
      },
      directory,
    );
    expect(emptyAction.ok ? null : `${emptyAction.error.path}: ${emptyAction.error.message}`).toBe(
      'actionPlan.actions.0.action: must not be empty',
    );
  });
});
