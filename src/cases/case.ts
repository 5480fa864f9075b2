import { z } from 'zod';
import type { Answers } from '../flow/answers.ts';
import type { FlowDefinition, RecipientRole } from '../flow/definition.ts';
import {
  answerQuestion,
  interpret,
  type AnswerRefusal,
  type FlowState,
  type TextValues,
} from '../flow/interpret.ts';
import { fail, ok, type Result } from '../result.ts';
import type { IdentifierRule } from './identifier.ts';
import { findSchool, type Directory } from '../directory/directory.ts';
import { withArticle } from '../text/initialisms.ts';
import type { TemplateId } from '../templates/emailTemplates.ts';
import type { RecusalReason } from '../votes/vote.ts';
import type { PlanReview, ReviewOutcome, StoredPlan } from '../plans/actionPlan.ts';
import {
  fieldsSchema,
  lineOfText,
  meetingTypes,
  partnershipIds,
  type Fields,
  type PartnershipId,
} from '../templates/fields.ts';

/**
 * A case: one student, referred by one county school to one partnership, run through the flow in a meeting.
 * The student is named only by an identifier (initials or a reference), never the full name.
 */
export interface CaseRecord {
  id: string;
  partnership: PartnershipId;
  conversationId: string;
  meetingId: string | null;
  student: string;
  schoolId: string;
  section: string;
  flowId: string;
  flowVersion: string;
  answers: Answers;
  /** Template fields the case knows (school, key link, meeting, …); the add-in completes the rest. */
  fields: Fields;
  /** Where templates 1 and 2 go: the school key link's address, if the coordinator gave it. */
  keyLinkEmail: string | null;
  outcome: string | null;
  /** Templates the coordinator added beyond the chart's recommendation. */
  extraEmails: { template: TemplateId; to: RecipientRole }[];
  /** Questions answered from the directory (not by a person), until someone changes the answer. */
  prefilled: string[];
  cardActivityId: string | null;
  revision: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** When a coordinator withdrew the case (started in error); it is kept, no longer run. */
  withdrawnAt?: Date | null;
  /**
   * Whether the parents consented to the case being discussed (seed 002). Without consent it is an anonymous
   * case: its identifier is a reference only, and everything shown or sent calls it "anonymous case".
   */
  consent: boolean;
  /** The latest version of its Inclusion Forum action plan, if it has one. */
  plan: StoredPlan | null;
}

/** How a case's student is named on every card, email and export: an anonymous case says so. */
export const studentLabel = (record: Pick<CaseRecord, 'student' | 'consent'>) =>
  record.consent ? record.student : `Anonymous case ${record.student}`;

/** Someone acting on a case, identified by their Entra object id. */
export interface Actor {
  id: string;
  name: string;
}

/** Whether the parents consented to the case being discussed; without consent it is an anonymous case. */
const consentSchema = z
  .enum(['given', 'notGiven'], { error: 'say whether the parents have consented' })
  .default('given')
  .transform((value) => value === 'given');

/**
 * A new case's form with its consent: an anonymous case (no consent) is named by a reference alone, never by
 * initials, which with the school could identify the child.
 */
function anonymousByReference<T extends z.ZodRawShape>(rule: IdentifierRule, shape: T) {
  return z.strictObject({ ...shape, consent: consentSchema }).superRefine((value, context) => {
    const { consent, student } = value as { consent: boolean; student?: unknown };
    if (!consent && typeof student === 'string' && !rule.isReference(student))
      context.addIssue({
        code: 'custom',
        path: ['student'],
        message:
          'Without the parents’ consent the case is anonymous: give a reference only (no initials), such as the referral form’s number.',
      });
  });
}

/** The stored student identifier: a single line that the deployment's identifier rule accepts. */
const studentIdentifierSchema = (rule: IdentifierRule) =>
  lineOfText(60).refine((value) => rule.accepts(value), rule.refusal);

/**
 * What a coordinator gives to start a case (the "Start a case" card, or the add-in's agenda form), with the
 * student identifier checked by the deployment's rule (`Services.identifierRule`).
 */
export const newCaseSchema = (rule: IdentifierRule) =>
  anonymousByReference(rule, {
    partnership: z.enum(partnershipIds, { error: `choose a partnership: ${partnershipIds.join(', ')}` }),
    schoolId: z.string({ error: 'choose a school' }).min(1, 'choose a school').max(100),
    keyLinkName: lineOfText(100).optional(),
    keyLinkEmail: z.email({ error: 'expected an email address' }).max(254).optional(),
    student: studentIdentifierSchema(rule),
    meetingType: z.enum(meetingTypes).optional(),
    meetingDate: fieldsSchema.shape.meetingDate.optional(),
    section: z.enum(['A', 'B', 'C', 'D'], {
      error: 'choose what the school has done (section A, B, C or D)',
    }),
  });
