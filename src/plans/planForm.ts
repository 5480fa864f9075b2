import type { ActionPlan, PlanRefusal, StoredPlan } from './actionPlan.ts';

/**
 * The action plan's card form and back: a card's inputs are flat strings (`advice`, `links` as "a,b",
 * `reviewDate`, and `owner_N`, `action_N`, `by_N` for each row of actions), so the plan is assembled from them
 * here, and a refusal's path ("actions.1.by") is turned into the input it is about ("by_1").
 */

/** The most rows of actions a plan card shows (a plan holds at most 30). */
export const MAX_ROWS = 30;

/** What the form shows: the values as typed, kept when a save is refused so nothing is lost. */
export interface PlanFormValues {
  advice: string;
  links: string[];
  reviewDate: string;
  actions: { owner: string; action: string; by: string }[];
}

export const formValuesOf = (plan: ActionPlan): PlanFormValues => ({
  advice: plan.advice,
  links: [...plan.links],
  reviewDate: plan.reviewDate,
  actions: plan.actions.map((action) => ({ ...action })),
});

const stringAt = (inputs: Record<string, unknown>, key: string) => {
  const value = inputs[key];
  return typeof value === 'string' ? value : '';
};

/** The form's values from a card's inputs; `rows` is how many rows of actions the card had. */
export function formValuesFromInputs(inputs: Record<string, unknown>, rows: number): PlanFormValues {
  const count = Math.max(0, Math.min(MAX_ROWS, Math.trunc(rows)));
  return {
    advice: stringAt(inputs, 'advice'),
    links: stringAt(inputs, 'links')
      .split(',')
      .map((link) => link.trim())
      .filter((link) => link !== ''),
    reviewDate: stringAt(inputs, 'reviewDate').trim(),
    actions: Array.from({ length: count }, (_, index) => ({
      owner: stringAt(inputs, `owner_${index}`).trim(),
      action: stringAt(inputs, `action_${index}`),
      by: stringAt(inputs, `by_${index}`).trim(),
    })),
  };
}

/**
 * The plan the form describes, for checkActionPlan. A row left wholly empty is not an action (the card always
 * offers a spare row); a row partly filled is kept, so the check names what it lacks.
 */
export function planInputOf(values: PlanFormValues): Record<string, unknown> {
  const actions = values.actions.filter(
    (row) => row.owner !== '' || row.action.trim() !== '' || row.by !== '',
  );
  return {
    advice: values.advice,
    links: values.links,
    actions: actions.map((row) => ({ owner: row.owner, action: row.action, by: row.by })),
    ...(values.reviewDate === '' ? {} : { reviewDate: values.reviewDate }),
  };
}

/** The rows that were kept by planInputOf, so a refusal about "actions.1" names the right row of the card. */
function keptRows(values: PlanFormValues): number[] {
  return values.actions.flatMap((row, index) =>
    row.owner !== '' || row.action.trim() !== '' || row.by !== '' ? [index] : [],
  );
}

const actionFieldNames: Record<string, string> = {
  owner: 'who will do it',
  action: 'what is to be done',
  by: 'by when',
};

/** A refusal as the card shows it: under the input it is about, saying which action and which part. */
export function refusalOnForm(
  values: PlanFormValues,
  refusal: PlanRefusal,
): { field: string; message: string } {
  const [head, index, part] = refusal.path.split('.');
  if (head === 'actions' && index !== undefined && part !== undefined) {
    const row = keptRows(values)[Number(index)] ?? 0;
    return {
      field: `${part}_${row}`,
      message: `Action ${row + 1}, ${actionFieldNames[part] ?? part}: ${refusal.message}.`,
    };
  }
  if (head === 'reviewDate')
    return {
      field: 'reviewDate',
      message: `Review date: ${values.reviewDate === '' ? 'choose the date the plan will be reviewed' : refusal.message}.`,
    };
  if (head === 'links') return { field: 'links', message: `Links: ${refusal.message}.` };
  if (head === 'advice') return { field: 'advice', message: `Advice: ${refusal.message}.` };
  return { field: 'actions', message: `${refusal.message}.` };
}

/** The review form's inputs: `progress_N` and `note_N` for each action, and `outcome`. */
export function reviewInputOf(inputs: Record<string, unknown>, plan: StoredPlan): Record<string, unknown> {
  return {
    actions: plan.plan.actions.map((_, index) => ({
      progress: stringAt(inputs, `progress_${index}`) || undefined,
      note: stringAt(inputs, `note_${index}`),
    })),
    outcome: stringAt(inputs, 'outcome') || undefined,
  };
}

/** A review refusal's input: "actions.2.progress" is `progress_2`. */
export function reviewRefusalField(path: string): string {
  const [head, index, part] = path.split('.');
  if (head === 'actions' && index !== undefined && part !== undefined) return `${part}_${index}`;
  return 'outcome';
}
