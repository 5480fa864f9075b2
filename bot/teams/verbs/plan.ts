import type { CardActionData } from '../../../src/cards/actions.ts';
import { forumSummaryCard, type ForumSummaryItem } from '../../../src/cards/forumCards.ts';
import { planFormCard, planReviewCard } from '../../../src/cards/planCards.ts';
import { listsCase } from '../../../src/auth/policy.ts';
import { caseState, studentLabel, type CaseRecord } from '../../../src/cases/case.ts';
import { emailsStillToDraft } from '../../../src/cases/emailsToDraft.ts';
import { caseFlow } from '../../../src/flows.ts';
import {
  actionsFromOutcome,
  checkActionPlan,
  checkReview,
  defaultReviewDate,
  planSummary,
  reviewOutcomeLabels,
} from '../../../src/plans/actionPlan.ts';
import {
  formValuesFromInputs,
  formValuesOf,
  planInputOf,
  refusalOnForm,
  reviewInputOf,
  reviewRefusalField,
  type PlanFormValues,
} from '../../../src/plans/planForm.ts';
import { reviewPlan, savePlan } from '../../store/actionPlans.ts';
import { casesOfConversation, draftedEmails } from '../../store/cases.ts';
import { actorOf, caseNotFound, refuse, showCase, today, type Acting } from '../acting.ts';
import type { ActionOutcome, Services } from '../services.ts';

/**
 * The Inclusion Forum's action plan on the case card: the form (written in the meeting, the coordinator's own
 * card), saving it (the case card everyone sees then shows its summary), the review, and the forum's summary.
 */

const forumDatesOf = (services: Services, record: CaseRecord) =>
  services.directory.partnerships.find((partnership) => partnership.id === record.partnership)?.forumDates ??
  [];

/** Whether the card sent the form's inputs back (then they are what is shown: nothing typed is lost). */
const hasFormInputs = (data: Record<string, unknown>) =>
  ['advice', 'reviewDate', 'links'].some((key) => key in data) ||
  Object.keys(data).some((key) => /^(owner|action|by)_\d+$/.test(key));

/** What the form starts from: the plan being written, else the last one reviewed, else an empty plan. */
function startingValues(services: Services, record: CaseRecord): PlanFormValues {
  if (record.plan) return formValuesOf(record.plan.plan);
  const meetingDate = record.fields.meetingDate ?? today();
  return {
    advice: '',
    links: [],
    actions: [],
    reviewDate: defaultReviewDate(meetingDate, forumDatesOf(services, record)),
  };
}

function outcomeActionsOf(services: Services, record: CaseRecord): string[] {
  const state = caseState(caseFlow(record), record, services.textValues);
  return state.status === 'decided' ? state.actions : [];
}

export async function editPlan(
  { services }: Acting,
  data: CardActionData<'plan.edit'>,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const given = hasFormInputs(data);
  const values = given ? formValuesFromInputs(data, data.rows ?? 0) : startingValues(services, record);
  const outcomeActions = outcomeActionsOf(services, record);
  let actions = values.actions.filter((row) => row.owner !== '' || row.action.trim() !== '' || row.by !== '');
  if (data.addOutcome) {
    const by = values.reviewDate || startingValues(services, record).reviewDate;
    const added = actionsFromOutcome(outcomeActions, by).filter(
      (action) => !actions.some((row) => row.action.trim() === action.action),
    );
    actions = [...actions, ...added];
  }
  // "Add an action": the card asked for more rows than it had; planFormCard adds the one spare row.
  const extra = Math.max(0, (data.rows ?? 0) - values.actions.length - 1);
  const rows = [...actions, ...Array.from({ length: extra }, () => ({ owner: '', action: '', by: '' }))];
  return {
    card: planFormCard(record, services.directory, { ...values, actions: rows }, { outcomeActions }),
  };
}

