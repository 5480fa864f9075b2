import { describe, expect, it } from 'vitest';
import { enumerateRoutes } from '../../src/flow/paths.ts';
import { interpret } from '../../src/flow/interpret.ts';
import { flowIds, flows, flowTextValues, type FlowId } from '../../src/flows.ts';
import { directory, readSeed, seedsMissing } from '../helpers/fixtures.ts';

/**
 * Every sentence of the seed's "our actions" and "what to expect" cells for a branch appears in that outcome,
 * normalised only for whitespace, quotes, letter case, markup and a sentence's closing full stop. Each sentence
 * here is also checked to be in the seed, so this list cannot drift from it.
 */
const seeds: Record<FlowId, string> = {
  cityAddress: '000_51e4dd17df293322.txt',
  countyAddress: '001_3226d16e49a72701.txt',
};

const normalise = (text: string) =>
  text
    .replace(/<\/?(p|u|ol|li)\b[^>]*>/g, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\\_/g, '_')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const countyRoute = ['County address student – continue as normal'];
const psp3 = [
  'Advise the school to call the PSP3 Meeting',
  'Offer to attend the PSP3 Meeting with City Staff if appropriate',
];
const pex = ['Ensure that the school has contacted the LPS, convened a PSP3 meeting and completed'];

/** By outcome, the seed's sentences; the seed's own slips (domain.md) are left out of a sentence, not reworded. */
const seedSentences: Record<FlowId, Record<string, string[]>> = {
  cityAddress: {
    'A.countyRoute': countyRoute,
    'B.countyRoute': countyRoute,
    'C.countyRoute': countyRoute,
    'D.countyRoute': countyRoute,
    'A.cityBap': [
      'The school should seek help and support from the City for city address students',
      'Offer of advice and guidance support through the City BAP and Partnership School',
    ],
    'A.countyTier3': ['The county will support up to and including Tier 3.', 'No support'],
    'B.reconsider': [
      'Support the school in reconsidering each of these steps carefully and if necessary starting a renewed cycle of Assess Plan Do Review',
      'Be careful to offer time limited advice, support and resources',
      'The City Partnership School will not consider the referral unless the Information Passport shows that everything possible has been done',
    ],
    'B.psp2b': [
      'a City PSP2b meeting inviting:',
      'Partnership School Team to construct a Programme',
      'City BAP (Anna White) for possible managed move to City School',
      'Completing the City Information Passport',
      'Offer to attend the meeting with City staff if appropriate – be ready to help support the school with evidence that everything possible has been done to head off this move to Tier 4.',
      'Formally tell the school that as soon as the student moves onto a City Programme:',
      'Any provision from the Partnership will end.',
      'The Partnership will end any invoicing to the school for Pupil costs from that date.',
      'will not be expected to pass the pupil funding to the city but will be expected to pay for a significant part of the AP provision for the student',
      'The Partnership will not have any responsibility for the QA of any AP placements',
      'The City Partnership School does not convene meetings themselves and expects schools to do this.',
      'The school should make sure that the LPS staff can attend.',
    ],
    'C.psp3AfterPsp2b': [
      'It should be easier to move on to a PSP3 meeting',
      ...psp3,
      'The LPS will want to be certain that the threshold for access to additional resources has been met – so help the school prepare a convincing case',
    ],
    'C.psp3NoPsp2b': [
      'Check that the school really has done everything to avoid a Tier 4.',
      'See Question 4 in section B',
      ...psp3,
    ],
    'D.convinced': [
      ...pex,
      'The LPS will be as challenging to the school as we would be in response to an unexpected Pex',
    ],
    'D.notConvinced': [
      ...pex,
      'discuss with your Chair the concerns you have about the school’s decision.',
      'The LPS will be as challenging to the school as we would be in response to an unexpected Pex',
    ],
  },
  countyAddress: {
    'R.inclusionForum': [
      'to the Inclusion Forum for the partnership in which the child lives',
      'A county wide referral form is available at:',
      'https://www.leicsseips.org/inclusion-forums',
      'Inclusion Forums bring together health, early help, educational psychologists and schools in practical discussion sessions that help plan ways forward and offer short term interventions',
    ],
    'R.sena': [
      'The Leicestershire Special Educational Needs Assessment Service (SENA) expects that schools will have consulted with their local partnerships and followed up any recommendations arising as a result for these pupils.',
      'A SEND plan that demonstrates that such advice has been carried out and reviewed and has not resulted in the hoped-for outcomes is essential evidence required for a formal assessment under the SENCOP.',
      'senaservice@leics.gov.uk',
    ],
    'R.panel': [
      'The Partnerships have panels composed of representatives from member schools who act as gatekeepers for the partnerships’ additional resources and provision.',
      'Schools make referrals to those panels.',
      'To access this process contact the appropriate Co-ordinator directly',
      'Email addresses and telephone numbers are available at:',
      'https://www.leicsseips.org/about_us',
    ],
  },
};

const withoutStop = (sentence: string) => normalise(sentence).replace(/\.$/, '');

const skipped = seedsMissing(Object.values(seeds));

describe.skipIf(skipped)(
  `the seeds’ wording in every outcome of both flows${skipped ? ` (${skipped})` : ''}`,
  () => {
    for (const id of flowIds) {
      const flow = flows[id];
      const seed = skipped ? '' : normalise(readSeed(seeds[id]));

      it(`lists every outcome of ${id}`, () => {
        expect(Object.keys(seedSentences[id]).sort()).toEqual(Object.keys(flow.outcomes).sort());
      });

      for (const route of enumerateRoutes(flow)) {
        it(`${id} ${route.outcome} (${JSON.stringify(route.answers)}) says what the seed says`, () => {
          const state = interpret(flow, route.section, route.answers, flowTextValues(directory));
          if (state.status !== 'decided') throw new Error(`${route.outcome} is not decided`);
          const shown = normalise(
            [...state.actions, state.cityExpectation ?? '', ...state.followUps].join(' '),
          );
          for (const sentence of seedSentences[id][route.outcome] ?? []) {
            expect(seed, 'the sentence is the seed’s').toContain(withoutStop(sentence));
            expect(shown).toContain(withoutStop(sentence));
          }
        });
      }
    }
  },
);