export type NewCase = z.output<ReturnType<typeof newCaseSchema>>;

/**
 * A section as the start card gives it, where section C has two routes in: "C" (a serious incident with risk
 * of permanent exclusion) and "C-further" (a further referral having done everything in section B). The case
 * records the route as the furtherReferral field, which template 2's subject and opening follow.
 */
export function sectionRoute(given: string | undefined): { section?: string; furtherReferral: boolean } {
  if (given === 'C-further') return { section: 'C', furtherReferral: true };
  return { ...(given === undefined ? {} : { section: given }), furtherReferral: false };
}

/**
 * What a coordinator gives to start a county-address case: a City school (not in the directory, so by name)
 * asking about a child who lives in Leicestershire. The flow has one section, R.
 */
export const newCountyCaseSchema = (rule: IdentifierRule) =>
  anonymousByReference(rule, {
    partnership: z.enum(partnershipIds, { error: `choose a partnership: ${partnershipIds.join(', ')}` }),
    schoolName: lineOfText(120),
    student: studentIdentifierSchema(rule),
    meetingType: z.enum(meetingTypes).optional(),
    meetingDate: fieldsSchema.shape.meetingDate.optional(),
  });
export type NewCountyCase = z.output<ReturnType<typeof newCountyCaseSchema>>;

/** What a new case is stored with; the store adds its id, times and history. */
export type NewCaseRecord = Pick<
  CaseRecord,
  | 'partnership'
  | 'conversationId'
  | 'meetingId'
  | 'student'
  | 'schoolId'
  | 'section'
  | 'flowId'
  | 'flowVersion'
  | 'fields'
> &
  Partial<Pick<CaseRecord, 'keyLinkEmail' | 'consent'>>;

/**
 * A city-address referral as it is stored, from the Start card or the side panel's agenda form alike: the school
 * must be one of the partnership's (refused, naming both, when it is another's), and the template fields the
 * case knows from the start are filled in.
 */
export function cityAddressCase(
  input: NewCase,
  directory: Directory,
  context: {
    conversationId: string;
    meetingId: string | null;
    coordinatorName: string;
    flow: Pick<FlowDefinition, 'id' | 'version'>;
    furtherReferral?: boolean;
  },
): Result<
  NewCaseRecord & Pick<CaseRecord, 'consent'>,
  { reason: 'unknownSchool' | 'wrongPartnership'; message: string }
> {
  const found = findSchool(directory, input.schoolId);
  if (!found.ok) return fail({ reason: 'unknownSchool', message: 'choose the school from the list.' });
  const { school, partnership } = found.value;
  if (partnership.id !== input.partnership)
    return fail({
      reason: 'wrongPartnership',
      message: `${school.name} is ${withArticle(partnership.id)} school: choose ${partnership.id}, or ${withArticle(input.partnership)} school.`,
    });
  return ok({
    partnership: input.partnership,
    conversationId: context.conversationId,
    meetingId: context.meetingId,
    student: input.student,
    schoolId: input.schoolId,
    section: input.section,
    flowId: context.flow.id,
    flowVersion: context.flow.version,
    consent: input.consent,
    ...(input.keyLinkEmail ? { keyLinkEmail: input.keyLinkEmail } : {}),
    fields: {
      student: input.student,
      schoolName: school.name,
      partnership: input.partnership,
      coordinatorName: context.coordinatorName,
      ...(input.keyLinkName ? { keyLinkName: input.keyLinkName } : {}),
      ...(context.furtherReferral ? { furtherReferral: true } : {}),
      ...(input.meetingType ? { meetingType: input.meetingType } : {}),
      ...(input.meetingDate ? { meetingDate: input.meetingDate } : {}),
    },
  });
}

/** The stored school id of a City school, which the directory does not list: "city:" and its name as a slug. */
export const citySchoolId = (name: string) =>
  `city:${name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)}`;

/** The flow state of a case now. */
export function caseState(flow: FlowDefinition, record: CaseRecord, values: TextValues): FlowState {
  return interpret(flow, record.section, record.answers, values);
}

/**
 * Where a case stands, in a few words for a list: withdrawn, its outcome, or the question it waits for. A case
 * nobody has answered yet is "On the agenda" where `agenda` is asked for (the side panel's list of a meeting).
 */
export function caseStanding(
  record: Pick<CaseRecord, 'withdrawnAt'>,
  flow: FlowDefinition,
  state: FlowState,
  options: { agenda?: boolean } = {},
): string {
  if (record.withdrawnAt) return 'Withdrawn: started in error';
  if (state.status === 'decided') return `Outcome: ${flow.outcomes[state.outcome]?.label ?? state.outcome}`;
  if (options.agenda && state.path.length === 0) return 'On the agenda';
  return `Waiting for: ${flow.questions[state.next]?.prompt ?? state.next}`;
}

