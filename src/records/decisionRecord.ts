import { studentLabel, type CaseRecord } from '../cases/case.ts';
import { describeEvent } from '../cases/historyText.ts';
import type { Directory } from '../directory/directory.ts';
import { answerLabel, type AnswerValue } from '../flow/answers.ts';
import type { FlowDefinition } from '../flow/definition.ts';
import type { FlowState } from '../flow/interpret.ts';
import { reviewOutcomeLabels, type StoredPlan } from '../plans/actionPlan.ts';
import { emailTemplates, type TemplateId } from '../templates/emailTemplates.ts';
import { meetingTypeLabels } from '../templates/fields.ts';
import { formatDateTime } from '../text/dates.ts';
import { recusalReasons, type RecusalReason, type VoteView } from '../votes/vote.ts';

/**
 * A case's decision record (the partnership agreement, clause 10.1): everything decided and by whom, for the
 * Authority and its auditors. Built from what the store keeps; the student is named only as the case is (the
 * identifier, or "Anonymous case …"), never more.
 */

export interface RecordEvent {
  at: string;
  by: string | null;
  kind: string;
  detail: Record<string, unknown>;
}

export interface RecordVote extends Pick<
  VoteView,
  'id' | 'question' | 'options' | 'anonymous' | 'status' | 'result' | 'castingDecision' | 'tally'
> {
  /** Named votes only: who chose what. */
  ballots: { name: string; choice: string }[];
  recused: { name: string; reason: RecusalReason }[];
}

export interface DecisionRecord {
  caseId: string;
  partnership: { id: string; name: string };
  school: string;
  meeting: { type: string | null; date: string | null };
  /** The identifier, or "Anonymous case …". */
  case: string;
  anonymous: boolean;
  flow: { id: string; version: string };
  section: string;
  startedAt: string;
  startedBy: string | null;
  withdrawnAt: string | null;
  legalHold: { since: string; reason: string | null } | null;
  answers: {
    question: string;
    answer: string;
    by: string | null;
    at: string;
    byVote: boolean;
    fromDirectory: boolean;
    /** A change of an earlier answer: what it was. */
    previous: string | null;
  }[];
  votes: {
    question: string;
    options: string[];
    anonymous: boolean;
    status: string;
    result: string | null;
    tally: Record<string, number>;
    castingDecision: boolean;
    /** Who voted what, for a named vote; empty for an anonymous one. */
    voters: { name: string; choice: string }[];
    /** Named voters whose choice was not the result. */
    dissented: string[];
    recused: { name: string; reason: string }[];
  }[];
  outcome: { id: string; label: string; actions: string[]; cityExpectation: string | null } | null;
  coreGroupOutcome: string | null;
  actionPlans: {
    version: number;
    savedAt: string;
    savedBy: string | null;
    plan: StoredPlan['plan'];
    review:
      | (NonNullable<StoredPlan['review']> & { at: string | null; by: string | null; outcomeLabel: string })
      | null;
  }[];
  emails: { template: string; title: string; to: string; at: string; by: string | null }[];
  /** Every event in order, as the history card words it. */
  history: { at: string; by: string | null; text: string }[];
}

const labelOf = (vote: RecordVote, id: string | null) =>
  id === null ? null : (vote.options.find((option) => option.id === id)?.label ?? id);

