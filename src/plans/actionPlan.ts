import { firstProblem } from '../text/problems.ts';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { formatIsoDate, parseIsoDate, type CalendarDate } from '../text/dates.ts';
import { didYouMean } from '../text/suggest.ts';
import { isoDate, lineOfText } from '../text/textSchemas.ts';
import { contactDetailIn, contactDetailRefusal } from '../text/contactDetails.ts';

/**
 * The Inclusion Forum's action plan (seed 002, domain.md "Action plans"): the advice given, with links to
 * resources and services, the agreed actions (who, what, by when) and the date the plan is reviewed. Pure:
 * the bot stores plans as versions, the cards and the add-in show them, template 5 emails them to the school.
 */

/**
 * The part of the directory a plan is checked against: the services that can own an action and the resources
 * its advice can link to (said here rather than imported, as the directory's schema builds on the fields, which
 * hold the plan).
 */
interface Directory {
  services: readonly { id: string; name: string }[];
  resources: readonly { id: string }[];
}

/** Who owns an action: the school, the partnership, or a service of the directory (by id). */
export type Owner = 'school' | 'partnership' | (string & {});

// Advice is free text of a few paragraphs: line breaks are kept, every other control or invisible character
// refused (as in single-line fields), and markup is escaped where it is shown.
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]|[^\P{Cc}\n]/u;
const adviceText = z
  .string({ error: 'expected text' })
  .transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .max(4000, 'at most 4000 characters')
      .refine((value) => !INVISIBLE.test(value), 'must be text without control characters'),
  )
  .superRefine(refuseContactDetails);

function refuseContactDetails(value: string, context: z.RefinementCtx) {
  const found = contactDetailIn(value);
  if (found) context.addIssue({ code: 'custom', message: contactDetailRefusal(found) });
}

const owner = z
  .string({ error: 'choose who will do it: the school, the partnership or a service' })
  .min(1, 'choose who will do it: the school, the partnership or a service')
  .max(40);

export const agreedActionSchema = z.strictObject({
  owner,
  action: lineOfText(300).superRefine(refuseContactDetails),
  by: isoDate,
});

export const actionPlanSchema = z
  .strictObject({
    advice: adviceText.default(''),
    /** Resources of the directory, by id. */
    links: z.array(z.string().min(1).max(60)).max(20).default([]),
    actions: z.array(agreedActionSchema).max(30, 'at most 30 actions').default([]),
    reviewDate: isoDate,
  })
  .refine((plan) => plan.advice !== '' || plan.actions.length > 0, {
    message: 'give the advice or at least one action',
    path: ['advice'],
  });

export type AgreedAction = z.output<typeof agreedActionSchema>;
export type ActionPlan = z.output<typeof actionPlanSchema>;

export interface PlanRefusal {
  reason: 'invalidActionPlan';
  /** Where in the plan, e.g. "actions.0.by"; the card puts the message under that input. */
  path: string;
  message: string;
}

const refusal = (path: string, message: string): PlanRefusal => ({
  reason: 'invalidActionPlan',
  path,
  message,
});

/** Validates a plan (parsed JSON, or a dialog's inputs assembled) and checks its owners and links against the directory. */
export function checkActionPlan(raw: unknown, directory: Directory): Result<ActionPlan, PlanRefusal> {
  const parsed = actionPlanSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys')
      return fail(
        refusal(issue.path.join('.') || '(plan)', `"${issue.keys[0]}" is not part of an action plan`),
      );
    const problem = firstProblem(parsed.error, '(plan)');
    return fail(refusal(problem.path, problem.message));
  }
  const plan = parsed.data;
  const owners = ownerIds(directory);
  for (const [index, action] of plan.actions.entries()) {
    if (!owners.includes(action.owner))
      return fail(
        refusal(
          `actions.${index}.owner`,
          `"${action.owner}" is not the school, the partnership or a service of the directory${didYouMean(action.owner, owners)}`,
        ),
      );
  }
  const resources = directory.resources.map((resource) => resource.id);
  for (const [index, link] of plan.links.entries()) {
    if (!resources.includes(link))
      return fail(
        refusal(
          `links.${index}`,
          `"${link}" is not a resource of the directory${didYouMean(link, resources)}`,
        ),
      );
  }
  return ok(plan);
}

/** Every owner an action can have, in the order a coordinator picks from. */
export function ownerIds(directory: Directory): string[] {
  return ['school', 'partnership', ...directory.services.map((service) => service.id)];
}

/** How an owner is named to a person: "The school", "The Partnership", or the service's name. */
export function ownerLabel(directory: Directory, id: Owner): string {
  if (id === 'school') return 'The school';
  if (id === 'partnership') return 'The Partnership';
  return directory.services.find((service) => service.id === id)?.name ?? id;
}

