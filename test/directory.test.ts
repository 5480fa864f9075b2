import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSchool, parseDirectory } from '../src/directory/directory.ts';
import { defaultDirectoryFile } from '../bot/directoryFile.ts';
import { directory, readSeed, seedsMissing } from './helpers/fixtures.ts';

const agreement = '004_0344ae8a2d4fe6a5.txt';
const skipped = seedsMissing([agreement]);

/** Schedule 2, Appendix A of the partnership agreement: heading lines name the partnership, then its schools. */
function appendixA(): Record<string, string[]> {
  const text = readSeed(agreement);
  const start = text.search(/^Schedule 2, Appendix A\s*$/m);
  const section = text.slice(start, text.indexOf('\nSchedule 3', start));
  const headings: [RegExp, string][] = [
    [/^South Leicestershire \(SL\)/, 'SLIP'],
    [/– NWLLIP\)$/, 'NWLLIP'],
    [/– MBP\)$/, 'MSCIP'],
    [/– HBEP\)$/, 'HBEP'],
    [/– LIP\)$/, 'LIP'],
  ];
  const schools: Record<string, string[]> = {};
  let current: string | undefined;
  for (const line of section.split('\n').map((l) => l.trim())) {
    const heading = headings.find(([pattern]) => pattern.test(line));
    if (heading) {
      current = heading[1];
      schools[current] = [];
    } else if (current && line !== '') {
      schools[current]?.push(line);
    }
  }
  return schools;
}

describe('the directory', () => {
  it.skipIf(skipped)(
    `lists exactly the member schools of Schedule 2, Appendix A, in the right partnerships${skipped ? ` (${skipped})` : ''}`,
    () => {
      const expected = appendixA();
      expect(Object.keys(expected).sort()).toEqual(['HBEP', 'LIP', 'MSCIP', 'NWLLIP', 'SLIP']);
      for (const partnership of directory.partnerships) {
        expect(partnership.schools.map((school) => school.name)).toEqual(expected[partnership.id]);
      }
    },
  );

  it('has the five partnerships with their domain.md names, and City BAP membership unknown until configured', () => {
    expect(directory.partnerships.map((p) => [p.id, p.name])).toEqual([
      ['HBEP', 'Hinckley and Bosworth Education Partnership'],
      ['LIP', 'Loughborough Inclusion Partnership'],
      ['MSCIP', 'Melton and South Charnwood Inclusion Partnership'],
      ['NWLLIP', 'North West Leicestershire Learning and Inclusion Partnership'],
      ['SLIP', 'South Leicestershire Inclusion Partnership'],
    ]);
    expect(
      directory.partnerships.flatMap((p) => p.schools).every((school) => school.cityBapMember === null),
    ).toBe(true);
    expect(findSchool(directory, 'the-cedars-academy')).toMatchObject({
      ok: true,
      value: { partnership: { id: 'MSCIP' } },
    });
    expect(findSchool(directory, 'the-cedar-academy')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('did you mean "the-cedars-academy"') },
    });
  });

  it('reports every problem in a bad directory by path', () => {
    const raw = JSON.parse(readFileSync(defaultDirectoryFile, 'utf8'));
    raw.contacts.lps.referralEmail = 'not an email';
    raw.links.website = 'http://www.leicsseips.org';
    raw.partnerships[1].schools.push({ ...raw.partnerships[0].schools[0] });
    raw.partnerships[2].id = 'MBP';
    const result = parseDirectory(raw);
    expect(result.ok).toBe(false);
    const problems = result.ok
      ? []
      : result.error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'contacts.lps.referralEmail: expected an email address',
        'links.website: expected an https:// address',
        expect.stringMatching(/^partnerships\.2\.id: /),
      ]),
    );
  });

  it('refuses a school listed in two partnerships', () => {
    const raw = JSON.parse(readFileSync(defaultDirectoryFile, 'utf8'));
    raw.partnerships[1].schools.push({ ...raw.partnerships[0].schools[0] });
    const result = parseDirectory(raw);
    expect(result.ok ? [] : result.error.problems).toContainEqual({
      path: 'partnerships.1.schools.9.id',
      message: '"bosworth-academy" is already a school of HBEP; a school belongs to one partnership',
    });
  });
});
