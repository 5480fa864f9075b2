import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../bot/config.ts';

describe('the bot’s configuration', () => {
  it('lists everything production needs that is missing, in one go', () => {
    try {
      readConfig({});
      expect.unreachable('readConfig should have refused an empty environment');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'CLIENT_ID: the bot’s Entra app id is required to validate Teams tokens',
        'TENANT_ID: the tenant the bot is registered in is required',
        'CLIENT_SECRET: a client secret or MANAGED_IDENTITY_CLIENT_ID is required to reply as the bot',
        'ALLOWED_TENANT_IDS: list the tenant ids allowed to use the bot (comma-separated)',
      ]);
    }
  });

  it('names malformed values', () => {
    expect(() =>
      readConfig({
        DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
        PORT: 'eighty',
        DATABASE_URL: 'not a url',
        RETENTION_YEARS: '0',
      }),
    ).toThrow(/PORT: .*\n.*DATABASE_URL: .*\n.*RETENTION_YEARS: /);
  });

  it('reads a production configuration', () => {
    const config = readConfig({
      CLIENT_ID: 'app',
      TENANT_ID: 'tenant',
      MANAGED_IDENTITY_CLIENT_ID: 'mi',
      ALLOWED_TENANT_IDS: 'tenant, partner-tenant',
      DATABASE_URL: 'postgres://db.example/inclusion',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 3978,
      auth: { kind: 'entra', clientId: 'app', tenantId: 'tenant', managedIdentityClientId: 'mi' },
      allowedTenantIds: ['tenant', 'partner-tenant'],
      database: { kind: 'postgres', url: 'postgres://db.example/inclusion' },
      retentionYears: 7,
    });
  });

  it('listens on loopback only when unauthenticated requests are dangerously allowed', () => {
    expect(
      readConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true', DATABASE_URL: '' }),
    ).toMatchObject({
      host: '127.0.0.1',
      auth: { kind: 'dangerouslyUnauthenticated' },
      database: { kind: 'pglite' },
    });
  });
});
