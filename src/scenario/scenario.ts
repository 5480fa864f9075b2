import type { z } from 'zod';
import type { Directory } from '../directory/directory.ts';
import { checkAnswer, type AnswerValue } from '../flow/answers.ts';
import type { RecipientRole } from '../flow/definition.ts';
import { findSection, interpret } from '../flow/interpret.ts';
import { defaultFlowId, flowIds, flows, flowTextValues, isFlowId } from '../flows.ts';
import { fail, ok, type Result } from '../result.ts';
import { emailTemplates, type TemplateId } from '../templates/emailTemplates.ts';
import { fieldIds, fieldsSchema, type FieldId, type Fields } from '../templates/fields.ts';
import { renderEmail } from '../templates/render.ts';
import { checkActionPlan } from '../plans/actionPlan.ts';
import { didYouMean } from '../text/suggest.ts';
import { firstProblem } from '../text/problems.ts';

/**
 * The scenario runner's contract: one case as JSON in, where it stands and the emails it needs out. Shared by
 * the `npm run flow` command and the tests; pure, so it can run anywhere the core runs.
 */

export interface ScenarioEmail {
  template: TemplateId;
  to: RecipientRole;
  subject: string;
  html: string;
  text: string;
  /** Fields the template still needs; while any are missing, html and text are empty, and so is the subject
   * unless the fields it needs are known. */
  missing: FieldId[];
}

export interface ScenarioOutput {
  outcome: string | null;
  next: string | null;
  path: string[];
  actions: string[];
  cityExpectation: string | null;
  followUps: string[];
  emails: ScenarioEmail[];
}

export interface ScenarioError {
  reason:
    | 'invalidJson'
    | 'invalidInput'
    | 'unknownFlow'
    | 'unknownSection'
    | 'unknownQuestion'
    | 'invalidAnswer'
    | 'unknownField'
    | 'invalidField'
    | 'unknownPartnership'
    | 'invalidActionPlan';
  /** The offending place in the input, e.g. "answers.cityBapMember" or "fields.partnership". */
  path: string;
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops keys whose value is null: JSON producers often write null for "not given". */
const withoutNulls = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));

function describeInput(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}

function fieldError(error: z.ZodError, input: Record<string, unknown>): ScenarioError {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      reason: 'unknownField',
      path: `fields.${key}`,
      message: `"${key}" is not a field${didYouMean(key, fieldIds)}; fields are: ${fieldIds.join(', ')}`,
    };
  }
  const problem = firstProblem(error, '');
  const key = problem.path.split('.')[0] ?? '';
  return {
    reason: key === 'partnership' ? 'unknownPartnership' : 'invalidField',
    path: `fields.${key}`,
    message: `${problem.message}, got ${describeInput(input[key])}`,
  };
}

/** The object under `key`; absent or null means empty. */
function objectAt(
  input: Record<string, unknown>,
  key: string,
): Result<Record<string, unknown>, ScenarioError> {
  const value = input[key] ?? {};
  if (isObject(value)) return ok(value);
  return fail({
    reason: 'invalidInput',
    path: key,
    message: `expected an object, got ${describeInput(value)}`,
  });
}

/** Parses the JSON text of a scenario and runs it. */
export function runScenarioText(text: string, directory: Directory): Result<ScenarioOutput, ScenarioError> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable';
    return fail({ reason: 'invalidJson', path: '(input)', message: `not JSON: ${detail}` });
  }
  return runScenario(input, directory);
}

/** Runs one scenario: validates every answer and field, walks the flow, renders the recommended emails. */
export function runScenario(input: unknown, directory: Directory): Result<ScenarioOutput, ScenarioError> {
  if (!isObject(input)) {
    return fail({
      reason: 'invalidInput',
      path: '(input)',
      message: `expected a JSON object, got ${describeInput(input)}`,
    });
  }
  // "flow" names the flow by id; absent (or null) is the city-address flow, as before there were two.
  const flowId = input.flow ?? defaultFlowId;
  if (!isFlowId(flowId)) {
    const hint = typeof flowId === 'string' ? didYouMean(flowId, flowIds) : '';
    return fail({
      reason: 'unknownFlow',
      path: 'flow',
      message: `expected one of ${flowIds.map((id) => `"${id}"`).join(', ')}${hint}, got ${describeInput(flowId)}`,
    });
  }
  const flow = flows[flowId];
  // A flow with a single section (the county-address flow's R) needs no "section".
  const sections = Object.keys(flow.sections);
  const section = findSection(
    flow,
    (input.section ?? null) === null && sections.length === 1 ? sections[0] : input.section,
  );
  if (!section.ok) return section;

  const rawAnswers = objectAt(input, 'answers');
  if (!rawAnswers.ok) return rawAnswers;
  const answers: Record<string, AnswerValue> = {};
  for (const [questionId, value] of Object.entries(withoutNulls(rawAnswers.value))) {
    const checked = checkAnswer(flow, questionId, value);
    if (!checked.ok) return checked;
    answers[questionId] = checked.value;
  }

  const rawFields = objectAt(input, 'fields');
  if (!rawFields.ok) return rawFields;
  const parsedFields = fieldsSchema.safeParse(withoutNulls(rawFields.value));
  if (!parsedFields.success) return fail(fieldError(parsedFields.error, rawFields.value));

  // An Inclusion Forum's action plan, when the case has one: emailed to the school as template 5.
  let actionPlan: Fields['actionPlan'];
  if ((input.actionPlan ?? null) !== null) {
    const checked = checkActionPlan(input.actionPlan, directory);
    if (!checked.ok) return fail({ ...checked.error, path: `actionPlan.${checked.error.path}` });
    actionPlan = checked.value;
  }

  const state = interpret(flow, section.value, answers, flowTextValues(directory));
  const render = (template: TemplateId, to: RecipientRole, fields: Fields): ScenarioEmail => {
    const rendered = renderEmail(emailTemplates[template], fields, directory);
    return rendered.ok
      ? { template, to, ...rendered.email, missing: [] }
      : { template, to, subject: rendered.subject ?? '', html: '', text: '', missing: rendered.missing };
  };
  const planEmail = (fields: Fields) =>
    actionPlan ? [render('T5', 'school', { ...fields, actionPlan })] : [];
  if (state.status === 'asking') {
    return ok({
      outcome: null,
      next: state.next,
      path: state.path,
      actions: [],
      cityExpectation: null,
      followUps: [],
      emails: planEmail(parsedFields.data),
    });
  }

  // What the outcome implies (e.g. PSP3 in section C) unless the case says otherwise.
  const defaults: Fields = fieldsSchema.parse(flow.outcomes[state.outcome]?.fieldDefaults ?? {});
  const fields: Fields = { ...defaults, ...parsedFields.data };
  const emails = state.effects.flatMap((effect): ScenarioEmail[] =>
    effect.type === 'draftEmail' ? [render(effect.template as TemplateId, effect.to, fields)] : [],
  );
  emails.push(...planEmail(fields));
  return ok({
    outcome: state.outcome,
    next: null,
    path: state.path,
    actions: state.actions,
    cityExpectation: state.cityExpectation,
    followUps: state.followUps,
    emails,
  });
}
