import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/fixtures.ts';

/** Runs the runner exactly as the README says, through npm, so the script wiring is tested too. */
function flow(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'flow', '--', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  // npm itself may warn about the machine's own npm configuration; only the runner's lines matter here.
  const stderr = result.stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('npm warn'))
    .join('\n');
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('npm run --silent flow -- FILE', () => {
  it('runs the county-address flow with "flow": "countyAddress", in the same shape', () => {
    const result = flow(['examples/county-address-sena.json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual([
      'outcome',
      'next',
      'path',
      'actions',
      'cityExpectation',
      'followUps',
      'emails',
    ]);
    expect(output).toMatchObject({ outcome: 'R.sena', path: ['homeArea', 'concern'], emails: [] });
    const bad = flow(['-'], '{ "flow": "countyAddress", "answers": { "homeArea": "rutland" } }');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^flow: answers\.homeArea: expected .*"oadbyWigston".*, got "rutland"$/);
  });

  it('reads a file and prints one JSON object', () => {
    const result = flow(['examples/section-b-psp2b.json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual([
      'outcome',
      'next',
      'path',
      'actions',
      'cityExpectation',
      'followUps',
      'emails',
    ]);
    expect(output.outcome).toBe('B.psp2b');
    expect(
      output.emails.map((email: { template: string; to: string }) => `${email.template}→${email.to}`),
    ).toEqual(['T1→school', 'T3→lps']);
    expect(Object.keys(output.emails[0])).toEqual(['template', 'to', 'subject', 'html', 'text', 'missing']);
  });

  it('reads standard input with -', () => {
    const result = flow(['-'], '{"section":"A","answers":{"residency":"city"}}');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      outcome: null,
      next: 'cityBapMember',
      path: ['residency'],
    });
  });

  it.each([
    ['not JSON', 'section: A', /^flow: \(input\): not JSON: /],
    ['an unknown section', '{"section":"E"}', /^flow: section: expected one of "A", "B", "C", "D", got "E"$/],
    [
      'a bad answer value',
      '{"section":"A","answers":{"residency":"city","cityBapMember":"yes"}}',
      /^flow: answers\.cityBapMember: expected true or false, got "yes"$/,
    ],
    [
      'an unknown partnership',
      '{"section":"D","fields":{"partnership":"XYZ"}}',
      /^flow: fields\.partnership: expected one of "HBEP", "LIP", "MSCIP", "NWLLIP", "SLIP", got "XYZ"$/,
    ],
  ])('exits non-zero with one line naming the problem for %s', (_name, input, message) => {
    const result = flow(['-'], input);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });

  it('says so in one line when the file cannot be read or no file is named', () => {
    const missing = flow(['no/such/case.json']);
    expect(missing).toMatchObject({ status: 1, stderr: 'flow: cannot read no/such/case.json: no such file' });
    const usage = flow([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^flow: usage: npm run --silent flow -- FILE/);
  });

  it('reports a broken directory configuration in one line, without a stack trace', () => {
    const folder = mkdtempSync(join(tmpdir(), 'directory-'));
    const file = join(folder, 'directory.json');
    writeFileSync(file, '{"version": 1}');
    const result = flow(['-'], '{"section":"A"}', { DIRECTORY_FILE: file });
    expect(result.status).toBe(70);
    expect(result.stderr).toMatch(/^flow: the directory .*directory\.json is not valid: partnerships: /);
    expect(result.stderr).not.toMatch(/\n| {4}at /);
  });
});
