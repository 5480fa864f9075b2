import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesOfConversation } from '../../bot/store/cases.ts';
import { NodeHttpAdapter } from '../../bot/http/server.ts';
import { botSeesChat, useBot } from '../helpers/harness.ts';
import { rawRequest } from '../helpers/rawHttp.ts';
import { messageActivity, people } from '../helpers/teams.ts';

/**
 * With DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS the bot acts for whoever reaches it, so a web page the
 * coordinator visits must not be able to reach it: no body a browser sends cross-site without a pre-flight,
 * no Host but loopback (DNS rebinding), and no CORS headers.
 */
describe('local mode refuses requests a web page could make', () => {
  const harness = useBot();
  const agenda = (conversation: string) => `/api/conversations/${encodeURIComponent(conversation)}/cases`;
  const referral = JSON.stringify({
    partnership: 'SLIP',
    schoolId: 'wigston-college',
    student: 'WEB-1',
    section: 'A',
  });

  // The local token the add-in's preview sends; a page cannot send it without a pre-flight, but Teams
  // activities need no token at all in local mode.
  const signedIn = { authorization: `Bearer dangerously-local:${people.coordinator.aadObjectId}` };
  const stored = async (conversation: string) =>
    (await casesOfConversation(harness.store.db, conversation)).map((record) => record.student);

  it('accepts a JSON body, so the refusals below are about the request, not the route', async () => {
    await botSeesChat(harness, '19:allowed@thread.v2');
    const answer = await rawRequest(`${harness.bot.url}${agenda('19:allowed@thread.v2')}`, {
      method: 'POST',
      headers: { ...signedIn, 'content-type': 'application/json; charset=utf-8' },
      body: referral,
    });
    expect(answer.status).toBe(201);
    expect(await stored('19:allowed@thread.v2')).toEqual(['WEB-1']);
  });

  it.each([
    'text/plain',
    'text/plain; x=application/json',
    'text/plain;charset=utf-8;application/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=application/json',
    'application/jsonp',
    'application/json-patch+json',
  ])('refuses a body sent as %s with 415, storing nothing', async (contentType) => {
    const conversation = `19:refused-${contentType.length}@thread.v2`;
    const answer = await rawRequest(`${harness.bot.url}${agenda(conversation)}`, {
      method: 'POST',
      headers: { ...signedIn, 'content-type': contentType },
      body: referral,
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.text)).toEqual({ error: 'Send the request body as application/json.' });
    expect(await stored(conversation)).toEqual([]);
  });

  it('refuses a Teams activity sent as text/plain: a page cannot talk to the bot as the coordinator', async () => {
    const { bot, connector } = harness;
    const before = connector.calls.length;
    const answer = await rawRequest(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; x=application/json' },
      body: JSON.stringify(messageActivity(connector, people.coordinator, 'start')),
    });
    expect(answer.status).toBe(415);
    expect(connector.calls.length).toBe(before);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'refuses a %s without a body unless it says application/json',
    async (method) => {
      for (const path of ['/api/messages', agenda('19:empty@thread.v2'), '/api/cases/x/emails']) {
        for (const headers of [signedIn, { ...signedIn, 'content-type': 'text/plain' }]) {
          const answer = await rawRequest(`${harness.bot.url}${path}`, { method, headers });
          expect([path, answer.status]).toEqual([path, 415]);
        }
      }
    },
  );

  it.each([
    'evil.example',
    'evil.example:3978',
    '127.0.0.1.evil.example',
    'localhost.evil.example',
    '0.0.0.0',
    '192.168.1.20:3978',
    '',
  ])('refuses the Host %j (DNS rebinding) before doing anything', async (host) => {
    const conversation = `19:host-${host}@thread.v2`;
    const answer = await rawRequest(`${harness.bot.url}${agenda(conversation)}`, {
      method: 'POST',
      headers: { ...signedIn, host, 'content-type': 'application/json' },
      body: referral,
    });
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.text)).toEqual({
      error: 'This local bot answers only requests addressed to localhost, 127.0.0.1 or [::1].',
    });
    expect(await stored(conversation)).toEqual([]);
    const read = await rawRequest(`${harness.bot.url}/api/cases`, { headers: { ...signedIn, host } });
    expect(read.status).toBe(421);
  });

  it.each(['localhost', 'LOCALHOST:3978', '127.0.0.1', '127.0.0.1:56150', '[::1]', '[::1]:3978'])(
    'accepts the loopback Host %j',
    async (host) => {
      const answer = await rawRequest(`${harness.bot.url}/api/cases`, { headers: { ...signedIn, host } });
      expect(answer.status).toBe(200);
    },
  );

  it('never sends CORS headers, not even to a pre-flight', async () => {
    const origin = 'https://evil.example';
    for (const path of ['/api/messages', '/api/cases', '/addin/preview.html', '/healthz']) {
      const preflight = await rawRequest(`${harness.bot.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBeGreaterThanOrEqual(400);
      const plain = await rawRequest(`${harness.bot.url}${path}`, { headers: { origin } });
      for (const answer of [preflight, plain]) {
        expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      }
    }
  });
});

describe('the Host check is the transport’s option', () => {
  let adapters: NodeHttpAdapter[] = [];
  const started = async (allowedHosts: 'loopback' | 'any') => {
    const adapter = new NodeHttpAdapter({ host: '127.0.0.1', allowedHosts, onError: () => undefined });
    adapter.route('GET', '/ping', async () => ({ status: 200, body: { ok: true } }));
    await adapter.start(0);
    adapters.push(adapter);
    return `http://127.0.0.1:${adapter.port}`;
  };
  beforeAll(() => {
    adapters = [];
  });
  afterAll(async () => {
    await Promise.all(adapters.map((adapter) => adapter.stop()));
  });

  it('serves any Host in production, where the App Service’s name is the Host', async () => {
    const url = await started('any');
    expect(
      (await rawRequest(`${url}/ping`, { headers: { host: 'inclpart-app.azurewebsites.net' } })).status,
    ).toBe(200);
  });

  it('serves loopback Hosts only when asked to', async () => {
    const url = await started('loopback');
    expect(
      (await rawRequest(`${url}/ping`, { headers: { host: 'inclpart-app.azurewebsites.net' } })).status,
    ).toBe(421);
    expect((await rawRequest(`${url}/ping`)).status).toBe(200);
  });
});
