import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { fileURLToPath } from 'node:url';
import type { BotConfig } from '../bot/config.ts';
import { defaultIdentifierRule } from '../src/cases/identifier.ts';
import { startBot, type RunningBot } from '../bot/start.ts';
import type { Database } from '../bot/store/database.ts';

/**
 * Drives the bot over loopback HTTP exactly as Teams would: activities are POSTed to /api/messages with the
 * mock connector as their serviceUrl, and the connector records every call the bot makes back to Teams.
 */

export interface ConnectorCall {
  method: string;
  path: string;
  /** The query string, e.g. "?isTargetedActivity=true" for a message shown to one person only. */
  search: string;
  body: unknown;
  authorization?: string;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId?: string;
  userRole?: string;
}

export interface MockConnector {
  url: string;
  calls: ConnectorCall[];
  /** The chat's members, for every chat without its own roster below. */
  roster: RosterMember[];
  /**
   * Chats with a roster of their own. Asked about one person, Teams answers from these strictly (404 for anyone
   * else); in any other chat it answers that the person is a member of the tenant, as it does for whoever clicked.
   */
  rosters: Record<string, RosterMember[]>;
  meeting?: { title: string; scheduledStartTime: string };
  /** The most members a page of the paged member list holds (Teams: 500); smaller to test paging. */
  pageSize?: number;
  /** The JSON Web Key Set served at /v1/.well-known/keys for token validation tests. */
  jwks: { keys: JWK[] };
  /**
   * Signs the token a bot asks its managed identity for, served as App Service's identity endpoint does
   * (/msi/token, for a spawned bot given IDENTITY_ENDPOINT): set by `localKeys`.
   */
  issueToken?: (resource: string) => Promise<string>;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startConnector(): Promise<MockConnector> {
  let next = 1;
  const connector: Omit<MockConnector, 'url' | 'close'> = {
    calls: [],
    roster: [],
    rosters: {},
    jwks: { keys: [] },
  };
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await bodyOf(request);
    const reply = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    };
    if (url.pathname === '/v1/.well-known/openidconfiguration')
      return reply(200, { jwks_uri: `${connectorUrl}/v1/.well-known/keys` });
    if (url.pathname === '/v1/.well-known/keys') return reply(200, connector.jwks);
    if (url.pathname === '/msi/token') {
      const resource = url.searchParams.get('resource') ?? '';
      if (!connector.issueToken || request.headers['x-identity-header'] !== identityHeader)
        return reply(400, { error: 'no managed identity here' });
      return reply(200, {
        access_token: await connector.issueToken(resource),
        expires_on: String(Math.floor(Date.now() / 1000) + 7200),
        resource,
        token_type: 'Bearer',
      });
    }
    // Entra's published keys, for the add-in API's tokens.
    if (url.pathname === '/common/discovery/v2.0/keys') return reply(200, connector.jwks);
    connector.calls.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      body,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    });
    const chat = /\/v3\/conversations\/([^/]+)\/(?:paged)?members(?:\/([^/]+))?$/i.exec(url.pathname);
    if (chat) {
      const conversationId = decodeURIComponent(chat[1] ?? '');
      const own = connector.rosters[conversationId];
      if (!chat[2] && /\/pagedmembers$/i.test(url.pathname)) {
        // Teams' paged member list: pages of `pageSize` with a continuation token until the last.
        const all = own ?? connector.roster;
        const size = Math.min(Number(url.searchParams.get('pageSize') ?? 200), connector.pageSize ?? 500);
        const start = Number(url.searchParams.get('continuationToken') ?? 0);
        const next = start + size;
        return reply(200, {
          members: all.slice(start, next),
          ...(next < all.length ? { continuationToken: String(next) } : {}),
        });
      }
      if (!chat[2]) return reply(200, own ?? connector.roster);
      const memberId = decodeURIComponent(chat[2]);
      const found = (own ?? connector.roster).find(
        (member) => member.aadObjectId === memberId || member.id === memberId,
      );
      if (found) return reply(200, { userRole: 'user', ...found });
      return own
        ? reply(404, { error: { code: 'MemberNotFoundInConversation' } })
        : // Asked by Teams id, it cannot know the object id here, so it says none.
          reply(
            200,
            memberId.startsWith('29:')
              ? { id: memberId, name: 'Member', userRole: 'user' }
              : { id: `29:${memberId}`, aadObjectId: memberId, name: 'Member', userRole: 'user' },
          );
    }
    if (/\/v1\/meetings\/[^/]+$/.test(url.pathname)) {
      return connector.meeting
        ? reply(200, { details: connector.meeting })
        : reply(404, { error: { code: 'NotFound' } });
    }
    if (request.method === 'POST' && /\/activities$/.test(url.pathname))
      return reply(200, { id: `sent-${next++}` });
    if (request.method === 'PUT' && /\/activities\/[^/]+$/.test(url.pathname))
      return reply(200, { id: url.pathname.split('/').pop() });
    reply(404, { error: { code: 'NotFound', message: `No mock for ${request.method} ${url.pathname}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const connectorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(connector, {
    url: connectorUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** The secret App Service gives a process for its identity endpoint (IDENTITY_HEADER). */
const identityHeader = 'local-identity-header';

export const CLIENT_ID = 'b0b0b0b0-1111-4222-8333-444444444444';
export const TENANT_ID = 'a1a1a1a1-5555-4666-8777-888888888888';
export const TOKEN_ISSUER = 'https://api.botframework.com';

/** A local key set standing in for Bot Framework's, with a signer for tokens as Teams would send them. */
export async function localKeys(connector: MockConnector) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  connector.jwks.keys.push(jwk);
  const forger = await generateKeyPair('RS256');
  const sign = async (
    claims: { aud?: string; iss?: string; serviceurl?: string; expiresIn?: string },
    key = privateKey,
  ) =>
    new SignJWT({ serviceurl: claims.serviceurl ?? connector.url })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(claims.iss ?? TOKEN_ISSUER)
      .setAudience(claims.aud ?? CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime(claims.expiresIn ?? '10m')
      .sign(key);
  connector.issueToken = (resource) => sign({ aud: resource, expiresIn: '2h' });
  return {
    sign,
    privateKey,
    /** A token of the right shape signed by a key Teams never published. */
    forge: () => sign({}, forger.privateKey),
    cloud: withOverrides(PUBLIC, {
      openIdMetadataUrl: `${connector.url}/v1/.well-known/openidconfiguration`,
      tokenIssuer: TOKEN_ISSUER,
    }),
  };
}

export const rolesFile = fileURLToPath(new URL('./roles.test.json', import.meta.url));

export function testConfig(overrides: Partial<BotConfig> = {}): BotConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    auth: { kind: 'dangerouslyUnauthenticated' },
    allowedTenantIds: [TENANT_ID],
    database: { kind: 'pglite', dataDir: '' },
    directoryFile: fileURLToPath(new URL('../config/directory.json', import.meta.url)),
    rolesFile,
    admin: { objectIds: [], appRole: 'Partnerships.Admin' },
    retentionYears: 7,
    purgeHourUtc: null,
    logLevel: 'info',
    api: {
      clientId: CLIENT_ID,
      audience: `api://${CLIENT_ID}`,
      scope: 'Cases.ReadWrite',
      loginEndpoint: 'https://login.microsoftonline.com',
    },
    studentIdentifier: defaultIdentifierRule,
    cloud: PUBLIC,
    ...overrides,
  };
}

