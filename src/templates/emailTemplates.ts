import type { RecipientRole } from '../flow/definition.ts';
import { parseTemplateText, type Segment } from './templateText.ts';

/**
 * Email templates 1–4, worded as in the coordinators' flow chart (seed 000), with the slips domain.md lists
 * corrected: the web site is www.leicsseips.org, "City of Leicestershire Partnership School" is the Leicester
 * Partnership School, and T2's "</ one of my team>" is the attendee field. Contacts and links are
 * {dir:…} placeholders filled from the directory. Subjects are not in the seed: they name the student only
 * by the identifier. T3 and T4 have no signature in the seed; they are signed like T1 and T2.
 */

export const templateIds = ['T1', 'T2', 'T3', 'T4', 'T5'] as const;
export type TemplateId = (typeof templateIds)[number];

export interface EmailTemplateSource {
  id: TemplateId;
  /** What the template is for, as a coordinator would pick it. */
  title: string;
  /** Who it is normally sent to. */
  to: RecipientRole;
  subject: string;
  /**
   * Paragraphs in order; `student` is the line naming the student, shown in bold. The action plan's parts are
   * blocks whose text is their lead-in: `advice` (the advice, paragraph by paragraph), `links` (a list of the
   * plan's links, left out when it has none) and `actions` (a table of owner, action and date).
   */
  blocks: { style: BlockStyle; text: string }[];
}

export const planBlockStyles = ['advice', 'links', 'actions'] as const;
export type PlanBlockStyle = (typeof planBlockStyles)[number];
export type BlockStyle = 'p' | 'student' | PlanBlockStyle;

export interface EmailTemplate extends Omit<EmailTemplateSource, 'subject' | 'blocks'> {
  subject: Segment[];
  blocks: { style: BlockStyle; segments: Segment[] }[];
}

// Paragraphs the seed repeats word for word in more than one template.
const attendeeOffer =
  '{attendee:sentence} will be happy to join the meeting if that will be helpful in ensuring that we can support your case for additional support from the City.';
const pleaseContact = 'Please contact me if you need any further clarification';
const furtherHelp =
  'If we can be of any further help in finding a way forward for this student please do not hesitate to contact us.';
const signature = { style: 'p', text: '{coordinatorName}' } as const;

