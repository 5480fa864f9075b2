import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiAuthenticator } from '../../bot/http/apiAuth.ts';
import {
  apiToken,
  CLIENT_ID,
  localKeys,
  people,
  startConnector,
  TENANT_ID,
  testConfig,
  type MockConnector,
} from '../helpers/teams.ts';

/**
 * The add-in API's token checks on their own (api.test.ts makes the same requests through the bot): each claim
 * the check reads, wrong in one way at a time. The mock connector serves the signing keys, as Entra does.
 */

const PARTNER_TENANT = 'b2b2b2b2-5555-4666-8777-888888888888';
const OTHER_TENANT = 'f0f0f0f0-0000-4000-8000-000000000000';

/** What the add-in shows for each refusal. */
const messages: Record<string, string[]> = {
  noToken: ['Sign in to use the add-in: the request had no access token.'],
  invalidToken: ['The access token is not valid for this app.', 'The access token names no user.'],
  expiredToken: ['Your sign-in has expired: sign in again.'],
  tenantNotAllowed: ['Your organisation is not allowed to use this app.'],
  missingScope: ['The access token does not grant Cases.ReadWrite.'],
};

describe('the add-in API’s access token checks', () => {
  let connector: MockConnector;
  let keys: Awaited<ReturnType<typeof localKeys>>;

  const token = (claims: Parameters<typeof apiToken>[2] = {}, key?: Parameters<typeof apiToken>[3]) =>
    apiToken(keys, connector, claims, key);
  const bearer = async (claims: Parameters<typeof apiToken>[2] = {}) => `Bearer ${await token(claims)}`;

  // Made afresh for each check, inside the test: a mutant is switched on per test, not in beforeAll.
  const authenticate = (authorization: string | undefined) =>
    createApiAuthenticator(
      testConfig({
        auth: { kind: 'entra', clientId: CLIENT_ID, tenantId: TENANT_ID },
        allowedTenantIds: [TENANT_ID, PARTNER_TENANT],
        api: {
          clientId: CLIENT_ID,
          audience: `api://${CLIENT_ID}`,
          scope: 'Cases.ReadWrite',
          loginEndpoint: connector.url,
        },
      }),
    )(authorization);

  /** A token with exactly these claims, for the claims apiToken always sets. */
  const rawToken = (claims: Record<string, unknown>) =>
    new SignJWT({ tid: TENANT_ID, scp: 'Cases.ReadWrite', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(`${connector.url}/${TENANT_ID}/v2.0`)
      .setAudience(`api://${CLIENT_ID}`)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(keys.privateKey);

  beforeAll(async () => {
    connector = await startConnector();
    keys = await localKeys(connector);
  });
  afterAll(async () => {
    await connector.close();
  });

  it('accepts a token of an allowed tenant for this API, and says who it names', async () => {
    expect(await authenticate(await bearer())).toEqual({
      ok: true,
      principal: {
        id: people.coordinator.aadObjectId,
        tenantId: TENANT_ID,
        name: 'Sam Lee',
        guest: false,
        roles: [],
      },
    });
    // The app id is an audience too, "bearer" in any case, and a second allowed tenant with its own issuer.
    const partner = await authenticate(
      `bearer ${await token({ aud: CLIENT_ID, tid: PARTNER_TENANT, acct: 1, roles: ['Partnerships.Admin'] })}`,
    );
    expect(partner).toMatchObject({
      ok: true,
      principal: { tenantId: PARTNER_TENANT, guest: true, roles: ['Partnerships.Admin'] },
    });
  });

  it.each([
    ['no header', async () => undefined, 'noToken', 401],
    ['an empty bearer', async () => 'Bearer ', 'noToken', 401],
    ['a token without "Bearer"', async () => token(), 'noToken', 401],
    ['two tokens', async () => `Bearer ${await token()} ${await token()}`, 'noToken', 401],
    [
      'a forged token',
      async () => `Bearer ${await token({}, (await generateKeyPair('RS256')).privateKey)}`,
      'invalidToken',
      401,
    ],
    ['an expired token', async () => bearer({ exp: '-5m' }), 'expiredToken', 401],
    ['a token for another API', async () => bearer({ aud: 'api://someone-else' }), 'invalidToken', 401],
    [
      'a token from a tenant that is not allowed',
      async () => bearer({ tid: OTHER_TENANT }),
      'tenantNotAllowed',
      403,
    ],
    [
      'an allowed tenant’s token issued by another tenant',
      async () => bearer({ iss: `${connector.url}/${OTHER_TENANT}/v2.0` }),
      'tenantNotAllowed',
      403,
    ],
    [
      'an allowed tenant’s token issued by another authority',
      async () => bearer({ iss: `https://login.example/${TENANT_ID}/v2.0` }),
      'tenantNotAllowed',
      403,
    ],
    ['a token without the scope', async () => bearer({ scp: 'User.Read' }), 'missingScope', 403],
    [
      'a token with the scope’s name inside another',
      async () => bearer({ scp: 'Cases.ReadWrite.All' }),
      'missingScope',
      403,
    ],
    ['a token that names no user', async () => bearer({ oid: '' }), 'invalidToken', 401],
    [
      'a token without a user',
      async () => `Bearer ${await rawToken({ name: 'Sam Lee' })}`,
      'invalidToken',
      401,
    ],
    ['a token after another scheme', async () => `Token Bearer ${await token()}`, 'noToken', 401],
  ])('refuses %s', async (_name, header, reason, status) => {
    const result = await authenticate(await header());
    expect(result).toMatchObject({ ok: false, error: { reason, status } });
    if (!result.ok) expect(messages[reason]).toContain(result.error.message);
  });

  it('reads the claims it does not require with care: a missing name, roles that are not text', async () => {
    const oid = people.coordinator.aadObjectId;
    expect(await authenticate(`Bearer  ${await rawToken({ oid })}`)).toMatchObject({
      ok: true,
      principal: { id: oid, name: 'Coordinator', guest: false, roles: [] },
    });
    expect(
      await authenticate(`Bearer ${await rawToken({ oid, roles: [7, 'Partnerships.Admin'] })}`),
    ).toMatchObject({
      ok: true,
      principal: { roles: ['Partnerships.Admin'] },
    });
    expect(
      await authenticate(`Bearer ${await rawToken({ oid, roles: 'Partnerships.Admin' })}`),
    ).toMatchObject({
      ok: true,
      principal: { roles: [] },
    });
  });

  it('accepts a token whose scopes include the API’s among others', async () => {
    expect(await authenticate(await bearer({ scp: 'User.Read Cases.ReadWrite' }))).toMatchObject({
      ok: true,
    });
  });

  it('in local mode, acts only as the user a stand-in token names', async () => {
    const local = createApiAuthenticator(testConfig());
    expect(await local('Bearer dangerously-local:someone')).toEqual({
      ok: true,
      principal: { id: 'someone', tenantId: 'local', name: 'Local user', guest: false, roles: [] },
    });
    expect(await local('dangerously-local:someone')).toMatchObject({
      ok: true,
      principal: { id: 'someone' },
    });
    expect(await local(`Bearer ${await token()}`)).toMatchObject({ ok: false, error: { reason: 'noToken' } });
    expect(await local('Bearer   dangerously-local:someone')).toMatchObject({
      ok: true,
      principal: { id: 'someone' },
    });
    expect(await local(undefined)).toEqual({
      ok: false,
      error: { reason: 'noToken', status: 401, message: 'Sign in to use the add-in.' },
    });
  });
});