/** The one line a case card shows: "3 actions, review 15 January 2027". */
export function planSummary(plan: ActionPlan): string {
  const count = plan.actions.length;
  const actions = count === 0 ? 'Advice only' : `${count} action${count === 1 ? '' : 's'}`;
  return `${actions}, review ${formatIsoDate(plan.reviewDate)}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const utc = (date: CalendarDate) => Date.UTC(date.year, date.month - 1, date.day);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * When a plan agreed on `meetingDate` is reviewed, unless the coordinator says otherwise: the partnership's
 * forum nearest to six weeks later (between four and eight weeks on), or six weeks later to the day when no
 * forum dates are configured in that window.
 */
export function defaultReviewDate(meetingDate: string, forumDates: readonly string[]): string {
  const meeting = parseIsoDate(meetingDate);
  if (!meeting) throw new Error(`defaultReviewDate: "${meetingDate}" is not a date`);
  const target = utc(meeting) + 42 * DAY_MS;
  const candidates = forumDates
    .map((date) => parseIsoDate(date))
    .filter((date): date is CalendarDate => date !== undefined)
    .map(utc)
    .filter((ms) => Math.abs(ms - target) <= 14 * DAY_MS)
    .sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b);
  return iso(candidates[0] ?? target);
}

/** Whether a plan is due for review on `today` (YYYY-MM-DD): on or after its review date. */
export const reviewDue = (plan: ActionPlan, today: string) => plan.reviewDate <= today;

// ---- Review ----

export const actionProgress = ['done', 'partlyDone', 'notDone'] as const;
export type ActionProgress = (typeof actionProgress)[number];
export const actionProgressLabels: Record<ActionProgress, string> = {
  done: 'Done',
  partlyDone: 'Partly done',
  notDone: 'Not done',
};

export const reviewOutcomes = ['close', 'continue', 'coreGroup'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];
export const reviewOutcomeLabels: Record<ReviewOutcome, string> = {
  close: 'Close the plan',
  continue: 'Continue with a revised plan',
  coreGroup: 'Refer to the Core Group (Tier 2 and above)',
};

const optionalNote = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
  .pipe(lineOfText(300).optional());

export const planReviewSchema = z.strictObject({
  /** One entry per action of the plan reviewed, in its order. */
  actions: z.array(
    z.strictObject({
      progress: z.enum(actionProgress, { error: 'say whether it was done, partly done or not done' }),
      note: optionalNote,
    }),
  ),
  outcome: z.enum(reviewOutcomes, {
    error: 'choose what happens next: close, continue or refer to the Core Group',
  }),
});
export type PlanReview = z.output<typeof planReviewSchema>;

/** Validates a review against the plan it reviews: one progress for each action. */
export function checkReview(raw: unknown, plan: ActionPlan): Result<PlanReview, PlanRefusal> {
  const parsed = planReviewSchema.safeParse(raw);
  if (!parsed.success) {
    const problem = firstProblem(parsed.error, '(review)');
    return fail(refusal(problem.path, problem.message));
  }
  if (parsed.data.actions.length !== plan.actions.length)
    return fail(refusal('actions', `the plan has ${plan.actions.length} actions; say how each one went`));
  return ok(parsed.data);
}

/** The agreed actions a decided city-address outcome offers with one click: the Partnership's own actions. */
export function actionsFromOutcome(outcomeActions: readonly string[], by: string): AgreedAction[] {
  return outcomeActions.map((action) => ({
    owner: 'partnership',
    // An outcome's action can run to a paragraph; an agreed action is one line, so it is cut at a sentence.
    action: oneLine(action),
    by,
  }));
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 300) return flat;
  const cut = flat.slice(0, 299);
  const sentence = cut.lastIndexOf('. ');
  return sentence > 100 ? cut.slice(0, sentence + 1) : `${cut.trimEnd()}…`;
}

/** One version of a case's plan as stored: the plan, who saved it, and its review once reviewed. */
export interface StoredPlan {
  version: number;
  plan: ActionPlan;
  /** How many times this version was saved; an email drafted from an earlier save needs drafting again. */
  saves: number;
  savedAt: string;
  savedByName: string | null;
  review: PlanReview | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
}

/** Whether a case's plan has been reviewed: the seed's condition for a Core Group referral (Tier 2 and above). */
export const hasReviewedPlan = (stored: StoredPlan | null) =>
  stored !== null && (stored.review !== null || stored.version > 1);

/** Where a case's plan stands, in a few words for lists and the forum's summary. */
export function planStanding(stored: StoredPlan | null, today: string): string {
  if (!stored) return 'No action plan yet';
  if (stored.review)
    return `Plan version ${stored.version} reviewed: ${reviewOutcomeLabels[stored.review.outcome].toLowerCase()}`;
  return reviewDue(stored.plan, today)
    ? `Plan due for review (${formatIsoDate(stored.plan.reviewDate)})`
    : planSummary(stored.plan);
}

/**
 * The next version when a review continues the plan: the same advice and links, the actions not done yet, and a
 * review about six weeks after the review.
 */
export function continuedPlan(
  stored: StoredPlan,
  review: PlanReview,
  reviewedOn: string,
  forumDates: readonly string[],
): ActionPlan {
  return {
    ...stored.plan,
    actions: stored.plan.actions.filter((_, index) => review.actions[index]?.progress !== 'done'),
    reviewDate: defaultReviewDate(reviewedOn, forumDates),
  };
}
