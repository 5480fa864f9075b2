import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest, readEnvFile } from '../tools/manifest.ts';
import { root } from './helpers/fixtures.ts';

/**
 * The identity design (README, "Identity"): one single-tenant Entra app is the bot, the add-in's API and its
 * sign-in client, and the app resource-specific consent is granted to; the App Service's managed identity signs
 * in as it through a federated credential, so there is no secret.
 */

const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const bicep = read('infra/main.bicep');
const toolkit = read('m365agents.yml');
const offline = readEnvFile(`${root}env/.env.offline`);

interface Permission {
  name: string;
  type: 'Application' | 'Delegated';
}

describe('the identity design', () => {
  it('makes the bot the Entra app that webApplicationInfo names, at the API the add-in signs in to', async () => {
    const { manifest } = (await buildManifest('offline')) as unknown as {
      manifest: { bots: { botId: string }[]; webApplicationInfo: { id: string; resource: string } };
    };
    expect(manifest.bots[0]?.botId).toBe(offline.AAD_APP_CLIENT_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: offline.AAD_APP_CLIENT_ID,
      resource: `api://${offline.APP_HOST}/${offline.AAD_APP_CLIENT_ID}`,
    });
    expect(read('infra/aad.manifest.json')).toContain(
      '"identifierUris": ["api://${{APP_HOST}}/${{AAD_APP_CLIENT_ID}}"]',
    );
  });

  it('asks for the meeting, stage and mail item permissions the app uses, and no others', async () => {
    const { manifest } = (await buildManifest('offline')) as unknown as {
      manifest: { authorization: { permissions: { resourceSpecific: Permission[] } } };
    };
    const permissions = manifest.authorization.permissions.resourceSpecific;
    expect(permissions).toEqual(
      expect.arrayContaining<Permission>([
        // Meeting start and end events and the meeting's details reach the bot only with this consent.
        { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
        // The roster of the chat, for who may vote.
        { name: 'ChatMember.Read.Chat', type: 'Application' },
        // The side panel shares a case to the meeting stage.
        { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
        // The compose add-in writes the body, subject and recipients.
        { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
      ]),
    );
    expect(permissions).toHaveLength(4);
  });

  it('registers the Azure Bot as that single-tenant app, in the app’s tenant', () => {
    expect(bicep).toMatch(
      /msaAppId: appClientId\n\s+msaAppType: 'SingleTenant'\n\s+msaAppTenantId: tenantId\n/,
    );
    expect(bicep).not.toContain('UserAssignedMSI');
    expect(bicep).toContain("{ name: 'TENANT_ID', value: tenantId }");
    const parameters = JSON.parse(read('infra/main.parameters.json')) as {
      parameters: Record<string, { value: string }>;
    };
    expect(parameters.parameters.appClientId?.value).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(parameters.parameters.tenantId?.value).toBe('${{AAD_APP_TENANT_ID}}');
  });

  it('signs the bot in with the managed identity as a federated credential, not a secret', () => {
    // A CLIENT_ID other than MANAGED_IDENTITY_CLIENT_ID is how the Teams SDK knows to federate.
    expect(bicep).toContain("{ name: 'CLIENT_ID', value: appClientId }");
    expect(bicep).toContain("{ name: 'MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }");
    expect(bicep).toContain('output BOT_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId');
    expect(toolkit).toMatch(/generateClientSecret: false/);
    // After the Bicep, so the identity exists; the credential trusts it by its object id.
    expect(toolkit.indexOf('federatedCredential.sh')).toBeGreaterThan(toolkit.indexOf('uses: arm/deploy'));
    expect(toolkit).toMatch(
      /federatedCredential\.sh \$\{\{AAD_APP_OBJECT_ID\}\} \$\{\{AAD_APP_CLIENT_ID\}\} \$\{\{AAD_APP_TENANT_ID\}\}\s+\$\{\{BOT_IDENTITY_PRINCIPAL_ID\}\}/,
    );
    const script = read('infra/federatedCredential.sh');
    expect(script).toContain('"issuer\\":\\"https://login.microsoftonline.com/$tenant_id/v2.0\\"');
    expect(script).toContain('\\"subject\\":\\"$principal_id\\"');
    expect(script).toContain('api://AzureADTokenExchange');
    expect(script).toContain('az ad sp create --id "$app_client_id"');
  });

  it('connects to PostgreSQL verifying the server’s certificate and name', () => {
    expect(bicep).toMatch(/\?sslmode=verify-full'/);
  });
});
