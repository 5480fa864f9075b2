import type { CaseDetail, EmailToDraft } from '../../../src/api/contract.ts';
import type { Directory } from '../../../src/directory/directory.ts';
import type { EmailTemplate } from '../../../src/templates/emailTemplates.ts';
import type { FieldId, Fields } from '../../../src/templates/fields.ts';
import { fieldsUsedBy, renderEmail } from '../../../src/templates/render.ts';

/**
 * What the task pane makes of a case's emails: the fields they are filled from (with the action plan, which is
 * recorded on the case card in Teams and never typed here), how each email stands, and which fields a template
 * can do without.
 */

/** Shown instead of a control when template 5 has no plan to fill it from. */
export const NO_ACTION_PLAN = 'Record the action plan on the case card in Teams first.';

/** Shown beside an action plan email drafted from an earlier version of the plan. */
export const REDRAFT = 'The action plan has changed since this was drafted: draft it again';

/** Shown on an anonymous case (no parental consent). */
export const ANONYMOUS_CASE = 'Anonymous case: parents have not consented; it is named by a reference only';

/**
 * The fields a case's emails are rendered with: what the case knows, and its action plan as the structured
 * field `actionPlan`. A plan can only come from the case's own record (`CaseDetail.actionPlan`), never from its
 * plain fields.
 */
export function caseFields(detail: Pick<CaseDetail, 'fields' | 'actionPlan'>): Fields {
  const { actionPlan: _notFromFields, ...known } = detail.fields as Fields & Record<string, unknown>;
  return { ...(known as Fields), ...(detail.actionPlan ? { actionPlan: detail.actionPlan } : {}) };
}

/** How an email of the case stands, in words, or nothing while it is simply still to draft. */
export function emailStanding(email: Pick<EmailToDraft, 'drafted' | 'redraft'>): string | undefined {
  if (email.drafted) return 'Drafted';
  if (email.redraft) return REDRAFT;
  return undefined;
}

/**
 * The fields a template uses only in optional words: it renders without them. T1's sentence about the meeting
 * is optional; template 5 always names the meeting, so there the meeting is required.
 */
export function optionalFieldsOf(template: EmailTemplate, directory: Directory): FieldId[] {
  const rendered = renderEmail(template, {}, directory);
  const required = rendered.ok ? [] : rendered.missing;
  return fieldsUsedBy(template).filter((field) => !required.includes(field));
}
