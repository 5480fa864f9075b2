import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/fixtures.ts';

/** `npm run --silent admin -- …` exactly as the README says, on a store of its own. */
function admin(args: string[], dataDir: string) {
  const result = spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ROLES_FILE: '' },
  });
  const stderr = result.stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('npm warn'))
    .join('\n');
  return { status: result.status, stdout: result.stdout, stderr };
}

const shipped = JSON.parse(readFileSync(join(root, 'config', 'directory.json'), 'utf8')) as Record<
  string,
  unknown
>;
const { $comment: _comment, ...shippedDirectory } = shipped;

describe('npm run --silent admin -- export | import', () => {
  it('exports the shipped directory from a new store, and imports a change as one history entry', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'admin-'));
    const first = admin(['export'], dataDir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const document = JSON.parse(first.stdout) as {
      directory: {
        partnerships: { schools: { cityBapMember: boolean | null }[] }[];
        contacts: { lps: { headEmail: string | null } };
      };
      roles: unknown;
    };
    expect(document.directory).toEqual(shippedDirectory);
    expect(document.roles).toEqual({ coordinators: [], panels: {}, administrators: [] });

    // A change, imported and exported again, is what was imported.
    document.directory.partnerships[4]!.schools[0]!.cityBapMember = true;
    document.directory.contacts.lps.headEmail = 'head@lps.leicester.sch.uk';
    const changed = join(dataDir, 'changed.json');
    writeFileSync(changed, JSON.stringify(document));
    const imported = admin(['import', changed], dataDir);
    expect([imported.status, imported.stderr]).toEqual([0, '']);
    const out = join(dataDir, 'out.json');
    expect(admin(['export', '--out', out], dataDir).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(document);
  }, 60_000);

  it('refuses a bad document with one line naming the value, and changes nothing', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'admin-'));
    const before = admin(['export'], dataDir).stdout;
    const document = JSON.parse(before) as {
      directory: { partnerships: { schools: Record<string, unknown>[] }[] };
    };
    document.directory.partnerships[2]!.schools[4]!.cityBapMember = 'yes';
    const bad = join(dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify(document));
    const refused = admin(['import', bad], dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'admin: directory.partnerships[2].schools[4].cityBapMember: expected true, false or null, got "yes"',
    );
    expect(admin(['export'], dataDir).stdout).toBe(before);

    // A panel member for a school of another partnership is refused by the settings' own rules.
    const roles = join(dataDir, 'roles.json');
    writeFileSync(
      roles,
      JSON.stringify({
        roles: {
          coordinators: [],
          panels: {
            SLIP: [
              {
                aadObjectId: 'b0000000-0000-4000-8000-000000000001',
                name: 'Member 1',
                schoolId: 'bosworth-academy',
              },
            ],
          },
        },
      }),
    );
    const wrongSchool = admin(['import', roles], dataDir);
    expect(wrongSchool.status).toBe(1);
    expect(wrongSchool.stderr).toBe(
      'admin: partnership.SLIP.panel[0].schoolId: "bosworth-academy" is not a school of SLIP',
    );
    expect(admin(['export'], dataDir).stdout).toBe(before);
    expect(admin(['import'], dataDir).status).toBe(2);
  }, 60_000);
});
