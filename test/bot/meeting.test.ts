import { describe, expect, it } from 'vitest';
import { createCase } from '../../bot/store/cases.ts';
import { newCase } from '../helpers/cases.ts';
import { messageActivity, people, post } from '../helpers/teams.ts';
import { useBot } from '../helpers/harness.ts';

describe('when the meeting starts', () => {
  const harness = useBot();

  it('posts the agenda of the meeting’s cases in the meeting chat', async () => {
    const { bot, connector, store } = harness;
    await createCase(store.db, newCase({ conversationId: '19:meeting-a@thread.v2', student: 'AG-1' }), {
      id: 'c',
      name: 'C',
    });
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
  });
});
