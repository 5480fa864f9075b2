import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildManifest, fillManifest, placeholdersOf, validate } from '../tools/manifest.ts';
import { zip } from '../bot/zip.ts';
import { root } from './helpers/fixtures.ts';

/** Reads back the files of a zip written by bot/zip.ts (local headers in order). */
function unzip(archive: Buffer): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  let offset = 0;
  while (archive.readUInt32LE(offset) === 0x04034b50) {
    const size = archive.readUInt32LE(offset + 18);
    const nameLength = archive.readUInt16LE(offset + 26);
    const name = archive.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength;
    files[name] = inflateRawSync(archive.subarray(start, start + size));
    offset = start + size;
  }
  return files;
}

describe('the Microsoft 365 app manifest', () => {
  const template = readFileSync(`${root}manifest/manifest.json`, 'utf8');

  it('is filled from configuration: only placeholders vary between environments', () => {
    expect(placeholdersOf(template)).toEqual(['AAD_APP_CLIENT_ID', 'APP_HOST', 'TEAMS_APP_ID']);
    expect(() => fillManifest(template, { APP_HOST: 'x.example' })).toThrow(
      'The manifest needs values for: AAD_APP_CLIENT_ID, TEAMS_APP_ID',
    );
  });

  it('validates offline against schema 1.22 and office-addin-manifest', async () => {
    expect(await validate('offline')).toEqual([]);
    const { manifest } = await buildManifest('offline');
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('${{');
    expect(manifest).toMatchObject({
      manifestVersion: '1.22',
      bots: [{ scopes: ['personal', 'groupChat', 'team'] }],
      configurableTabs: [{ context: expect.arrayContaining(['meetingSidePanel', 'meetingStage']) }],
      extensions: [{ ribbons: [{ contexts: ['mailCompose'] }] }],
      webApplicationInfo: { id: '0d3b5c7e-1f2a-4b6c-8d9e-7f0a1b2c3d4e' },
    });
  });

  it('would catch a broken manifest', async () => {
    const broken = JSON.parse(
      fillManifest(template, {
        AAD_APP_CLIENT_ID: 'not-a-guid',
        APP_HOST: 'h.example',
        TEAMS_APP_ID: 'also-not',
      }),
    );
    const { AppManifestUtils } = await import('@microsoft/app-manifest');
    const errors = await AppManifestUtils.validateAgainstSchema(broken);
    expect(errors.join('\n')).toMatch(/\/id|botId/);
  });

  it('packages the manifest and icons into a zip', () => {
    const files = [
      { name: 'manifest.json', data: Buffer.from('{"a":1}') },
      { name: 'color.png', data: readFileSync(`${root}manifest/color.png`) },
    ];
    const back = unzip(zip(files));
    expect(Object.keys(back)).toEqual(['manifest.json', 'color.png']);
    expect(back['color.png']?.equals(files[1]!.data)).toBe(true);
    expect(back['manifest.json']?.toString()).toBe('{"a":1}');
  });
});
