import { templateIds } from '../templates/emailTemplates.ts';
import { fieldIds } from '../templates/fields.ts';
import { defineFlow } from './check.ts';
import type { FlowDefinitionInput } from './definition.ts';

/**
 * The coordinators' flow chart for city-address students in county schools (seed 000), with the identifiers
 * of domain.md. Wording of actions and expectations follows the chart (test/flow/seedWording.test.ts). Every
 * case records the version it was decided under: change the minor or major version whenever a question, an
 * answer or a route changes; a patch version changes wording only, and a case continues under it.
 */

const countyRoute = (section: string) => ({
  section,
  label: 'County address student',
  actions: ['County address student – continue as normal.'],
  cityExpectation: null,
});

const residencyStep = (next: string, section: string) => ({
  on: { city: { next }, county: { outcome: `${section}.countyRoute` } },
});

const psp3Actions = [
  'Advise the school to call the PSP3 meeting.',
  'Offer to attend the PSP3 meeting with City staff if appropriate.',
];

const pexActions = [
  'Ensure that the school has contacted the LPS, convened a PSP3 meeting and completed an Information Passport.',
];
const pexExpectation =
  'The LPS will be as challenging to the school as we would be in response to an unexpected PEx.';

export const cityAddressFlowSource = {
  id: 'cityAddress',
  version: '1.0.1',
  title: 'City-address students in county schools',
  sections: {
    A: {
      label: 'A. Referral to the Inclusion Forum or Panel',
      description: 'The school makes a referral to the Inclusion Forum or Panel.',
      start: 'residency',
      steps: {
        residency: residencyStep('cityBapMember', 'A'),
        cityBapMember: { on: { yes: { outcome: 'A.cityBap' }, no: { outcome: 'A.countyTier3' } } },
      },
    },
    B: {
      label: 'B. Second or third referral',
      description: 'The school makes a second or third referral to the Partnership.',
      start: 'residency',
      steps: {
        residency: residencyStep('stepsDone', 'B'),
        stepsDone: { on: { all: { outcome: 'B.psp2b' }, notAll: { outcome: 'B.reconsider' } } },
      },
    },
    C: {
      label: 'C. Serious incident with risk of permanent exclusion',
      description:
        'The school makes a referral following a serious incident with risk of permanent exclusion, or a further referral having done everything in section B.',
      routes: [
        {
          id: 'C',
          description:
            'The school makes a referral following a serious incident with risk of permanent exclusion.',
        },
        {
          id: 'C-further',
          description: 'The school makes a further referral having done everything in section B.',
        },
      ],
      start: 'residency',
      steps: {
        residency: residencyStep('metCityPsp2b', 'C'),
        metCityPsp2b: { on: { yes: { outcome: 'C.psp3AfterPsp2b' }, no: { outcome: 'C.psp3NoPsp2b' } } },
      },
    },
    D: {
      label: 'D. Permanent exclusion',
      description: 'The school permanently excludes the student.',
      start: 'residency',
      steps: {
        residency: residencyStep('partnershipConvinced', 'D'),
        partnershipConvinced: { on: { yes: { outcome: 'D.convinced' }, no: { outcome: 'D.notConvinced' } } },
      },
    },
  },
  questions: {
    residency: {
      prompt: 'Is the student a City of Leicester resident?',
      help: 'Check the address of the student.',
      answer: {
        kind: 'choice',
        options: [
          { id: 'city', label: 'Yes – a City of Leicester address' },
          { id: 'county', label: 'No – a county address' },
        ],
      },
    },
    cityBapMember: {
      prompt: 'Is the school a member of the City Behaviour and Attendance Partnership?',
      answer: { kind: 'yesNo' },
      prefillFrom: 'school.cityBapMember',
    },
    stepsDone: {
      prompt: 'Has the school done all of these?',
      help: 'Tick each step the school has done.',
      answer: {
        kind: 'checklist',
        items: [
          { id: 'agreedActions', label: 'Previously agreed school action at IF and Panels' },
          { id: 'managedMove', label: 'Considered an in-county managed move' },
          { id: 'apPartTime', label: 'Considered a part-time programme at AP, with Partnership advice' },
          {
            id: 'partnershipSupport',
            label: 'Considered some short-term support from the Partnership if appropriate',
          },
        ],
      },
    },
    metCityPsp2b: {
      prompt: 'Has the school met with the City for a PSP2b meeting?',
      answer: { kind: 'yesNo' },
    },
    partnershipConvinced: {
      prompt:
        "Is the Partnership convinced that this action was in the best interests of the student concerned and the school's pupils?",
      help: 'A panel decision: by default it is put to a vote.',
      answer: { kind: 'yesNo' },
      decidedBy: 'panelVote',
    },
  },
  outcomes: {
    'A.countyRoute': countyRoute('A'),
    'A.cityBap': {
      section: 'A',
      label: 'The school is a City BAP member',
      actions: ['The school should seek help and support from the City for city address students.'],
      cityExpectation: 'Offer of advice and guidance support through the City BAP and Partnership School.',
    },
    'A.countyTier3': {
      section: 'A',
      label: 'The county supports up to Tier 3',
      actions: ['The county will support up to and including Tier 3.'],
      cityExpectation: 'No support.',
    },
    'B.countyRoute': countyRoute('B'),
    'B.reconsider': {
      section: 'B',
      label: 'Reconsider the steps not done',
      actions: [
        'Support the school in reconsidering each of these steps carefully and if necessary starting a renewed cycle of Assess Plan Do Review:',
        {
          kind: 'eachUnticked',
          question: 'stepsDone',
          text: 'Not done yet – reconsider with the school: {item}.',
        },
        'Be careful to offer time limited advice, support and resources.',
      ],
      cityExpectation:
        'The City Partnership School will not consider the referral unless the Information Passport shows that everything possible has been done.',
    },
    'B.psp2b': {
      section: 'B',
      label: 'The school sets up a City PSP2b meeting',
      actions: [
        'Advise the school to set up a City PSP2b meeting inviting: 1. Partnership School Team to construct a Programme; 2. City BAP ({cityBapContact}) for possible managed move to City School; 3. Completing the City Information Passport.',
        'Offer to attend the meeting with City staff if appropriate – be ready to help support the school with evidence that everything possible has been done to head off this move to Tier 4.',
        'Formally tell the school that as soon as the student moves onto a City Programme: 1. Any provision from the Partnership will end. 2. The Partnership will end any invoicing to the school for pupil costs from that date. 3. The school will not be expected to pass the pupil funding to the City but will be expected to pay for a significant part of the AP provision for the student. 4. The Partnership will not have any responsibility for the QA of any AP placements.',
      ],
      cityExpectation:
        'The City Partnership School does not convene meetings themselves and expects schools to do this. The school should make sure that the LPS staff can attend.',
      emails: [
        { template: 'T1', to: 'school' },
        { template: 'T3', to: 'lps' },
      ],
      fieldDefaults: { pspMeeting: 'PSP2b' },
    },
    'C.countyRoute': countyRoute('C'),
    'C.psp3AfterPsp2b': {
      section: 'C',
      label: 'On to a PSP3 meeting after the PSP2b meeting',
      actions: ['It should be easier to move on to a PSP3 meeting.', ...psp3Actions],
      cityExpectation:
        'The LPS will want to be certain that the threshold for access to additional resources has been met – so help the school prepare a convincing case.',
      emails: [{ template: 'T2', to: 'school' }],
      fieldDefaults: { pspMeeting: 'PSP3' },
    },
    'C.psp3NoPsp2b': {
      section: 'C',
      label: 'A PSP3 meeting without a PSP2b meeting',
      actions: [
        'Check that the school really has done everything to avoid a Tier 4. See question 4 in section B.',
        ...psp3Actions,
      ],
      cityExpectation: null,
      followUps: [{ kind: 'eachItem', question: 'stepsDone', text: 'Check with the school: {item}.' }],
      emails: [{ template: 'T2', to: 'school' }],
      fieldDefaults: { pspMeeting: 'PSP3' },
    },
    'D.countyRoute': countyRoute('D'),
    'D.convinced': {
      section: 'D',
      label: 'The Partnership is convinced',
      actions: pexActions,
      cityExpectation: pexExpectation,
      emails: [{ template: 'T4', to: 'lps' }],
      fieldDefaults: { pspMeeting: 'PSP3' },
    },
    'D.notConvinced': {
      section: 'D',
      label: 'The Partnership is not convinced',
      actions: [...pexActions, 'Discuss with your Chair the concerns you have about the school’s decision.'],
      cityExpectation: pexExpectation,
      emails: [{ template: 'T4', to: 'lps' }],
      fieldDefaults: { pspMeeting: 'PSP3' },
    },
  },
} satisfies FlowDefinitionInput;

/** Names of the {placeholders} outcome texts may use besides the facts answers establish. */
export const flowTextValueNames = ['cityBapContact'] as const;

export const cityAddressFlow = defineFlow(cityAddressFlowSource, {
  templateIds,
  fieldIds,
  textValueNames: flowTextValueNames,
});
