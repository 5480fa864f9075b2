import type { HomePartnership } from '../cases/homePartnership.ts';

/**
 * Plain drafts for the county-address flow, which has no templated email in the seeds: where the outcome
 * advises contacting the partnership where the child lives, the coordinator can send its coordinator(s) a
 * short note, edited freely before it is inserted. Written in the register of templates 1–4 (seed 000): the
 * student is named by the identifier only, and every contact and link comes from the directory.
 */

export const adviceOutcomes = ['R.inclusionForum', 'R.sena', 'R.panel'] as const;
export type AdviceOutcome = (typeof adviceOutcomes)[number];
export const isAdviceOutcome = (value: string): value is AdviceOutcome =>
  (adviceOutcomes as readonly string[]).includes(value);

export interface AdviceDraftInput {
  /** The student's identifier (initials or a reference). */
  student: string;
  /** The City school that made contact, when given. */
  schoolName?: string;
  partnership: HomePartnership;
  /** The signature. */
  coordinatorName?: string;
}

export interface AdviceDraft {
  /** Where it goes: the home partnership's coordinators, from the directory (may be none yet). */
  to: { name: string; email: string }[];
  subject: string;
  /** Paragraphs, plain text. */
  text: string;
}

/** What each outcome's draft asks of the partnership, after the common opening. */
const asks: Record<AdviceOutcome, (input: AdviceDraftInput) => string[]> = {
  'R.inclusionForum': ({ partnership }) => [
    `We have advised the school to make a referral to your Inclusion Forum, as the partnership for the area in which the child lives, using the county wide referral form at ${partnership.inclusionForumsLink}.`,
    'We would be grateful if you could expect the referral and offer the school a place at the next Inclusion Forum.',
  ],
  'R.sena': ({ partnership }) => [
    `The school believes that a formal assessment for an EHCP may be needed. We have explained that the Leicestershire Special Educational Needs Assessment Service (SENA) expects schools to have consulted their local partnership and followed up its recommendations, and that a SEND plan showing that such advice has been carried out and reviewed and has not resulted in the hoped-for outcomes is essential evidence for a formal assessment.`,
    `We have therefore advised the school to contact you first, through your Inclusion Forum (${partnership.inclusionForumsLink}) or directly if the child is at risk of Tier 4 or of permanent exclusion. SENA can be contacted at ${partnership.sena.email}.`,
  ],
  'R.panel': () => [
    'The child is at risk of reaching Tier 4 (PSP3) or of permanent exclusion. We have advised the school to contact you directly about a referral to your panel.',
  ],
};

const names = (people: readonly { name: string }[]) => {
  const all = people.map((person) => person.name);
  const last = all.pop();
  if (last === undefined) return 'Coordinator';
  return all.length === 0 ? last : `${all.join(', ')} and ${last}`;
};

/** The draft for an outcome of the county-address flow. */
export function adviceDraft(outcome: AdviceOutcome, input: AdviceDraftInput): AdviceDraft {
  const { partnership } = input;
  const school = input.schoolName ?? 'A City secondary school';
  const paragraphs = [
    `Dear ${names(partnership.coordinators)}`,
    `${input.student} – a county address child in a City school`,
    `${school} has contacted us about this child, who lives in the area of the ${partnership.name} (${partnership.id}) and is causing concern at school.`,
    ...asks[outcome](input),
    `Lists of schools in each partnership and contacts for partnership staff can be found at ${partnership.aboutUsLink}.`,
    'Please contact me if you need any further clarification',
    input.coordinatorName ?? 'Coordinator',
  ];
  return {
    to: partnership.coordinators,
    subject: `${input.student}: a county address child in a City school – ${partnership.id}`,
    text: paragraphs.join('\n\n'),
  };
}

/** The draft's text as the HTML inserted into the email: a paragraph per blank-line block, every value escaped. */
export function adviceDraftHtml(text: string): string {
  const escape = (value: string) =>
    value.replace(
      /[&<>"']/g,
      (character) =>
        ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
    );
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(escape).join('<br>')}</p>`)
    .join('\n');
}
