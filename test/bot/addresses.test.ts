import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHttpAdapter } from '../../bot/http/server.ts';
import { botSeesChat, useBot } from '../helpers/harness.ts';
import { rawRequest } from '../helpers/rawHttp.ts';
import { people } from '../helpers/teams.ts';

/** The transport decodes every path once: an address that cannot be decoded is the caller's mistake. */
describe('malformed addresses', () => {
  const harness = useBot();
  const signedIn = { authorization: `Bearer dangerously-local:${people.coordinator.aadObjectId}` };

  it.each([
    ['GET', '/addin/%E0%A4%A'],
    ['GET', '/api/conversations/%E0%A4%A/cases'],
    ['POST', '/api/conversations/%E0%A4%A/cases'],
    ['GET', '/api/cases/%ZZ'],
    ['GET', '/api/cases/%'],
    ['GET', '/addin/%00'],
    ['GET', '/api/conversations/%00/cases'],
    ['GET', '/api/conversations/19%3Ameeting%00/cases'],
    ['GET', '/addin/%C0%AE%C0%AE/package.json'],
  ])('answers %s %s with 400 and a clear message, logging no error', async (method, path) => {
    const errorsBefore = harness.bot.logs.filter((line) => line.includes('"level":"error"')).length;
    const answer = await rawRequest(`${harness.bot.url}${path}`, {
      method,
      headers: { ...signedIn, 'content-type': 'application/json' },
      ...(method === 'POST'
        ? {
            body: JSON.stringify({
              partnership: 'SLIP',
              schoolId: 'wigston-college',
              student: 'U-1',
              section: 'A',
            }),
          }
        : {}),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.text)).toEqual({
      error: 'The address is not valid: it has a malformed percent-encoding or a control character.',
    });
    expect(harness.bot.logs.filter((line) => line.includes('"level":"error"')).length).toBe(errorsBefore);
  });

  it('still decodes well-formed addresses once: an encoded conversation id finds its cases', async () => {
    await botSeesChat(harness, '19:meeting-é@thread.v2');
    const answer = await rawRequest(
      `${harness.bot.url}/api/conversations/${encodeURIComponent('19:meeting-é@thread.v2')}/cases`,
      { headers: signedIn },
    );
    expect([answer.status, JSON.parse(answer.text)]).toEqual([200, { cases: [] }]);
  });
});

describe('static files under an encoded address', () => {
  let adapter: NodeHttpAdapter;
  let url: string;
  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'static-'));
    writeFileSync(join(folder, 'task pane.html'), '<p>pane</p>');
    adapter = new NodeHttpAdapter({ host: '127.0.0.1', allowedHosts: 'loopback', onError: () => undefined });
    adapter.serveStatic('/addin', folder);
    await adapter.start(0);
    url = `http://127.0.0.1:${adapter.port}`;
  });
  afterAll(() => adapter.stop());

  it('serves a file whose name is percent-encoded, decoded once', async () => {
    const page = await rawRequest(`${url}/addin/task%20p%61ne.html`);
    expect([page.status, page.text]).toEqual([200, '<p>pane</p>']);
    expect((await rawRequest(`${url}/addin/task%2520pane.html`)).status).toBe(404);
  });

  it('refuses a malformed one with 400', async () => {
    expect((await rawRequest(`${url}/addin/task%2`)).status).toBe(400);
  });
});
