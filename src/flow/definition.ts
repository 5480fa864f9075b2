import { z } from 'zod';

/**
 * A decision flow as plain data. The shape is checked by `flowDefinitionSchema`; the meaning (every question
 * reachable, every answer leading somewhere, …) by `checkFlow` in check.ts. The interpreter in interpret.ts
 * only ever sees definitions that passed both.
 */

const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'an identifier: letters and digits, starting with a letter');
const outcomeIdentifier = z
  .string()
  .regex(/^[A-Z]\.[a-z][A-Za-z0-9]*$/, 'an outcome identifier such as "A.cityBap"');
const sentence = z.string().min(1);

const choiceOption = z.strictObject({
  id: identifier,
  label: sentence,
  /** Facts this answer establishes, usable as {name} in outcome texts (e.g. the partnership for a district). */
  sets: z.record(identifier, z.string()).optional(),
});

const checklistItem = z.strictObject({ id: identifier, label: sentence });

export const answerKindSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yesNo') }),
  z.strictObject({ kind: z.literal('choice'), options: z.array(choiceOption).min(2) }),
  z.strictObject({ kind: z.literal('checklist'), items: z.array(checklistItem).min(1) }),
]);

const questionSchema = z.strictObject({
  prompt: sentence,
  help: sentence.optional(),
  answer: answerKindSchema,
  /** Who settles the question by default: the coordinator, or the panel by a vote. */
  decidedBy: z.enum(['coordinator', 'panelVote']).default('coordinator'),
  /** Where a suggested answer can be read from before the coordinator confirms it. */
  prefillFrom: z.enum(['school.cityBapMember']).optional(),
});

const targetSchema = z.union([
  z.strictObject({ next: identifier }),
  z.strictObject({ outcome: outcomeIdentifier }),
]);

const stepSchema = z.strictObject({
  /** Branch → where it leads. Branches: yes/no, a choice's option ids, or all/notAll for a checklist. */
  on: z.record(z.string(), targetSchema),
});

const sectionSchema = z.strictObject({
  label: sentence,
  description: sentence,
  /**
   * The ways into the section when there are several, offered separately when a case starts (the case records
   * which): e.g. section C's "C" (a serious incident) and "C-further" (a further referral).
   */
  routes: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Z](-[a-z]+)?$/, 'a route id such as "C" or "C-further"'),
        description: sentence,
      }),
    )
    .optional(),
  start: identifier,
  /** Keyed by question id: each question is asked at most once in a section. */
  steps: z.record(identifier, stepSchema),
});

const followUpSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: sentence }),
  /** One follow-up per checklist item left unticked in the answer to `question`. `{item}` is its label. */
  z.strictObject({ kind: z.literal('eachUnticked'), question: identifier, text: sentence }),
  /** One follow-up per item of the checklist `question`, whether or not it was asked in this section. */
  z.strictObject({ kind: z.literal('eachItem'), question: identifier, text: sentence }),
]);

export const recipientRoles = ['school', 'lps'] as const;
export type RecipientRole = (typeof recipientRoles)[number];

/**
 * One of our actions: a sentence, or one sentence per checklist item left unticked in the answer to `question`
 * (`{item}` is its label), so an action can name the steps not done.
 */
const actionSchema = z.union([
  sentence,
  z.strictObject({ kind: z.literal('eachUnticked'), question: identifier, text: sentence }),
]);

const outcomeSchema = z.strictObject({
  section: z.string(),
  label: sentence,
  actions: z.array(actionSchema),
  cityExpectation: sentence.nullable(),
  followUps: z.array(followUpSchema).default([]),
  emails: z.array(z.strictObject({ template: z.string(), to: z.enum(recipientRoles) })).default([]),
  /** Field values this outcome implies, used when the case has not said otherwise (e.g. pspMeeting). */
  fieldDefaults: z.record(identifier, z.union([z.string(), z.boolean()])).default({}),
});

export const flowDefinitionSchema = z.strictObject({
  id: identifier,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as "1.0.0"'),
  title: sentence,
  sections: z.record(z.string().regex(/^[A-Z]$/, 'a section letter such as "A"'), sectionSchema),
  questions: z.record(identifier, questionSchema),
  outcomes: z.record(outcomeIdentifier, outcomeSchema),
});

/** A flow definition as written (defaults not yet applied). */
export type FlowDefinitionInput = z.input<typeof flowDefinitionSchema>;
/** A flow definition with its defaults applied. */
export type FlowDefinition = z.output<typeof flowDefinitionSchema>;
export type QuestionDefinition = FlowDefinition['questions'][string];
export type SectionDefinition = FlowDefinition['sections'][string];
export type OutcomeDefinition = FlowDefinition['outcomes'][string];
export type AnswerKind = z.output<typeof answerKindSchema>;
export type Target = z.output<typeof targetSchema>;
export type FollowUpDefinition = z.output<typeof followUpSchema>;
export type ActionDefinition = z.output<typeof actionSchema>;

/** The branches an answer of this kind can take; every one of them must lead somewhere. */
export function branchesOf(answer: AnswerKind): string[] {
  switch (answer.kind) {
    case 'yesNo':
      return ['yes', 'no'];
    case 'choice':
      return answer.options.map((option) => option.id);
    case 'checklist':
      return ['all', 'notAll'];
  }
}
