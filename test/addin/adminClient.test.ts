import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  createAdminApi,
  InvalidSettingsError,
  StaleSettingsError,
} from '../../addin/shared/api/client.ts';

/** The Administration page's calls against a small stand-in for the bot that answers as it is told. */
describe('the Administration API client', () => {
  let server: Server;
  let url: string;
  let answer: { status: number; body: unknown } = { status: 200, body: {} };
  const seen: { method: string; path: string; headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const api = () => createAdminApi(url, async () => 'the-token');
  const county = { contacts: {}, links: {}, allowedRecipientDomains: [] } as never;

  it('sends a change whole, signed in, with If-Match: "<version>"', async () => {
    answer = { status: 200, body: { value: county, version: 4 } };
    await expect(api().saveCounty(county, 3)).resolves.toEqual({ value: county, version: 4 });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'PUT', path: '/api/admin/county' });
    expect(last.headers['if-match']).toBe('"3"');
    expect(last.headers.authorization).toBe('Bearer the-token');
    expect(last.headers['content-type']).toBe('application/json');
    expect(JSON.parse(last.body)).toEqual(county);
  });

  it('addresses a partnership by its id, and unwraps the history and the people seen', async () => {
    answer = { status: 200, body: { value: { id: 'SLIP' }, version: 2 } };
    await api().savePartnership({ id: 'SLIP' } as never, 1);
    expect(seen.at(-1)?.path).toBe('/api/admin/partnerships/SLIP');
    answer = { status: 200, body: { entries: [{ id: 7 }] } };
    await expect(api().history('county')).resolves.toEqual([{ id: 7 }]);
    expect(seen.at(-1)?.path).toBe('/api/admin/history?about=county');
    answer = { status: 200, body: { people: [{ aadObjectId: 'x', name: 'Priya Shah' }] } };
    await expect(api().peopleSeen('SLIP')).resolves.toEqual([{ aadObjectId: 'x', name: 'Priya Shah' }]);
    expect(seen.at(-1)?.path).toBe('/api/admin/partnerships/SLIP/people-seen');
  });

  it('turns a 400 into the problems with their paths', async () => {
    const problems = [{ path: 'panel.2.schoolId', message: '"x" is not a school of SLIP' }];
    answer = { status: 400, body: { error: 'panel.2.schoolId: "x" is not a school of SLIP', problems } };
    const error = await api()
      .savePartnership({ id: 'SLIP' } as never, 1)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidSettingsError);
    expect((error as InvalidSettingsError).problems).toEqual(problems);
    expect((error as InvalidSettingsError).reason).toBe('invalid');
  });

  it('turns a 409 into the current document', async () => {
    answer = { status: 409, body: { error: 'stale', current: { value: county, version: 9 } } };
    const error = await api()
      .saveCounty(county, 3)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StaleSettingsError);
    expect((error as StaleSettingsError).current).toEqual({ value: county, version: 9 });
    expect((error as StaleSettingsError).message).toMatch(/^Someone else changed this since you opened it/);
  });

  it('explains a 428 and keeps the other answers as every page shows them', async () => {
    answer = { status: 428, body: { error: 'Send the version' } };
    await expect(api().saveCounty(county, 3)).rejects.toMatchObject({
      reason: 'rejected',
      message: expect.stringMatching(/without the version it was based on/),
    });
    answer = { status: 403, body: { error: 'Only an administrator can change the County contacts.' } };
    await expect(api().saveCounty(county, 3)).rejects.toMatchObject({
      reason: 'forbidden',
      message: 'Only an administrator can change the County contacts.',
    });
    answer = { status: 500, body: { error: 'stack trace here' } };
    const error = await api()
      .view()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).not.toContain('stack');
  });
});
