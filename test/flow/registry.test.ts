import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowById, flowIds, flowOfCase, flows } from '../../src/flows.ts';

const root = join(import.meta.dirname, '..', '..');
const folders = ['src', 'bot', 'addin', 'tools', 'test'];

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const flowFiles = readdirSync(join(root, 'src', 'flow'))
  .map((name) => name.replace(/\.ts$/, ''))
  .filter((name) => flowIds.includes(name as never));

describe('the flow registry', () => {
  it('is the only module that imports a flow definition file', () => {
    expect(flowFiles.sort()).toEqual([...flowIds].sort());
    const importsAFlow = new RegExp(`from ['"][^'"]*flow/(${flowFiles.join('|')})(\\.ts)?['"]`);
    const offenders = folders
      .flatMap(sources)
      .filter((file) => file !== join('src', 'flows.ts'))
      .filter((file) => importsAFlow.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('holds every flow under its own id', () => {
    for (const id of flowIds) expect(flowById(id).id).toBe(id);
    expect(Object.keys(flows).sort()).toEqual([...flowIds].sort());
  });

  it('continues a case under the flow and version it records, and refuses any other in one line', () => {
    const city = flowOfCase({ flowId: 'cityAddress', flowVersion: flows.cityAddress.version });
    expect(city.ok && city.value.id).toBe('cityAddress');
    const county = flowOfCase({ flowId: 'countyAddress', flowVersion: flows.countyAddress.version });
    expect(county.ok && county.value.id).toBe('countyAddress');
    const unknown = flowOfCase({ flowId: 'elsewhere', flowVersion: '1.0.0' });
    expect(unknown).toMatchObject({ ok: false, error: { reason: 'unknownFlow' } });
    // A patch version changes wording only: a case started under 1.0.0 continues under 1.0.x.
    const patched = flowOfCase({ flowId: 'cityAddress', flowVersion: '1.0.0' });
    expect(flows.cityAddress.version).toMatch(/^1\.0\.\d+$/);
    expect(patched.ok && patched.value.version).toBe(flows.cityAddress.version);
    const old = flowOfCase({ flowId: 'cityAddress', flowVersion: '0.9.0' });
    expect(old).toMatchObject({ ok: false, error: { reason: 'wrongFlowVersion' } });
    if (!old.ok) expect(old.error.message).not.toContain('\n');
  });
});