export interface TestBot extends RunningBot {
  logs: string[];
}

/**
 * Appends a bot's log lines to the suite-wide folder the log scan reads (when the suite runs). The file is made
 * when the bot starts, so the scan can tell a run that started no bot from bots whose logs went missing.
 */
export function suiteLog(name: string): (line: string) => void {
  const folder = process.env.TEST_LOG_DIR;
  const file = `${folder}/${name}-${process.pid}.log`;
  if (folder) appendFileSync(file, '');
  return (line) => {
    if (folder) appendFileSync(file, `${line}\n`);
  };
}

export async function startTestBot(
  db: Database,
  overrides: Partial<BotConfig> = {},
  options: Parameters<typeof startBot>[1] = {},
): Promise<TestBot> {
  const logs: string[] = [];
  const toSuite = suiteLog('bot');
  const bot = await startBot(testConfig(overrides), {
    db,
    logSink: (line) => {
      logs.push(line);
      toSuite(line);
    },
    ...options,
  });
  return Object.assign(bot, { logs });
}

/** People in the test roles file and chats. */
export const people = {
  coordinator: { id: '29:coordinator', name: 'Sam Lee', aadObjectId: 'c0000000-0000-4000-8000-000000000001' },
  otherCoordinator: {
    id: '29:other-coordinator',
    name: 'Jo Hart',
    aadObjectId: 'c0000000-0000-4000-8000-000000000002',
  },
  member: (i: number) => ({
    id: `29:member-${i}`,
    name: `Member ${i}`,
    aadObjectId: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }),
  guest: { id: '29:guest', name: 'Visiting Guest', aadObjectId: 'd0000000-0000-4000-8000-000000000009' },
};

export interface Person {
  id: string;
  name: string;
  aadObjectId?: string;
}

const base = (connector: MockConnector, from: Person, conversationId: string) => ({
  channelId: 'msteams',
  serviceUrl: connector.url,
  from,
  recipient: { id: '28:bot', name: 'Inclusion Partnerships' },
  conversation: { id: conversationId, conversationType: 'groupChat', tenantId: TENANT_ID, isGroup: true },
  channelData: { tenant: { id: TENANT_ID }, meeting: { id: `meeting-${conversationId}` } },
  locale: 'en-GB',
  timestamp: new Date().toISOString(),
});

let activityNumber = 0;

