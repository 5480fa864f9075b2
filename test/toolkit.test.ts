import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildManifest, readEnvFile } from '../tools/manifest.ts';
import { root } from './helpers/fixtures.ts';

/**
 * The Microsoft 365 Agents Toolkit itself (its CLI, a devDependency) packages and validates the app from the
 * actions m365agents.yml declares, offline, with the made-up ids of env/.env.offline; and reads the Entra app's
 * manifest with the toolkit's own code, as `aadApp/update` does before it sends it to Microsoft Graph.
 */

const cli = `${root}node_modules/@microsoft/m365agentstoolkit-cli/cli.js`;
const environment = 'offline';
const offline = readEnvFile(`${root}env/.env.${environment}`);

/** The `with:` arguments of each action in m365agents.yml's provision lifecycle, in order. */
function toolkitActions(): { uses: string; with: Record<string, string> }[] {
  const yml = readFileSync(`${root}m365agents.yml`, 'utf8');
  const provision = yml.slice(yml.indexOf('\nprovision:'), yml.indexOf('\ndeploy:'));
  return provision
    .split(/\n {2}- uses: /)
    .slice(1)
    .map((block) => ({
      uses: block.split('\n')[0]?.trim() ?? '',
      with: Object.fromEntries(
        [...block.matchAll(/^ {6}(\w+): (\S.*)$/gm)].map((match) => [
          match[1] ?? '',
          (match[2] ?? '').replaceAll('${{TEAMSFX_ENV}}', environment),
        ]),
      ),
    }));
}

function action(uses: string) {
  const found = toolkitActions().find((candidate) => candidate.uses === uses);
  if (!found) throw new Error(`m365agents.yml has no ${uses}`);
  return found.with;
}

/** Runs the toolkit's CLI in a project folder, offline and without telemetry. */
function atk(folder: string, args: string[]) {
  const run = spawnSync(
    process.execPath,
    [cli, ...args, '--env', environment, '--telemetry', 'false', '-i', 'false'],
    {
      cwd: folder,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The files of a zip, read through its central directory (any zip writer). */
function unzip(archive: Buffer): Record<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let entry = archive.readUInt32LE(end + 16);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(entry + 10);
    const size = archive.readUInt32LE(entry + 20);
    const nameLength = archive.readUInt16LE(entry + 28);
    const extra = archive.readUInt16LE(entry + 30) + archive.readUInt16LE(entry + 32);
    const local = archive.readUInt32LE(entry + 42);
    const name = archive.subarray(entry + 46, entry + 46 + nameLength).toString('utf8');
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    entry += 46 + nameLength + extra;
  }
  return files;
}

describe('the Agents Toolkit CLI, offline, from m365agents.yml', { timeout: 120_000 }, () => {
  it('packages the same manifest and icons as `npm run package`, and validates it', async () => {
    const zipAction = action('teamsApp/zipAppPackage');
    const validateAction = action('teamsApp/validateManifest');
    expect(zipAction.manifestPath).toBe('./manifest/manifest.json');
    expect(validateAction.manifestPath).toBe(zipAction.manifestPath);

    const packaged = atk(root, [
      'package',
      '--manifest-file',
      zipAction.manifestPath ?? '',
      '--output-package-file',
      zipAction.outputZipPath ?? '',
      '--output-folder',
      zipAction.outputFolder ?? '',
    ]);
    expect(packaged.output).toContain('built successfully');
    expect(packaged.status).toBe(0);

    const validated = atk(root, ['validate', '--manifest-file', validateAction.manifestPath ?? '']);
    expect(validated.output).toMatch(/All passed/);
    expect(validated.status).toBe(0);

    const files = unzip(readFileSync(join(root, zipAction.outputZipPath ?? '')));
    const { manifest } = await buildManifest(environment);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(files['manifest.json']?.toString('utf8') ?? '')).toEqual(manifest);
    for (const icon of ['color.png', 'outline.png'])
      expect(files[icon]?.equals(readFileSync(`${root}manifest/${icon}`))).toBe(true);
  });

  it('refuses a manifest that breaks the schema', () => {
    const project = mkdtempSync(join(tmpdir(), 'atk-'));
    mkdirSync(`${project}/manifest`);
    mkdirSync(`${project}/env`);
    cpSync(`${root}m365agents.yml`, `${project}/m365agents.yml`);
    cpSync(`${root}env/.env.${environment}`, `${project}/env/.env.${environment}`);
    const broken = readFileSync(`${root}manifest/manifest.json`, 'utf8').replace(
      '"botId": "${{AAD_APP_CLIENT_ID}}"',
      '"botId": "not-a-guid"',
    );
    writeFileSync(`${project}/manifest/manifest.json`, broken);
    const validated = atk(project, ['validate', '--manifest-file', './manifest/manifest.json']);
    expect(validated.status).not.toBe(0);
    expect(validated.output).toContain('/bots/0/botId');
  });
});

