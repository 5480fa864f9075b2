import { formatIsoDate } from '../text/dates.ts';
import { studentLabel, type CaseRecord } from '../cases/case.ts';
import type { Directory } from '../directory/directory.ts';
import {
  actionProgress,
  actionProgressLabels,
  ownerIds,
  ownerLabel,
  planSummary,
  reviewDue,
  reviewOutcomeLabels,
  reviewOutcomes,
  type StoredPlan,
} from '../plans/actionPlan.ts';
import { MAX_ROWS, type PlanFormValues } from '../plans/planForm.ts';
import {
  actionSet,
  card,
  execute,
  heading,
  md,
  notice,
  subheading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive.ts';
import { withNoticeBeside, type Notice } from './notices.ts';

/**
 * The Inclusion Forum's action plan on cards: the form the coordinator fills during the discussion (advice,
 * links, agreed actions, review date), the plan's part of the case card, and the review form. The form is the
 * coordinator's own card; the case card everyone sees shows the summary.
 */

function actionRow(directory: Directory, index: number, row: PlanFormValues['actions'][number]): CardElement {
  return {
    type: 'Container',
    separator: true,
    items: [
      text(`Action ${index + 1}`, { weight: 'Bolder', size: 'Small' }),
      {
        type: 'Input.ChoiceSet',
        id: `owner_${index}`,
        label: 'Who',
        style: 'compact',
        placeholder: 'The school, the Partnership or a service',
        choices: ownerIds(directory).map((id) => ({ title: ownerLabel(directory, id), value: id })),
        ...(row.owner ? { value: row.owner } : {}),
      },
      {
        type: 'Input.Text',
        id: `action_${index}`,
        label: 'What is to be done',
        maxLength: 300,
        ...(row.action ? { value: row.action } : {}),
      },
      { type: 'Input.Date', id: `by_${index}`, label: 'By when', ...(row.by ? { value: row.by } : {}) },
    ],
  };
}

export interface PlanFormOptions {
  notice?: Notice;
  /** The outcome's own actions, offered as agreed actions with one click. */
  outcomeActions: readonly string[];
}

/** The form to write or change a case's action plan; a spare empty row is always there for one more action. */
export function planFormCard(
  record: CaseRecord,
  directory: Directory,
  values: PlanFormValues,
  options: PlanFormOptions,
): AdaptiveCard {
  const rows = [...values.actions];
  if (rows.length < MAX_ROWS && rows.every((row) => row.owner !== '' || row.action !== '' || row.by !== ''))
    rows.push({ owner: '', action: '', by: '' });
  const version = record.plan && !record.plan.review ? record.plan.version : (record.plan?.version ?? 0) + 1;
  const body: CardElement[] = [
    heading(`Action plan for case ${md(studentLabel(record))}`),
    text(
      `Version ${version}. Write down the advice given and the actions agreed; the plan is emailed to the school after the meeting (template 5 in the Outlook add-in). Write no names, addresses or contact details of the child or family: say "the student", "the parents".`,
      { isSubtle: true },
    ),
    {
      type: 'Input.Text',
      id: 'advice',
      label: 'Advice given',
      isMultiline: true,
      maxLength: 4000,
      ...(values.advice ? { value: values.advice } : {}),
    },
    ...(directory.resources.length > 0
      ? [
          {
            type: 'Input.ChoiceSet',
            id: 'links',
            label: 'Links to resources and services',
            isMultiSelect: true,
            style: 'compact',
            choices: directory.resources.map((resource) => ({ title: resource.title, value: resource.id })),
            ...(values.links.length > 0 ? { value: values.links.join(',') } : {}),
          },
        ]
      : []),
    subheading('Agreed actions'),
    ...rows.map((row, index) => actionRow(directory, index, row)),
    {
      type: 'Input.Date',
      id: 'reviewDate',
      label: 'Review date',
      isRequired: true,
      errorMessage: 'Choose the date the plan will be reviewed.',
      ...(values.reviewDate ? { value: values.reviewDate } : {}),
    },
  ];
  const data = { caseId: record.id, rows: rows.length };
  const buttons = [
    execute('plan.save', 'Save the plan', data, 'positive'),
    execute('plan.edit', 'Add an action', { ...data, rows: Math.min(MAX_ROWS, rows.length + 1) }),
    ...(options.outcomeActions.length > 0
      ? [execute('plan.edit', 'Add our actions from the outcome', { ...data, addOutcome: true })]
      : []),
    execute('case.show', 'Cancel', { caseId: record.id }),
  ];
  return card(withNoticeBeside(body, options.notice), buttons);
}

/** The plan's part of the case card: its summary and what can be done with it. */
export function planSection(record: CaseRecord, directory: Directory, today: string): CardElement[] {
  const stored = record.plan;
  if (!stored)
    return [
      subheading('Action plan'),
      text('No action plan yet.', { isSubtle: true }),
      actionSet([execute('plan.edit', 'Write the action plan', { caseId: record.id })]),
    ];
  const due = !stored.review && reviewDue(stored.plan, today);
  const lines: CardElement[] = [
    subheading('Action plan'),
    text(`${planSummary(stored.plan)} (version ${stored.version})`),
    ...stored.plan.actions.map((action) =>
      text(
        `- ${md(ownerLabel(directory, action.owner))}: ${md(action.action)} (by ${formatIsoDate(action.by)})`,
        {
          spacing: 'Small',
        },
      ),
    ),
  ];
  if (!stored.review)
    lines.push(
      text('To the school with email template 5: the Outlook add-in fills it from this plan.', {
        isSubtle: true,
      }),
    );
  if (stored.review)
    lines.push(text(`Reviewed: ${reviewOutcomeLabels[stored.review.outcome]}.`, { isSubtle: true }));
  if (due) lines.push(notice('The plan is due for review.', 'warning'));
  const buttons = [
    ...(stored.review ? [] : [execute('plan.edit', 'Change the plan', { caseId: record.id })]),
    ...(stored.review ? [] : [execute('plan.review', 'Review the plan', { caseId: record.id })]),
  ];
  return buttons.length > 0 ? [...lines, actionSet(buttons)] : lines;
}

/** The review of a plan: how each action went, and what happens next. */
export function planReviewCard(
  record: CaseRecord,
  stored: StoredPlan,
  directory: Directory,
  given: Record<string, unknown> = {},
  problem?: Notice,
): AdaptiveCard {
  const valueOf = (id: string) =>
    typeof given[id] === 'string' && given[id] !== '' ? { value: given[id] } : {};
  const body: CardElement[] = [
    heading(`Review the action plan for case ${md(studentLabel(record))}`),
    text(`Version ${stored.version}, due for review on ${formatIsoDate(stored.plan.reviewDate)}.`, {
      isSubtle: true,
    }),
    ...stored.plan.actions.flatMap((action, index): CardElement[] => [
      {
        type: 'Container',
        separator: true,
        items: [
          text(
            `${index + 1}. ${md(ownerLabel(directory, action.owner))}: ${md(action.action)} (by ${formatIsoDate(action.by)})`,
          ),
          {
            type: 'Input.ChoiceSet',
            id: `progress_${index}`,
            label: 'How did it go?',
            style: 'expanded',
            isRequired: true,
            errorMessage: 'Say whether it was done.',
            choices: actionProgress.map((id) => ({ title: actionProgressLabels[id], value: id })),
            ...valueOf(`progress_${index}`),
          },
          {
            type: 'Input.Text',
            id: `note_${index}`,
            label: 'Note (optional)',
            maxLength: 300,
            ...valueOf(`note_${index}`),
          },
        ],
      },
    ]),
    {
      type: 'Input.ChoiceSet',
      id: 'outcome',
      label: 'What happens next',
      style: 'expanded',
      isRequired: true,
      errorMessage: 'Choose what happens next.',
      choices: reviewOutcomes.map((id) => ({ title: reviewOutcomeLabels[id], value: id })),
      ...valueOf('outcome'),
    },
  ];
  return card(withNoticeBeside(body, problem), [
    execute('plan.reviewSave', 'Save the review', { caseId: record.id }, 'positive'),
    execute('case.show', 'Cancel', { caseId: record.id }),
  ]);
}

/**
 * Before a Core Group vote on a case whose action plan has not been reviewed: the seed's entry condition, and a
 * way on (which the case's history records).
 */
export function coreGroupWarningCard(record: CaseRecord, voteData: Record<string, unknown>): AdaptiveCard {
  return card(
    [
      heading(`Put case ${md(studentLabel(record))} to the Core Group?`),
      notice(
        record.plan
          ? 'This case’s action plan has not been reviewed yet.'
          : 'This case has no action plan from an Inclusion Forum.',
        'warning',
      ),
      text(
        'Referrals to the Core Group (Tier 2 and above) are for pupils who have been referred to an Inclusion Forum and have had their action plan reviewed. If you go ahead, the case’s history records that it went to the Core Group without a reviewed plan.',
      ),
    ],
    [
      execute('vote.open', 'Put it to the Core Group anyway', { ...voteData, withoutReview: true }),
      execute('case.show', 'Cancel', { caseId: record.id }),
    ],
  );
}
