import { beforeEach, describe, expect, it } from 'vitest';
import { caseHistory, casesOfConversation, getCase } from '../../bot/store/cases.ts';
import { enumerateRoutes } from '../../src/flow/paths.ts';
import { click, messageActivity, people, post } from '../helpers/teams.ts';
import { useBot } from '../helpers/harness.ts';
import { directory } from '../helpers/fixtures.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const conversation = '19:meeting-a@thread.v2';
const identifierRefusal =
  'Use initials and/or a reference, such as "J.S.", "JS 2291" or "REF-0042" — not the student’s name.';
const singleLine = 'must be a single line of text without control characters';
/** As the text appears in a card's JSON. */
const inCard = (text: string) => JSON.stringify(text).slice(1, -1);
const startData = {
  partnership: 'SLIP',
  schoolId: 'beauchamp-college',
  keyLinkName: 'Mrs Patel',
  student: 'JS-2291',
  meetingType: 'inclusionForum',
  meetingDate: '2026-11-20',
};

describe('the bot in a meeting chat, over loopback HTTP', () => {
  const h = useBot();

  beforeEach(() => {
    h.connector.calls.length = 0;
  });

  const sentCards = () =>
    h.connector.calls
      .filter((call) => call.method === 'POST' || call.method === 'PUT')
      .map((call) => JSON.stringify(call.body));

  async function startCase(
    section: string,
    student = `S${section}-${Math.floor(Math.random() * 1e6)}`,
    messageId = `card-${student}`,
  ) {
    const card = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.start',
      { ...startData, student, section },
      messageId,
    );
    const [record] = (await casesOfConversation(h.store.db, conversation)).filter(
      (candidate) => candidate.student === student,
    );
    if (!record) throw new Error(`case ${student} was not stored: ${card.text}`);
    return { card, record, messageId };
  }

  it('greets with what it does and a Start a case button when added to the chat', async () => {
    const response = await post(h.bot, {
      ...messageActivity(h.connector, people.coordinator, ''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '28:bot' }],
    });
    expect(response.status).toBe(200);
    const [sent] = sentCards();
    expect(sent).toContain('I run the coordinators’ flow chart');
    expect(sent).toContain('"verb":"case.new"');
  });

  it('answers the text command "start" by asking the situation first, and politely for anyone else', async () => {
    await post(h.bot, messageActivity(h.connector, people.coordinator, 'start'));
    const asked = sentCards()[0];
    expect(asked).toContain('Which situation is it?');
    expect(asked).toContain('{"flow":"cityAddress"}');
    expect(asked).toContain('{"flow":"countyAddress"}');
    expect(asked).not.toContain('"id":"student"');
    h.connector.calls.length = 0;
    await post(h.bot, messageActivity(h.connector, people.member(1), 'start'));
    expect(sentCards()[0]).toContain('Only coordinators can start a case.');
    expect(sentCards()[0]).not.toContain('"id":"student"');
  });

  it('offers each situation’s own form: sections A to D, or the City school by name', async () => {
    const city = JSON.stringify(
      (await click(h.bot, h.connector, people.coordinator, 'case.new', { flow: 'cityAddress' })).value,
    );
    expect(city).toContain('"id":"schoolId"');
    expect(city).toContain('"id":"section"');
    const county = JSON.stringify(
      (await click(h.bot, h.connector, people.coordinator, 'case.new', { flow: 'countyAddress' })).value,
    );
    expect(county).toContain('"id":"schoolName"');
    expect(county).not.toContain('"id":"section"');
    expect(county).toContain('{"flow":"countyAddress"}');
  });

  it('offers only the coordinator’s own partnership’s schools', async () => {
    const card = await click(h.bot, h.connector, people.coordinator, 'case.new', { flow: 'cityAddress' });
    const schools = (card.value.body as { id?: string; choices?: { title: string; value: string }[] }[]).find(
      (element) => element.id === 'schoolId',
    )?.choices;
    const slip = directory.partnerships.find((partnership) => partnership.id === 'SLIP')?.schools ?? [];
    expect(schools).toEqual(slip.map((school) => ({ title: school.name, value: school.id })));
  });

  it('warns before starting the same student, school and section twice, and offers the existing case', async () => {
    const student = `DU-${Math.floor(Math.random() * 1e6)}`;
    const { record } = await startCase('A', student);
    const again = await click(h.bot, h.connector, people.coordinator, 'case.start', {
      ...startData,
      student,
      section: 'A',
    });
    expect(again.text).toContain('is already in this meeting');
    expect(again.text).toContain('Open the existing case');
    expect(again.text).toContain(`"caseId":"${record.id}"`);
    expect(
      (await casesOfConversation(h.store.db, conversation)).filter((c) => c.student === student),
    ).toHaveLength(1);
    // "Start another anyway" carries everything given, and starts it.
    const anyway = await click(h.bot, h.connector, people.coordinator, 'case.start', {
      ...startData,
      student,
      section: 'A',
      duplicateOk: true,
    });
    expect(anyway.text).toContain('Is the student a City of Leicester resident?');
    expect(
      (await casesOfConversation(h.store.db, conversation)).filter((c) => c.student === student),
    ).toHaveLength(2);
  });

  it('withdraws a case started in error after asking, keeps it in the history, and runs it no more', async () => {
    const { record } = await startCase('B');
    const asked = await click(h.bot, h.connector, people.coordinator, 'case.withdraw', { caseId: record.id });
    expect(asked.text).toContain('Withdraw the case');
    expect((await getCase(h.store.db, record.id))?.withdrawnAt).toBeNull();
    const refused = await click(h.bot, h.connector, people.member(1), 'case.withdraw', {
      caseId: record.id,
      confirm: true,
    });
    expect(refused.text).toContain('Only the coordinator can withdraw a case.');
    expect((await getCase(h.store.db, record.id))?.withdrawnAt).toBeNull();
    const withdrawn = await click(h.bot, h.connector, people.coordinator, 'case.withdraw', {
      caseId: record.id,
      confirm: true,
    });
    expect(withdrawn.text).toContain('started in error. It is kept in the history and no longer run.');
    expect((await getCase(h.store.db, record.id))?.withdrawnAt).toBeInstanceOf(Date);
    const answering = await click(h.bot, h.connector, people.coordinator, 'case.answer', {
      caseId: record.id,
      question: 'residency',
      value: 'city',
    });
    expect(answering.text).toContain('This case was withdrawn: it is no longer run.');
    expect((await getCase(h.store.db, record.id))?.answers).toEqual({});
    const history = await caseHistory(h.store.db, record.id);
    expect(history.at(-1)).toMatchObject({ kind: 'withdrawn', actorName: 'Sam Lee' });
    const listed = await click(h.bot, h.connector, people.coordinator, 'case.list', {});
    expect(listed.text).toContain('Withdrawn: started in error');
    // The meeting side panel's list says so too.
    const panel = (await (
      await fetch(`${h.bot.url}/api/conversations/${encodeURIComponent(conversation)}/cases`, {
        headers: { authorization: `Bearer dangerously-local:${people.coordinator.aadObjectId}` },
      })
    ).json()) as { cases: { id: string; standing: string }[] };
    expect(panel.cases.find((item) => item.id === record.id)?.standing).toBe('Withdrawn: started in error');
    // Withdrawn, it is no longer a duplicate: the same case can be started again.
    const again = await click(h.bot, h.connector, people.coordinator, 'case.start', {
      ...startData,
      student: record.student,
      section: 'B',
    });
    expect(again.text).not.toContain('is already in this meeting');
  });

  it('records section C’s route: a further referral is section C with the furtherReferral field for template 2', async () => {
    const form = JSON.stringify(
      (await click(h.bot, h.connector, people.coordinator, 'case.new', { flow: 'cityAddress' })).value,
    );
    expect(form).toContain('"value":"C-further"');
    const further = await startCase('C-further', `CF-${Math.floor(Math.random() * 1e6)}`);
    expect(further.record).toMatchObject({ section: 'C', fields: { furtherReferral: true } });
    const incident = await startCase('C');
    expect(incident.record.section).toBe('C');
    expect(incident.record.fields.furtherReferral).toBeUndefined();
  });

  it('runs a county-address child in a City school to the home partnership, under its own flow', async () => {
    const student = `CA-${Math.floor(Math.random() * 1e6)}`;
    const started = await click(h.bot, h.connector, people.coordinator, 'case.start', {
      flow: 'countyAddress',
      partnership: 'SLIP',
      schoolName: 'Beaumont Leys School',
      student,
    });
    expect(started.text).toContain('In which district does the child live?');
    const [record] = (await casesOfConversation(h.store.db, conversation)).filter(
      (candidate) => candidate.student === student,
    );
    expect(record).toMatchObject({
      flowId: 'countyAddress',
      flowVersion: flows.countyAddress.version,
      section: 'R',
      fields: { schoolName: 'Beaumont Leys School' },
    });
    const caseId = record!.id;
    await click(h.bot, h.connector, people.coordinator, 'case.answer', {
      caseId,
      question: 'homeArea',
      value: 'melton',
    });
    const decided = await click(h.bot, h.connector, people.coordinator, 'case.answer', {
      caseId,
      question: 'concern',
      value: 'possibleEhcp',
    });
    expect(decided.text).toContain('Melton and South Charnwood Inclusion Partnership (MSCIP)');
    expect(decided.text).toContain('What to expect from the partnership');
    expect(decided.text).toContain('has not resulted in the hoped-for outcomes');
    expect(decided.text).toContain('https://www.leicsseips.org/inclusion-forums');
    expect(decided.text).toContain('senaservice@leics.gov.uk');
    expect(decided.text).not.toContain('What to expect from the City');
    expect(await getCase(h.store.db, caseId)).toMatchObject({ outcome: 'R.sena', flowId: 'countyAddress' });
    const listed = await click(h.bot, h.connector, people.coordinator, 'case.list', {});
    expect(listed.text).toContain('** · Beaumont Leys School · county-address child');
  });

  it('prefills the meeting type and date from the meeting’s own details', async () => {
    h.connector.meeting = { title: 'SLIP Panel – November', scheduledStartTime: '2026-11-20T09:30:00Z' };
    const card = await click(h.bot, h.connector, people.coordinator, 'case.new', { flow: 'cityAddress' });
    const input = (id: string) =>
      (card.value.body as { id?: string; value?: string }[]).find((element) => element.id === id);
    expect(input('meetingType')?.value).toBe('panel');
    expect(input('meetingDate')?.value).toBe('2026-11-20');
    expect(input('partnership')?.value).toBe('SLIP');
    delete h.connector.meeting;
  });

  it('starts a case, stores it with its flow version, and updates the same message in place', async () => {
    const { card, record } = await startCase('B', 'JS-2291', 'card-1');
    expect(card.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.text).toContain('Is the student a City of Leicester resident?');
    expect(record).toMatchObject({
      partnership: 'SLIP',
      flowVersion: cityAddressFlow.version,
      cardActivityId: 'card-1',
      fields: { coordinatorName: 'Sam Lee', schoolName: 'Beauchamp College' },
    });
    const updates = h.connector.calls.filter((call) => call.method === 'PUT');
    expect(updates.map((call) => decodeURIComponent(call.path))).toEqual([
      `/v3/conversations/${conversation}/activities/card-1`,
    ]);
  });

  it.each(
    enumerateRoutes(cityAddressFlow).filter(
      (route, i, all) => all.findIndex((other) => other.outcome === route.outcome) === i,
    ),
  )('runs section $section through $path to $outcome', async (route) => {
    const { record, messageId } = await startCase(route.section);
    let card = { text: '' };
    for (const question of route.path) {
      const value = route.answers[question];
      const isChecklist = typeof value === 'object';
      const data = isChecklist
        ? {
            caseId: record.id,
            question,
            ...Object.fromEntries(
              Object.entries(value).map(([item, ticked]) => [`item_${item}`, String(ticked)]),
            ),
          }
        : { caseId: record.id, question, value };
      card = await click(h.bot, h.connector, people.coordinator, 'case.answer', data, messageId);
    }
    const outcome = cityAddressFlow.outcomes[route.outcome];
    expect(card.text).toContain(`Outcome: ${outcome?.label}`);
    expect(card.text).toContain('Our actions');
    for (const email of outcome?.emails ?? [])
      expect(card.text).toContain(
        email.to === 'lps' ? 'to the LPS (Mr Whittingham)' : 'to the school’s key link (Mrs Patel)',
      );
    expect((await getCase(h.store.db, record.id))?.outcome).toBe(route.outcome);
  });

  it('lets the coordinator change an answer and recomputes the outcome', async () => {
    const { record, messageId } = await startCase('A');
    await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.answer',
      { caseId: record.id, question: 'residency', value: 'city' },
      messageId,
    );
    await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.answer',
      { caseId: record.id, question: 'cityBapMember', value: true },
      messageId,
    );
    const change = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.change',
      { caseId: record.id, question: 'residency' },
      messageId,
    );
    expect(change.text).toContain('Change the answer');
    const changed = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.answer',
      { caseId: record.id, question: 'residency', value: 'county' },
      messageId,
    );
    expect(changed.text).toContain('Outcome: County address student');
    const history = await caseHistory(h.store.db, record.id);
    expect(history.map((entry) => entry.kind)).toEqual([
      'created',
      'answered',
      'answered',
      'decided',
      'answered',
      'decided',
    ]);
  });

  it('refuses a panel member who tries to answer, politely and on the card, and changes nothing', async () => {
    const { record, messageId } = await startCase('C');
    h.connector.calls.length = 0;
    const card = await click(
      h.bot,
      h.connector,
      people.member(3),
      'case.answer',
      { caseId: record.id, question: 'residency', value: 'city' },
      messageId,
    );
    expect(card.statusCode).toBe(200);
    expect(card.text).toContain('Only the coordinator can answer the questions.');
    expect((await getCase(h.store.db, record.id))?.answers).toEqual({});
    expect(h.connector.calls.filter((call) => call.method === 'PUT')).toEqual([]);
  });

  it('refuses a coordinator of another partnership', async () => {
    const card = await click(h.bot, h.connector, people.otherCoordinator, 'case.start', {
      ...startData,
      student: 'XP-1',
      section: 'A',
    });
    expect(card.text).toContain('Only a coordinator of SLIP can start its cases.');
  });

  it.each([
    [{ student: 'John Smith' }, inCard(`Student identifier: ${identifierRefusal}`)],
    [
      { schoolId: 'hastings-high-school' },
      'Hastings High School is an HBEP school: choose HBEP, or a SLIP school.',
    ],
    [{ section: '' }, 'What the school has done: choose what the school has done'],
    [{ meetingDate: '2026-02-30' }, 'Date of the meeting: expected a real date'],
  ])('keeps the form and every input with the message beside the field for %j', async (change, message) => {
    const given = { ...startData, section: 'A', student: 'OK-1', ...change };
    const card = await click(h.bot, h.connector, people.coordinator, 'case.start', given);
    expect(card.text).toContain(message);
    const body = card.value.body as { id?: string; value?: string; text?: string; type: string }[];
    const field = Object.keys(change)[0]!;
    const at = body.findIndex((element) => element.id === field);
    // The refusal sits right under the field it is about, not at the top of a tall card.
    expect(at).toBeGreaterThan(0);
    expect(JSON.stringify(body[at + 1])).toContain(message);
    expect(JSON.stringify(body.slice(0, at))).not.toContain(message);
    for (const [id, value] of Object.entries(given))
      if (value !== '') expect(body.find((element) => element.id === id)?.value, id).toBe(value);
  });

  it.each([
    ['john smith', identifierRefusal],
    ['JOHN SMITH', identifierRefusal],
    ['Smith, John', identifierRefusal],
    ['John Smith 2', identifierRefusal],
    ['Sean McDonald', identifierRefusal],
    ["Niamh O'Brien", identifierRefusal],
    ['Mary-Jane Watts', identifierRefusal],
    ['J\u200DS', singleLine],
    ['JS\u20282291', singleLine],
  ])('refuses to start a case for %j, says what is allowed, and stores nothing', async (student, message) => {
    const before = (await casesOfConversation(h.store.db, conversation)).length;
    const card = await click(h.bot, h.connector, people.coordinator, 'case.start', {
      ...startData,
      section: 'A',
      student,
    });
    expect(card.text).toContain(inCard(`Student identifier: ${message}`));
    expect(card.text).toContain('"id":"student"');
    expect((await casesOfConversation(h.store.db, conversation)).length).toBe(before);
  });

  it('starts a case for initials, a reference, or both', async () => {
    for (const student of ['J.S.', 'J. S.', 'JS 2291', 'J.S. (ref 2291)', 'REF-0042', '2291']) {
      await startCase('A', student);
    }
  });

  it('lists the cases of this meeting and shows a case’s history', async () => {
    const { record } = await startCase('A', 'LST-1');
    const list = await click(h.bot, h.connector, people.coordinator, 'case.list', {});
    expect(list.text).toContain('LST\\\\-1');
    expect(list.text).toContain(`"caseId":"${record.id}"`);
    const history = await click(h.bot, h.connector, people.coordinator, 'case.history', {
      caseId: record.id,
    });
    expect(history.text).toContain('Started the case: section A, SLIP.');
    expect(history.text).toContain(`Decided under the flow version ${cityAddressFlow.version}.`);
    const refused = await click(h.bot, h.connector, people.member(1), 'case.history', { caseId: record.id });
    expect(refused.text).toContain('Only the coordinator can see a case’s history.');
  });

  it('answers damaged or unknown card actions with a clear card, never an error', async () => {
    const unknown = await click(h.bot, h.connector, people.coordinator, 'case.explode', {});
    expect(unknown.text).toContain('This button is not one the app knows');
    const damaged = await click(h.bot, h.connector, people.coordinator, 'case.answer', {
      caseId: 'not-a-uuid',
      question: 'residency',
    });
    expect(damaged.text).toContain(
      'This card is out of date or damaged (caseId: expected a case or vote id)',
    );
    const missing = await click(h.bot, h.connector, people.coordinator, 'case.show', {
      caseId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.text).toContain('This case no longer exists.');
  });

  it('refuses requests that are not Teams activities, and tenants not allowed', async () => {
    expect(await post(h.bot, { hello: 'world' })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('Not a Teams activity') },
    });
    const foreign = messageActivity(h.connector, people.coordinator, 'start');
    foreign.conversation.tenantId = 'f0f0f0f0-0000-4000-8000-000000000000';
    foreign.channelData.tenant.id = 'f0f0f0f0-0000-4000-8000-000000000000';
    expect(await post(h.bot, foreign)).toMatchObject({ status: 403 });
  });

  it('logs no student identifiers or names', async () => {
    const logged = h.bot.logs.join('\n');
    expect(logged).not.toMatch(/JS-2291|LST-1|Sam Lee|Mrs Patel|Member \d/);
    expect(logged).toContain('"event":"case.started"');
  });
});
