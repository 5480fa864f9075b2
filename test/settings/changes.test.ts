import { describe, expect, it } from 'vitest';
import { changedBeyondCoordinator, describeChange } from '../../src/settings/changes.ts';
import {
  directoryOf,
  rolesOf,
  settingsFromFiles,
  type PartnershipSettings,
} from '../../src/settings/settings.ts';
import { directory } from '../helpers/fixtures.ts';

const settings = settingsFromFiles(directory, {
  coordinators: [
    { aadObjectId: 'C0000000-0000-4000-8000-000000000001', name: 'Sam Lee', partnerships: ['SLIP'] },
  ],
  panels: {
    SLIP: [
      { aadObjectId: 'b0000000-0000-4000-8000-000000000001', name: 'Member 1', schoolId: 'wigston-college' },
    ],
  },
  administrators: [{ aadObjectId: 'a0000000-0000-4000-8000-000000000001', name: 'Ada Min' }],
});
const slip = settings.partnerships.SLIP;
const withSchool = (
  change: Partial<PartnershipSettings['schools'][number]>,
  index = 0,
): PartnershipSettings => ({
  ...slip,
  schools: slip.schools.map((school, at) => (at === index ? { ...school, ...change } : school)),
});

describe('the administered settings', () => {
  it('round-trip the directory and roles files, object ids in lower case', () => {
    const { $comment: _comment, ...shipped } = directory;
    expect(directoryOf(settings)).toEqual(shipped);
    expect(rolesOf(settings)).toEqual({
      coordinators: [
        { aadObjectId: 'c0000000-0000-4000-8000-000000000001', name: 'Sam Lee', partnerships: ['SLIP'] },
      ],
      panels: {
        SLIP: [
          {
            aadObjectId: 'b0000000-0000-4000-8000-000000000001',
            name: 'Member 1',
            schoolId: 'wigston-college',
          },
        ],
      },
      administrators: [{ aadObjectId: 'a0000000-0000-4000-8000-000000000001', name: 'Ada Min' }],
    });
  });

  it('let a coordinator change the panel, the schools’ key facts and the vote settings, and nothing else', () => {
    expect(changedBeyondCoordinator(slip, { ...slip, panel: [] })).toBeUndefined();
    expect(
      changedBeyondCoordinator(slip, withSchool({ cityBapMember: true, keyLinkEmail: 'k@x.org' })),
    ).toBeUndefined();
    expect(
      changedBeyondCoordinator(slip, { ...slip, voteSettings: { ...slip.voteSettings, quorum: 3 } }),
    ).toBeUndefined();
    expect(
      changedBeyondCoordinator(slip, { ...slip, forumDates: ['2027-01-15', '2027-03-04'] }),
    ).toBeUndefined();
    expect(changedBeyondCoordinator(slip, { ...slip, coordinators: [] })).toBe('coordinators');
    expect(changedBeyondCoordinator(slip, { ...slip, formerNames: ['Old name'] })).toBe('formerNames');
    expect(changedBeyondCoordinator(slip, { ...slip, area: 'Elsewhere' })).toBe('area');
    expect(changedBeyondCoordinator(slip, withSchool({ name: 'Renamed' }, 2))).toBe('schools.2.name');
    expect(changedBeyondCoordinator(slip, { ...slip, schools: slip.schools.slice(1) })).toBe('schools');
  });

  it('refuse a coordinator any part of the document not listed as theirs, a new one included', () => {
    const extended = { ...slip, reviewPolicy: 'weekly' } as PartnershipSettings;
    expect(changedBeyondCoordinator(slip, extended)).toBe('reviewPolicy');
  });

  it('say which services, resources and forum dates changed, by name and date', () => {
    const county = {
      ...settings.county,
      services: [{ id: 'ep', name: 'Educational Psychologist (LCC)' }],
      resources: [{ id: 'local-offer', title: 'Local offer', url: 'https://example.org/offer' }],
    };
    expect(
      describeChange('county', county, {
        ...county,
        services: [
          { id: 'ep', name: 'Educational Psychology Service' },
          { id: 'speechAndLanguage', name: 'Speech and language' },
        ],
        resources: [{ id: 'sendiass', title: 'SENDIASS', url: 'https://example.org/sendiass' }],
      }),
    ).toEqual([
      'Services at the forums: Educational Psychologist (LCC) renamed Educational Psychology Service',
      'Services at the forums: added Speech and language',
      'Resources for advice: added SENDIASS (https://example.org/sendiass)',
      'Resources for advice: removed Local offer',
    ]);
    expect(
      describeChange(
        'partnership:SLIP',
        { ...slip, forumDates: ['2026-11-20', '2027-01-15'] },
        { ...slip, forumDates: ['2027-03-04', '2027-01-15'] },
      ),
    ).toEqual([
      'Inclusion Forum dates: added 4 March 2027',
      'Inclusion Forum dates: removed 20 November 2026',
    ]);
  });

  it('say each change in words for the History view', () => {
    const school = slip.schools[0]!;
    expect(describeChange('partnership:SLIP', slip, withSchool({ cityBapMember: false }))).toEqual([
      `${school.name}: City BAP member not known → no`,
    ]);
    expect(describeChange('partnership:SLIP', slip, { ...slip, panel: [] })).toEqual([
      'Panel: removed Member 1',
    ]);
    expect(describeChange('administrators', settings.administrators, [])).toEqual([
      'Administrators: removed Ada Min',
    ]);
    expect(describeChange('county', null, settings.county)).toEqual([
      'First settings, from the shipped directory and roles',
    ]);
  });
});
