import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionSettings, settingNames } from '../bot/config.ts';
import { readEnvFile } from '../tools/manifest.ts';
import { root } from './helpers/fixtures.ts';

const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const bicep = read('infra/main.bicep');
const toolkit = read('m365agents.yml');
const parameters = JSON.parse(read('infra/main.parameters.json')) as {
  parameters: Record<string, { value: string }>;
};

/** App settings the Bicep gives the App Service. */
const appSettings = [...bicep.matchAll(/\{ name: '([A-Z_]+)', value:/g)].map((match) => match[1]);
/** Values the toolkit writes into env/.env.<environment> as it provisions, and the Bicep outputs. */
const written = [
  ...[...toolkit.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]+)$/gm)].map((match) => match[1]),
  ...[...bicep.matchAll(/^output ([A-Z_]+) /gm)].map((match) => match[1]),
];
const placeholders = (text: string) => [
  ...new Set([...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((match) => match[1] ?? '')),
];

describe('the Azure deployment', () => {
  it('gives the App Service every setting the bot needs in production', () => {
    expect(productionSettings.filter((name) => !appSettings.includes(name))).toEqual([]);
  });

  it('sets nothing the bot does not read (apart from App Service’s own switches)', () => {
    expect(
      appSettings.filter(
        (name) => !(settingNames as string[]).includes(name ?? '') && !name?.startsWith('SCM_'),
      ),
    ).toEqual([]);
  });

  it('runs Node 24 with a health check that reaches the database', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(bicep).toContain("appCommandLine: 'npm run bot'");
  });

  it('has a value for every Bicep parameter without a default', () => {
    const required = [...bicep.matchAll(/^param (\w+) \w+$/gm)].map((match) => match[1]);
    expect(required).toEqual([
      'resourceBaseName',
      'tenantId',
      'appClientId',
      'allowedTenantIds',
      'teamsAppId',
      'postgresAdminPassword',
    ]);
    expect(required.filter((name) => !parameters.parameters[name ?? ''])).toEqual([]);
  });

  it('has a source for every placeholder in the parameters, the Entra app and the app manifest', () => {
    const example = Object.keys(readEnvFile(`${root}env/.env.example`));
    const used = [
      ...placeholders(read('infra/main.parameters.json')),
      ...placeholders(read('infra/aad.manifest.json')),
      ...placeholders(read('manifest/manifest.json')),
    ];
    const unexplained = used.filter(
      (name) =>
        !written.includes(name) &&
        !example.includes(name) &&
        !name.startsWith('SECRET_') &&
        name !== 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
    );
    expect(unexplained).toEqual([]);
  });

  it('starts a new environment with nothing the toolkit creates already set', () => {
    const example = readEnvFile(`${root}env/.env.example`);
    // A value here would make the toolkit reuse it (aadApp/create skips creating the app, for one).
    expect(written.filter((name) => example[name ?? ''] !== '')).toEqual([]);
    for (const name of [
      'AZURE_SUBSCRIPTION_ID',
      'AZURE_RESOURCE_GROUP_NAME',
      'ALLOWED_TENANT_IDS',
      'ADMIN_OBJECT_IDS',
    ])
      expect(example).toHaveProperty(name, '');
    // The made-up ids for building without a tenant are refused by provisioning.
    expect(toolkit).toMatch(/test "\$\{\{TEAMSFX_ENV\}\}" != offline \|\|/);
    expect(readEnvFile(`${root}env/.env.offline`).TEAMSFX_ENV).toBe('offline');
  });

  it('points the toolkit at the files that exist', () => {
    for (const path of [
      './infra/main.bicep',
      './infra/main.parameters.json',
      './infra/aad.manifest.json',
      './manifest/manifest.json',
    ]) {
      expect(toolkit).toContain(path);
      expect(() => read(path.slice(2))).not.toThrow();
    }
  });

  it('keeps secrets out of the repository', () => {
    // The one secret, the database password, is a @secure parameter that goes only into Key Vault.
    expect(bicep).toMatch(/@secure\(\)\nparam postgresAdminPassword string/);
    expect(bicep).toContain("{ name: 'DATABASE_URL', value: '@Microsoft.KeyVault(");
    expect(bicep).not.toMatch(/CLIENT_SECRET/);
    expect(parameters.parameters.postgresAdminPassword?.value).toBe('${{SECRET_POSTGRES_ADMIN_PASSWORD}}');
    expect(read('.gitignore')).toContain('env/.env.*.user');

    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    const secretLike = [
      /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
      /AccountKey=[A-Za-z0-9+/=]{20,}/,
      // Value characters exclude the backslash, so these patterns cannot match their own source here.
      /SECRET_[A-Z_]+=[A-Za-z0-9~._+/-]{4,}/,
      /CLIENT_SECRET=[A-Za-z0-9~._+/-]{8,}/,
      /postgres(?:ql)?:\/\/[^:\s'"]+:[^@\s'"$]{6,}@(?!127\.0\.0\.1|localhost)/,
      /\beyJ[A-Za-z0-9_-]{20,}\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/,
    ];
    const leaks = tracked
      .filter((file) => !file.endsWith('.png') && !file.endsWith('package-lock.json'))
      .flatMap((file) =>
        secretLike
          .filter((pattern) => pattern.test(readFileSync(`${root}${file}`, 'utf8')))
          .map((pattern) => `${file}: ${pattern}`),
      );
    expect(leaks).toEqual([]);
  });
});
