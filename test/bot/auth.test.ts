import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../helpers/databases.ts';
import {
  CLIENT_ID,
  localKeys,
  messageActivity,
  people,
  post,
  startConnector,
  startTestBot,
  TENANT_ID,
  type MockConnector,
  type TestBot,
} from '../helpers/teams.ts';

describe('the bot validates every Teams request', () => {
  let store: TestDatabase;
  let connector: MockConnector;
  let bot: TestBot;
  let keys: Awaited<ReturnType<typeof localKeys>>;
  let outgoingToken: string;

  beforeAll(async () => {
    store = await freshPglite();
    connector = await startConnector();
    keys = await localKeys(connector);
    // The bot's own token for calling Teams back; the SDK reads its expiry, so it is a real JWT.
    outgoingToken = await keys.sign({ aud: 'https://api.botframework.com' });
    bot = await startTestBot(
      store.db,
      { auth: { kind: 'entra', clientId: CLIENT_ID, tenantId: TENANT_ID } },
      { cloud: keys.cloud, token: () => outgoingToken },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    await store.drop();
  });

  const hello = () => messageActivity(connector, people.coordinator, 'help');

  it('accepts a token signed by the published key set, and replies with the bot’s own token', async () => {
    connector.calls.length = 0;
    const response = await post(bot, hello(), await keys.sign({}));
    expect(response.status).toBe(200);
    const reply = connector.calls.find((call) => call.method === 'POST');
    expect(reply?.authorization).toBe(`Bearer ${outgoingToken}`);
  });

  it.each([
    ['no token', async () => undefined],
    ['a forged token', async () => keys.forge()],
    ['a token for another app (wrong audience)', async () => keys.sign({ aud: 'someone-else' })],
    ['an expired token', async () => keys.sign({ expiresIn: '-20m' })],
    ['a token from another issuer', async () => keys.sign({ iss: 'https://issuer.example' })],
    ['a token for another service URL', async () => keys.sign({ serviceurl: 'https://elsewhere.example' })],
    ['a string that is not a token', async () => 'not.a.token'],
  ])('refuses %s with 401 and sends nothing', async (_name, token) => {
    connector.calls.length = 0;
    const response = await post(bot, hello(), await token());
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).not.toMatch(/at .+\.(js|ts):\d+/);
    expect(connector.calls).toEqual([]);
  });

  it('refuses a valid token from a tenant that is not allowed, with 403', async () => {
    const activity = hello();
    activity.conversation.tenantId = 'f0f0f0f0-0000-4000-8000-000000000000';
    activity.channelData.tenant.id = 'f0f0f0f0-0000-4000-8000-000000000000';
    const response = await post(bot, activity, await keys.sign({}));
    expect(response).toMatchObject({
      status: 403,
      body: { error: 'This organisation is not allowed to use the Inclusion Partnerships bot.' },
    });
  });

  it('answers bad request bodies with a clear 4xx message', async () => {
    const notJson = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'The request body is not valid JSON.' });
    const huge = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(300_000) }),
    });
    expect(huge.status).toBe(413);
    const wrongMethod = await fetch(`${bot.url}/api/messages`);
    expect(wrongMethod.status).toBe(405);
  });
});
