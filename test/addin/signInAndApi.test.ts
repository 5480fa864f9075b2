import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../addin/shared/api/client.ts';
import { createSignIn, SignInError } from '../../addin/shared/auth/signIn.ts';
import { createMailHost } from '../../addin/outlook/office/mailHost.ts';
import { fakeOffice } from './fakeOffice.ts';

const entra = {
  kind: 'entra' as const,
  clientId: 'app-id',
  authority: 'https://login.example/tenant',
  scopes: ['api://app-id/Cases.ReadWrite'],
};

describe('signing in', () => {
  it('falls back to the Office dialog where nested app authentication is not supported', async () => {
    const { office } = fakeOffice({ requirements: { Mailbox: '1.13' } });
    const host = createMailHost(office);
    const opened: string[] = [];
    const token = await createSignIn(
      entra,
      { ...host, openDialog: async (url) => (opened.push(url), JSON.stringify({ token: 'from-dialog' })) },
      'https://addin.example',
    );
    expect(await token()).toBe('from-dialog');
    // The token is kept, so the dialog does not open for every request.
    expect(await token()).toBe('from-dialog');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toBe(
      'https://addin.example/addin/dialog.html?clientId=app-id&authority=https%3A%2F%2Flogin.example%2Ftenant&scopes=api%3A%2F%2Fapp-id%2FCases.ReadWrite',
    );
  });

  it('reports a failed dialog sign-in as a SignInError with the reason', async () => {
    const host = createMailHost(fakeOffice({ requirements: { Mailbox: '1.13' } }).office);
    const token = await createSignIn(
      entra,
      { ...host, openDialog: async () => JSON.stringify({ error: 'AADSTS50105: not assigned' }) },
      'https://addin.example',
    );
    await expect(token()).rejects.toEqual(new SignInError('Signing in failed: AADSTS50105: not assigned'));
  });

  it('uses the stand-in user only in the local preview', async () => {
    const host = createMailHost(fakeOffice().office);
    const token = await createSignIn(
      { kind: 'dangerouslyLocal', user: { id: 'u-1', name: 'Alex' } },
      host,
      'http://localhost',
    );
    expect(await token()).toBe('dangerously-local:u-1');
  });
});

describe('the API client', () => {
  let server: Server;
  let base: string;
  const answers: Record<string, [number, unknown]> = {
    '/api/cases': [200, { cases: [{ id: 'c1' }], nextCursor: '1_c1' }],
    '/api/cases?search=J.S.+2291&cursor=1_c1': [200, { cases: [{ id: 'c2' }], nextCursor: null }],
    '/api/cases/expired': [401, { error: 'Your sign-in has expired: sign in again.' }],
    '/api/cases/other': [403, { error: 'Only partnership coordinators can use the add-in.' }],
    '/api/cases/broken': [500, { error: 'stack trace here' }],
  };
  beforeAll(async () => {
    server = createServer((request, response) => {
      const [status, body] = answers[request.url ?? ''] ?? [404, { error: 'No such case.' }];
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ...(body as object), authorization: request.headers.authorization }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the token and returns the data', async () => {
    const api = createApiClient(base, async () => 'token-1');
    expect(await api.cases()).toEqual({
      cases: [{ id: 'c1' }],
      nextCursor: '1_c1',
      authorization: 'Bearer token-1',
    });
  });

  it('asks for a search and the next page in the query', async () => {
    const api = createApiClient(base, async () => 'token-1');
    expect(await api.cases({ search: ' J.S. 2291 ', cursor: '1_c1' })).toMatchObject({
      cases: [{ id: 'c2' }],
      nextCursor: null,
    });
  });

  it.each([
    ['expired', 'signInNeeded', 'Your sign-in has expired: sign in again.'],
    ['other', 'forbidden', 'Only partnership coordinators can use the add-in.'],
    ['missing', 'notFound', 'No such case.'],
    ['broken', 'serverError', 'The service had a problem; nothing was changed. Try again in a minute.'],
  ])('turns %s into a typed error a coordinator can read', async (id, reason, message) => {
    const api = createApiClient(base, async () => 'token-1');
    await expect(api.case(id)).rejects.toEqual(Object.assign(new ApiError(reason as never, message), {}));
  });

  it('says when the service cannot be reached', async () => {
    const api = createApiClient('http://127.0.0.1:9', async () => 'token-1');
    await expect(api.cases()).rejects.toMatchObject({
      reason: 'unreachable',
      message: expect.stringContaining('cannot be reached'),
    });
  });
});