const sources: EmailTemplateSource[] = [
  {
    id: 'T1',
    title: 'Email template 1: to the school, seeking support from the Leicester Partnership School',
    to: 'school',
    subject: '{student}: seeking support from the Leicester Partnership School',
    blocks: [
      { style: 'p', text: 'Dear {keyLinkName}' },
      { style: 'student', text: '{student}' },
      {
        style: 'p',
        text: 'This email is to assist you in the process of seeking support from the Leicester Partnership School.{if:meetingType|meetingDate} It follows our discussion at the {meetingType} held on {meetingDate}.{/if}',
      },
      {
        style: 'p',
        text: "You are advised to contact the Leicester Partnership School and to invite a member of staff to a {pspMeeting:long}. A copy of the City's flow chart for referrals can be found on our web site at {dir:links.website}. The City asks that you organise the meeting and decide who should attend – including a member of the LPS team. Contact {dir:lps.referralEmail}. LPS asks that you {passportAction} the City Information Passport prior to the meeting.",
      },
      {
        style: 'p',
        text: 'If you consider that a managed move to a city school might be an appropriate way forward for this student we suggest you invite {dir:cityBap.contactName} of the City Behaviour and Attendance Partnership to the meeting. {dir:cityBap.contactPossessive} contact is {dir:cityBap.email}.',
      },
      { style: 'p', text: attendeeOffer },
      {
        style: 'p',
        text: "Once you have agreed a way forward with City Services for the student {partnership} will step back from involvement. Any payments of pupil based funding that you have been making to the Partnership will end as will any contribution the Partnership has been making towards the cost of the student's provision.",
      },
      {
        style: 'p',
        text: "The City operates in a different way from the County with regard to funding. (This applies to dual registered students.) Instead of a charge to the school for pupil funding the City makes no charge to schools for provision that it supplies directly* but expects the school to meet the cost of placements in alternative provisions. The City Partnership School may advise about suitable APs at the PSP meeting. The Partnership will be happy to give advice if needed. Once the student is placed with one or more APs it is the school's responsibility to monitor those placements. (This does not apply to County address students in county schools, where the Partnerships take on all the vetting , monitoring and quality assurance processes on your behalf). There is a list of APs used by the county and some advice at {dir:links.apLists} .",
      },
      {
        style: 'p',
        text: '*The Leicester Partnership School has a dual registration agreement with most county schools that ensures that its provision for dual registered places are cost free. County Schools who have not "signed up" may find that additional charges are levied. Contact the LPS for further details.',
      },
      { style: 'p', text: pleaseContact },
      signature,
    ],
  },
  {
    id: 'T2',
    title: 'Email template 2: to the school, after notice of a permanent exclusion or on a further referral',
    to: 'school',
    subject:
      '{student}: {if:!furtherReferral}permanent exclusion{/if}{if:furtherReferral}further referral{/if} – seeking support from the Leicester Partnership School',
    blocks: [
      { style: 'p', text: 'Dear {keyLinkName}' },
      { style: 'student', text: '{student}' },
      {
        style: 'p',
        // The seed's opening reports a permanent exclusion; on a further referral (section C's other route) the
        // coordinator's email opens with that referral instead (the furtherReferral switch, from the case).
        text: '{if:!furtherReferral}We have received notification from Leicestershire County Hall that {schoolName} is in the process of issuing a permanent exclusion for this student.{/if}{if:furtherReferral}{schoolName} has made a further referral of this student to the Partnership, having done everything advised at the earlier referrals.{/if} We note that this student has a City of Leicester address. As a result the responsibility for future provision fall to the City Local Authority – which operates its exclusions service through the Leicester Partnership School.',
      },
      {
        style: 'p',
        text: 'This email is to assist you in the process of seeking support from the Leicester Partnership School.',
      },
      {
        style: 'p',
        text: "If the City LPS has not made contact with you we advise you to contact them and to invite a member of staff to a Pastoral Support Plan 3 Meeting. A copy of the City's flow chart for referrals can be found on our web site at {dir:links.website}. The City asks that you organise the meeting and decide who should attend – including a member of the LPS team. LPS asks that you {passportAction} the City Information Passport prior to the meeting.",
      },
      {
        style: 'p',
        text: 'If you consider that a managed move to a city school might be an appropriate way forward for this student we suggest you invite {dir:cityBap.contactName} of the City Behaviour and Attendance Partnership to the meeting.',
      },
      { style: 'p', text: attendeeOffer },
      {
        style: 'p',
        text: 'We hope you will consider a dual registration with the City LPS as an alternative to Permanent Exclusion. If you do, the City operates in a different way from the County with regard to funding. Instead of a charge to the school for pupil funding the City makes no charge to schools for provision that it supplies directly* but expects the school to meet the cost of placements in alternative provisions.',
      },
      {
        style: 'p',
        text: "The City Partnership School may advise about suitable Alternative Providers at the PSP meeting. The Partnership will be happy to give advice if needed. Once the student is placed with one or more APs it is the school's responsibility to monitor those placements. (This does not apply to full time programme managed county address students in county schools, where the Partnerships take on all the vetting , monitoring and quality assurance processes on your behalf). There is a list of APs used by the county and some advice at {dir:links.apLists} .",
      },
      {
        style: 'p',
        text: '*The Leicester Partnership School has a dual registration agreement with most county schools that ensures that its provision for dual registered places are cost free. County Schools who have not “signed up” may find that additional charges are levied. Contact the LPS for further details.',
      },
      { style: 'p', text: pleaseContact },
      signature,
    ],
  },
  {
    id: 'T3',
    title:
      'Email template 3: to the Leicester Partnership School, the school has been advised to call a PSP meeting',
    to: 'lps',
    subject: '{student}: {pspMeeting} meeting – a city address student in a county school',
    blocks: [
      { style: 'p', text: 'Dear {dir:lps.headSalutation}' },
      { style: 'student', text: '{student} – a city address student in a county school.' },
      {
        style: 'p',
        text: 'This email is to let you know that we have advised {schoolName} to arrange a {pspMeeting} meeting for this student and reminded them of the need to invite staff from the Leicester Partnership School and complete the Information Passport.{if:lpsPreviouslyInvolved} You were previously involved when the school held a PSP2b meeting.{/if}',
      },
      {
        style: 'p',
        text: "{partnership} have worked with the school to support this student at county Tier 1 and 2 levels and above. We are confident that the student has needs that cannot be met {if:needsNotMetInFull}in full {/if}from element one and two of schools' budgets.",
      },
      {
        style: 'p',
        text: "Because we have some knowledge of this student we have offered to attend the PSP meeting when it is called. However we have also made it clear that the Partnership cannot offer any additional resource above that already allocated and that our direct involvement in the management of this student's programme will end.",
      },
      { style: 'p', text: furtherHelp },
      signature,
    ],
  },
  {
    id: 'T4',
    title: 'Email template 4: to the Leicester Partnership School, after a permanent exclusion',
    to: 'lps',
    subject: '{student}: permanent exclusion – a city address student in a county school',
    blocks: [
      { style: 'p', text: 'Dear {dir:lps.headSalutation}' },
      { style: 'student', text: '{student} – a city address student in a county school.' },
      {
        style: 'p',
        text: 'This email is to let you know that {partnership} is aware of the recent notification of a permanent exclusion of this student at {schoolName}.',
      },
      {
        style: 'p',
        text: 'We have advised the school of the need to be in contact with you to initiate a PSP3 meeting and to be ready with the Information Passport. We have reminded the school of the value of avoiding permanent exclusion and using the preferred route of dual registration. We have reminded the school that county partnership involvement with city address students ends when they make a long term move into our Tier 4.',
      },
      {
        style: 'p',
        text: 'We know that the school and LPS may need to consider a variety of options, including, for example, a managed move to a city or county school. We would be happy to discuss possible options with you if this is helpful. Please contact me if needed.',
      },
      { style: 'p', text: furtherHelp },
      signature,
    ],
  },
  {
    id: 'T5',
    // Not in the seed (which says only that "an action plan is written up for each referral by Partnership staff
    // and emailed to the school after the meeting"): written in the register of templates 1–4.
    title: 'Email template 5: to the school, the action plan agreed at the Inclusion Forum',
    to: 'school',
    subject: '{student}: action plan from the {meetingType} held on {meetingDate}',
    blocks: [
      { style: 'p', text: 'Dear {keyLinkName}' },
      { style: 'student', text: '{student}' },
      {
        style: 'p',
        text: 'Thank you for bringing this student to the {meetingType} held on {meetingDate}. This email sets out the advice given at the meeting and the action plan we agreed, so that everyone involved knows what is to be done, by whom and by when.',
      },
      { style: 'advice', text: 'The advice given at the meeting:' },
      { style: 'links', text: 'Links to the resources and services we discussed:' },
      { style: 'actions', text: 'The actions we agreed:' },
      {
        style: 'p',
        text: 'We will review the plan with you on {actionPlan:reviewDate}, looking at what has been done and agreeing the next steps. If the review shows that further support is needed, the student may be referred to the Core Group for support at Tier 2 and above.',
      },
      {
        style: 'p',
        text: 'If circumstances change before the review, or you need any further clarification, please contact me. Information about the {partnership:name} and its Inclusion Forums can be found on our web site at {dir:links.website}.',
      },
      signature,
    ],
  },
];

/** Parses and checks template sources; throws a TemplateSyntaxError naming the template and block on a slip. */
export function compileTemplates(list: readonly EmailTemplateSource[]): Record<TemplateId, EmailTemplate> {
  const compiled = {} as Record<TemplateId, EmailTemplate>;
  for (const source of list) {
    compiled[source.id] = {
      id: source.id,
      title: source.title,
      to: source.to,
      subject: parseTemplateText(`${source.id}.subject`, source.subject),
      blocks: source.blocks.map((block, index) => ({
        style: block.style,
        segments: parseTemplateText(`${source.id}.blocks.${index}`, block.text),
      })),
    };
  }
  for (const id of templateIds) {
    if (!compiled[id]) throw new Error(`Email template ${id} is not defined`);
  }
  return compiled;
}

export const emailTemplates: Record<TemplateId, EmailTemplate> = compileTemplates(sources);
export const emailTemplateSources: readonly EmailTemplateSource[] = sources;