export async function savePlanVerb(
  { services, who }: Acting,
  data: CardActionData<'plan.save'>,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const values = formValuesFromInputs(data, data.rows ?? 0);
  const outcomeActions = outcomeActionsOf(services, record);
  const checked = checkActionPlan(planInputOf(values), services.directory);
  if (!checked.ok) {
    const problem = refusalOnForm(values, checked.error);
    return {
      card: planFormCard(record, services.directory, values, {
        outcomeActions,
        notice: refuse(problem.message, problem.field),
      }),
    };
  }
  const saved = await savePlan(services.db, record.id, checked.value, actorOf(who));
  if (!saved.ok) return caseNotFound();
  services.log.event('info', 'plan.saved', {
    caseId: record.id,
    version: saved.value.plan.version,
    actions: checked.value.actions.length,
  });
  return {
    card: showCase(services, saved.value.record, {
      message: `Action plan saved: ${planSummary(checked.value)}.`,
      tone: 'good',
    }),
    shared: showCase(services, saved.value.record),
  };
}

export async function reviewForm({ services }: Acting, record: CaseRecord): Promise<ActionOutcome> {
  const stored = record.plan;
  if (!stored || stored.review)
    return {
      card: showCase(
        services,
        record,
        refuse(stored ? 'This plan has been reviewed already.' : 'This case has no action plan to review.'),
      ),
    };
  return { card: planReviewCard(record, stored, services.directory) };
}

export async function saveReview(
  { services, who }: Acting,
  data: CardActionData<'plan.reviewSave'>,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const stored = record.plan;
  if (!stored || stored.review) return reviewForm({ services } as Acting, record);
  const checked = checkReview(reviewInputOf(data, stored), stored.plan);
  if (!checked.ok)
    return {
      card: planReviewCard(
        record,
        stored,
        services.directory,
        data,
        refuse(`${checked.error.message}.`, reviewRefusalField(checked.error.path)),
      ),
    };
  const reviewed = await reviewPlan(
    services.db,
    record.id,
    checked.value,
    actorOf(who),
    today(),
    forumDatesOf(services, record),
  );
  if (!reviewed.ok) return { card: showCase(services, record, refuse(reviewed.error.message)) };
  services.log.event('info', 'plan.reviewed', {
    caseId: record.id,
    version: stored.version,
    outcome: checked.value.outcome,
  });
  const after = reviewed.value.record;
  const message = `Review saved: ${reviewOutcomeLabels[checked.value.outcome].toLowerCase()}.`;
  // Continuing: the next version is written from the actions not done; the coordinator revises it now.
  const card =
    checked.value.outcome === 'continue'
      ? planFormCard(after, services.directory, formValuesOf(reviewed.value.plan.plan), {
          outcomeActions: outcomeActionsOf(services, after),
          notice: {
            message: `${message} Revise version ${reviewed.value.plan.version} and save it.`,
            tone: 'good',
          },
        })
      : showCase(services, after, { message, tone: 'good' });
  return { card, shared: showCase(services, after) };
}

/** The forum's summary: each case of the meeting, its outcome, its plan, and the emails still to draft. */
export async function forumSummary(
  services: Services,
  conversationId: string,
  coordinates: (record: CaseRecord) => boolean,
) {
  const cases = (await casesOfConversation(services.db, conversationId)).filter(
    (record) => !record.withdrawnAt && coordinates(record),
  );
  const drafted = await draftedEmails(
    services.db,
    cases.map((record) => record.id),
  );
  const items: ForumSummaryItem[] = cases.map((record) => {
    const state = caseState(caseFlow(record), record, services.textValues);
    return {
      student: studentLabel(record),
      schoolName: record.fields.schoolName ?? record.schoolId,
      outcome:
        state.status === 'decided'
          ? (caseFlow(record).outcomes[state.outcome]?.label ?? state.outcome)
          : null,
      plan: record.plan ? planSummary(record.plan.plan) : null,
      emailsToDraft: emailsStillToDraft(
        record,
        state,
        drafted.get(record.id) ?? new Set(),
        services.directory,
      ),
    };
  });
  return { items, card: forumSummaryCard(items) };
}

/** "Finish the forum": the summary replaces the agenda card for everyone in the chat. */
export async function finishForum({ services, where, person }: Acting): Promise<ActionOutcome> {
  const { card, items } = await forumSummary(services, where.conversationId, (record) =>
    listsCase(person, record.partnership),
  );
  services.log.event('info', 'forum.finished', { cases: items.length });
  return { card, shared: card };
}
