import { templateIds } from '../templates/emailTemplates.ts';
import { fieldIds } from '../templates/fields.ts';
import { defineFlow } from './check.ts';
import type { FlowDefinitionInput } from './definition.ts';

/**
 * The reverse direction (seed 001, "Advice to City secondary schools with county address children at risk of
 * exclusion"): a City school with a county-address child contacts the partnership for the district where the
 * child lives. Charnwood is split between two partnerships: Loughborough and the north of Charnwood (LIP),
 * and the south of Charnwood (MSCIP).
 */

// Which partnership a district belongs to is the directory's (`districts`), so it is configuration: an answer
// names the district's values, which the interpreter fills from the directory.
const area = (id: string, label: string) => ({
  id,
  label,
  sets: { partnership: `{district.${id}}`, partnershipName: `{district.${id}.partnershipName}` },
});

export const countyAddressFlowSource = {
  id: 'countyAddress',
  version: '1.0.1',
  title: 'County-address children in City schools',
  sections: {
    R: {
      label: 'A City school with a county-address child',
      description: 'A City secondary school asks for help with a child who lives in Leicestershire.',
      start: 'homeArea',
      steps: {
        homeArea: {
          on: Object.fromEntries(
            [
              'hinckleyBosworth',
              'northCharnwood',
              'southCharnwood',
              'melton',
              'northWestLeicestershire',
              'blaby',
              'harborough',
              'oadbyWigston',
            ].map((id) => [id, { next: 'concern' }]),
          ),
        },
        concern: {
          on: {
            belowTier4: { outcome: 'R.inclusionForum' },
            possibleEhcp: { outcome: 'R.sena' },
            riskOfTier4OrExclusion: { outcome: 'R.panel' },
          },
        },
      },
    },
  },
  questions: {
    homeArea: {
      prompt: 'In which district does the child live?',
      help: 'The partnership to contact is the one for the area where the child lives, not where the school is.',
      answer: {
        kind: 'choice',
        options: [
          area('hinckleyBosworth', 'Hinckley and Bosworth'),
          area('northCharnwood', 'Loughborough and the north of Charnwood'),
          area('southCharnwood', 'The south of Charnwood'),
          area('melton', 'Melton'),
          area('northWestLeicestershire', 'North West Leicestershire'),
          area('blaby', 'Blaby'),
          area('harborough', 'Harborough'),
          area('oadbyWigston', 'Oadby and Wigston'),
        ],
      },
    },
    concern: {
      prompt: 'What is the concern?',
      answer: {
        kind: 'choice',
        options: [
          { id: 'belowTier4', label: 'Challenging behaviour, not yet at Tier 4 (PSP3)' },
          {
            id: 'possibleEhcp',
            label: 'Social, emotional and mental health needs: an EHCP assessment may be needed',
          },
          { id: 'riskOfTier4OrExclusion', label: 'At risk of Tier 4 (PSP3) or of permanent exclusion' },
        ],
      },
    },
  },
  outcomes: {
    'R.inclusionForum': {
      section: 'R',
      label: 'Refer to the Inclusion Forum where the child lives',
      actions: [
        'Make a referral to the Inclusion Forum for the partnership in which the child lives: the {partnershipName}.',
        'A county wide referral form is available at: {inclusionForumsLink}.',
      ],
      cityExpectation:
        'Inclusion Forums bring together health, early help, educational psychologists and schools in practical discussion sessions that help plan ways forward and offer short term interventions.',
    },
    'R.sena': {
      section: 'R',
      label: 'Consult the partnership before asking SENA for an assessment',
      actions: [
        'Consult the {partnershipName} first and follow up its recommendations: make a referral to its Inclusion Forum (concerns below Tier 4), or contact its coordinator for its panel (at risk of Tier 4 or permanent exclusion).',
        'Contact SENA at {senaEmail}.',
      ],
      cityExpectation:
        'The Leicestershire Special Educational Needs Assessment Service (SENA) expects that schools will have consulted with their local partnerships and followed up any recommendations arising as a result for these pupils. A SEND plan that demonstrates that such advice has been carried out and reviewed and has not resulted in the hoped-for outcomes is essential evidence required for a formal assessment under the SENCOP.',
    },
    'R.panel': {
      section: 'R',
      label: 'Contact the partnership’s coordinator',
      actions: [
        'To access this process contact the appropriate Co-ordinator directly: the coordinator of the {partnershipName}.',
        'Email addresses and telephone numbers are available at: {aboutUsLink}.',
      ],
      cityExpectation:
        'The Partnerships have panels composed of representatives from member schools who act as gatekeepers for the partnerships’ additional resources and provision. Schools make referrals to those panels.',
    },
  },
} satisfies FlowDefinitionInput;

export const countyAddressTextValueNames = ['inclusionForumsLink', 'senaEmail', 'aboutUsLink'] as const;

export const countyAddressFlow = defineFlow(countyAddressFlowSource, {
  templateIds,
  fieldIds,
  textValueNames: countyAddressTextValueNames,
});
