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

  it('knows the printable record’s address from PUBLIC_URL, locally the preview, and otherwise none', () => {
    const production = {
      CLIENT_ID: 'app',
      TENANT_ID: 'tenant',
      MANAGED_IDENTITY_CLIENT_ID: 'mi',
      ALLOWED_TENANT_IDS: 'tenant',
    };
    expect(readConfig({ ...production, PUBLIC_URL: 'https://inclusion.example.org/' }).recordPage).toEqual({
      url: 'https://inclusion.example.org/addin/record.html',
    });
    const appId = '1f0c8a52-4d3e-4b7a-9c1d-2e3f4a5b6c7d';
    expect(
      readConfig({ ...production, PUBLIC_URL: 'https://inclusion.example.org', TEAMS_APP_ID: appId })
        .recordPage,
    ).toEqual({ url: 'https://inclusion.example.org/addin/record.html', teamsAppId: appId });
    expect(() => readConfig({ ...production, TEAMS_APP_ID: 'inclusion' })).toThrow(/TEAMS_APP_ID: /);
    // The manifest's id is any GUID, without the version and variant bits of an RFC 9562 UUID.
    const handMade = '11111111-2222-3333-4444-555555555555';
    expect(
      readConfig({ ...production, PUBLIC_URL: 'https://a.example', TEAMS_APP_ID: handMade }).recordPage,
    ).toEqual({ url: 'https://a.example/addin/record.html', teamsAppId: handMade });
    expect(readConfig(production).recordPage).toBeUndefined();
    expect(
      readConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true', PORT: '4000' }).recordPage,
    ).toEqual({ url: 'http://localhost:4000/addin/record-preview.html' });
    expect(() => readConfig({ ...production, PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL: /);
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

  it('reads the Microsoft cloud and where Teams publishes its token keys, so the Teams SDK does not', () => {
    const production = {
      CLIENT_ID: 'app',
      TENANT_ID: 'tenant',
      MANAGED_IDENTITY_CLIENT_ID: 'mi',
      ALLOWED_TENANT_IDS: 'tenant',
    };
    const publicCloud = readConfig(production);
    expect(publicCloud.cloud.openIdMetadataUrl).toBe(
      'https://login.botframework.com/v1/.well-known/openidconfiguration',
    );
    expect(publicCloud.api.loginEndpoint).toBe('https://login.microsoftonline.com');
    const government = readConfig({ ...production, CLOUD: 'USGov' });
    expect(government.cloud.tokenIssuer).toBe('https://api.botframework.us');
    expect(government.api.loginEndpoint).toBe('https://login.microsoftonline.us');
    const local = readConfig({
      ...production,
      BOT_OPENID_METADATA_URL: 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration',
    });
    expect(local.cloud).toMatchObject({
      openIdMetadataUrl: 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration',
      tokenIssuer: 'https://api.botframework.com',
    });
    expect(() =>
      readConfig({
        ...production,
        CLOUD: 'Mars',
        BOT_OPENID_METADATA_URL: 'http://keys.example/openid',
      }),
    ).toThrow(
      /CLOUD: expected one of Public, USGov, USGovDoD, China\n.*BOT_OPENID_METADATA_URL: expected an https:\/\/ address/,
    );
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

  describe('the student identifier rule', () => {
    const local = { DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true' };
    const problemsOf = (env: Record<string, string>) => {
      try {
        readConfig({ ...local, ...env });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).reason).toBe('invalidConfiguration');
        return (error as ConfigError).problems;
      }
      return expect.unreachable('readConfig should have refused the setting');
    };

    it('is initials and/or references such as "REF-0042" when nothing is set', () => {
      const rule = readConfig(local).studentIdentifier;
      expect(rule.accepts('JS 2291')).toBe(true);
      expect(rule.accepts('John Smith')).toBe(false);
      expect(rule.refusal).toContain('"J.S.", "JS 2291" or "REF-0042"');
    });

    it('takes a local referencing scheme, shown with its example', () => {
      const rule = readConfig({
        ...local,
        STUDENT_REFERENCE_PATTERN: 'LCC[0-9]{6}',
        STUDENT_REFERENCE_EXAMPLE: 'LCC004211',
      }).studentIdentifier;
      expect(rule.accepts('J.S. (ref LCC004211)')).toBe(true);
      expect(rule.accepts('REF-0042')).toBe(false);
      expect(rule.refusal).toContain('"JS LCC004211" or "LCC004211"');
    });

    it.each([
      [
        { STUDENT_REFERENCE_PATTERN: '[0-9', STUDENT_REFERENCE_EXAMPLE: '2291' },
        /^STUDENT_REFERENCE_PATTERN: not a regular expression/,
      ],
      [
        { STUDENT_REFERENCE_PATTERN: '[0-9]{4}', STUDENT_REFERENCE_EXAMPLE: 'REF-0042' },
        /^STUDENT_REFERENCE_EXAMPLE: "REF-0042" does not match the reference pattern/,
      ],
      [
        { STUDENT_REFERENCE_EXAMPLE: 'LCC_004211' },
        /^STUDENT_REFERENCE_EXAMPLE: "LCC_004211" does not match/,
      ],
      [
        { STUDENT_REFERENCE_PATTERN: '[0-9]{4}' },
        /^STUDENT_REFERENCE_EXAMPLE: give one reference that STUDENT_REFERENCE_PATTERN matches/,
      ],
      [
        { STUDENT_REFERENCE_PATTERN: '.+', STUDENT_REFERENCE_EXAMPLE: '2291' },
        /^STUDENT_REFERENCE_PATTERN: accepts names as identifiers \("John Smith", "JOHN SMITH", .*\)/,
      ],
      [
        { STUDENT_REFERENCE_PATTERN: '[A-Z ]+', STUDENT_REFERENCE_EXAMPLE: 'REF' },
        /^STUDENT_REFERENCE_PATTERN: accepts names as identifiers \("JOHN SMITH"/,
      ],
    ])('stops the start for %j, naming the setting', (env, problem) => {
      expect(problemsOf(env)).toEqual([expect.stringMatching(problem)]);
    });
  });
});
