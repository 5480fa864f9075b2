import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { BotConfig } from '../config.ts';

/**
 * Verifies the Entra ID access token the add-in sends with every API request: signature (the tenant's published
 * keys), issuer, audience, tenant allowlist and scope. Refusals are typed; only their message reaches the client.
 */

export interface Principal {
  /** Entra object id: what roles are keyed by. */
  id: string;
  tenantId: string;
  name: string;
  /** A guest account in the tenant (the token's optional `acct` claim is 1). */
  guest: boolean;
  /** The app roles the token carries (its `roles` claim). */
  roles: string[];
}

export type AuthRefusal =
  | { reason: 'noToken' | 'invalidToken' | 'expiredToken'; status: 401; message: string }
  | { reason: 'tenantNotAllowed' | 'missingScope'; status: 403; message: string };

export type Authenticate = (
  authorization: string | undefined,
) => Promise<{ ok: true; principal: Principal } | { ok: false; error: AuthRefusal }>;

const refuse = (error: AuthRefusal) => ({ ok: false as const, error });

/** The prefix of the stand-in token the local preview sends when the bot runs without authentication. */
export const DANGEROUSLY_LOCAL_TOKEN_PREFIX = 'dangerously-local:';

export function createApiAuthenticator(config: BotConfig): Authenticate {
  if (config.auth.kind === 'dangerouslyUnauthenticated') {
    // Local only: the server listens on 127.0.0.1 in this mode, and the preview names the user it acts as.
    return async (authorization) => {
      // Stryker disable next-line Regex,StringLiteral: equivalent, the stand-in token must start with its prefix once a leading "Bearer " is removed
      const token = authorization?.replace(/^Bearer\s+/i, '') ?? '';
      if (!token.startsWith(DANGEROUSLY_LOCAL_TOKEN_PREFIX))
        return refuse({ reason: 'noToken', status: 401, message: 'Sign in to use the add-in.' });
      const id = token.slice(DANGEROUSLY_LOCAL_TOKEN_PREFIX.length);
      return { ok: true, principal: { id, tenantId: 'local', name: 'Local user', guest: false, roles: [] } };
    };
  }
  const api = config.api;
  const keys = createRemoteJWKSet(new URL(`${api.loginEndpoint}/common/discovery/v2.0/keys`));
  const issuers = config.allowedTenantIds.map((tenant) => `${api.loginEndpoint}/${tenant}/v2.0`);
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1])
      return refuse({
        reason: 'noToken',
        status: 401,
        message: 'Sign in to use the add-in: the request had no access token.',
      });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        audience: [api.audience, api.clientId],
        algorithms: ['RS256'],
        clockTolerance: 60,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        return refuse({
          reason: 'expiredToken',
          status: 401,
          message: 'Your sign-in has expired: sign in again.',
        });
      return refuse({
        reason: 'invalidToken',
        status: 401,
        message: 'The access token is not valid for this app.',
      });
    }
    const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
    if (!config.allowedTenantIds.includes(tenantId) || !issuers.includes(String(payload.iss))) {
      return refuse({
        reason: 'tenantNotAllowed',
        status: 403,
        message: 'Your organisation is not allowed to use this app.',
      });
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(api.scope)) {
      return refuse({
        reason: 'missingScope',
        status: 403,
        message: `The access token does not grant ${api.scope}.`,
      });
    }
    const id = typeof payload.oid === 'string' ? payload.oid : '';
    if (!id)
      return refuse({ reason: 'invalidToken', status: 401, message: 'The access token names no user.' });
    return {
      ok: true,
      principal: {
        id,
        tenantId,
        name: typeof payload.name === 'string' ? payload.name : 'Coordinator',
        guest: payload.acct === 1,
        roles: Array.isArray(payload.roles) ? payload.roles.filter((role) => typeof role === 'string') : [],
      },
    };
  };
}