export function messageActivity(
  connector: MockConnector,
  from: Person,
  text: string,
  conversationId = '19:meeting-a@thread.v2',
) {
  return {
    ...base(connector, from, conversationId),
    type: 'message',
    id: `incoming-${++activityNumber}`,
    text,
  };
}

export function invokeActivity(
  connector: MockConnector,
  from: Person,
  verb: string,
  data: Record<string, unknown>,
  messageId: string,
  conversationId = '19:meeting-a@thread.v2',
) {
  return {
    ...base(connector, from, conversationId),
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `incoming-${++activityNumber}`,
    replyToId: messageId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/**
 * A bot reached over HTTP; one that validates Teams' tokens (a spawned process given the local key set) says
 * how to get one, and every activity posted to it carries a fresh one.
 */
export type ReachableBot = Pick<RunningBot, 'url'> & { teamsToken?: () => Promise<string> };

/**
 * The environment that makes a spawned bot validate every Teams token against the local key set (published
 * by the mock connector) and get its own tokens for replies from the connector's stand-in for App Service's
 * managed identity endpoint, as it does in Azure.
 */
export function validatingEnvironment(connector: MockConnector): Record<string, string> {
  return {
    DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: '',
    CLIENT_ID,
    TENANT_ID,
    MANAGED_IDENTITY_CLIENT_ID: CLIENT_ID,
    BOT_OPENID_METADATA_URL: `${connector.url}/v1/.well-known/openidconfiguration`,
    ENTRA_LOGIN_ENDPOINT: connector.url,
    IDENTITY_ENDPOINT: `${connector.url}/msi/token`,
    IDENTITY_HEADER: identityHeader,
    PURGE_HOUR: 'off',
  };
}

export async function post(bot: ReachableBot, activity: unknown, givenToken?: string) {
  const token = givenToken ?? (await bot.teamsToken?.());
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Clicks an Action.Execute button and returns the card Teams would show the person who clicked. */
export async function click(
  bot: ReachableBot,
  connector: MockConnector,
  from: Person,
  verb: string,
  data: Record<string, unknown>,
  messageId = 'card-1',
  conversationId?: string,
) {
  const response = await post(bot, invokeActivity(connector, from, verb, data, messageId, conversationId));
  if (response.status !== 200)
    throw new Error(`invoke ${verb} answered ${response.status}: ${JSON.stringify(response.body)}`);
  const body = response.body as {
    statusCode: number;
    type: string;
    value: { body: unknown[]; actions?: unknown[] };
  };
  return { ...body, text: JSON.stringify(body.value) };
}

/** The vote id on a vote card. */
export const voteIdOn = (cardText: string) => /"voteId":"([0-9a-f-]{36})"/.exec(cardText)?.[1] ?? '';

/**
 * A bot that validates every token, as in production: Teams activities against the local key set, and the
 * add-in's Entra access tokens against the same keys published at the connector's discovery address. Replies
 * go to the mock connector with a real (locally signed) bot token.
 */
export async function startValidatingBot(
  db: Database,
  connector: MockConnector,
  overrides: Partial<BotConfig> = {},
): Promise<{ bot: TestBot; keys: Awaited<ReturnType<typeof localKeys>>; teamsToken: () => Promise<string> }> {
  const keys = await localKeys(connector);
  const outgoing = await keys.sign({ aud: 'https://api.botframework.com' });
  const bot = await startTestBot(
    db,
    {
      auth: { kind: 'entra', clientId: CLIENT_ID, tenantId: TENANT_ID },
      api: {
        clientId: CLIENT_ID,
        audience: `api://${CLIENT_ID}`,
        scope: 'Cases.ReadWrite',
        loginEndpoint: connector.url,
      },
      ...overrides,
    },
    { cloud: keys.cloud, token: () => outgoing },
  );
  return { bot, keys, teamsToken: () => keys.sign({}) };
}

/** An Entra access token for the bot's API as the add-in gets it (nested app authentication). */
export function apiToken(
  keys: { privateKey: Parameters<SignJWT['sign']>[0] },
  connector: MockConnector,
  claims: {
    oid?: string;
    tid?: string;
    aud?: string;
    scp?: string;
    iss?: string;
    exp?: string;
    name?: string;
    /** 1 for a guest account. */
    acct?: number;
    roles?: string[];
  } = {},
  key: Parameters<SignJWT['sign']>[0] = keys.privateKey,
): Promise<string> {
  const tid = claims.tid ?? TENANT_ID;
  return new SignJWT({
    oid: claims.oid ?? people.coordinator.aadObjectId,
    tid,
    scp: claims.scp ?? 'Cases.ReadWrite',
    name: claims.name ?? 'Sam Lee',
    ...(claims.acct !== undefined ? { acct: claims.acct } : {}),
    ...(claims.roles ? { roles: claims.roles } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(claims.iss ?? `${connector.url}/${tid}/v2.0`)
    .setAudience(claims.aud ?? `api://${CLIENT_ID}`)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '10m')
    .sign(key);
}
