import { problemsOf } from '../text/problems.ts';
import type { z } from 'zod';
import { didYouMean } from '../text/suggest.ts';
import {
  branchesOf,
  flowDefinitionSchema,
  type FlowDefinition,
  type FlowDefinitionInput,
} from './definition.ts';

/** One thing wrong with a flow definition: where (a dotted path into the data), what, and how to fix it. */
export interface FlowProblem {
  reason:
    | 'shape'
    | 'unknownQuestion'
    | 'unknownStep'
    | 'unknownOutcome'
    | 'unknownTemplate'
    | 'missingBranch'
    | 'unknownBranch'
    | 'unreachableStep'
    | 'unusedOutcome'
    | 'wrongSection'
    | 'cycle'
    | 'unknownField'
    | 'unknownPlaceholder'
    | 'notAChecklist';
  path: string;
  message: string;
}

/** Thrown when a built-in definition is broken: a programming error, so it fails loudly at load time. */
export class FlowDefinitionError extends Error {
  readonly problems: readonly FlowProblem[];
  constructor(flowId: string, problems: readonly FlowProblem[]) {
    super(
      `The flow definition "${flowId}" is not valid:\n` +
        problems.map((problem) => `  - ${problem.path}: ${problem.message}`).join('\n'),
    );
    this.name = 'FlowDefinitionError';
    this.problems = problems;
  }
}

export interface FlowCheckContext {
  /** The template ids that exist; every email an outcome recommends must name one of them. */
  templateIds: readonly string[];
  /** The field ids that exist; outcome field defaults must name one of them. */
  fieldIds: readonly string[];
  /** {placeholders} outcome texts may use besides the facts that answers set (e.g. directory contacts). */
  textValueNames?: readonly string[];
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

function placeholderProblems(path: string, text: string, allowed: readonly string[]): FlowProblem[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? '')
    .filter((name) => !allowed.includes(name))
    .map((name) => ({
      reason: 'unknownPlaceholder' as const,
      path,
      message: `{${name}} is not a value outcome texts can use${didYouMean(name, allowed)}; they are: ${allowed.join(', ') || '(none)'}`,
    }));
}

function shapeProblems(error: z.ZodError): FlowProblem[] {
  return problemsOf(error, '(the definition)').map((problem) => ({ reason: 'shape' as const, ...problem }));
}

/**
 * Checks a definition's shape and meaning. Returns the parsed definition, or every problem found, each with
 * the path to fix and, where a name looks like a typo, the name that was probably meant.
 */