/**
 * The emails the case needs: the outcome's recommendation plus any the coordinator added, and the action plan
 * (template 5, to the school) as soon as the case has one, decided or not.
 */
export function caseEmails(
  state: FlowState,
  record: CaseRecord,
): { template: TemplateId; to: RecipientRole }[] {
  const plan = record.plan ? [{ template: 'T5' as const, to: 'school' as const }] : [];
  if (state.status !== 'decided') return plan;
  const recommended = state.effects.flatMap((effect) =>
    effect.type === 'draftEmail' ? [{ template: effect.template as TemplateId, to: effect.to }] : [],
  );
  const extra = record.extraEmails.filter(
    (email) => !recommended.some((other) => other.template === email.template && other.to === email.to),
  );
  return [...recommended, ...extra, ...plan];
}

/**
 * Which draft an email's "drafted" record is about: the template and recipient, and for the action plan the
 * version and save it was drafted from, so a plan changed afterwards asks for the email again.
 */
export function draftKey(
  email: { template: TemplateId; to: RecipientRole },
  plan: { version: number; saves: number } | null | undefined,
): string {
  const key = `${email.template}/${email.to}`;
  return email.template === 'T5' && plan ? `${key}#${plan.version}.${plan.saves}` : key;
}

export type CaseEvent =
  | { kind: 'created'; detail: { section: string; partnership: PartnershipId; schoolId: string } }
  | {
      kind: 'answered';
      detail: { question: string; answer: unknown; previous: unknown; byVote?: string; fromDirectory?: true };
    }
  | { kind: 'decided'; detail: { outcome: string | null } }
  | {
      kind: 'voteOpened';
      detail: {
        voteId: string;
        question: string;
        anonymous: boolean;
        quorum: number | null;
        eligible: number;
      };
    }
  | { kind: 'voteCast'; detail: { voteId: string; choice?: string } }
  | {
      /** A member the vote was opened for does not vote on it; a named ballot they had cast is withdrawn. */
      kind: 'recused';
      detail: {
        voteId: string;
        memberId: string;
        memberName: string;
        reason: RecusalReason;
        ballotWithdrawn: boolean;
      };
    }
  | {
      kind: 'voteClosed';
      detail: { voteId: string; result: string; tally: Record<string, number>; castingDecision: boolean };
    }
  | {
      kind: 'emailDrafted';
      /** For the action plan (T5): the version and save drafted from, so a later change asks for a redraft. */
      detail: { template: TemplateId; to: RecipientRole; plan?: { version: number; saves: number } };
    }
  | {
      kind: 'planSaved';
      detail: { version: number; actions: number; reviewDate: string; newVersion: boolean };
    }
  | {
      kind: 'planReviewed';
      detail: { version: number; outcome: ReviewOutcome; actions: PlanReview['actions'] };
    }
  /** An administrator put the case on legal hold (purge skips it), or released it. */
  | { kind: 'legalHold'; detail: { reason: string } }
  | { kind: 'legalHoldReleased'; detail: Record<string, never> }
  /** The coordinator put a case to the Core Group though its action plan was not reviewed (seed 002's condition). */
  | { kind: 'coreGroupWithoutReview'; detail: { voteId: string } }
  | { kind: 'withdrawn'; detail: Record<string, never> };

/** Answers one question of a case, returning the changed case and the history it adds. */
export function answerCase(
  flow: FlowDefinition,
  record: CaseRecord,
  questionId: string,
  value: unknown,
  values: TextValues,
  byVote?: string,
): Result<{ record: CaseRecord; state: FlowState; events: CaseEvent[] }, AnswerRefusal> {
  const answered = answerQuestion(flow, record.section, record.answers, questionId, value, values);
  if (!answered.ok) return answered;
  const { answers, state } = answered.value;
  const outcome = state.status === 'decided' ? state.outcome : null;
  const prefilled = record.prefilled.filter((id) => id !== questionId);
  const events: CaseEvent[] = [
    {
      kind: 'answered',
      detail: {
        question: questionId,
        answer: answers[questionId],
        previous: record.answers[questionId] ?? null,
        ...(byVote ? { byVote } : {}),
      },
    },
  ];
  if (outcome !== record.outcome) events.push({ kind: 'decided', detail: { outcome } });
  return ok({ record: { ...record, answers, outcome, prefilled }, state, events });
}

export interface CaseRefusal {
  reason: 'wrongFlowVersion';
  message: string;
}

/** A case is always continued under the flow version it was decided under. */
export function checkFlowVersion(flow: FlowDefinition, record: CaseRecord): Result<true, CaseRefusal> {
  if (record.flowId === flow.id && record.flowVersion === flow.version) return ok(true);
  return fail({
    reason: 'wrongFlowVersion',
    message: `This case was started under ${record.flowId} ${record.flowVersion}; this app runs ${flow.id} ${flow.version}.`,
  });
}
