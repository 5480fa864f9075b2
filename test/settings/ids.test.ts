import { describe, expect, it } from 'vitest';
import { defaultServices, directorySchema } from '../../src/directory/directory.ts';
import { resourceIdFor, serviceIdFor } from '../../src/settings/ids.ts';
import { directory } from '../helpers/fixtures.ts';

/** Whether the directory takes these services and resources, ids and all. */
function accepted(services: { id: string; name: string }[], resources: { id: string; title: string }[]) {
  return directorySchema.safeParse({
    ...directory,
    services,
    resources: resources.map((resource) => ({ ...resource, url: 'https://example.org/' })),
  }).success;
}

describe('a new service’s id', () => {
  it('is its name in lower camel case', () => {
    expect(serviceIdFor('NHS Care Navigator')).toBe('nhsCareNavigator');
    expect(serviceIdFor('Children and Family Wellbeing Service (CFWS)')).toBe(
      'childrenAndFamilyWellbeingServi',
    );
    expect(serviceIdFor('  Speech & Language Therapy ')).toBe('speechLanguageTherapy');
    expect(serviceIdFor('Écoute – parents’ line')).toBe('ecouteParentsLine');
  });

  it('starts with a letter, is never "school" or "partnership", and is not one already taken', () => {
    expect(serviceIdFor('0-25 SEND Team')).toBe('service025SendTeam');
    expect(serviceIdFor('—')).toBe('service');
    expect(serviceIdFor('X')).toBe('serviceX');
    expect(serviceIdFor('School')).toBe('school2');
    expect(serviceIdFor('Partnership')).toBe('partnership2');
    expect(serviceIdFor('EP', ['ep', 'ep2'])).toBe('ep3');
    const long = 'Educational Psychology Service Leicestershire';
    const first = serviceIdFor(long);
    expect(serviceIdFor(long, [first])).toHaveLength(31);
    expect(serviceIdFor(long, [first])).toMatch(/2$/);
  });

  it('is one the directory accepts, for every name tried, beside the shipped services', () => {
    const names = ['NHS Care Navigator', 'School', '0-25 SEND Team', '—', 'X', 'EP', 'a'.repeat(80)];
    const services = [...defaultServices];
    for (const name of names)
      services.push({
        id: serviceIdFor(
          name,
          services.map((s) => s.id),
        ),
        name,
      });
    expect(accepted(services, [])).toBe(true);
  });
});

describe('a new resource’s id', () => {
  it('is its title in lower-case words joined by hyphens, ending at a whole word', () => {
    expect(resourceIdFor('Early Help – Leicestershire')).toBe('early-help-leicestershire');
    expect(resourceIdFor('SENDIASS: advice for parents & carers')).toBe('sendiass-advice-for-parents-carers');
    const long = resourceIdFor(
      'The Leicestershire local offer for special educational needs and disabilities',
    );
    expect(long).toBe('the-leicestershire-local-offer-for-special-educational-needs');
  });

  it('is not one already taken, and is "resource" for a title with no letters', () => {
    expect(resourceIdFor('Local offer', ['local-offer'])).toBe('local-offer-2');
    expect(resourceIdFor('!!!')).toBe('resource');
    const titles = ['Local offer', 'Local offer', '!!!', '!!!', 'x'.repeat(90), 'x'.repeat(90)];
    const resources: { id: string; title: string }[] = [];
    for (const title of titles)
      resources.push({
        id: resourceIdFor(
          title,
          resources.map((r) => r.id),
        ),
        title,
      });
    expect(new Set(resources.map((resource) => resource.id)).size).toBe(titles.length);
    expect(accepted(defaultServices, resources)).toBe(true);
  });
});
