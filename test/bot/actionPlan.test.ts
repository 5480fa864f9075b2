import { describe, expect, it } from 'vitest';
import { DANGEROUSLY_LOCAL_TOKEN_PREFIX } from '../../bot/http/apiAuth.ts';
import { planVersions } from '../../bot/store/actionPlans.ts';
import { caseHistory, casesOfConversation, getCase } from '../../bot/store/cases.ts';
import type { CaseDetail, MeetingCase } from '../../src/api/contract.ts';
import { ukIsoDate } from '../../src/text/dates.ts';
import { emailTemplates } from '../../src/templates/emailTemplates.ts';
import { fieldsSchema } from '../../src/templates/fields.ts';
import { renderEmail } from '../../src/templates/render.ts';
import { directory } from '../helpers/fixtures.ts';
import { caseAt, useBot, type BotHarness } from '../helpers/harness.ts';
import { click, messageActivity, people, post } from '../helpers/teams.ts';

const CHAT_A = '19:meeting-a@thread.v2';
const CHAT_B = '19:forum-later@thread.v2';

const planInputs = (overrides: Record<string, unknown> = {}) => ({
  rows: 2,
  advice: 'Build a SEND support plan with the SENCO.',
  owner_0: 'school',
  action_0: 'Hold a PSP2b meeting',
  by_0: '2027-01-15',
  owner_1: '',
  action_1: '',
  by_1: '',
  reviewDate: '2027-01-29',
  ...overrides,
});

/** The coordinator clicks a button of a card. */
const coordinatorClicks = (harness: BotHarness, ...rest: DropFirst3<Parameters<typeof click>>) =>
  click(harness.bot, harness.connector, people.coordinator, ...rest);
type DropFirst3<T extends unknown[]> = T extends [unknown, unknown, unknown, ...infer R] ? R : never;

