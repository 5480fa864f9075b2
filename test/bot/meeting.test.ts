import { describe, expect, it } from 'vitest';
import { createCase } from '../../bot/store/cases.ts';
import { newCase } from '../helpers/cases.ts';
import { click, messageActivity, people, post } from '../helpers/teams.ts';
import { useBot } from '../helpers/harness.ts';

describe('when the meeting starts', () => {
  const harness = useBot();

  it('posts the agenda of the meeting’s cases in the meeting chat, and only its own partnerships’', async () => {
    const { bot, connector, store } = harness;
    await click(bot, connector, people.coordinator, 'case.start', {
      partnership: 'SLIP',
      schoolId: 'wigston-college',
      student: 'AG-1',
      section: 'A',
    });
    // Put in this chat without its coordinator being here (as the old API allowed): not on this agenda.
    await createCase(
      store.db,
      newCase({ conversationId: '19:meeting-a@thread.v2', student: 'ZZ-9', partnership: 'HBEP' }),
      { id: 'c', name: 'C' },
    );
    connector.calls.length = 0;
    const started = {
      ...messageActivity(connector, people.coordinator, ''),
      type: 'event',
      name: 'application/vnd.microsoft.meetingStart',
      text: undefined,
      value: { Id: 'meeting-1', StartTime: '2026-11-20T09:30:00Z' },
    };
    expect((await post(bot, started)).status).toBe(200);
    const sent = connector.calls
      .filter((call) => call.method === 'POST')
      .map((call) => JSON.stringify(call.body));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Today’s agenda');
    expect(sent[0]).toContain('AG\\\\-1');
    expect(sent[0]).not.toContain('ZZ');
  });

  // Teams sends meetingStart only for scheduled meetings: in any other, the coordinator posts it by hand.
  it('posts the same agenda on the `agenda` command, and says so when there is none', async () => {
    const { bot, connector } = harness;
    connector.calls.length = 0;
    expect((await post(bot, messageActivity(connector, people.coordinator, 'agenda'))).status).toBe(200);
    const sent = connector.calls
      .filter((call) => call.method === 'POST')
      .map((call) => JSON.stringify(call.body));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Today’s agenda');
    expect(sent[0]).toContain('AG\\\\-1');
    expect(sent[0]).not.toContain('ZZ');

    connector.calls.length = 0;
    const elsewhere = {
      ...messageActivity(connector, people.coordinator, 'agenda'),
      conversation: { id: '19:empty@thread.v2', conversationType: 'groupChat' },
    };
    await post(bot, elsewhere);
    const none = connector.calls
      .filter((call) => call.method === 'POST')
      .map((call) => JSON.stringify(call.body));
    expect(none[0]).toContain('No cases have been added for this meeting yet.');

    // Anyone else is told, privately, that the agenda is a coordinator's to post; the chat sees nothing.
    connector.calls.length = 0;
    await post(bot, messageActivity(connector, people.member(3), 'agenda'));
    const posted = connector.calls.filter((call) => call.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.search).toBe('?isTargetedActivity=true');
    expect(JSON.stringify(posted[0]?.body)).toContain('Only coordinators can post the agenda.');
    expect(JSON.stringify(posted[0]?.body)).not.toContain('AG');
  });
});
