import { fail, ok, type Result } from '../result.ts';
import { lookup } from '../text/lookup.ts';
import { didYouMean, listOf } from '../text/suggest.ts';
import type { FlowDefinition, QuestionDefinition } from './definition.ts';

/** yes/no → boolean; choice → the option id; checklist → item id → ticked. */
export type AnswerValue = boolean | string | Readonly<Record<string, boolean>>;
export type Answers = Readonly<Record<string, AnswerValue>>;

export interface AnswerProblem {
  reason: 'unknownQuestion' | 'invalidAnswer';
  /** Where the bad value is, e.g. "answers.stepsDone.managedMove". */
  path: string;
  message: string;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Checks one answer against its question; `at` is the path used in messages (e.g. "answers"). */
export function checkAnswer(
  flow: FlowDefinition,
  questionId: string,
  value: unknown,
  at = 'answers',
): Result<AnswerValue, AnswerProblem> {
  const path = `${at}.${questionId}`;
  const question = lookup(flow.questions, questionId);
  if (!question) {
    return fail({
      reason: 'unknownQuestion',
      path,
      message: `"${questionId}" is not a question of this flow${didYouMean(questionId, Object.keys(flow.questions))}; questions are: ${Object.keys(flow.questions).join(', ')}`,
    });
  }
  const invalid = (expected: string, where = path, got: unknown = value) =>
    fail<AnswerProblem>({
      reason: 'invalidAnswer',
      path: where,
      message: `expected ${expected}, got ${describeValue(got)}`,
    });

  switch (question.answer.kind) {
    case 'yesNo':
      return typeof value === 'boolean' ? ok(value) : invalid('true or false');
    case 'choice': {
      const options = question.answer.options.map((option) => option.id);
      if (typeof value === 'string' && options.includes(value)) return ok(value);
      const hint = typeof value === 'string' ? didYouMean(value, options) : '';
      return invalid(`${listOf(options.map((id) => `"${id}"`))}${hint}`);
    }
    case 'checklist': {
      const items = question.answer.items.map((item) => item.id);
      const expected = `an object of ${items.length} booleans (${items.join(', ')})`;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(expected);
      const record = value as Record<string, unknown>;
      const tickOf = (item: string) => lookup(record, item);
      for (const key of Object.keys(record)) {
        if (!items.includes(key)) {
          return fail({
            reason: 'invalidAnswer',
            path: `${path}.${key}`,
            message: `"${key}" is not an item of ${questionId}${didYouMean(key, items)}; items are: ${items.join(', ')}`,
          });
        }
      }
      const ticked: Record<string, boolean> = {};
      for (const item of items) {
        const tick = tickOf(item);
        if (typeof tick !== 'boolean') return invalid('true or false', `${path}.${item}`, tick);
        ticked[item] = tick;
      }
      return ok(ticked);
    }
  }
}

/** Which branch of the question an answer takes, or undefined when the value does not fit the question. */
export function branchOf(question: QuestionDefinition, value: AnswerValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  switch (question.answer.kind) {
    case 'yesNo':
      return typeof value === 'boolean' ? (value ? 'yes' : 'no') : undefined;
    case 'choice':
      return typeof value === 'string' && question.answer.options.some((option) => option.id === value)
        ? value
        : undefined;
    case 'checklist': {
      if (typeof value !== 'object') return undefined;
      return question.answer.items.every((item) => value[item.id] === true) ? 'all' : 'notAll';
    }
  }
}

/** An answer as a person reads it: "Yes", an option's label, or how much of a checklist is done. */
export function answerLabel(question: QuestionDefinition, value: AnswerValue | undefined): string {
  if (value === undefined) return 'Not answered';
  switch (question.answer.kind) {
    case 'yesNo':
      return value === true ? 'Yes' : 'No';
    case 'choice':
      return question.answer.options.find((option) => option.id === value)?.label ?? String(value);
    case 'checklist': {
      const ticked =
        typeof value === 'object' ? question.answer.items.filter((item) => value[item.id] === true) : [];
      return ticked.length === question.answer.items.length
        ? 'All done'
        : `${ticked.length} of ${question.answer.items.length} done`;
    }
  }
}