async function api<T>(harness: BotHarness, path: string, init: RequestInit = {}) {
  const response = await fetch(`${harness.bot.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${DANGEROUSLY_LOCAL_TOKEN_PREFIX}${people.coordinator.aadObjectId}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
  return { status: response.status, body: (await response.json()) as T };
}

const bodyTexts = (card: { body: unknown[] }) =>
  JSON.stringify(card.body)
    .match(/"text":"((?:[^"\\]|\\.)*)"/g)
    ?.map((match) => JSON.parse(match.slice(7)) as string) ?? [];

const roster = [
  people.coordinator,
  people.member(1),
  people.member(2),
  { id: '28:bot', name: 'Inclusion Partnerships' },
];

describe('the action plan in the meeting', () => {
  const harness = useBot({}, (connector) => {
    connector.roster = roster;
  });

  it('opens the form from the case card, refuses an impossible date or an empty action with the inputs kept, and stores nothing until it is valid', async () => {
    const { record, messageId } = await caseAt(harness, { section: 'B', student: 'PL-1' });
    const form = await coordinatorClicks(harness, 'plan.edit', { caseId: record.id }, messageId);
    expect(form.text).toContain('Action plan for case PL\\\\-1');
    // The review date is offered: six weeks after today's meeting when no forum dates are configured.
    expect(form.text).toContain('"id":"reviewDate"');

    const badDate = await coordinatorClicks(
      harness,
      'plan.save',
      { caseId: record.id, ...planInputs({ by_0: '2027-02-30' }) },
      messageId,
    );
    const texts = bodyTexts(badDate.value);
    expect(texts).toContain('Action 1, by when: expected a real date as YYYY-MM-DD, e.g. 2026-11-20.');
    expect(badDate.text).toContain('"value":"Hold a PSP2b meeting"');
    expect(badDate.text).toContain('"value":"Build a SEND support plan with the SENCO."');
    expect(await planVersions(harness.store.db, record.id)).toEqual([]);

    const empty = await coordinatorClicks(
      harness,
      'plan.save',
      { caseId: record.id, ...planInputs({ action_0: '   ' }) },
      messageId,
    );
    expect(bodyTexts(empty.value)).toContain('Action 1, what is to be done: must not be empty.');
    expect(await planVersions(harness.store.db, record.id)).toEqual([]);

    harness.connector.calls.length = 0;
    const saved = await coordinatorClicks(
      harness,
      'plan.save',
      { caseId: record.id, ...planInputs() },
      messageId,
    );
    expect(saved.text).toContain('Action plan saved: 1 action, review 29 January 2027.');
    const versions = await planVersions(harness.store.db, record.id);
    expect(versions.map((version) => [version.version, version.plan.actions[0]?.action])).toEqual([
      [1, 'Hold a PSP2b meeting'],
    ]);
    // The case's own card is updated for everyone, with the summary and without the coordinator's notice.
    const shared = harness.connector.calls.find((call) => call.method === 'PUT');
    expect(JSON.stringify(shared?.body)).toContain('1 action, review 29 January 2027 (version 1)');
    expect(JSON.stringify(shared?.body)).not.toContain('Action plan saved');
  });

  it('adds the outcome’s actions with one click, without losing what was typed', async () => {
    const { record, messageId } = await caseAt(
      harness,
      { section: 'B', student: 'PL-2' },
      // Nothing ticked in section B's checklist: the outcome is B.reconsider, with actions for the Partnership.
      { residency: 'city', stepsDone: undefined },
    );
    const stored = await getCase(harness.store.db, record.id);
    expect(stored?.outcome).not.toBeNull();
    const form = await coordinatorClicks(
      harness,
      'plan.edit',
      { caseId: record.id, ...planInputs(), addOutcome: true },
      messageId,
    );
    expect(form.text).toContain('"value":"Hold a PSP2b meeting"');
    expect(form.text).toContain('"id":"action_1"');
    // The outcome's first action, owned by the Partnership, in the row after the typed one.
    const found: Record<string, unknown>[] = [];
    JSON.stringify(form.value, (_key, value: unknown) => {
      if (value && typeof value === 'object' && 'id' in value) found.push(value as Record<string, unknown>);
      return value;
    });
    expect(found.find((input) => input.id === 'owner_1')?.value).toBe('partnership');
    expect(String(found.find((input) => input.id === 'action_1')?.value)).toMatch(/^Support the school/);
  });

  it('keeps every version: a change before the review changes it, a review that continues writes the next', async () => {
    const { record, messageId } = await caseAt(harness, { section: 'B', student: 'PL-3' });
    const save = (inputs: Record<string, unknown>) =>
      coordinatorClicks(harness, 'plan.save', { caseId: record.id, ...inputs }, messageId);
    await save(planInputs());
    await save(planInputs({ owner_1: 'ep', action_1: 'Observe in lessons', by_1: '2027-01-10' }));
    let versions = await planVersions(harness.store.db, record.id);
    expect(versions.map((version) => [version.version, version.saves, version.plan.actions.length])).toEqual([
      [1, 2, 2],
    ]);

    const refused = await coordinatorClicks(
      harness,
      'plan.reviewSave',
      { caseId: record.id, progress_0: 'done', outcome: 'continue' },
      messageId,
    );
    expect(bodyTexts(refused.value).join(' ')).toContain('say whether it was done, partly done or not done');

    const reviewed = await coordinatorClicks(
      harness,
      'plan.reviewSave',
      {
        caseId: record.id,
        progress_0: 'done',
        progress_1: 'partlyDone',
        note_1: 'One visit so far',
        outcome: 'continue',
      },
      messageId,
    );
    expect(reviewed.text).toContain(
      'Review saved: continue with a revised plan. Revise version 2 and save it.',
    );
    versions = await planVersions(harness.store.db, record.id);
    expect(versions).toHaveLength(2);
    expect(versions[0]?.review).toEqual({
      actions: [{ progress: 'done' }, { progress: 'partlyDone', note: 'One visit so far' }],
      outcome: 'continue',
    });
    expect(versions[0]?.plan.actions).toHaveLength(2);
    expect(versions[1]?.plan.actions.map((action) => action.action)).toEqual(['Observe in lessons']);

    // Revising version 2 leaves version 1 as it was.
    await save(planInputs({ action_0: 'Observe in lessons again', owner_0: 'ep' }));
    versions = await planVersions(harness.store.db, record.id);
    expect(versions.map((version) => version.plan.actions[0]?.action)).toEqual([
      'Hold a PSP2b meeting',
      'Observe in lessons again',
    ]);
    const history = (await caseHistory(harness.store.db, record.id)).map((entry) => entry.kind);
    expect(history.filter((kind) => kind === 'planSaved')).toHaveLength(4);
    expect(history).toContain('planReviewed');
  });

  it('warns before a Core Group vote on a case without a reviewed plan, and records that the coordinator went ahead', async () => {
    const { record, messageId } = await caseAt(harness, { section: 'B', student: 'PL-4' });
    const warned = await coordinatorClicks(
      harness,
      'vote.open',
      { caseId: record.id, question: 'coreGroupDecision' },
      messageId,
    );
    expect(warned.text).toContain('This case has no action plan from an Inclusion Forum.');
    expect(warned.text).toContain('Put it to the Core Group anyway');
    expect((await caseHistory(harness.store.db, record.id)).map((entry) => entry.kind)).not.toContain(
      'voteOpened',
    );

    const opened = await coordinatorClicks(
      harness,
      'vote.open',
      { caseId: record.id, question: 'coreGroupDecision', withoutReview: true },
      messageId,
    );
    expect(opened.text).toContain('Core Group decision on this referral');
    const kinds = (await caseHistory(harness.store.db, record.id)).map((entry) => entry.kind);
    expect(kinds).toContain('voteOpened');
    expect(kinds).toContain('coreGroupWithoutReview');
  });

  it('opens the Core Group vote without a warning once the plan has been reviewed', async () => {
    const { record, messageId } = await caseAt(harness, { section: 'B', student: 'PL-5' });
    await coordinatorClicks(harness, 'plan.save', { caseId: record.id, ...planInputs() }, messageId);
    await coordinatorClicks(
      harness,
      'plan.reviewSave',
      { caseId: record.id, progress_0: 'notDone', outcome: 'coreGroup' },
      messageId,
    );
    const opened = await coordinatorClicks(
      harness,
      'vote.open',
      { caseId: record.id, question: 'coreGroupDecision' },
      messageId,
    );
    expect(opened.text).toContain('Core Group decision on this referral');
    expect((await caseHistory(harness.store.db, record.id)).map((entry) => entry.kind)).not.toContain(
      'coreGroupWithoutReview',
    );
  });

  it('puts a plan on the partnership’s next forum agenda as To review on its review date, not before', async () => {
    const { record, messageId } = await caseAt(harness, { section: 'B', student: 'PL-6' });
    const today = ukIsoDate(new Date());
    const tomorrow = ukIsoDate(new Date(Date.now() + 24 * 60 * 60 * 1000));
    await coordinatorClicks(
      harness,
      'plan.save',
      { caseId: record.id, ...planInputs({ reviewDate: tomorrow }) },
      messageId,
    );
    const agenda = async () => {
      harness.connector.calls.length = 0;
      expect(
        (await post(harness.bot, messageActivity(harness.connector, people.coordinator, 'agenda', CHAT_B)))
          .status,
      ).toBe(200);
      return harness.connector.calls
        .filter((call) => call.method === 'POST')
        .map((call) => JSON.stringify(call.body))
        .join('\n');
    };
    expect(await agenda()).not.toContain('PL\\\\-6');
    await coordinatorClicks(
      harness,
      'plan.save',
      { caseId: record.id, ...planInputs({ reviewDate: today }) },
      messageId,
    );
    const posted = await agenda();
    expect(posted).toContain('To review');
    expect(posted).toContain('PL\\\\-6');
    expect(posted).toContain('"verb":"plan.review"');

    // The coordinator reviews it from the later forum's chat; it then leaves the agenda.
    const review = await coordinatorClicks(
      harness,
      'plan.review',
      { caseId: record.id },
      'agenda-card',
      CHAT_B,
    );
    expect(review.text).toContain('Review the action plan for case PL\\\\-6');
    await coordinatorClicks(
      harness,
      'plan.reviewSave',
      { caseId: record.id, progress_0: 'done', outcome: 'close' },
      'agenda-card',
      CHAT_B,
    );
    expect(await agenda()).not.toContain('PL\\\\-6');
  });

  it('lists the plan’s email for the add-in, records it drafted, and asks for it again once the plan changes', async () => {
    const { record, messageId } = await caseAt(harness, { section: 'B', student: 'PL-7' });
    await coordinatorClicks(harness, 'plan.save', { caseId: record.id, ...planInputs() }, messageId);
    const detail = await api<CaseDetail>(harness, `/api/cases/${record.id}`);
    expect(detail.status).toBe(200);
    const planEmail = detail.body.emails.find((email) => email.template === 'T5');
    expect(planEmail).toMatchObject({ to: 'school', drafted: false });
    expect(detail.body.actionPlan?.actions[0]?.action).toBe('Hold a PSP2b meeting');

    const drafted = await api<unknown>(harness, `/api/cases/${record.id}/emails`, {
      method: 'POST',
      body: JSON.stringify({ template: 'T5', to: 'school' }),
    });
    expect(drafted.status).toBe(201);
    let again = await api<CaseDetail>(harness, `/api/cases/${record.id}`);
    expect(again.body.emails.find((email) => email.template === 'T5')).toMatchObject({ drafted: true });

    await coordinatorClicks(
      harness,
      'plan.save',
      { caseId: record.id, ...planInputs({ reviewDate: '2027-02-05' }) },
      messageId,
    );
    again = await api<CaseDetail>(harness, `/api/cases/${record.id}`);
    expect(again.body.emails.find((email) => email.template === 'T5')).toMatchObject({
      drafted: false,
      redraft: true,
    });
  });

  it('ends the forum with one summary of each case: outcome, plan and the emails still to draft', async () => {
    harness.connector.calls.length = 0;
    const finished = await coordinatorClicks(harness, 'forum.finish', {}, 'agenda-1');
    expect(finished.text).toContain('Forum summary');
    expect(finished.text).toContain('PL\\\\-1');
    expect(finished.text).toContain('Action plan: 1 action, review 29 January 2027');
    expect(finished.text).toContain('Action plan: not written yet');
    expect(finished.text).toContain('To draft: Email template 5');
    // Everyone in the chat sees it: it replaces the agenda card.
    const shared = harness.connector.calls.find(
      (call) => call.method === 'PUT' && call.path.includes('agenda-1'),
    );
    expect(JSON.stringify(shared?.body)).toContain('Forum summary');

    const panel = await api<{ cases: MeetingCase[] }>(
      harness,
      `/api/conversations/${encodeURIComponent(CHAT_A)}/cases`,
    );
    const first = panel.body.cases.find((item) => item.student === 'PL-1');
    expect(first?.plan).toBe('1 action, review 29 January 2027');
    expect(first?.emailsToDraft.some((title) => title.startsWith('Email template 5'))).toBe(true);
  });
});

describe('when the forum’s meeting ends', () => {
  const harness = useBot({}, (connector) => {
    connector.roster = roster;
  });

  it('posts the summary of its cases to the meeting chat', async () => {
    const { record, messageId } = await caseAt(harness, { section: 'B', student: 'END-1' });
    await coordinatorClicks(harness, 'plan.save', { caseId: record.id, ...planInputs() }, messageId);
    harness.connector.calls.length = 0;
    const ended = {
      ...messageActivity(harness.connector, people.coordinator, ''),
      type: 'event',
      name: 'application/vnd.microsoft.meetingEnd',
      text: undefined,
      value: { Id: 'meeting-1', EndTime: '2026-12-03T11:30:00Z' },
    };
    expect((await post(harness.bot, ended)).status).toBe(200);
    const posted = harness.connector.calls
      .filter((call) => call.method === 'POST')
      .map((call) => JSON.stringify(call.body));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('Forum summary');
    expect(posted[0]).toContain('END\\\\-1');
    expect(posted[0]).toContain('Action plan: 1 action, review 29 January 2027');
  });
});

describe('an anonymous case (no parental consent)', () => {
  const harness = useBot({}, (connector) => {
    connector.roster = roster;
  });

  it('is named by a reference only, and says "anonymous case" on cards, in the API and in the email; its identifier never reaches the logs', async () => {
    const start = (student: string) =>
      coordinatorClicks(
        harness,
        'case.start',
        {
          partnership: 'SLIP',
          schoolId: 'wigston-college',
          student,
          section: 'B',
          consent: 'notGiven',
        },
        `card-${student}`,
      );
    for (const initials of ['JS', 'J.S. 2291', 'JS-2291']) {
      const refused = await start(initials);
      expect(refused.text).toContain(
        'Without the parents’ consent the case is anonymous: give a reference only',
      );
    }
    expect(await casesOfConversation(harness.store.db, CHAT_A)).toEqual([]);

    const started = await start('REF-0042');
    expect(started.text).toContain('Case Anonymous case REF\\\\-0042');
    const [record] = await casesOfConversation(harness.store.db, CHAT_A);
    if (!record) throw new Error('not stored');
    expect(record.consent).toBe(false);
    await coordinatorClicks(harness, 'plan.save', { caseId: record.id, ...planInputs() }, 'card-REF-0042');

    const detail = await api<CaseDetail>(harness, `/api/cases/${record.id}`);
    expect(detail.body.anonymous).toBe(true);
    expect(detail.body.student).toBe('Anonymous case REF-0042');
    expect(detail.body.fields.student).toBe('Anonymous case REF-0042');
    const list = await api<{ cases: MeetingCase[] }>(
      harness,
      `/api/conversations/${encodeURIComponent(CHAT_A)}/cases`,
    );
    expect(list.body.cases.map((item) => item.student)).toEqual(['Anonymous case REF-0042']);

    // The email the add-in fills from the case says so too.
    const fields = fieldsSchema.parse({
      ...detail.body.fields,
      keyLinkName: 'Mrs Patel',
      meetingType: 'inclusionForum',
      meetingDate: '2026-12-03',
      actionPlan: detail.body.actionPlan,
    });
    const email = renderEmail(emailTemplates.T5, fields, directory);
    expect(email.ok && email.email.subject).toBe(
      'Anonymous case REF-0042: action plan from the Inclusion Forum held on 3 December 2026',
    );

    // The agenda form refuses initials for an anonymous case too.
    const agenda = await api<{ error: string }>(
      harness,
      `/api/conversations/${encodeURIComponent(CHAT_A)}/cases`,
      {
        method: 'POST',
        body: JSON.stringify({
          partnership: 'SLIP',
          schoolId: 'wigston-college',
          student: 'AB',
          section: 'A',
          consent: 'notGiven',
        }),
      },
    );
    expect(agenda.status).toBe(400);
    expect(agenda.body.error).toContain('give a reference only');

    expect(harness.bot.logs.join('\n')).not.toMatch(/REF-0042|J\.S\. 2291|JS-2291/);
  });
});
