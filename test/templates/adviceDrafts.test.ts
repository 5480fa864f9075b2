import { describe, expect, it } from 'vitest';
import { homePartnership } from '../../src/cases/homePartnership.ts';
import { enumerateRoutes } from '../../src/flow/paths.ts';
import { flows } from '../../src/flows.ts';
import { adviceDraft, adviceDraftHtml, isAdviceOutcome } from '../../src/templates/adviceDrafts.ts';
import { directory } from '../helpers/fixtures.ts';

const flow = flows.countyAddress;
const withCoordinators = {
  ...directory,
  partnerships: directory.partnerships.map((partnership) =>
    partnership.id === 'MSCIP'
      ? {
          ...partnership,
          coordinators: [
            { name: 'Pat Jones', email: 'pat.jones@mscip.example.org' },
            { name: 'Ravi Shah', email: 'ravi.shah@mscip.example.org' },
          ],
        }
      : partnership,
  ),
};

describe('the county-address flow’s plain drafts', () => {
  it.each(enumerateRoutes(flow).map((route) => [route.outcome, route.answers] as const))(
    '%s (%j): a draft to the home partnership, by identifier only, with every contact filled',
    (outcome, answers) => {
      expect(isAdviceOutcome(outcome)).toBe(true);
      if (!isAdviceOutcome(outcome)) return;
      const home = homePartnership(flow, answers, withCoordinators);
      if (!home) throw new Error('no home partnership');
      const draft = adviceDraft(outcome, {
        student: 'J.S. (ref 2291)',
        schoolName: 'Beaumont Leys School',
        partnership: home,
        coordinatorName: 'Alex Wilber',
      });
      expect(draft.subject).toBe(`J.S. (ref 2291): a county address child in a City school – ${home.id}`);
      expect(draft.text).toContain(`the area of the ${home.name} (${home.id})`);
      expect(draft.text).toContain('Beaumont Leys School has contacted us about this child');
      expect(draft.text).toContain(home.aboutUsLink);
      expect(draft.text).toContain('Please contact me if you need any further clarification');
      expect(draft.text.endsWith('\n\nAlex Wilber')).toBe(true);
      expect(draft.text).not.toMatch(/[{}<>]/);
      expect(draft.to).toEqual(home.coordinators);
      if (home.id === 'MSCIP') expect(draft.text.startsWith('Dear Pat Jones and Ravi Shah\n\n')).toBe(true);
      else expect(draft.text.startsWith('Dear Coordinator\n\n')).toBe(true);
      if (outcome === 'R.sena') {
        expect(draft.text).toContain(
          'has been carried out and reviewed and has not resulted in the hoped-for outcomes',
        );
        expect(draft.text).toContain(directory.contacts.sena.email);
      }
      if (outcome === 'R.inclusionForum') expect(draft.text).toContain(directory.links.inclusionForums);
    },
  );

  it('inserts as escaped paragraphs', () => {
    expect(adviceDraftHtml('Dear A & B\n\nLine one\nline <two>\n\n\n')).toBe(
      '<p>Dear A &amp; B</p>\n<p>Line one<br>line &lt;two&gt;</p>',
    );
  });
});
