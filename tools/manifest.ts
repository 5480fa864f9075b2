// The Microsoft 365 app manifest, built from manifest/manifest.json with each environment's hosts and ids.
//   npm run validate  builds it and checks it offline against Microsoft's JSON schema (shipped in
//                     @microsoft/app-manifest) and with office-addin-manifest validate
//   npm run package   also writes the app package zip (manifest and icons) for sideloading or the admin centre
// The environment is env/.env.$APP_ENV (default offline: made-up ids, for building without a tenant); variables
// set in the process environment win. The icons are the files the manifest names beside it, as the Agents
// Toolkit's teamsApp/zipAppPackage reads them (test/toolkit.test.ts packages the same manifest with the toolkit).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { validateManifest } from 'office-addin-manifest';
import { zip } from '../bot/zip.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Reads KEY=VALUE lines; # starts a comment. */
export function readEnvFile(path: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#') && line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()]),
  );
}

/** The placeholders the manifest uses, e.g. APP_HOST for ${{APP_HOST}}. */
export function placeholdersOf(template: string): string[] {
  return [
    ...new Set([...template.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((match) => match[1] ?? '')),
  ].sort();
}

/** Fills the template, failing with the list of every value that is missing. */
export function fillManifest(template: string, values: Record<string, string | undefined>): string {
  const missing = placeholdersOf(template).filter((name) => !values[name]);
  if (missing.length > 0) throw new Error(`The manifest needs values for: ${missing.join(', ')}`);
  return template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => values[name] ?? '');
}

export async function buildManifest(environment = process.env.APP_ENV ?? 'offline') {
  const template = readFileSync(`${root}manifest/manifest.json`, 'utf8');
  const values = { ...readEnvFile(`${root}env/.env.${environment}`), ...process.env };
  const manifest = JSON.parse(fillManifest(template, values)) as {
    $schema: string;
    icons: { color: string; outline: string };
  };
  const folder = `${root}dist/manifest/${environment}/`;
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, folder, environment };
}

export async function validate(environment?: string): Promise<string[]> {
  const { manifest, folder } = await buildManifest(environment);
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as never);
  const office = await validateManifest(`${folder}manifest.json`);
  const officeErrors = office.isValid
    ? []
    : (office.report?.errors ?? []).map((issue) => `office-addin-manifest: ${issue.content ?? issue.title}`);
  return [...schemaErrors.map((error) => `schema: ${error}`), ...officeErrors];
}

async function main(command: string | undefined) {
  const errors = await validate();
  if (errors.length > 0) {
    process.stderr.write(`The manifest is not valid:\n${errors.map((error) => `  - ${error}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  const { manifest, folder, environment } = await buildManifest();
  process.stdout.write(`Manifest valid (schema 1.22 and office-addin-manifest): ${folder}manifest.json\n`);
  if (command === 'package') {
    const files = [
      { name: 'manifest.json', data: readFileSync(`${folder}manifest.json`) },
      ...[manifest.icons.color, manifest.icons.outline].map((name) => ({
        name,
        data: readFileSync(`${root}manifest/${name}`),
      })),
    ];
    const path = `${root}dist/appPackage.${environment}.zip`;
    writeFileSync(path, zip(files));
    process.stdout.write(`App package: ${path}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`manifest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