export function checkFlow(
  raw: FlowDefinitionInput | unknown,
  context: FlowCheckContext,
): { ok: true; flow: FlowDefinition } | { ok: false; problems: FlowProblem[] } {
  const parsed = flowDefinitionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: shapeProblems(parsed.error) };
  const flow = parsed.data;
  const problems: FlowProblem[] = [];
  const questionIds = Object.keys(flow.questions);
  const outcomeIds = Object.keys(flow.outcomes);
  const reachedOutcomes = new Set<string>();

  for (const [sectionId, section] of Object.entries(flow.sections)) {
    const stepIds = Object.keys(section.steps);
    const base = `sections.${sectionId}`;
    if (!section.steps[section.start]) {
      problems.push({
        reason: 'unknownStep',
        path: `${base}.start`,
        message: `"${section.start}" is not a step of section ${sectionId}${didYouMean(section.start, stepIds)}; add it to ${base}.steps or start at one of: ${stepIds.join(', ')}`,
      });
    }

    for (const [questionId, step] of Object.entries(section.steps)) {
      const path = `${base}.steps.${questionId}`;
      const question = flow.questions[questionId];
      if (!question) {
        problems.push({
          reason: 'unknownQuestion',
          path,
          message: `there is no question "${questionId}"${didYouMean(questionId, questionIds)}; define it under questions or rename the step`,
        });
        continue;
      }
      const branches = branchesOf(question.answer);
      for (const branch of branches) {
        if (!step.on[branch]) {
          problems.push({
            reason: 'missingBranch',
            path: `${path}.on`,
            message: `the answer "${branch}" leads nowhere; add on.${branch} with { next: <question> } or { outcome: <outcome> }`,
          });
        }
      }
      for (const [branch, target] of Object.entries(step.on)) {
        const targetPath = `${path}.on.${branch}`;
        if (!branches.includes(branch)) {
          problems.push({
            reason: 'unknownBranch',
            path: targetPath,
            message: `"${branch}" is not an answer to ${questionId}${didYouMean(branch, branches)}; its answers are: ${branches.join(', ')}`,
          });
        }
        if ('next' in target && !section.steps[target.next]) {
          problems.push({
            reason: 'unknownStep',
            path: `${targetPath}.next`,
            message: `"${target.next}" is not a step of section ${sectionId}${didYouMean(target.next, stepIds)}`,
          });
        }
        if ('outcome' in target) {
          const outcome = flow.outcomes[target.outcome];
          if (!outcome) {
            problems.push({
              reason: 'unknownOutcome',
              path: `${targetPath}.outcome`,
              message: `there is no outcome "${target.outcome}"${didYouMean(target.outcome, outcomeIds)}; define it under outcomes`,
            });
          } else if (outcome.section !== sectionId) {
            problems.push({
              reason: 'wrongSection',
              path: `${targetPath}.outcome`,
              message: `outcome "${target.outcome}" belongs to section ${outcome.section}, not ${sectionId}; point to a section ${sectionId} outcome or move it`,
            });
          } else {
            reachedOutcomes.add(target.outcome);
          }
        }
      }
    }

    problems.push(...reachabilityProblems(sectionId, section.start, section.steps));
  }

  const facts = Object.values(flow.questions).flatMap((question) =>
    question.answer.kind === 'choice'
      ? question.answer.options.flatMap((option) => Object.keys(option.sets ?? {}))
      : [],
  );
  const textValues = [...(context.textValueNames ?? []), ...new Set(facts)];

  for (const [outcomeId, outcome] of Object.entries(flow.outcomes)) {
    const path = `outcomes.${outcomeId}`;
    outcome.actions.forEach((action, index) => {
      if (typeof action === 'string') {
        problems.push(...placeholderProblems(`${path}.actions.${index}`, action, textValues));
        return;
      }
      problems.push(
        ...placeholderProblems(`${path}.actions.${index}.text`, action.text, [...textValues, 'item']),
      );
      if (flow.questions[action.question]?.answer.kind !== 'checklist') {
        problems.push({
          reason: 'notAChecklist',
          path: `${path}.actions.${index}.question`,
          message: `"${action.question}" is not a checklist question; an eachUnticked action lists a checklist's unticked items`,
        });
      }
    });
    if (outcome.cityExpectation !== null) {
      problems.push(...placeholderProblems(`${path}.cityExpectation`, outcome.cityExpectation, textValues));
    }
    if (!outcomeId.startsWith(`${outcome.section}.`)) {
      problems.push({
        reason: 'wrongSection',
        path: `${path}.section`,
        message: `outcome ids start with their section letter: "${outcomeId}" says ${outcomeId[0]}, section says ${outcome.section}`,
      });
    }
    if (!reachedOutcomes.has(outcomeId)) {
      problems.push({
        reason: 'unusedOutcome',
        path,
        message: `no answer leads to this outcome; point a step's branch to it or remove it`,
      });
    }
    outcome.emails.forEach((email, index) => {
      if (!context.templateIds.includes(email.template)) {
        problems.push({
          reason: 'unknownTemplate',
          path: `${path}.emails.${index}.template`,
          message: `there is no email template "${email.template}"${didYouMean(email.template, context.templateIds)}; templates are: ${context.templateIds.join(', ')}`,
        });
      }
    });
    outcome.followUps.forEach((followUp, index) => {
      const allowed = followUp.kind === 'text' ? textValues : [...textValues, 'item'];
      problems.push(...placeholderProblems(`${path}.followUps.${index}.text`, followUp.text, allowed));
      if (followUp.kind === 'text') return;
      const question = flow.questions[followUp.question];
      if (!question || question.answer.kind !== 'checklist') {
        problems.push({
          reason: 'notAChecklist',
          path: `${path}.followUps.${index}.question`,
          message: `"${followUp.question}" is not a checklist question; ${followUp.kind} follow-ups list a checklist's items`,
        });
      }
    });
    for (const field of Object.keys(outcome.fieldDefaults)) {
      if (!context.fieldIds.includes(field)) {
        problems.push({
          reason: 'unknownField',
          path: `${path}.fieldDefaults.${field}`,
          message: `there is no field "${field}"${didYouMean(field, context.fieldIds)}`,
        });
      }
    }
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, flow };
}

/** Every step must be reachable from the start, and no path may loop back on itself. */
function reachabilityProblems(
  sectionId: string,
  start: string,
  steps: FlowDefinition['sections'][string]['steps'],
): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const reached = new Set<string>();
  const visit = (stepId: string, trail: string[]): void => {
    if (trail.includes(stepId)) {
      problems.push({
        reason: 'cycle',
        path: `sections.${sectionId}.steps.${trail[trail.length - 1]}`,
        message: `answers loop back to "${stepId}" (${[...trail, stepId].join(' → ')}); a flow must always reach an outcome`,
      });
      return;
    }
    const step = steps[stepId];
    if (!step) return;
    reached.add(stepId);
    for (const target of Object.values(step.on)) {
      if ('next' in target) visit(target.next, [...trail, stepId]);
    }
  };
  visit(start, []);
  for (const stepId of Object.keys(steps)) {
    if (!reached.has(stepId)) {
      problems.push({
        reason: 'unreachableStep',
        path: `sections.${sectionId}.steps.${stepId}`,
        message: `no answer leads to "${stepId}" from the start (${start}); link to it from another step or remove it`,
      });
    }
  }
  return problems;
}

/** Checks a built-in definition and throws if it is broken, so a bad edit fails at start-up and in tests. */
export function defineFlow(raw: FlowDefinitionInput, context: FlowCheckContext): FlowDefinition {
  const result = checkFlow(raw, context);
  if (!result.ok) {
    const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(unnamed)';
    throw new FlowDefinitionError(id, result.problems);
  }
  return result.flow;
}
