import type { z } from 'zod';
import type { SettingsProblem } from '../../../src/api/adminContract.ts';
import { problemsOf } from '../../../src/text/problems.ts';

/** Messages keyed by the dotted path of the field they are about, e.g. `panel.2.schoolId`. */
export type FieldProblems = Record<string, string>;

/** The first message for each path, from the zod schema's check or the service's 400. */
export function problemsByPath(issues: readonly SettingsProblem[]): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) problems[issue.path] ??= issue.message;
  return problems;
}

export function problemsOfZod(error: z.ZodError): FieldProblems {
  return problemsByPath(problemsOf(error, ''));
}

/**
 * A form's problems: those under its part of the document (`panel.2`) keyed by the rest of their path
 * (`schoolId`) when the form has that field, and every other one as a sentence to show above its buttons.
 */
export function splitProblems(
  problems: FieldProblems,
  prefix: string,
  fields: readonly string[],
): { fields: FieldProblems; others: string[] } {
  const start = prefix === '' ? '' : `${prefix}.`;
  const byField: FieldProblems = {};
  const others: string[] = [];
  for (const [path, message] of Object.entries(problems)) {
    const field = path.startsWith(start) ? path.slice(start.length) : undefined;
    if (field !== undefined && fields.includes(field)) byField[field] = message;
    else others.push(path ? `${path}: ${message}` : message);
  }
  return { fields: byField, others };
}
