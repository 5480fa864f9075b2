import { fail, ok, type Result } from '../result.ts';
import { lookup } from '../text/lookup.ts';
import { didYouMean } from '../text/suggest.ts';
import { branchOf, checkAnswer, type AnswerProblem, type AnswerValue, type Answers } from './answers.ts';
import type { FlowDefinition, FollowUpDefinition, RecipientRole } from './definition.ts';

/** Something the caller should do once an outcome is reached. The interpreter never does it itself. */
export type FlowEffect =
  { type: 'draftEmail'; template: string; to: RecipientRole } | { type: 'followUp'; text: string };

interface StateBase {
  flowId: string;
  flowVersion: string;
  section: string;
  /** The questions answered on the way here, in order. Answers off this path are kept but do not count. */
  path: string[];
  /** Facts established by the answers on the path (e.g. the partnership for the district the child lives in). */
  facts: Record<string, string>;
}

export type FlowState =
  | (StateBase & { status: 'asking'; next: string })
  | (StateBase & {
      status: 'decided';
      outcome: string;
      actions: string[];
      cityExpectation: string | null;
      followUps: string[];
      effects: FlowEffect[];
    });

export interface SectionProblem {
  reason: 'unknownSection';
  path: string;
  message: string;
}

/** Values for {placeholders} in outcome texts that come from outside the answers (e.g. directory contacts). */
export type TextValues = Readonly<Record<string, string>>;

export function findSection(
  flow: FlowDefinition,
  sectionId: unknown,
  at = 'section',
): Result<string, SectionProblem> {
  const known = Object.keys(flow.sections);
  if (typeof sectionId === 'string' && lookup(flow.sections, sectionId)) return ok(sectionId);
  const hint = typeof sectionId === 'string' ? didYouMean(sectionId, known) : '';
  return fail({
    reason: 'unknownSection',
    path: at,
    message: `expected one of ${known.map((id) => `"${id}"`).join(', ')}${hint}, got ${JSON.stringify(sectionId) ?? 'nothing'}`,
  });
}

function fillPlaceholders(text: string, values: TextValues): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

function followUpTexts(
  flow: FlowDefinition,
  followUp: FollowUpDefinition,
  answers: Answers,
  values: TextValues,
): string[] {
  if (followUp.kind === 'text') return [fillPlaceholders(followUp.text, values)];
  const question = flow.questions[followUp.question];
  if (!question || question.answer.kind !== 'checklist') return [];
  const answer = answers[followUp.question];
  return question.answer.items
    .filter((item) => followUp.kind === 'eachItem' || typeof answer !== 'object' || answer[item.id] !== true)
    .map((item) => fillPlaceholders(followUp.text, { ...values, item: item.label }));
}

/**
 * The facts an answer sets. A value written `{name}` is the directory's (a district's partnership), filled from
 * the text values; one the directory does not have is left unset, so nothing shows a placeholder.
 */
export function resolveSets(
  sets: Readonly<Record<string, string>> | undefined,
  values: TextValues,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(sets ?? {}).flatMap(([key, value]) => {
      const reference = /^\{([^{}]+)\}$/.exec(value)?.[1];
      if (reference === undefined) return [[key, value]];
      const filled = values[reference];
      return filled === undefined ? [] : [[key, filled]];
    }),
  );
}

/**
 * Walks a section from its start with the answers given and returns where the case stands: the next question
 * to ask, or the outcome with the effects to run. Pure: the same answers always give the same state, so
 * changing an earlier answer is just calling it again.
 */
export function interpret(
  flow: FlowDefinition,
  sectionId: string,
  answers: Answers,
  values: TextValues = {},
): FlowState {
  const section = lookup(flow.sections, sectionId);
  if (!section) throw new Error(`Unknown section "${sectionId}": check it with findSection first`);
  const base = { flowId: flow.id, flowVersion: flow.version, section: sectionId };
  const path: string[] = [];
  const facts: Record<string, string> = {};
  let stepId = section.start;

  // The definition was checked to be acyclic, so this walk always ends; the bound is a second line of defence.
  for (let guard = 0; guard <= Object.keys(section.steps).length; guard++) {
    const step = section.steps[stepId];
    const question = flow.questions[stepId];
    if (!step || !question) break;
    const branch = branchOf(question, lookup(answers, stepId));
    if (branch === undefined) return { ...base, status: 'asking', path, facts, next: stepId };
    path.push(stepId);
    if (question.answer.kind === 'choice') {
      const chosen = question.answer.options.find((option) => option.id === branch);
      Object.assign(facts, resolveSets(chosen?.sets, values));
    }
    const target = step.on[branch];
    if (!target) break;
    if ('next' in target) {
      stepId = target.next;
      continue;
    }
    const outcome = flow.outcomes[target.outcome];
    if (!outcome) break;
    const texts = { ...values, ...facts };
    const followUps = outcome.followUps.flatMap((followUp) => followUpTexts(flow, followUp, answers, texts));
    return {
      ...base,
      status: 'decided',
      path,
      facts,
      outcome: target.outcome,
      actions: outcome.actions.flatMap((action) =>
        typeof action === 'string'
          ? [fillPlaceholders(action, texts)]
          : followUpTexts(flow, { ...action, kind: 'eachUnticked' }, answers, texts),
      ),
      cityExpectation:
        outcome.cityExpectation === null ? null : fillPlaceholders(outcome.cityExpectation, texts),
      followUps,
      effects: [
        ...outcome.emails.map((email) => ({ type: 'draftEmail' as const, ...email })),
        ...followUps.map((text) => ({ type: 'followUp' as const, text })),
      ],
    };
  }
  throw new Error(
    `Flow "${flow.id}" section ${sectionId} is broken at "${stepId}": was it checked with checkFlow?`,
  );
}

export interface AnswerRefusal {
  reason: AnswerProblem['reason'] | 'notAskedYet';
  path: string;
  message: string;
}

/**
 * Answers (or changes the answer to) one question. Only questions already on the path, or the one being asked,
 * can be answered: a later question's answer depends on the earlier ones. Returns the new answers and state.
 */
export function answerQuestion(
  flow: FlowDefinition,
  sectionId: string,
  answers: Answers,
  questionId: string,
  value: unknown,
  values: TextValues = {},
): Result<{ answers: Answers; state: FlowState }, AnswerRefusal> {
  const checked = checkAnswer(flow, questionId, value);
  if (!checked.ok) return checked;
  const current = interpret(flow, sectionId, answers, values);
  const askable = current.status === 'asking' ? [...current.path, current.next] : current.path;
  if (!askable.includes(questionId)) {
    return fail({
      reason: 'notAskedYet',
      path: `answers.${questionId}`,
      message: `"${questionId}" is not asked at this point of section ${sectionId}; answer ${current.status === 'asking' ? `"${current.next}"` : 'an earlier question'} first`,
    });
  }
  const next: Record<string, AnswerValue> = { ...answers, [questionId]: checked.value };
  return ok({ answers: next, state: interpret(flow, sectionId, next, values) });
}