export function buildDecisionRecord(input: {
  record: CaseRecord;
  flow: FlowDefinition;
  state: FlowState;
  events: readonly RecordEvent[];
  votes: readonly RecordVote[];
  plans: readonly StoredPlan[];
  directory: Directory;
  legalHold: { since: Date; reason: string | null } | null;
}): DecisionRecord {
  const { record, flow, state, events, votes, plans, directory } = input;
  const partnership = directory.partnerships.find((candidate) => candidate.id === record.partnership);
  const school =
    partnership?.schools.find((candidate) => candidate.id === record.schoolId)?.name ??
    record.fields.schoolName ??
    record.schoolId;
  const question = (id: unknown) =>
    id === 'coreGroupDecision'
      ? 'The Core Group decision'
      : (flow.questions[String(id)]?.prompt ?? String(id));
  const answer = (id: unknown, value: unknown) => {
    const definition = flow.questions[String(id)];
    if (definition) return answerLabel(definition, value as AnswerValue);
    return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  };
  const coreGroup = [...votes]
    .reverse()
    .find((vote) => vote.question === 'coreGroupDecision' && vote.status === 'closed');
  return {
    caseId: record.id,
    partnership: { id: record.partnership, name: partnership?.name ?? record.partnership },
    school,
    meeting: {
      type: record.fields.meetingType ? meetingTypeLabels[record.fields.meetingType] : null,
      date: record.fields.meetingDate ?? null,
    },
    case: studentLabel(record),
    anonymous: !record.consent,
    flow: { id: record.flowId, version: record.flowVersion },
    section: flow.sections[record.section]?.label ?? record.section,
    startedAt: record.createdAt.toISOString(),
    startedBy: events.find((event) => event.kind === 'created')?.by ?? null,
    withdrawnAt: record.withdrawnAt ? record.withdrawnAt.toISOString() : null,
    legalHold: input.legalHold
      ? { since: input.legalHold.since.toISOString(), reason: input.legalHold.reason }
      : null,
    answers: events
      .filter((event) => event.kind === 'answered')
      .map((event) => ({
        question: question(event.detail.question),
        answer: answer(event.detail.question, event.detail.answer),
        by: event.by,
        at: event.at,
        byVote: Boolean(event.detail.byVote),
        fromDirectory: Boolean(event.detail.fromDirectory),
        previous:
          event.detail.previous === null || event.detail.previous === undefined
            ? null
            : answer(event.detail.question, event.detail.previous),
      })),
    votes: votes.map((vote) => ({
      question: question(vote.question),
      options: vote.options.map((option) => option.label),
      anonymous: vote.anonymous,
      status: vote.status,
      result: labelOf(vote, vote.result),
      tally: Object.fromEntries(vote.options.map((option) => [option.label, vote.tally[option.id] ?? 0])),
      castingDecision: vote.castingDecision,
      voters: vote.anonymous
        ? []
        : vote.ballots.map((ballot) => ({ name: ballot.name, choice: labelOf(vote, ballot.choice) ?? '' })),
      dissented:
        vote.anonymous || vote.result === null
          ? []
          : vote.ballots.filter((ballot) => ballot.choice !== vote.result).map((ballot) => ballot.name),
      recused: vote.recused.map((member) => ({ name: member.name, reason: recusalReasons[member.reason] })),
    })),
    outcome:
      state.status === 'decided'
        ? {
            id: state.outcome,
            label: flow.outcomes[state.outcome]?.label ?? state.outcome,
            actions: state.actions,
            cityExpectation: state.cityExpectation,
          }
        : null,
    coreGroupOutcome: coreGroup ? labelOf(coreGroup, coreGroup.result) : null,
    actionPlans: plans.map((stored) => ({
      version: stored.version,
      savedAt: stored.savedAt,
      savedBy: stored.savedByName,
      plan: stored.plan,
      review: stored.review
        ? {
            ...stored.review,
            at: stored.reviewedAt,
            by: stored.reviewedByName,
            outcomeLabel: reviewOutcomeLabels[stored.review.outcome],
          }
        : null,
    })),
    emails: events
      .filter((event) => event.kind === 'emailDrafted')
      .map((event) => ({
        template: String(event.detail.template),
        title: emailTemplates[event.detail.template as TemplateId]?.title ?? String(event.detail.template),
        to: event.detail.to === 'lps' ? 'the Leicester Partnership School' : 'the school',
        at: event.at,
        by: event.by,
      })),
    history: events.map((event) => ({
      at: event.at,
      by: event.by,
      text: describeEvent(flow, { kind: event.kind as never, detail: event.detail }),
    })),
  };
}

/** "20 November 2026 at 14:05" for the printed record. */
export const recordTime = (iso: string) => formatDateTime(new Date(iso));