/** The toolkit's own reading of the Entra app manifest (teamsfx-core, which the CLI runs `aadApp/update` with). */
const toolkitRequire = createRequire(`${root}node_modules/@microsoft/m365agentstoolkit-cli/package.json`);
const aadDriver = '@microsoft/teamsfx-core/build/component/driver/aad/utility/';

interface EntraApplication {
  displayName?: string;
  identifierUris: string[];
  signInAudience: string;
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: { id: string; value: string; type: string; isEnabled: boolean }[];
  };
  appRoles: { value: string; displayName: string; allowedMemberTypes: string[] }[];
  spa: { redirectUris: string[] };
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
}

async function entraAppAsTheToolkitSendsIt(): Promise<{ isNew: boolean; application: EntraApplication }> {
  const { buildAadManifest } = toolkitRequire(`${aadDriver}buildAadManifest.js`) as {
    buildAadManifest: (context: object, manifestPath: string, outputFilePath: string) => Promise<object>;
  };
  const { AadManifestHelper } = toolkitRequire(`${aadDriver}aadManifestHelper.js`) as {
    AadManifestHelper: {
      isNewAADManifestSchema(manifest: object): boolean;
      manifestToApplication(manifest: object): EntraApplication;
    };
  };
  const saved = { ...process.env };
  Object.assign(process.env, offline);
  try {
    const manifest = await buildAadManifest(
      { projectPath: root, logProvider: { info: () => undefined, warning: () => undefined } },
      './infra/aad.manifest.json',
      join(mkdtempSync(join(tmpdir(), 'aad-')), 'aad.manifest.json'),
    );
    return {
      isNew: AadManifestHelper.isNewAADManifestSchema(manifest),
      application: AadManifestHelper.manifestToApplication(manifest),
    };
  } finally {
    for (const name of Object.keys(process.env))
      if (!(name in saved)) Reflect.deleteProperty(process.env, name);
    Object.assign(process.env, saved);
  }
}

describe('the Entra app, read as the toolkit reads infra/aad.manifest.json', () => {
  it('is in the new Entra manifest format, so nothing in it is dropped', async () => {
    const { isNew, application } = await entraAppAsTheToolkitSendsIt();
    expect(isNew).toBe(true);
    expect(application.displayName).toBe(`Inclusion Partnerships${offline.APP_NAME_SUFFIX}`);
    expect(Object.keys(application)).not.toEqual(
      expect.arrayContaining(['name', 'oauth2Permissions', 'replyUrlsWithType']),
    );
  });

  it('exposes the Cases.ReadWrite scope at the API the bot checks, version 2 tokens, one tenant', async () => {
    const { application } = await entraAppAsTheToolkitSendsIt();
    expect(application.signInAudience).toBe('AzureADMyOrg');
    expect(application.identifierUris).toEqual([`api://${offline.APP_HOST}/${offline.AAD_APP_CLIENT_ID}`]);
    expect(application.api.requestedAccessTokenVersion).toBe(2);
    expect(application.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({
        value: 'Cases.ReadWrite',
        type: 'User',
        isEnabled: true,
        // The toolkit generates the scope's id the first time.
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      }),
    ]);
  });

  it('redirects to nested app authentication’s broker and to the dialog fallback', async () => {
    const { application } = await entraAppAsTheToolkitSendsIt();
    expect(application.spa.redirectUris).toEqual([
      `brk-multihub://${offline.APP_HOST}`,
      `https://${offline.APP_HOST}/addin/dialog.html`,
    ]);
  });

  it('keeps the Partnerships.Admin app role and asks only for User.Read', async () => {
    const { application } = await entraAppAsTheToolkitSendsIt();
    expect(application.appRoles).toEqual([
      expect.objectContaining({
        value: 'Partnerships.Admin',
        displayName: 'Partnerships administrator',
        allowedMemberTypes: ['User'],
      }),
    ]);
    expect(application.requiredResourceAccess).toEqual([
      {
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        resourceAccess: [{ id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' }],
      },
    ]);
  });
});
