import type { z } from 'zod';

/**
 * How a zod refusal is said, in one place: every input checked with a schema (card data, API bodies, settings,
 * flows, plans) turns its issues into these, so a message always names the place that is wrong.
 */
export interface Problem {
  /** Dotted path of what is wrong, e.g. `actions.1.by`; `whole` when the input as a whole is. */
  path: string;
  message: string;
}

/** Every problem zod found, each with its dotted path (`whole` names the input itself). */
export function problemsOf(error: z.ZodError, whole = '(the input)'): Problem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || whole,
    message: issue.message,
  }));
}

/** The first problem zod found. */
export function firstProblem(error: z.ZodError, whole = '(the input)'): Problem {
  return problemsOf(error, whole)[0] ?? { path: whole, message: 'not valid' };
}

/** The first problem as one line: `actions.1.by: Give a date`. */
export function firstProblemText(error: z.ZodError, whole = '(the input)'): string {
  const problem = firstProblem(error, whole);
  return `${problem.path}: ${problem.message}`;
}
